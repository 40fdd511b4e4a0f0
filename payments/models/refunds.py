"""Refunds an officer asks for; above the administrator's threshold a second officer approves.

Only `payments.refund_transitions` creates refunds and changes their status."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from payments.constants import RefundStatus
from payments.fields import SatangField


class Refund(models.Model):
    payment = models.ForeignKey("payments.Payment", on_delete=models.PROTECT, related_name="refunds")
    amount = SatangField(_("amount (baht)"))
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=20, choices=RefundStatus.choices, db_index=True)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The provider that sends the money back (the payment's; "" for the counter) and its refund id.
    provider = models.CharField(_("provider"), max_length=30, blank=True, default="")
    provider_reference = models.CharField(
        _("provider's refund reference"), max_length=255, null=True, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("asked by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    failure_message = models.TextField(blank=True)
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    decided_at = models.DateTimeField(_("approved or rejected at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("refunded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_reference"], name="payments_unique_provider_refund"
            )
        ]

    def __str__(self):
        return f"{self.payment_id}: {self.amount} {self.status}"
