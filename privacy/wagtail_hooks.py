from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from offices.scope import administered_offices, is_platform_administrator
from privacy.models import AccessLog
from privacy.views import can_handle


@hooks.register("register_admin_urls")
def subject_request_urls():
    return [path("subject-requests/", include("privacy.urls"))]


class SubjectRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_handle(request.user)


@hooks.register("register_settings_menu_item")
def subject_requests_menu_item():
    return SubjectRequestsMenuItem(
        _("Data-subject requests"), reverse("privacy_subject_requests:search"), icon_name="user"
    )


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The audit log is read (and exported) by administrators; nobody adds, edits or deletes it."""

    def user_has_permission(self, user, action):
        return (
            action == "view"
            and user.is_active
            and (user.is_superuser or user.has_perm("privacy.view_accesslog"))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def entries_for(user, queryset):
    """Platform administrators read every entry; an office's administrators their own office's."""
    if is_platform_administrator(user):
        return queryset
    return queryset.filter(office__in=administered_offices(user))


class OfficeIndexView(IndexView):
    def get_base_queryset(self):
        return entries_for(self.request.user, super().get_base_queryset())


class OfficeInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            entries_for(self.request.user, AccessLog.objects.all()), pk=unquote(str(self.pk))
        )


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
    index_view_class = OfficeIndexView
    inspect_view_class = OfficeInspectView
    form_fields = []


register_permission_policy(AccessLog, ReadOnlyPolicy(AccessLog))


@hooks.register("register_admin_viewset")
def access_log_viewset():
    return AccessLogViewSet("personal_data_log")
