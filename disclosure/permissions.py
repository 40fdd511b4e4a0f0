"""Who keeps which office's checklist.

Holding the model permissions (`disclosure.change_disclosureitem` …) is not enough on its own: it says
*what* a member of staff may do, and their groups say *for which office*. A platform administrator
(`offices.scope`) and a holder through one of the installation's groups (which reach every office, as
everywhere in Tambon) keep every office's list; a holder through an office's group only that office's.
The data migration gives the permissions to communications staff (the installation's group and every
office's) and to every office's administrators; `create_office` copies them to new offices' groups.
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.permission_policies import ModelPermissionPolicy

from offices.models import Office
from offices.scope import is_platform_administrator


def offices_for(user, actions=("change",)):
    """The offices whose checklist `user` may act on with any of `actions` ("add", "change", …)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Office.objects.none()
    if is_platform_administrator(user):
        return Office.objects.all()
    permissions = Permission.objects.filter(
        content_type__app_label="disclosure",
        codename__in=[f"{action}_disclosureitem" for action in actions],
    )
    if user.user_permissions.filter(pk__in=permissions).exists():
        return Office.objects.all()
    groups = user.groups.filter(permissions__in=permissions)
    if groups.filter(office_group__isnull=True).exists():
        return Office.objects.all()
    return Office.objects.filter(groups__group__in=groups).distinct()


class DisclosurePermissionPolicy(ModelPermissionPolicy):
    def user_has_any_permission(self, user, actions):
        return offices_for(user, actions).exists()

    def user_has_permission(self, user, action):
        return self.user_has_any_permission(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model.objects.filter(office__in=offices_for(user, actions))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return offices_for(user, actions).filter(pk=instance.office_id).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


class OwnOfficeObjectMixin:
    """Another office's item opened by its URL answers as a missing one would: no permission."""

    def get_object(self, *args, **kwargs):
        try:
            instance = super().get_object(*args, **kwargs)
        except Http404:
            raise PermissionDenied from None
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["change", "delete", "view"], instance
        ):
            raise PermissionDenied
        return instance


class OwnOfficeListingMixin:
    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "delete", "view"]
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk")).select_related("office")
