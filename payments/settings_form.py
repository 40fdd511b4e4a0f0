"""*Settings › Payment settings*: the ways citizens may pay online, and each provider's own options.

The providers are not named here: the choices and the option fields come from the registry, and each
provider's options are kept in `PaymentSettings.provider_options[<id>]`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel

from payments import providers

SEPARATOR = "__"


def option_field_name(provider_id: str, name: str) -> str:
    return f"{provider_id}{SEPARATOR}{name}"


def enabled_ids(settings, office=None) -> list[str]:
    """The ids of the providers the office's citizens are offered, in registry order; unknown ids are
    dropped."""
    known = providers.ids()
    if settings.online_providers is None:
        office = office or settings.site.office
        return [p.id for p in providers.all_providers(office) if p.enabled_by_default() and p.is_configured()]
    return [pid for pid in known if pid in settings.online_providers]


class PaymentSettingsForm(WagtailAdminModelForm):
    online_providers = forms.MultipleChoiceField(
        label=_("Ways to pay online"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Citizens choose among these on the payment page. With none, fees are paid at the office "
            "only (officers record them under Payments)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The providers as they work for this office: its credentials decide what can be enabled.
        self.providers = providers.all_providers(self.instance.site.office)
        self.fields["online_providers"].choices = [
            (p.id, p.name if p.is_configured() else f"{p.name} – {p.unavailable_reason()}")
            for p in self.providers
        ]
        self.initial["online_providers"] = enabled_ids(self.instance)
        stored = self.instance.provider_options or {}
        for provider in self.providers:
            for name, field in provider.settings_fields().items():
                field.initial = stored.get(provider.id, {}).get(name, field.initial)
                self.fields[option_field_name(provider.id, name)] = field

    def _values(self, provider):
        return {
            name: self.cleaned_data.get(option_field_name(provider.id, name))
            for name in provider.settings_fields()
        }

    def clean(self):
        cleaned = super().clean()
        chosen = set(cleaned.get("online_providers") or [])
        for provider in self.providers:
            if provider.id in chosen and not provider.is_configured():
                self.add_error("online_providers", provider.unavailable_reason())
            values = self._values(provider)
            errors = provider.clean_settings(values, enabled=provider.id in chosen)
            for name, value in values.items():  # the provider may have normalised them
                cleaned[option_field_name(provider.id, name)] = value
            for name, message in errors.items():
                self.add_error(option_field_name(provider.id, name), message)
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        instance.online_providers = list(self.cleaned_data.get("online_providers") or [])
        options = dict(instance.provider_options or {})
        for provider in self.providers:
            values = self._values(provider)
            if values:
                options[provider.id] = values
        instance.provider_options = options
        if commit:
            instance.save()
        return instance


class ProviderOptionsPanel(Panel):
    """The option fields one provider declared, rendered like Wagtail's own fields. They are added to
    the form in `PaymentSettingsForm.__init__`, so they are not model fields (no `get_form_options`)."""

    def __init__(self, provider_id, **kwargs):
        self.provider_id = provider_id
        super().__init__(**kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "provider_id": self.provider_id}

    class BoundPanel(Panel.BoundPanel):
        template_name = "payments/admin/provider_options_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            prefix = option_field_name(self.panel.provider_id, "")
            context["fields"] = [self.form[name] for name in self.form.fields if name.startswith(prefix)]
            return context


def edit_handler():
    panels = [FieldPanel("online_providers")]
    for provider in providers.all_providers():
        if provider.settings_fields():
            panels.append(MultiFieldPanel([ProviderOptionsPanel(provider.id)], heading=provider.name))
    panels += [
        MultiFieldPanel(
            [
                FieldPanel("refund_approval_threshold"),
                FieldPanel("receipt_note_th"),
                FieldPanel("receipt_note_en"),
            ],
            heading=_("Refunds and receipts"),
        )
    ]
    return ObjectList(panels, base_form_class=PaymentSettingsForm)
