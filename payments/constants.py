"""Choices of the payments app, with translated labels, and the sets of states code asks about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeeKind(models.TextChoices):
    NONE = "none", _("No fee")
    FIXED = "fixed", _("A fixed amount")
    PER_OPTION = "per_option", _("An amount per chosen option")
    ASSESSED = "assessed", _("Assessed by an officer after review")


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for payment")
    NEEDS_REVIEW = "needs_review", _("Needs review by an administrator")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")
    PARTLY_REFUNDED = "partly_refunded", _("Partly refunded")
    REFUNDED = "refunded", _("Refunded")


class PaymentChannel(models.TextChoices):
    """Where the money was taken: online through a provider (`Payment.provider` says which), or at the
    office's counter."""

    ONLINE = "online", _("Online card / PromptPay")
    COUNTER = "counter", _("At the office")


class PaymentMethod(models.TextChoices):
    UNKNOWN = "", _("Not known yet")
    CARD = "card", _("Card")
    PROMPTPAY = "promptpay", _("PromptPay")
    CASH = "cash", _("Cash")
    TRANSFER = "transfer", _("Bank transfer")


class EventSource(models.TextChoices):
    WEBHOOK = "webhook", _("Provider webhook")
    SYNC = "sync", _("Scheduled check with the provider")
    RETURN = "return", _("Citizen's return (checked with the provider)")
    STATEMENT = "statement", _("Bank statement")
    OFFICER = "officer", _("Officer")
    CITIZEN = "citizen", _("Citizen")
    SYSTEM = "system", _("System")


class EventOutcome(models.TextChoices):
    RECEIVED = "received", _("Received")
    APPLIED = "applied", _("Applied")
    IGNORED = "ignored", _("Ignored (nothing to change)")
    FLAGGED = "flagged", _("Flagged for an administrator")
    DEFERRED = "deferred", _("Deferred (payment not known yet)")
    ERROR = "error", _("Error")


class RefundStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting a second officer's approval")
    PROCESSING = "processing", _("Being sent to the payment provider")
    SUCCEEDED = "succeeded", _("Refunded")
    FAILED = "failed", _("Failed")
    REJECTED = "rejected", _("Rejected")


#: The citizen has paid (what remains after any refunds is the office's).
PAID_STATUSES = frozenset({PaymentStatus.PAID, PaymentStatus.PARTLY_REFUNDED, PaymentStatus.REFUNDED})
#: Still waiting for the provider to say what happened.
OPEN_STATUSES = frozenset({PaymentStatus.PENDING})
#: Refund requests that still hold back part of the refundable amount.
OPEN_REFUND_STATUSES = frozenset({RefundStatus.AWAITING_APPROVAL, RefundStatus.PROCESSING})

CURRENCY = "thb"
