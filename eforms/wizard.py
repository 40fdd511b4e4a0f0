"""The citizen's wizard: django-formtools in the session, one step per URL-less POST, redirect after post.

What it adds to formtools: a GET shows the current step instead of starting again (a reload or the
browser's back button loses nothing); "back" and "save for later" keep what was typed; files are kept
in private storage between steps (several per field); "change" links from the review page return to
it; conditions decide which steps exist.

Sending is idempotent: the review page carries a one-time token (also kept in the session); the request
is saved with it in one transaction, so a repeated or retried final POST - after a lost response, a
session that could not be saved, a database error after the commit - leads to the request already
made, never to a second one.
"""

import hashlib
import json
import re
import secrets
from collections import OrderedDict
from urllib.parse import urlencode

from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from formtools.wizard.views import SessionWizardView

from eforms import conf, handoff, origins, pricing, services
from eforms.forms import ReviewForm, StepForm, build_step_form_class
from eforms.steps import REVIEW_STEP, step_count
from eforms.storage import (
    UNAVAILABLE_MESSAGE,
    StorageUnavailable,
    Written,
    all_or_nothing,
    delete_quietly,
    private_storage,
    random_path,
)
from security import limits

#: The review page's hidden field with the sending's one-time token.
SEND_TOKEN_FIELD = "send_token"
_TOKEN_PATTERN = re.compile(r"[0-9a-f]{32}")


def wizard_prefix(page) -> str:
    """One session slot per service, shared by its language versions (the keys are the same)."""
    return f"eform_{page.translation_key.hex}"


