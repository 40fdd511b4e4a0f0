from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include("security.urls"))]


class StaffDevicesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("auth.change_user")


@hooks.register("register_settings_menu_item")
def staff_devices_menu_item():
    return StaffDevicesMenuItem(_("Two-factor sign-in"), reverse("security:staff_devices"), icon_name="lock")


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    actions.register_action(
        "tambon.two_factor_enrolled", _("Set up two-factor sign-in"), _("Set up two-factor sign-in")
    )
    actions.register_action(
        "tambon.two_factor_reset", _("Reset two-factor sign-in"), _("Reset two-factor sign-in")
    )
