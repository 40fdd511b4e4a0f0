"""What happens when a citizen submits, saves a draft or resumes one: multi-row work in transactions."""

import hashlib
import os
import secrets
import shutil
from datetime import timedelta

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from eforms import answers as answer_text
from eforms import conf
from eforms.models import Draft, ReferenceCounter, Submission, SubmissionFile
from eforms.references import format_reference, year_code
from eforms.storage import private_storage, random_path


def next_reference(prefix: str, when=None) -> str:
    """The next reference for `prefix` this Buddhist Era year. Call inside a transaction."""
    when = timezone.localdate(when or timezone.now())
    code = year_code(when.year)
    counter, _created = ReferenceCounter.objects.get_or_create(prefix=prefix, year_code=code)
    counter = ReferenceCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return format_reference(prefix, when.year, counter.last_number)


def review_sections(page, answers, shown_steps, files):
    """The review page: per step, its title and each answer written out, with the step to change it."""
    sections = []
    for step in page.form_steps:
        if step.name not in shown_steps:
            continue
        rows = []
        for spec in step.fields:
            if spec.key not in answers:
                continue
            step_files = answer_text.question_files(spec, files)
            rows.append(
                {
                    "label": spec.label,
                    "value": answer_text.display_value(spec, answers[spec.key], step_files),
                    "key": spec.key,
                }
            )
        sections.append({"name": step.name, "title": step.title, "rows": rows})
    return sections


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


def submit(page, *, answers, shown_steps, files, language, draft_id=None, now=None, counter_officer=None):
    """Create the submission (reference, snapshot, files moved to permanent private storage) and send
    the acknowledgement. Returns the submission.

    `counter_officer`: the officer who filled the form in for a citizen at the office's counter.
    """
    from eforms import deadlines, timeline
    from eforms.constants import Channel, EventKind

    now = now or timezone.now()
    service = page.source_page
    storage = private_storage()
    with transaction.atomic():
        submission = Submission.objects.create(
            reference=next_reference(service.reference_prefix, now),
            service=service,
            service_title=page.title,
            language=language,
            answers=answer_text.snapshot(page.form_steps, answers, shown_steps, files),
            applicant_email=applicant_email(page, answers),
            fee_amount=page.fee_amount,
            processing_days=page.processing_days,
            expected_completion=deadlines.initial_deadline(timezone.localdate(now), page.processing_days),
            submitted_at=now,
            status_changed_at=now,
            applicant_name=applicant_name(page, answers),
            channel=Channel.COUNTER if counter_officer else Channel.ONLINE,
            counter_officer=counter_officer,
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
                record.save()
        if draft_id:
            delete_drafts(Draft.objects.filter(pk=draft_id))
    for infos in files.values():
        for info in infos:
            storage.delete(info["tmp"])
    from eforms.tasks import send_acknowledgement

    if submission.applicant_email:
        send_acknowledgement.enqueue(submission.pk)
    return submission


# Save and come back later --------------------------------------------------------------------------
def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def save_draft(page, session_data: dict, email: str, language: str, now=None) -> tuple[Draft, str]:
    """Copy the wizard's session data and files into a draft; returns it and the secret token."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    storage = private_storage()
    data = {
        "step": session_data.get("step"),
        "step_data": session_data.get("step_data", {}),
        "files": {},
    }
    folder = random_path("drafts", "x").rsplit("/", 1)[0]
    for key, infos in (session_data.get("extra_data", {}).get("files") or {}).items():
        copied = []
        for info in infos:
            if not storage.exists(info["tmp"]):
                continue
            with storage.open(info["tmp"]) as handle:
                name = storage.save(f"{folder}/{info['id']}", File(handle))
            copied.append({**info, "tmp": name})
        data["files"][key] = copied
    draft = Draft.objects.create(
        token_hash=token_hash(token),
        service=page.source_page,
        language=language,
        email=email,
        data=data,
        created_at=now,
        expires_at=now + timedelta(days=conf.draft_days()),
    )
    return draft, token


def find_draft(token: str, now=None):
    now = now or timezone.now()
    return (
        Draft.objects.filter(token_hash=token_hash(token or ""), expires_at__gt=now)
        .select_related("service")
        .first()
    )


def restore_draft(draft) -> dict:
    """Session data for the wizard from a draft; its files are copied back into temporary storage
    (the draft keeps its own copies until it is submitted or expires)."""
    storage = private_storage()
    files = {}
    for key, infos in draft.data.get("files", {}).items():
        restored = []
        for info in infos:
            if not storage.exists(info["tmp"]):
                continue
            with storage.open(info["tmp"]) as handle:
                name = storage.save(random_path("tmp", info["name"]), File(handle))
            restored.append({**info, "tmp": name})
        files[key] = restored
    return {
        "step": draft.data.get("step"),
        "step_data": draft.data.get("step_data", {}),
        "step_files": {},
        "extra_data": {"files": files, "draft_id": draft.pk, "resumed_at": draft.created_at.isoformat()},
    }


def delete_drafts(queryset):
    storage = private_storage()
    count = 0
    for draft in queryset:
        for infos in draft.data.get("files", {}).values():
            for info in infos:
                storage.delete(info["tmp"])
        draft.delete()
        count += 1
    return count


def delete_expired(now=None) -> dict:
    """Drafts past their 30 days, and wizard uploads whose session has expired."""
    now = now or timezone.now()
    drafts = delete_drafts(Draft.objects.filter(expires_at__lte=now))
    root = private_storage().path("tmp")
    cutoff = (now - timedelta(hours=conf.temporary_file_hours())).timestamp()
    removed = 0
    if os.path.isdir(root):
        for entry in os.scandir(root):
            if entry.is_dir() and entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
    return {"drafts": drafts, "temporary_files": removed}


def resume_url(request, token: str) -> str:
    from django.urls import reverse

    return request.build_absolute_uri(reverse("eforms:resume", args=[token]))
