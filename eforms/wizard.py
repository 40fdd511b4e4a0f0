"""The citizen's wizard: django-formtools in the session, one step per URL-less POST, redirect after post.

What it adds to formtools: a GET shows the current step instead of starting again (a reload or the
browser's back button loses nothing); "back" and "save for later" keep what was typed; files are kept
in private storage between steps (several per field); "change" links from the review page return to
it; conditions decide which steps exist.
"""

import hashlib
import json
import secrets
from collections import OrderedDict

from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from formtools.wizard.views import SessionWizardView

from eforms import conf, handoff, services
from eforms.forms import ReviewForm, StepForm, build_step_form_class
from eforms.steps import REVIEW_STEP
from eforms.storage import private_storage, random_path
from security import limits


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
        post = self.request.POST
        if "wizard_restart" in post:
            discard_files(self.stored_files())
            self.storage.reset()
            return self._redirect()
        if "wizard_goto_step" in post or "wizard_save" in post:
            self._keep_current_step()
            if "wizard_save" in post:
                return HttpResponseRedirect(self.page.url + self.page.reverse_subpage("save_for_later"))
            target = post.get("wizard_goto_step")
            if target in self.get_form_list():
                self.storage.current_step = target
            return self._redirect()
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
        return HttpResponseRedirect(self.page.url + self.page.reverse_subpage("apply"))

    # formtools hooks ------------------------------------------------------------------------------
    def process_step(self, form):
        if isinstance(form, StepForm):
            self._store_files(form)
        return strip_transient(self.get_form_step_data(form))

    def process_step_files(self, form):
        return {}  # files are kept by `_store_files`, several per field

    def _store_files(self, form):
        files = dict(self.stored_files())
        for spec in form.step.fields:
            if not spec.type.holds_files:
                continue
            previous = files.get(spec.key, [])
            value = form.cleaned_data.get(spec.key)
            if value is None:  # hidden by a condition: neither required nor stored
                discard_files({spec.key: previous})
                files.pop(spec.key, None)
                continue
            kept_ids = {f["id"] for f in value["kept"]}
            discard_files({spec.key: [f for f in previous if f["id"] not in kept_ids]})
            files[spec.key] = value["kept"] + [save_upload(uploaded) for uploaded in value["new"]]
        self._set_extra(files=files)

    def _save_accepted_uploads(self, form):
        """On back or save with errors, keep new uploads that passed their own checks."""
        files = dict(self.stored_files())
        for spec in form.specs:
            if not spec.type.holds_files:
                continue
            room = spec.max_files - len(files.get(spec.key, []))
            for uploaded in self.request.FILES.getlist(form.add_prefix(spec.key))[: max(room, 0)]:
                try:
                    uploaded.detected_type = spec.type.validate_upload(spec, uploaded)
                except Exception:  # noqa: BLE001 — rejected uploads are simply not kept
                    continue
                files.setdefault(spec.key, []).append(save_upload(uploaded))
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
        context.update(
            {
                "page": self.page,
                "form": form,
                "step": steps_by_name.get(current),
                "is_review": current == REVIEW_STEP,
                "step_number": form_list.index(current) + 1,
                "step_count": len(form_list),
                "previous_step": form_list[form_list.index(current) - 1]
                if form_list.index(current)
                else None,
                "error_summary": form.error_summary() if form.is_bound else [],
                "resumed_at": self.storage.extra_data.get("resumed_at"),
                "action_url": self.page.url + self.page.reverse_subpage("apply"),
            }
        )
        if current == REVIEW_STEP:
            answers, _valid, shown = self.walk()
            context["review"] = services.review_sections(self.page, answers, shown, self.stored_files())
        return context

    def done(self, form_list, **kwargs):
        """Hand the answers to the app that keeps requests (`eforms.handoff`), then show its page."""
        answers, _valid, shown = self.walk()
        handoff.receiver().submit(
            self.page,
            self.request,
            answers=answers,
            shown_steps=shown,
            files=self.stored_files(),
            language=get_language(),
            draft_id=self.storage.extra_data.get("draft_id"),
            prefix=self.prefix,
        )
        return HttpResponseRedirect(self.page.url + self.page.reverse_subpage("done"))


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


def save_upload(uploaded) -> dict:
    storage = private_storage()
    uploaded.seek(0)
    name = storage.save(random_path("tmp", uploaded.name), uploaded)
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
                storage.delete(info["tmp"])


def serve_wizard(page, request):
    view = EFormWizard.as_view(form_list=[("placeholder", ReviewForm)], page=page)
    return view(request)
