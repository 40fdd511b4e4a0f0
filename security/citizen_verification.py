"""Citizens prove control of the email address on their submission with a one-time code.

Used by the status page and the payment step: `verification_url(submission, next_url)` leads to
the page that sends and checks the code; `is_verified(request, submission)` says whether this
browser session has passed it for that submission.

Limits (issue 5): 6 digits, valid 10 minutes, single use; 5 wrong tries void the code; a new code
at most every 60 s; at most 5 codes an hour per email address and 30 per client address. django-otp's
throttling is per device, so the hourly limits are counted in the shared cache.
"""

import dataclasses
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.site import message_context, office_url
from outbox import services as outbox
from security import conf
from security.client_address import address_key
from security.models import CitizenDevice
from security.throttle import count

SESSION_KEY = "citizen_verified"
# The same words whether or not the reference exists, so the page does not tell which ones do.
SENT_MESSAGE = gettext_lazy(
    "If this request has an email address, we have sent a 6-digit code to it. The code is valid for 10 minutes."
)
# The mail server did not take it at once; the outbox tries again within minutes.
DELAYED_MESSAGE = gettext_lazy(
    "Our email is on its way but slower than usual. Wait a few minutes for the code; if none arrives, ask for a new one."
)
WRONG_MESSAGE = gettext_lazy("That code is not right. Check the latest email from us and try again.")


@dataclasses.dataclass
class Outcome:
    ok: bool
    message: str = ""
    reason: str = ""


def verification_url(submission_or_reference, next_url: str) -> str:
    reference = getattr(submission_or_reference, "reference", submission_or_reference)
    return f"{reverse('citizen_verify', args=[reference])}?{urlencode({'next': next_url})}"


def is_verified(request, submission) -> bool:
    # Keyed by the request's id: a reference is unique only within its office.
    verified_at = request.session.get(SESSION_KEY, {}).get(str(submission.pk))
    return verified_at is not None and time.time() - verified_at < conf.CITIZEN_VERIFIED_FOR


def _hourly_key(kind, value):
    return f"citizen-codes:{kind}:{value.lower()}:{int(time.time() // 3600)}"


def _over_hourly_limit(request, address) -> bool:
    return (cache.get(_hourly_key("address", address)) or 0) >= conf.CITIZEN_CODES_PER_HOUR_PER_ADDRESS or (
        cache.get(_hourly_key("ip", address_key(request))) or 0
    ) >= conf.CITIZEN_CODES_PER_HOUR_PER_IP


def _count_sent(request, address):
    for key in (_hourly_key("address", address), _hourly_key("ip", address_key(request))):
        count(key, 3700)  # a little over the hour the key is named after


def _device(submission):
    device, _created = CitizenDevice.objects.get_or_create(
        submission_id=submission.pk,
        address=submission.applicant_email.strip().lower(),
        defaults={"name": f"citizen {submission.reference}"},
    )
    return device


def has_pending_code(submission) -> bool:
    device = CitizenDevice.objects.filter(submission_id=submission.pk).first()
    return bool(device and device.token)


def send_code(request, submission) -> Outcome:
    """Send a fresh code to the submission's email address, if the limits allow."""
    if not submission.applicant_email:
        return Outcome(
            False,
            _("This request has no email address, so we cannot send a code. Please contact the office."),
            "no_address",
        )
    address = submission.applicant_email.strip().lower()
    with transaction.atomic():
        device = CitizenDevice.objects.select_for_update().get(pk=_device(submission).pk)
        allowed, data = device.generate_is_allowed()
        if not allowed:
            wait = max(1, int((data["next_generation_at"] - timezone.now()).total_seconds()))
            return Outcome(
                False,
                _(
                    "A code was sent less than a minute ago. Please wait %(seconds)s seconds before asking for another."
                )
                % {"seconds": wait},
                "cooldown",
            )
        if _over_hourly_limit(request, address):
            return Outcome(
                False,
                _("Too many codes were asked for in the last hour. Please try again later."),
                "hourly_limit",
            )
        device.generate_token(
            length=conf.CITIZEN_CODE_LENGTH, valid_secs=conf.CITIZEN_CODE_VALID, commit=False
        )
        device.failed_attempts = 0
        device.cooldown_set(commit=False)
        device.save()
        token = device.token
    _count_sent(request, address)
    with translation.override(submission.language or "th"):
        context = {
            **message_context(page=submission.service),  # the request's office, whichever site asked
            "code": token,
            "reference": submission.reference,
            "minutes": conf.CITIZEN_CODE_VALID // 60,
            # where the code is entered, on the request's office's address
            "url": office_url(request.get_full_path(), page=submission.service, request=request),
        }
        message = outbox.queue(
            to=submission.applicant_email,
            subject=_("Your code for request %(reference)s") % {"reference": submission.reference},
            body=render_to_string("security/email/citizen_code.txt", context),
            kind="citizen_code",
            language=submission.language or "th",
            reference=submission.reference,
            submission_id=submission.pk,
            sensitive=True,  # the code leaves the outbox once it is sent
            urgent=True,
            sender=context["sender"],
        )
    # In the language of the page the citizen is on, not the one the request was made in.
    if outbox.is_delayed(message):
        return Outcome(True, str(DELAYED_MESSAGE), "delayed")
    return Outcome(True, str(SENT_MESSAGE))


def check_code(request, submission, token: str) -> Outcome:
    token = "".join((token or "").split())
    wrong = Outcome(False, str(WRONG_MESSAGE), "wrong")
    if not token.isdigit() or len(token) != conf.CITIZEN_CODE_LENGTH:
        return Outcome(False, _("Enter the 6-digit code from the email."), "format")
    with transaction.atomic():
        device = CitizenDevice.objects.select_for_update().filter(submission_id=submission.pk).first()
        if device is None or device.token is None:
            return Outcome(
                False, _("There is no valid code for this request. Ask for a new code."), "no_code"
            )
        allowed, _data = device.verify_is_allowed()
        if not allowed:
            return Outcome(False, _("Too many wrong tries. Please wait a moment and try again."), "throttled")
        if device.verify_token(token):  # clears the token: single use
            device.throttle_reset(commit=False)
            device.failed_attempts = 0
            device.save()
        else:
            device.throttle_increment(commit=False)
            device.failed_attempts += 1
            if device.failed_attempts >= conf.CITIZEN_CODE_MAX_WRONG:
                device.token = None  # void the code: a new one must be asked for
                device.save()
                return Outcome(
                    False, _("Too many wrong tries: this code no longer works. Ask for a new code."), "voided"
                )
            device.save()
            if device.valid_until and device.valid_until < timezone.now():
                return Outcome(False, _("This code has expired. Ask for a new code."), "expired")
            return wrong
    trust(request, submission)
    return Outcome(True)


def trust(request, submission):
    """This browser session has proved it may see `submission` (the code, or another proof such as a
    LINE sign-in of the LINE user bound to it, `line.views`)."""
    verified = request.session.get(SESSION_KEY, {})
    verified[str(submission.pk)] = time.time()
    request.session[SESSION_KEY] = verified
    request.session.cycle_key()  # a new session id once verified
