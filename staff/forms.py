"""The forms of the office staff screens: the groups offered are always the office's own."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from casework.models import ServiceHandler
from home import groups as g
from staff import services

ROLE_HELP = {
    g.ADMINISTRATORS: _("Every request of the office, its settings and its staff."),
    g.PERMIT_OFFICERS: _("Requests of the e-services given to this group in Service handlers."),
    g.COMMUNICATIONS_STAFF: _("The office's pages, news and documents; approves junior editors' changes."),
    g.JUNIOR_EDITORS: _("Writes pages; communications staff approve them before they are published."),
}


class OfficeGroupsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, office, **kwargs):
        groups = services.office_groups(office)
        super().__init__(
            queryset=Group.objects.filter(pk__in=[group.pk for group in groups]).select_related(
                "office_group"
            ),
            **kwargs,
        )
        self.handled = {}
        for handler in ServiceHandler.objects.filter(group__in=groups).select_related("service"):
            self.handled.setdefault(handler.group_id, []).append(handler.service.title)

    def label_from_instance(self, group):
        role = getattr(getattr(group, "office_group", None), "role", "")
        text = f"{group.name} — {ROLE_HELP.get(role, '')}".rstrip(" —")
        services_ = self.handled.get(group.pk)
        if services_:
            text += " (" + ", ".join(sorted(services_)) + ")"
        return text


class GroupsForm(forms.Form):
    def __init__(self, office, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"] = OfficeGroupsField(
            office,
            label=_("Groups in your office"),
            required=False,
            help_text=_("What they may do in this office. Their work for any other office is not changed."),
        )

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        if not groups:
            raise forms.ValidationError(_("Choose at least one group."))
        return groups


class InviteForm(GroupsForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=150,
        help_text=_("The invitation is sent here; it is also their username."),
    )
    field_order = ["first_name", "last_name", "email", "groups"]

    def __init__(self, office, *args, **kwargs):
        super().__init__(office, *args, **kwargs)
        self.fields["groups"].help_text = _("What they may do in this office.")
        self.order_fields(self.field_order)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if services.find_account(email) is not None:
            raise forms.ValidationError(
                _(
                    "An account with this email address already exists. A platform administrator can add "
                    "it to your office."
                )
            )
        return email
