"""Who sees the library and who adds its services to which office.

Platform administrators (superusers, the installation's Administrators group) see every model service,
version and office using it, and may add services to any office. An office's administrators and
communications staff (its groups `<code>: ผู้ดูแลระบบ`, `<code>: เจ้าหน้าที่ประชาสัมพันธ์`) add them to their
own office's catalogue only.
"""

from home import groups as g
from offices.groups import group_name
from offices.models import Office

#: The office roles that add services from the library (they edit the office's catalogue).
ADOPTING_ROLES = (g.ADMINISTRATORS, g.COMMUNICATIONS_STAFF)


def is_platform_admin(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=g.ADMINISTRATORS).exists())


def offices_for(user):
    """The offices whose catalogue `user` may add library services to (and update them in)."""
    if not user.is_authenticated or not user.is_active:
        return Office.objects.none()
    if is_platform_admin(user):
        return Office.objects.select_related("site")
    names = set(user.groups.values_list("name", flat=True))
    codes = [name.split(": ", 1)[0] for name in names if ": " in name]
    allowed = [code for code in codes if any(group_name(code, role) in names for role in ADOPTING_ROLES)]
    return Office.objects.filter(code__in=allowed).select_related("site")


def can_use_library(user) -> bool:
    return is_platform_admin(user) or offices_for(user).exists()
