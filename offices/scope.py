"""Which offices a member of staff works for, and in which role.

Platform administrators (the installation's groups, not an office's) are not limited by office; an
office's administrators see everything of their own office; other staff what their groups are given.
"""

from home import groups as g
from offices.models import Office


def offices_of(user, role=None):
    """The offices whose staff groups `user` belongs to (in `role`, if given), as a queryset."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Office.objects.none()
    groups = {"groups__group__user": user}
    if role:
        groups["groups__role"] = role
    return Office.objects.filter(**groups).distinct()


def administered_offices(user):
    """The offices `user` administers (a member of the office's administrators' group)."""
    return offices_of(user, g.ADMINISTRATORS)


def is_platform_administrator(user) -> bool:
    """Staff of the whole installation (who may manage offices), not of one office: every screen that
    shows or acts on every office asks this (offices, shared processing, the library, the personal-data
    log, data-subject requests, the national overview). Belonging to an office's group as well changes
    nothing. Seeing every office's requests is its own permission (`casework.access.handles_all`), which
    the installation's Administrators group holds too."""
    return bool(user and user.is_active and (user.is_superuser or user.has_perm("offices.change_office")))
