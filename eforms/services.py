"""The review page's sections, and saving a form to come back later (drafts and their files)."""

import contextlib
import hashlib
import os
import secrets
from datetime import timedelta

from django.core.files.base import File
from django.core.files.storage import FileSystemStorage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from eforms import answers as answer_text
from eforms import conf
from eforms.models import Draft
from eforms.storage import all_or_nothing, delete_quietly, private_storage, random_path, storage_errors
from home.site import absolute_url, message_context
from outbox import services as outbox


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
        # A renewal saved for later is still that renewal (`eforms.origins`).
        "origin": session_data.get("extra_data", {}).get("origin") or {},
    }
    folder = random_path("drafts", "x").rsplit("/", 1)[0]
    with all_or_nothing(storage) as written:
        for key, infos in (session_data.get("extra_data", {}).get("files") or {}).items():
            copied = []
            for info in infos:
                if not storage.exists(info["tmp"]):
                    continue
                with storage.open(info["tmp"]) as handle:
                    name = written.save(f"{folder}/{info['id']}", File(handle))
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
    with all_or_nothing(storage) as written:
        for key, infos in draft.data.get("files", {}).items():
            restored = []
            for info in infos:
                if not storage.exists(info["tmp"]):
                    continue
                with storage.open(info["tmp"]) as handle:
                    name = written.save(random_path("tmp", info["name"]), File(handle))
                restored.append({**info, "tmp": name})
            files[key] = restored
    return {
        "step": draft.data.get("step"),
        "step_data": draft.data.get("step_data", {}),
        "step_files": {},
        "extra_data": {
            "files": files,
            "draft_id": draft.pk,
            "resumed_at": draft.created_at.isoformat(),
            "origin": draft.data.get("origin") or {},
        },
    }


def delete_drafts(queryset):
    storage = private_storage()
    count = 0
    for draft in queryset:
        for infos in draft.data.get("files", {}).values():
            for info in infos:
                delete_quietly(storage, info["tmp"])
        draft.delete()
        count += 1
    return count


def delete_expired(now=None) -> dict:
    """Drafts past their 30 days, and wizard uploads whose session has expired.

    Through the Storage API (a folder per upload under `tmp/`), so it works on disk and in a bucket;
    an S3 lifecycle rule on `eforms/tmp/` may do the same in a bucket.
    """
    now = now or timezone.now()
    drafts = delete_drafts(Draft.objects.filter(expires_at__lte=now))
    storage = private_storage()
    cutoff = now - timedelta(hours=conf.temporary_file_hours())
    removed = 0
    with storage_errors():
        folders = storage.listdir("tmp")[0] if storage.exists("tmp") or not _is_local(storage) else []
        for folder in folders:
            names = [f"tmp/{folder}/{name}" for name in storage.listdir(f"tmp/{folder}")[1]]
            if any(storage.get_modified_time(name) >= cutoff for name in names):
                continue
            for name in names:
                delete_quietly(storage, name)
            if _is_local(storage):
                with contextlib.suppress(OSError):  # an empty folder left on disk
                    os.rmdir(storage.path(f"tmp/{folder}"))
            removed += 1
    return {"drafts": drafts, "temporary_files": removed}


def _is_local(storage) -> bool:
    return isinstance(storage, FileSystemStorage)


def resume_url(request, token: str) -> str:
    return absolute_url(reverse("eforms:resume", args=[token]), request=request)


def send_resume_link(draft, url):
    """The link that brings the answers back. Sent in the request (the citizen waits for it) and
    removed from the outbox once sent: it opens the form with everything in it."""
    with translation.override(draft.language):
        context = {
            "draft": draft,
            "page": draft.service.localized,
            "url": url,
            **message_context(page=draft.service),
        }
        subject = render_to_string("eforms/email/resume_subject.txt", context)
        sender = context["sender"]
        body = render_to_string("eforms/email/resume.txt", context)
    return outbox.queue(
        to=draft.email,
        subject=subject,
        body=body,
        kind="resume_link",
        language=draft.language,
        sensitive=True,
        urgent=True,
        sender=sender,
    )
