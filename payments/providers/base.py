"""What the payments core asks of a provider, and the plain data it gets back.

A provider never changes a payment itself: it answers with an `Update` ("paid with this amount",
"failed", "expired", "refunded this much in total", or "still waiting"), and the core applies it
through `payments.transitions.transition()`. So the rules that keep money safe (an amount that does
not match is held for review, a second payment of a fee already paid is flagged, a late payment after
an expiry still counts) are written once, for every provider.
"""

import dataclasses
from datetime import timedelta

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from payments import conf
from payments.constants import EventOutcome
from payments.models import PaymentSettings


class NoOffice(RuntimeError):
    """A provider was asked for an office's settings or credentials without an office: a bug, never
    answered with another office's (or the default office's) settings."""


class ProviderError(Exception):
    """The provider did not answer or refused. Nothing we keep was changed; the call may be retried
    with the same idempotency key."""

    def __init__(self, message, *, retryable=True, code=""):
        super().__init__(message)
        self.retryable = retryable
        self.code = code


PAID = "paid"
FAILED = "failed"
EXPIRED = "expired"
PENDING = "pending"
REFUNDED = "refunded"


@dataclasses.dataclass(frozen=True)
class Update:
    """What a provider says about one payment, in the core's words. Build it with the class methods."""

    kind: str
    amount: int | None = None  # satang received, for `paid`
    currency: str = ""
    method: str = ""  # a `PaymentMethod` value, or "" when not known
    payment_reference: str = ""  # the provider's id of the money moved (a charge, a bank transfer …)
    refunded_total: int | None = None  # satang, for `refunded`
    note: str = ""  # what the provider called it (an event type …), for the history

    @classmethod
    def paid(cls, *, amount, currency, method="", payment_reference="", note=""):
        return cls(PAID, amount, (currency or "").lower(), method, payment_reference, note=note)

    @classmethod
    def failed(cls, note=""):
        return cls(FAILED, note=note)

    @classmethod
    def expired(cls, note=""):
        return cls(EXPIRED, note=note)

    @classmethod
    def pending(cls, note=""):
        """Nothing to change yet (a checkout still open, a bank confirmation still to come)."""
        return cls(PENDING, note=note)

    @classmethod
    def refunded(cls, total, note=""):
        """The provider's total refunded for the payment (absolute, never an increment)."""
        return cls(REFUNDED, refunded_total=int(total), note=note)


@dataclasses.dataclass(frozen=True)
class Started:
    """Where the citizen goes to pay: the provider's reference for this attempt and its address."""

    reference: str
    url: str


@dataclasses.dataclass(frozen=True)
class RefundResult:
    reference: str | None  # the provider's refund id, if it has one
    status: str  # succeeded, pending, failed, canceled, requires_action
    amount: int


