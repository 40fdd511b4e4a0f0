"""What happens when a citizen sends a form: the request is made (reference, snapshot of the answers,
files moved to permanent private storage) in one transaction, then acknowledged."""

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from casework import deadlines, notices, timeline
from casework.constants import Channel, EventKind
from casework.models import ReferenceCounter, Submission, SubmissionFile
from casework.references import format_reference, year_code
from eforms import answers as answer_text
from eforms import origins
from eforms.models import Draft
from eforms.services import delete_drafts
from eforms.storage import all_or_nothing, delete_quietly, private_storage
from offices.lookup import office_for_page


def next_reference(prefix: str, *, office, when=None) -> str:
    """The office's next reference for `prefix` this Buddhist Era year. Call inside a transaction:
    the office's counter row stays locked until it ends, so another office never waits for it."""
    when = timezone.localdate(when or timezone.now())
    code = year_code(when.year)
    counter, _created = ReferenceCounter.objects.get_or_create(office=office, prefix=prefix, year_code=code)
    counter = ReferenceCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return format_reference(prefix, when.year, counter.last_number)


def applicant_email(page, answers):
    """The first answer of the type that holds the contact email (the acknowledgement goes there)."""
    for spec in page.field_specs:
        if spec.type.holds_contact_email and answers.get(spec.key):
            return answers[spec.key]
    return ""


#: Field keys that hold the applicant's name, in order of preference.
NAME_KEYS = ("full_name", "applicant_name", "name")


def applicant_name(page, answers):
    """The applicant's name for the inbox's list and search: a field keyed like a name, else the
    form's first answer of a type that may hold a name (short text)."""
    for key in NAME_KEYS:
        if isinstance(answers.get(key), str) and answers[key].strip():
            return answers[key].strip()[:200]
    for spec in page.field_specs:
        if spec.type.may_hold_name and isinstance(answers.get(spec.key), str):
            return answers[spec.key].strip()[:200]
    return ""


def submit(
    page,
    *,
    answers,
    shown_steps,
    files,
    language,
    draft_id=None,
    now=None,
    counter_officer=None,
    send_token=None,
    origin=None,
):
    """Create the submission (reference, snapshot, files moved to permanent private storage) and queue
    the acknowledgement, all in one transaction. Returns the submission.

    `counter_officer`: the officer who filled the form in for a citizen at the office's counter.
    `send_token`: the wizard's one-time token; a second submission with it fails (IntegrityError).
    `origin`: where a prefilled form came from (`eforms.origins`): its app is told in the transaction.
    """
    now = now or timezone.now()
    service = page.source_page
    office = office_for_page(service)
    storage = private_storage()
    # A storage failure rolls the request back and removes the copies already made: no request
    # without its files, no file without its request. The wizard tells the citizen to try again.
    with all_or_nothing(storage) as written, transaction.atomic():
        submission = Submission.objects.create(
            reference=next_reference(service.reference_prefix, office=office, when=now),
            office=office,
            service=service,
            service_title=page.title,
            language=language,
            answers=answer_text.snapshot(page.form_steps, answers, shown_steps, files),
            applicant_email=applicant_email(page, answers),
            fee_amount=page.fee_amount,
            processing_days=page.processing_days,
            expected_completion=deadlines.initial_deadline(
                timezone.localdate(now), page.processing_days, office
            ),
            submitted_at=now,
            status_changed_at=now,
            applicant_name=applicant_name(page, answers),
            channel=Channel.COUNTER if counter_officer else Channel.ONLINE,
            counter_officer=counter_officer,
            send_token=send_token or None,
        )
        timeline.record(
            submission,
            EventKind.CREATED,
            actor=counter_officer,
            actor_name="" if counter_officer else str(submission.applicant_name),
            to_status=submission.status,
            visible_to_citizen=True,
            data={"channel": submission.channel},
        )
        for key, infos in files.items():
            if key not in answers:
                continue
            for info in infos:
                record = SubmissionFile(
                    submission=submission,
                    field_key=key,
                    original_name=info["name"],
                    file_type=info.get("type") or "",
                    size=info["size"],
                )
                with storage.open(info["tmp"]) as handle:
                    record.file.save(info["name"], File(handle), save=False)
                written.remember(record.file.name)
                record.save()
        if draft_id:
            delete_drafts(Draft.objects.filter(pk=draft_id))
        handler = origins.get(origin)
        if handler is not None:
            handler.received(submission, origin)
        # In the transaction: the outbox's task row is kept with the request or lost with it.
        notices.acknowledgement(submission)
    for infos in files.values():
        for info in infos:
            delete_quietly(storage, info["tmp"])  # else `eforms_cleanup` removes it later
    return submission
