"""Refunds an officer asks for; above the administrator's threshold a second officer approves."""

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
    stripe_refund_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
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

    def __str__(self):
        return f"{self.payment_id}: {self.amount} {self.status}"
