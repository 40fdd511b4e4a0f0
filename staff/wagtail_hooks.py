from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from staff.services import offices_managed_by


@hooks.register("register_admin_urls")
def office_staff_urls():
    return [path("office-staff/", include("staff.urls"))]


class OfficeStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return offices_managed_by(request.user).exists()


@hooks.register("register_settings_menu_item")
def office_staff_menu_item():
    return OfficeStaffMenuItem(_("Office staff"), reverse("office_staff:index"), icon_name="group", order=605)
