"""The demo checkout's stand-in for a Stripe Checkout Session (no money, no network)."""

from django.db import models
from django.utils import timezone

from payments.constants import CURRENCY


class DemoCheckoutSession(models.Model):
    session_id = models.CharField(max_length=100, unique=True)
    idempotency_key = models.CharField(max_length=100, unique=True)
    amount_total = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, default=CURRENCY)
    status = models.CharField(max_length=10, default="open")  # open, complete, expired
    payment_status = models.CharField(max_length=20, default="unpaid")  # unpaid, paid
    payment_method = models.CharField(max_length=12, blank=True)
    payment_intent = models.CharField(max_length=100, blank=True)
    success_url = models.CharField(max_length=1000)
    cancel_url = models.CharField(max_length=1000)
    description = models.CharField(max_length=255)
    metadata = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "payments"

    def __str__(self):
        return self.session_id
