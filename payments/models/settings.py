from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from payments.fields import SatangField


@register_setting(icon="tag")
class PaymentSettings(BaseGenericSetting):
    """What the administrator decides about payments."""

    refund_approval_threshold = SatangField(
        _("refunds above this amount need a second officer (baht)"),
        default=100000,
        help_text=_("A refund larger than this is only sent once another officer approves it."),
    )
    receipt_note_th = models.CharField(_("note at the foot of receipts (Thai)"), max_length=255, blank=True)
    receipt_note_en = models.CharField(
        _("note at the foot of receipts (English)"), max_length=255, blank=True
    )

    panels = [
        FieldPanel("refund_approval_threshold"),
        FieldPanel("receipt_note_th"),
        FieldPanel("receipt_note_en"),
    ]

    class Meta:
        verbose_name = _("payment settings")
