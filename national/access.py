"""Who may open the national overview: platform administrators only."""

from casework.access import HANDLE_ALL_PERMISSION
from offices.scope import offices_of


def is_platform_administrator(user) -> bool:
    """A superuser, or a holder of the "every request" permission who belongs to no office's group:
    the overview shows every office, which an office's own staff must not see."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_perm(HANDLE_ALL_PERMISSION) and not offices_of(user).exists()
