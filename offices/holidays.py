"""Who keeps which office's local holidays in the admin.

An office's administrators (members of its administrators' group, `offices.scope`) keep their
own office's days and see no other office's: a day they could add for another office would move that
office's deadlines. Platform administrators (the model permissions, which the installation's
Administrators hold) keep every office's. The national holidays stay the platform administrators'
(`casework.Holiday`).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from offices import scope
from offices.models import LocalHoliday, Office


def administered_offices(user):
    """The offices `user` administers (`offices.scope`), kept on the user object for the request."""
    cached = getattr(user, "_tambon_administered_offices", None)
    if cached is None:
        cached = scope.administered_offices(user)
        user._tambon_administered_offices = cached
    return cached


class LocalHolidayPermissionPolicy(ModelPermissionPolicy):
    """The model permissions (platform administrators: every office), or an office's administrators on
    their own office's days."""

    def _for_every_office(self, user, actions):
        return any(ModelPermissionPolicy.user_has_permission(self, user, action) for action in actions)

    def user_has_permission(self, user, action):
        return self.user_has_any_permission(user, [action])

    def user_has_any_permission(self, user, actions):
        return self._for_every_office(user, actions) or administered_offices(user).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if self._for_every_office(user, actions):
            return self.model.objects.all()
        return self.model.objects.filter(office__in=administered_offices(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self._for_every_office(user, actions) or (
            administered_offices(user).filter(pk=instance.office_id).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


permission_policy = LocalHolidayPermissionPolicy(LocalHoliday)


def offices_for(user):
    """The offices whose local holidays `user` may add or change."""
    if permission_policy._for_every_office(user, ["add", "change"]):
        return Office.objects.all()
    return administered_offices(user)


class LocalHolidayForm(WagtailAdminModelForm):
    """The office is one of the user's (the only one, already chosen, for most)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields["office"]
        field.queryset = offices_for(for_user) if for_user else Office.objects.none()
        if len(field.queryset) == 1:
            field.initial = field.queryset[0].pk
            field.empty_label = None
        field.help_text = _("Counted in this office's deadlines only.")

    def clean_office(self):
        office = self.cleaned_data["office"]
        if office not in self.fields["office"].queryset:
            raise forms.ValidationError(_("Choose one of your offices."))
        return office


class OwnOfficeObjectMixin:
    """A holiday of an office the user does not keep is answered exactly as a missing one: Wagtail's
    "no permission" (back to the admin home), as the inbox answers another office's request."""

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
