from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from config.security.models import AccessLog
from config.security.subject_requests import can_handle


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include("config.security.urls"))]


@hooks.register("register_admin_urls")
def subject_request_urls():
    return [path("subject-requests/", include("config.security.subject_requests"))]


class SubjectRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_handle(request.user)


@hooks.register("register_settings_menu_item")
def subject_requests_menu_item():
    return SubjectRequestsMenuItem(
        _("Data-subject requests"), reverse("security_subject_requests:search"), icon_name="user"
    )


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


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The audit log is read (and exported) by administrators; nobody adds, edits or deletes it."""

    def user_has_permission(self, user, action):
        return (
            action == "view"
            and user.is_active
            and (user.is_superuser or user.has_perm("security.view_accesslog"))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AccessLogViewSet(ModelViewSet):
    model = AccessLog
    icon = "history"
    menu_label = _("Personal data log")
    add_to_settings_menu = True
    list_display = ["at", "username", "action", "object_type", "object_label", "detail", "ip_address"]
    list_filter = ["action", "object_type", "at"]
    search_fields = ["username", "object_label", "object_id", "detail"]
    list_export = [
        "at",
        "username",
        "action",
        "object_type",
        "object_id",
        "object_label",
        "detail",
        "ip_address",
    ]
    export_filename = "personal-data-access-log"
    inspect_view_enabled = True
    form_fields = []


register_permission_policy(AccessLog, ReadOnlyPolicy(AccessLog))


@hooks.register("register_admin_viewset")
def access_log_viewset():
    return AccessLogViewSet("personal_data_log")
