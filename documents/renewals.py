"""Renewing an issued document in one step: the holder starts from the status page of the request that
got it (behind that request's one-time code, so only the holder's contact can), the renewal service's
form opens filled in with the last answers and files, the new request is linked to the old document,
and approval issues the new one from where the old one ends. A renewal sent after the end pays the
service's late surcharge (`payments.fees.register_adjustment`).
"""

import dataclasses
import datetime
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from casework.constants import SubmissionStatus
from casework.models import SubmissionFile
from documents.constants import DocumentState
from documents.models import IssuedDocument, Renewal, ServiceDocument
from eforms import origins, prefill
from home.dates import format_date

KIND = "documents.renewal"

#: A renewal in these states no longer holds the document: the holder may try again.
_GIVEN_UP = (SubmissionStatus.REJECTED, SubmissionStatus.WITHDRAWN)


@dataclasses.dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""
    link: ServiceDocument | None = None
    late: bool = False


def renewal_link(document) -> ServiceDocument | None:
    """The link of the service that renews `document`: one naming the document's service, or the
    document's own service when that is itself a renewal service."""
    service_id = document.submission.service_id
    if service_id is None:
        return None
    return (
        ServiceDocument.objects.filter(
            Q(renews_service_id=service_id) | Q(service_id=service_id, renews_service__isnull=False)
        )
        .select_related("service", "template")
        .order_by("-renews_service_id")  # one naming the document's service first
        .first()
    )


def open_renewal(document):
    return (
        Renewal.objects.filter(previous=document)
        .exclude(submission__status__in=_GIVEN_UP)
        .select_related("submission")
        .first()
    )


def decide(document, today: datetime.date) -> Decision:
    """Whether the holder may renew `document` today, and if not why (in the active language). A
    refusal carries the renewal service's link when there is one, so callers need not look again."""
    link = renewal_link(document)

    def refuse(reason):
        return Decision(False, str(reason), link=link)

    if link is None or not link.service.live:
        return refuse(_("This document is not renewed online."))
    if document.state == DocumentState.REVOKED:
        return refuse(_("This document was revoked: it cannot be renewed."))
    if document.state == DocumentState.SUSPENDED:
        return refuse(_("This document is suspended: contact the office before renewing it."))
    if document.valid_until is None:
        return refuse(_("This document has no end date: it needs no renewal."))
    if IssuedDocument.objects.filter(renews=document).exists():
        return refuse(_("This document has been renewed already."))
    pending = open_renewal(document)
    if pending is not None:
        return refuse(
            _("Its renewal was sent already: request %(reference)s.")
            % {"reference": pending.submission.reference}
        )
    opens = document.valid_until - datetime.timedelta(days=link.renewal_opens_days)
    if today < opens:
        return refuse(
            _("Renewal opens on %(date)s.") % {"date": format_date(opens, translation.get_language())}
        )
    if today > document.valid_until + datetime.timedelta(days=link.late_renewal_days):
        return refuse(_("This document ended too long ago to be renewed: apply anew."))
    return Decision(True, link=link, late=today > document.valid_until)


def renewal_page(link, language):
    """The renewal service's page in `language` (else its Thai page), live."""
    page = link.service.specific
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return (translated if translated is not None and translated.live else page).specific


def _previous_files(submission):
    def opener(record):
        return lambda: record.file.open("rb")

    return [
        (f.field_key, f.original_name, f.size, f.file_type, opener(f))
        for f in SubmissionFile.objects.filter(submission=submission, event__isnull=True).order_by(
            "uploaded_at"
        )
    ]


def start(request, document, decision) -> str:
    """Fill this browser's form of the renewal service with the last request's answers and files;
    returns the form's address."""
    previous = document.submission
    answers = {item["key"]: item.get("value") for item in previous.answers if item.get("key")}
    page = renewal_page(decision.link, translation.get_language())
    origin = {"kind": KIND, "document": document.pk, "service": decision.link.service_id}
    return prefill.start(request, page, answers=answers, files=_previous_files(previous), origin=origin)


def describe(origin) -> list[str]:
    """The review page's lines: which document is renewed, and the surcharge when it is late."""
    document = IssuedDocument.objects.filter(pk=origin.get("document")).first()
    if document is None:
        return []
    language = translation.get_language()
    lines = [
        _(
            "You are renewing %(title)s No. %(number)s, valid until %(date)s. Your last answers and "
            "files are filled in: change only what has changed."
        )
        % {
            "title": (document.title_en if language == "en" else "") or document.title_th,
            "number": document.number,
            "date": format_date(document.valid_until, language),
        }
    ]
    decision = decide(document, timezone.localdate())
    if decision.late and decision.link.late_surcharge_percent:
        lines.append(
            _("This document has ended: a late-renewal surcharge of %(percent)s%% is added to the fee.")
            % {"percent": percent_text(decision.link.late_surcharge_percent)}
        )
    return lines


def received(submission, origin) -> None:
    """The renewal request is made (in its transaction): link it to the document, if it is still
    renewable by this service — a second tab's renewal of the same document is not linked."""
    document = IssuedDocument.objects.select_for_update().filter(pk=origin.get("document")).first()
    if document is None or document.office_id != submission.office_id:
        return
    decision = decide(document, timezone.localdate())
    if not decision.allowed or decision.link.service_id != submission.service_id:
        return
    Renewal.objects.create(
        submission=submission,
        previous=document,
        late=decision.late,
        surcharge_percent=decision.link.late_surcharge_percent if decision.late else Decimal(0),
    )


def surcharge(submission, fee):
    """payments' fee adjustment: a late renewal adds its surcharge to the fee."""
    renewal = Renewal.objects.filter(submission_id=submission.pk, late=True).first()
    if renewal is None or not renewal.surcharge_percent or not fee.amount:
        return fee
    extra = int((Decimal(fee.amount) * renewal.surcharge_percent / 100).quantize(Decimal(1)))
    label = _("late-renewal surcharge %(percent)s%%") % {"percent": percent_text(renewal.surcharge_percent)}
    return dataclasses.replace(
        fee,
        amount=fee.amount + extra,
        option_label=", ".join(part for part in (fee.option_label, str(label)) if part),
    )


def percent_text(value) -> str:
    return f"{Decimal(value).normalize():f}"


def changed_answers(renewal) -> list[str]:
    """Labels of the answers the renewal changed (the officer checks these again)."""
    before = {item.get("key"): item.get("display") for item in renewal.previous.submission.answers}
    return [
        item.get("label", item.get("key"))
        for item in renewal.submission.answers
        if item.get("key") in before and before[item.get("key")] != item.get("display")
    ] + [
        item.get("label", item.get("key"))
        for item in renewal.submission.answers
        if item.get("key") not in before and item.get("display")
    ]


def validity_start(renewal, issued_on: datetime.date) -> datetime.date:
    """A renewal continues the old document: it starts the day after the old one ends, if later."""
    ends = renewal.previous.valid_until
    if ends is not None and ends >= issued_on:
        return ends + datetime.timedelta(days=1)
    return issued_on


def renew_url(submission) -> str:
    return reverse("documents:renew", args=[submission.reference])


ORIGIN = origins.Origin(describe=describe, received=received)
