"""The receiver eforms hands finished forms to (registered in `CaseworkConfig.ready`)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from casework import services
from casework.inbox.views import counter_officer_for, end_counter_session
from casework.models import Submission
from outbox import services as outbox

SESSION_KEY = "casework_done_{prefix}"


class Receiver:
    def submit(self, page, request, *, answers, shown_steps, files, language, draft_id, prefix):
        """Make the request; an officer filling the form in at the counter is recorded as such."""
        officer = counter_officer_for(request, page)
        submission = services.submit(
            page,
            answers=answers,
            shown_steps=shown_steps,
            files=files,
            language=language,
            draft_id=draft_id,
            counter_officer=officer,
        )
        if officer is not None:
            end_counter_session(request)
        request.session[SESSION_KEY.format(prefix=prefix)] = submission.pk
        return submission.reference

    def confirmation(self, page, request, prefix):
        """The reference and the expected completion date, only for the session that sent it."""
        submission_id = request.session.get(SESSION_KEY.format(prefix=prefix))
        submission = (
            Submission.objects.filter(pk=submission_id, service=page.source_page).first()
            if submission_id
            else None
        )
        if submission is None:
            return HttpResponseRedirect(page.url)
        context = page.get_context(request)
        context["submission"] = submission
        context["acknowledgement_delayed"] = outbox.delayed(
            reference=submission.reference, kind="acknowledgement"
        )
        response = TemplateResponse(request, page.landing_page_template, context)
        response["Cache-Control"] = "no-store"
        return response