class Provider:
    """A payment provider. Subclass it, decorate it with `@register("id")`, override what applies.

    Every method that talks to the provider must be safe to repeat with the same payment (idempotency
    keys, or a reference derived from the payment): the core retries after timeouts.
    """

    #: Set by `@register`: stored in `Payment.provider` and `ProviderEvent.provider`; never change it.
    id = ""
    #: What staff see (admin lists, history, errors), e.g. "PromptPay QR".
    name = ""
    #: The choice the citizen is offered on the payment page, and a line under it.
    citizen_label = ""
    citizen_help = ""
    #: The `PaymentMethod` values a citizen can use through this provider.
    methods: frozenset[str] = frozenset()
    #: A stand-in that takes no money (pages then say so).
    is_demo = False
    #: Shown on the citizen's payment page while this provider's payment is open; `open_payment` is
    #: in its context.
    pending_template = ""

    def __init__(self, office=None):
        #: The office whose settings and credentials this instance uses (`providers.get(id, office)`):
        #: the office of the request being paid, never the site of whoever is looking.
        self.office = office

    def settings_row(self):
        """The office's `PaymentSettings`."""
        if self.office is None:
            raise NoOffice(f"the {self.id} provider was asked for an office's settings without an office")
        return PaymentSettings.for_office(self.office)

    # Configuration -------------------------------------------------------------------------------
    def is_configured(self) -> bool:
        """Whether it can work for this office on this server (the office's keys in the environment
        …). An administrator can only enable a provider that is configured."""
        return not self.missing_credentials()

    def missing_credentials(self) -> list[str]:
        """The environment variables this office still needs for this provider (their names, for the
        operator and `check --deploy`); empty when nothing is missing or nothing is needed."""
        return []

    def unavailable_reason(self) -> str:
        """Why `is_configured()` is false, for the administrator."""
        return str(_("This payment method is not configured on this server."))

    def enabled_by_default(self) -> bool:
        """Offered before an administrator has chosen in *Settings › Payment settings*."""
        return False

    def settings_fields(self) -> dict:
        """Form fields the administrator fills in *Payment settings* (stored per provider, read back
        with `options()`). Give each an `initial` value: it is the default."""
        return {}

    def clean_settings(self, values: dict, enabled: bool) -> dict:
        """Errors ({field name: message}) in the administrator's values; `enabled` says whether the
        provider is being switched on."""
        return {}

    def options(self) -> dict:
        stored = (self.settings_row().provider_options or {}).get(self.id, {})
        return {name: stored.get(name, field.initial) for name, field in self.settings_fields().items()}

    def lifetime(self) -> timedelta:
        """How long a started payment stays open before `sync_payments` expires it."""
        return timedelta(hours=conf.session_lifetime_hours())

    # The citizen's payment ------------------------------------------------------------------------
    def start_payment(self, payment, *, return_url, cancel_url, customer_email="") -> Started:
        """Make what the citizen pays with (a checkout session, a QR code …) for `payment`. Called
        again for the same payment after a timeout: return the same thing, not a second one."""
        raise NotImplementedError

    def handle_return(self, payment) -> Update | None:
        """The citizen came back from the provider's page: what the provider says now. The redirect
        alone proves nothing, so ask the provider."""
        return self.refresh(payment)

    def refresh(self, payment) -> Update | None:
        """What the provider says about `payment` now (the scheduled check); None when there is
        nobody to ask (the payment is confirmed another way)."""
        return None

    def expire(self, payment) -> Update | None:
        """Close an open payment that was abandoned or superseded, so it can no longer be paid.
        Return what the provider says afterwards (it may have been paid at the last moment)."""
        return Update.expired("closed by the office")

    def handle_webhook(self, request):
        """A callback from the provider: check that it really comes from the provider, record it
        once per event (`payments.events.receive`) and answer it. Mounted at `/payments/<id>/…` by
        `urls()`."""
        raise Http404

    def apply_event(self, payload: dict):
        """Apply one recorded `ProviderEvent` payload: (outcome, message, payment or None). Called once
        per event, and again for events that were deferred or failed."""
        return EventOutcome.IGNORED, "not used", None

    def refund(self, payment, *, amount, idempotency_key, reason="") -> RefundResult:
        raise NotImplementedError

    # Words for people -----------------------------------------------------------------------------
    def receipt_label(self, payment) -> str:
        """After the method on the receipt, e.g. "(at the office's bank account)"."""
        return ""

    def receipt_reference(self, payment) -> tuple[str, str] | None:
        """(label, value) of the provider's reference printed on the receipt, or None."""
        return None

    def officer_refund_note(self, payment) -> str:
        """What an officer must know before refunding this payment (shown with the refund form)."""
        return ""

    def citizen_refund_note(self, payment) -> str:
        """How the money comes back, for the refund email."""
        return ""

    def admin_notice(self) -> str:
        """A warning for the payments admin while this provider is offered (demo mode …)."""
        return ""

    # Wiring -------------------------------------------------------------------------------------------
    def urls(self) -> list:
        """URL patterns outside the language prefix, mounted at `/payments/<id>/` (webhooks)."""
        return []

    def citizen_urls(self) -> list:
        """URL patterns under `/<lang>/payments/`, in the `payments_citizen` namespace. Name them
        after the provider's id and keep them off the `<reference>/` patterns."""
        return []

    def admin_urls(self) -> list:
        """URL patterns under `/admin/payments/`, in the `payments_admin` namespace."""
        return []

    def admin_links(self, request) -> list[tuple[str, str]]:
        """(url, label) of the provider's screens on the payments admin page, for this user."""
        return []
