"""Who sees the library and who adds its services to which office.

Platform administrators (superusers, the installation's Administrators group) see every model service,
version and office using it, and may add services to any office. An office's administrators and
communications staff (its groups `<code>: ผู้ดูแลระบบ`, `<code>: เจ้าหน้าที่ประชาสัมพันธ์`) add them to their
own office's catalogue only.
"""

from home import groups as g
from offices.models import Office
from offices.scope import is_platform_administrator

#: The office roles that add services from the library (they edit the office's catalogue).
ADOPTING_ROLES = (g.ADMINISTRATORS, g.COMMUNICATIONS_STAFF)


def offices_for(user):
    """The offices whose catalogue `user` may add library services to (and update them in)."""
    if not user.is_authenticated or not user.is_active:
        return Office.objects.none()
    if is_platform_administrator(user):
        return Office.objects.select_related("site")
    return (
        Office.objects.filter(groups__group__user=user, groups__role__in=ADOPTING_ROLES)
        .distinct()
        .select_related("site")
    )


def can_use_library(user) -> bool:
    return is_platform_administrator(user) or offices_for(user).exists()