class EFormWizard(SessionWizardView):
    page = None
    template_name = "eforms/wizard_step.html"

    # Set-up ---------------------------------------------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        self.file_storage = private_storage()
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return wizard_prefix(self.page)

    def get_form_kwargs(self, step=None):
        if step == REVIEW_STEP:
            return {}
        return {"answers_before": self.answers_before(step), "stored_files": self.stored_files()}

    def stored_files(self) -> dict:
        return self.storage.extra_data.get("files", {})

    def _set_extra(self, **values):
        extra = dict(self.storage.extra_data)
        extra.update(values)
        self.storage.extra_data = extra

    # Answers and conditions ---------------------------------------------------------------------
    def walk(self):
        """(answers by key, names of the shown steps whose stored data is valid, shown step names).

        Computed from the session once per request state; no database queries.
        """
        signature = hashlib.sha1(
            json.dumps(self.storage.data, sort_keys=True, default=str).encode()
        ).hexdigest()
        if getattr(self, "_walk_signature", None) == signature:
            return self._walk
        answers, valid, shown = {}, [], []
        for step in self.page.form_steps:
            if not step.shown(answers):
                continue
            shown.append(step.name)
            data = self.storage.get_step_data(step.name)
            if data is None:
                continue
            form = build_step_form_class(step)(
                data=data, prefix=step.name, answers_before=dict(answers), stored_files=self.stored_files()
            )
            if form.is_valid():
                valid.append(step.name)
                answers.update(step_answers(form))
        self._walk_signature, self._walk = signature, (answers, valid, shown)
        return self._walk

    def answers_before(self, step_name):
        answers = {}
        for step in self.page.form_steps:
            if step.name == step_name:
                break
            data = self.storage.get_step_data(step.name)
            if data is None or not step.shown(answers):
                continue
            form = build_step_form_class(step)(
                data=data, prefix=step.name, answers_before=dict(answers), stored_files=self.stored_files()
            )
            if form.is_valid():
                answers.update(step_answers(form))
        return answers

    def get_form_list(self):
        _answers, _valid, shown = self.walk()
        form_list = OrderedDict()
        for step in self.page.form_steps:
            if step.name in shown:
                form_list[step.name] = build_step_form_class(step)
        form_list[REVIEW_STEP] = ReviewForm
        # formtools deletes these after each valid step.
        self._resolved_form_list, self._cache_signature = form_list, None
        return form_list

    def all_steps_valid(self):
        _answers, valid, shown = self.walk()
        return set(shown) <= set(valid)

    def first_unfinished_step(self):
        _answers, valid, shown = self.walk()
        return next((name for name in shown if name not in valid), None)

    # Requests -------------------------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        form_list = self.get_form_list()
        wanted = request.GET.get("step")
        current = self.storage.current_step
        if wanted in form_list and wanted != REVIEW_STEP and self._reachable(wanted):
            current = wanted
            self._set_extra(return_to_review=request.GET.get("from") == REVIEW_STEP)
        if current not in form_list:
            current = self.steps.first
        if current == REVIEW_STEP and not self.all_steps_valid():
            current = self.first_unfinished_step() or self.steps.first
        if current == REVIEW_STEP:
            # Sent already, but this browser's session did not learn it: show what was sent.
            already_sent = self._already_sent(self.storage.extra_data.get(SEND_TOKEN_FIELD))
            if already_sent:
                return already_sent
        self.storage.current_step = current
        return self.render(self._stored_form(current))

    def _reachable(self, step_name):
        _answers, valid, shown = self.walk()
        for name in shown:
            if name == step_name:
                return True
            if name not in valid:
                return False
        return False

    def _stored_form(self, step):
        data = self.storage.get_step_data(step)
        if step == REVIEW_STEP:
            data = None
        return self.get_form(step=step, data=data)

    def post(self, *args, **kwargs):
        try:
            return self._post(*args, **kwargs)
        except StorageUnavailable:
            return self._storage_refused()

    def _storage_refused(self):
        """The file store failed: this step's answers and files were not kept (nor a request made);
        the citizen sees the step again with what they typed and a message in their language."""
        current = self.request.POST.get(f"{self.prefix}-current_step")
        if current not in self.get_form_list():
            current = self.storage.current_step or self.steps.first
        self.storage.current_step = current
        data = None if current == REVIEW_STEP else self.request.POST
        form = self.get_form(step=current, data=data, files=self.request.FILES)
        if data is None:
            form = ReviewForm(data=self.request.POST, prefix=REVIEW_STEP)
        form.is_valid()
        form.add_error(None, UNAVAILABLE_MESSAGE)
        response = self.render(form)
        response.status_code = 503
        response["Retry-After"] = "120"
        return response

    def _post(self, *args, **kwargs):
        post = self.request.POST
        if "wizard_restart" in post:
            discard_files(self.stored_files())
            self.storage.reset()
            return self._redirect()
        if "wizard_goto_step" in post or "wizard_save" in post:
            self._keep_current_step()
            if "wizard_save" in post:
                return HttpResponseRedirect(self.page.subpage_url("save_for_later"))
            target = post.get("wizard_goto_step")
            if target in self.get_form_list():
                self.storage.current_step = target
            return self._redirect()
        if post.get(f"{self.prefix}-current_step") == REVIEW_STEP:
            already_sent = self._already_sent(self._posted_token())
            if already_sent:
                return already_sent
        if self.steps.current == REVIEW_STEP and post.get(f"{self.prefix}-current_step") == REVIEW_STEP:
            if limits.exceeded(self.request, "eforms-submit", per_address=conf.submit_rate()):
                form = ReviewForm(data=post, prefix=REVIEW_STEP)
                form.is_valid()
                form.add_error(
                    None,
                    _("Too many requests have been sent from your connection. Please try again in an hour."),
                )
                response = self.render(form)
                response.status_code = 429
                return response
        if post.get(f"{self.prefix}-current_step") not in self.get_form_list():
            # A tampered or stale step name would make formtools fail: show the real current step.
            return self._redirect()
        return super().post(*args, **kwargs)

    def _keep_current_step(self):
        """Back or save: store what was typed on this step, valid or not, and files that passed."""
        posted = self.request.POST.get(f"{self.prefix}-current_step")
        current = posted if posted in self.get_form_list() else self.storage.current_step
        if current in (None, REVIEW_STEP) or current not in self.get_form_list():
            return
        self.storage.current_step = current
        form = self.get_form(step=current, data=self.request.POST, files=self.request.FILES)
        if form.is_valid():
            self.storage.set_step_data(current, self.process_step(form))
        else:
            self.storage.set_step_data(current, strip_transient(form.data))
            self._save_accepted_uploads(form)

    def _redirect(self):
        return HttpResponseRedirect(self.page.subpage_url("apply"))

    # formtools hooks ------------------------------------------------------------------------------
    def process_step(self, form):
        if isinstance(form, StepForm):
            self._store_files(form)
        return strip_transient(self.get_form_step_data(form))

    def process_step_files(self, form):
        return {}  # files are kept by `_store_files`, several per field

    def _store_files(self, form):
        """New uploads first, all or none (a storage failure keeps nothing of this step); then the
        files the citizen removed are deleted."""
        files = dict(self.stored_files())
        discarded = {}
        with all_or_nothing(self.file_storage) as written:
            for spec in form.step.fields:
                if not spec.type.holds_files:
                    continue
                previous = files.get(spec.key, [])
                value = form.cleaned_data.get(spec.key)
                if value is None:  # hidden by a condition: neither required nor stored
                    discarded[spec.key] = previous
                    files.pop(spec.key, None)
                    continue
                kept_ids = {f["id"] for f in value["kept"]}
                discarded[spec.key] = [f for f in previous if f["id"] not in kept_ids]
                files[spec.key] = value["kept"] + [
                    save_upload(uploaded, written) for uploaded in value["new"]
                ]
        discard_files(discarded)
        self._set_extra(files=files)

    def _save_accepted_uploads(self, form):
        """On back or save with errors, keep new uploads that passed their own checks."""
        files = dict(self.stored_files())
        with all_or_nothing(self.file_storage) as written:
            for spec in form.specs:
                if not spec.type.holds_files:
                    continue
                room = spec.max_files - len(files.get(spec.key, []))
                for uploaded in self.request.FILES.getlist(form.add_prefix(spec.key))[: max(room, 0)]:
                    try:
                        uploaded.detected_type = spec.type.validate_upload(spec, uploaded)
                    except Exception:  # noqa: BLE001 — rejected uploads are simply not kept
                        continue
                    files.setdefault(spec.key, []).append(save_upload(uploaded, written))
        self._set_extra(files=files)

    def render_next_step(self, form, **kwargs):
        if self.storage.extra_data.get("return_to_review") and self.all_steps_valid():
            self.storage.current_step = REVIEW_STEP
        else:
            self.storage.current_step = self.steps.next
        return self._redirect()

    def render_goto_step(self, goto_step, **kwargs):
        self.storage.current_step = goto_step
        return self._redirect()

    def render_revalidation_failure(self, step, form, **kwargs):
        self.storage.current_step = step
        return self._redirect()

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context.update(self.page.get_context(self.request))
        form.prepare_for_render()
        form_list = list(self.get_form_list())
        current = self.steps.current
        steps_by_name = {step.name: step for step in self.page.form_steps}
        answers, _valid, shown = self.walk()
        context.update(
            {
                "page": self.page,
                "form": form,
                "step": steps_by_name.get(current),
                "is_review": current == REVIEW_STEP,
                "step_number": form_list.index(current) + 1,
                "step_count": step_count(self.page.form_steps, answers),
                "previous_step": form_list[form_list.index(current) - 1]
                if form_list.index(current)
                else None,
                "error_summary": form.error_summary() if form.is_bound else [],
                "resumed_at": self.storage.extra_data.get("resumed_at"),
                "action_url": self.page.subpage_url("apply"),
            }
        )
        if current == REVIEW_STEP:
            context["review"] = services.review_sections(self.page, answers, shown, self.stored_files())
            context["send_token"] = self._send_token()
            context["send_token_field"] = SEND_TOKEN_FIELD
            context["fee_total"] = pricing.total(self.page, answers)
            context["origin_lines"] = origins.describe(self.storage.extra_data.get("origin"))
        return context

    # Sending once -----------------------------------------------------------------------------------
    def _send_token(self) -> str:
        """This sending's token: made when the review page is first shown, kept until it is sent."""
        token = self.storage.extra_data.get(SEND_TOKEN_FIELD)
        if not token:
            token = secrets.token_hex(16)
            self._set_extra(**{SEND_TOKEN_FIELD: token})
        return token

    def _posted_token(self) -> str:
        token = self.request.POST.get(SEND_TOKEN_FIELD, "")
        return token if _TOKEN_PATTERN.fullmatch(token) else ""

    def _already_sent(self, token):
        """The redirect to the confirmation of the request this token already made, or None."""
        if not token or not handoff.receiver().sent(self.page, self.request, self.prefix, token):
            return None
        self.storage.reset()  # the form was sent: its answers leave this browser, as after a first send
        return self._confirmation_redirect(token)

    def _confirmation_redirect(self, token):
        url = self.page.subpage_url("done")
        return HttpResponseRedirect(f"{url}?{urlencode({'sent': token})}")

    def done(self, form_list, **kwargs):
        """Hand the answers to the app that keeps requests (`eforms.handoff`), then show its page.

        The token posted with the review page is the one saved (the session's may not have been);
        the same token sent twice at once makes the second fail in the database, and it is answered
        with the first one's confirmation.
        """
        answers, _valid, shown = self.walk()
        token = self._posted_token() or self._send_token()
        try:
            handoff.receiver().submit(
                self.page,
                self.request,
                answers=answers,
                shown_steps=shown,
                files=self.stored_files(),
                language=get_language(),
                draft_id=self.storage.extra_data.get("draft_id"),
                prefix=self.prefix,
                send_token=token,
                origin=self.storage.extra_data.get("origin") or None,
            )
        except IntegrityError:
            already_sent = self._already_sent(token)
            if already_sent is None:
                raise
            return already_sent
        return self._confirmation_redirect(token)


