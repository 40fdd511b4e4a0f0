"""Payments, their history, and every event a provider sent us.

Only `payments.transitions.transition()` changes `Payment.status`; it locks the row, checks the table
of allowed moves and writes a `PaymentLog` line. A provider's references and event ids are unique per
provider, so a webhook, a statement import or a scheduled check can be repeated any number of times.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from payments.constants import (
    CURRENCY,
    PAID_STATUSES,
    EventOutcome,
    EventSource,
    PaymentChannel,
    PaymentMethod,
    PaymentStatus,
)
from payments.fields import SatangField


class PaymentQuerySet(models.QuerySet):
    def paid(self):
        return self.filter(status__in=PAID_STATUSES)

    def open(self):
        return self.filter(status=PaymentStatus.PENDING)

    def flagged(self):
        return self.filter(status=PaymentStatus.NEEDS_REVIEW)


class Payment(models.Model):
    """One attempt to pay one submission's fee: one checkout with a provider, or one counter payment."""

    submission = models.ForeignKey(
        "casework.Submission", on_delete=models.PROTECT, related_name="payments", verbose_name=_("submission")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PaymentStatus.choices,
        default=PaymentStatus.PENDING,
        db_index=True,
    )
    channel = models.CharField(_("channel"), max_length=10, choices=PaymentChannel.choices)
    # The id of the provider that took (or is taking) the money; "" for the counter.
    provider = models.CharField(_("provider"), max_length=30, blank=True, default="", db_index=True)
    method = models.CharField(
        _("method"), max_length=12, choices=PaymentMethod.choices, blank=True, default=""
    )
    amount = SatangField(_("amount due (baht)"))
    amount_received = SatangField(_("amount received (baht)"), default=0)
    amount_refunded = SatangField(_("amount refunded (baht)"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default=CURRENCY)
    description = models.CharField(_("description"), max_length=255)
    language = models.CharField(_("language"), max_length=8, default="th")
    # The key providers dedupe our requests with: a double click or a retry gets the same checkout.
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # What the citizen pays with (a checkout session, a QR code's references …), and the provider's
    # id of the money once it moved (a PaymentIntent, a bank transaction …). Unique per provider.
    provider_reference = models.CharField(_("provider's reference"), max_length=255, null=True, blank=True)
    provider_payment_reference = models.CharField(
        _("provider's payment reference"), max_length=255, null=True, blank=True
    )
    checkout_url = models.URLField(_("checkout address"), max_length=1000, blank=True)
    review_reason = models.TextField(_("why it needs review"), blank=True)
    counter_note = models.CharField(_("note (transfer reference, cashier …)"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("failed or expired at"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("last checked with the provider"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("refund_payment", _("Can refund payments")),
            ("approve_refund", _("Can approve another officer's refund")),
            ("record_counter_payment", _("Can record payments made at the office")),
            ("assess_fee", _("Can set an assessed fee")),
            ("view_reconciliation", _("Can see the reconciliation report")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_refunded__lte=models.F("amount_received")),
                name="payments_refund_not_above_received",
            ),
            models.UniqueConstraint(
                fields=["provider", "provider_reference"], name="payments_unique_provider_reference"
            ),
            models.UniqueConstraint(
                fields=["provider", "provider_payment_reference"],
                name="payments_unique_provider_payment_reference",
            ),
        ]

    def __str__(self):
        return f"{self.submission_id} {self.get_status_display()} {self.amount}"

    @property
    def refundable(self) -> int:
        """What could still be refunded, before refunds that are awaiting approval or on their way."""
        return max(0, self.amount_received - self.amount_refunded)

    @property
    def provider_name(self) -> str:
        """The provider's name for staff, or the channel's for a counter payment."""
        if not self.provider:
            return self.get_channel_display()
        from payments import providers  # noqa: PLC0415 — providers use these models

        try:
            return str(providers.get(self.provider).name)
        except providers.UnknownProvider:
            return self.provider

    @property
    def is_paid(self) -> bool:
        return self.status in PAID_STATUSES


class PaymentLog(models.Model):
    """One line of a payment's history: a change of state, or something that was considered and why."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="log")
    from_status = models.CharField(max_length=20, choices=PaymentStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PaymentStatus.choices, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=EventSource.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    event_id = models.CharField(max_length=255, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("payment history line")

    def __str__(self):
        return f"{self.payment_id}: {self.from_status} → {self.to_status}"


class ProviderEvent(models.Model):
    """Everything a provider told us, once per (provider, event id) however often it was delivered: a
    webhook event, a line of a bank statement … with what was done about it."""

    provider = models.CharField(_("provider"), max_length=30)
    event_id = models.CharField(max_length=255)
    # The office whose account the event came from (its webhook URL, its bank statement): the event is
    # applied only to that office's payments. Empty only for events recorded before offices had
    # accounts of their own.
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    type = models.CharField(max_length=100, db_index=True)
    livemode = models.BooleanField(default=False)
    payload = models.JSONField()
    payment = models.ForeignKey(
        Payment, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    outcome = models.CharField(max_length=10, choices=EventOutcome.choices, default=EventOutcome.RECEIVED)
    message = models.TextField(blank=True)
    deliveries = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(null=True, blank=True, help_text="When the provider created the event.")
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("provider event")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="payments_unique_provider_event")
        ]

    def __str__(self):
        return f"{self.provider} {self.event_id} {self.type}"
