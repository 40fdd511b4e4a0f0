from django.db import models
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from offices.permissions import OfficeSitePermissionPolicy
from payments.fields import SatangField


@register_setting(icon="tag")
class PaymentSettings(BaseSiteSetting):
    """What an office decides about payments: which providers citizens may pay through, each
    provider's own options, refunds and receipts. One row per office (its site): read it for the
    office of the request or payment (`for_office(submission.office)`), never for the site of the
    host a member of staff happens to use."""

    # None until the administrator chooses: then each provider's `enabled_by_default()` decides (so a
    # site keeps offering what it offered before this setting existed).
    # An empty list means counter payments only.
    online_providers = models.JSONField(_("ways to pay online"), null=True, blank=True, default=None)
    # {provider id: {option: value}}, filled from the fields each provider declares (`settings_fields`).
    provider_options = models.JSONField(default=dict, blank=True)
    refund_approval_threshold = SatangField(
        _("refunds above this amount need a second officer (baht)"),
        default=100000,
        help_text=_("A refund larger than this is only sent once another officer approves it."),
    )
    receipt_note_th = models.CharField(_("note at the foot of receipts (Thai)"), max_length=255, blank=True)
    receipt_note_en = models.CharField(
        _("note at the foot of receipts (English)"), max_length=255, blank=True
    )

    class Meta:
        verbose_name = _("payment settings")

    @classmethod
    def for_office(cls, office):
        return cls.for_site(office.site)

    @classmethod
    def get_permission_policy(cls):
        """The office's administrators change their own office's settings (see `offices.permissions`)."""
        return OfficeSitePermissionPolicy(cls)

    @classproperty
    def edit_handler(cls):
        """Built when the settings page is first opened, once every provider has registered, so a
        new provider's options appear without editing this model."""
        from payments.settings_form import edit_handler  # noqa: PLC0415 — the form uses this model

        return edit_handler()