def strip_transient(data):
    """Raw POST data as stored: without the CSRF token and the one-off "remove file" ticks."""
    if hasattr(data, "lists"):
        data = dict(data.lists())
    return {k: v for k, v in data.items() if k != "csrfmiddlewaretoken" and not k.endswith("__remove")}


def step_answers(form):
    """The cleaned answers of a valid step, by key (files as lists of their stored descriptions)."""
    answers = {}
    for spec in form.specs:
        if spec.key not in form.cleaned_data:
            continue
        answers[spec.key] = spec.type.answer(form.cleaned_data[spec.key])
    return answers


def save_upload(uploaded, written=None) -> dict:
    """Keep an upload in temporary private storage until the form is sent. `written` (from
    `all_or_nothing`) removes it again if the rest of the step fails."""
    written = written or Written(private_storage())
    uploaded.seek(0)
    name = written.save(random_path("tmp", uploaded.name), uploaded)
    return {
        "id": secrets.token_hex(8),
        "tmp": name,
        "name": uploaded.name[:200],
        "size": uploaded.size,
        "type": getattr(uploaded, "detected_type", ""),
        "saved_at": timezone.now().isoformat(),
    }


def discard_files(files_by_key: dict):
    storage = private_storage()
    for files in files_by_key.values():
        for info in files:
            if info.get("tmp"):
                delete_quietly(storage, info["tmp"])


def serve_wizard(page, request):
    view = EFormWizard.as_view(form_list=[("placeholder", ReviewForm)], page=page)
    return view(request)
