"""The receiver eforms hands finished forms to (registered in `CaseworkConfig.ready`)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from casework import extensions, services
from casework.inbox.views import counter_officer_for, end_counter_session
from casework.models import Submission
from outbox import services as outbox

SESSION_KEY = "casework_done_{prefix}"


class Receiver:
    def submit(
        self,
        page,
        request,
        *,
        answers,
        shown_steps,
        files,
        language,
        draft_id,
        prefix,
        send_token=None,
        origin=None,
    ):
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
            send_token=send_token,
            origin=origin,
        )
        if officer is not None:
            end_counter_session(request)
        else:
            extensions.sent(request, submission)
        request.session[SESSION_KEY.format(prefix=prefix)] = submission.pk
        return submission.reference

    def sent(self, page, request, prefix, send_token):
        """The reference of the request this sending already made, if any (and this browser may see
        its confirmation again)."""
        submission = self._by_token(page, send_token)
        if submission is None:
            return None
        request.session[SESSION_KEY.format(prefix=prefix)] = submission.pk
        return submission.reference

    def _by_token(self, page, send_token):
        if not send_token:
            return None
        return Submission.objects.filter(send_token=send_token, service=page.source_page).first()

    def confirmation(self, page, request, prefix):
        """The reference and the expected completion date, only for the browser that sent it: found by
        its session, or by the sending's token in the address (when the session could not be saved)."""
        submission = self._by_token(page, request.GET.get("sent", "")[:64])
        if submission is None:
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
            submission_id=submission.pk, kind="acknowledgement"
        )
        response = TemplateResponse(request, page.landing_page_template, context)
        response["Cache-Control"] = "no-store"
        return response
