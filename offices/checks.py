"""`manage.py check --deploy`: with several offices, one that has no staff groups of its own (the
first office of an upgraded installation). Its staff are in the installation's groups, which reach
every office."""

from django.core import checks
from django.db import DatabaseError

from offices.models import Office

NO_GROUPS = "offices.W001"


@checks.register(checks.Tags.security, deploy=True)
def offices_without_groups(app_configs=None, **kwargs):
    try:
        offices = list(Office.objects.filter(groups__isnull=True).order_by("code"))
        several = Office.objects.count() > 1
    except (DatabaseError, RuntimeError):  # not migrated yet; a test without the database
        return []
    if not several:
        return []
    return [
        checks.Warning(
            f"Office {office.code} has no staff groups of its own: its staff are in the installation's "
            "groups, which reach every office.",
            hint=f"Run `manage.py create_office_groups {office.code}`, then move its staff into them.",
            id=NO_GROUPS,
            obj=office,
        )
        for office in offices
    ]
