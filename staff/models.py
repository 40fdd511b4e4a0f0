"""An office's staff as its administrators manage them (`staff.services`).

There is no table of our own: a member of staff is a Django user in one or more of an office's groups
(`offices.OfficeGroup`). The proxy model only carries the permission that lets an office's
administrators manage their own office's staff; `offices.groups.OFFICE_ADMINISTRATION` grants it to
every new office's administrators' group, `staff/0002` to the existing ones.
"""

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


class OfficeStaffMember(User):
    class Meta:
        proxy = True
        default_permissions = ()
        permissions = [("manage_office_staff", "Can invite and manage their own office's staff")]
        verbose_name = _("member of an office's staff")
        verbose_name_plural = _("office staff")
