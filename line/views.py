"""Thin views: the webhook, and the citizen's "get updates on LINE" and "stop" on a request."""

import segno
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from linebot.v3.exceptions import InvalidSignatureError

from casework.models import Submission
from home.site import absolute_url
from line import account as accounts
from line import bindings, login, webhook
from line.constants import LINK_TOKEN_MINUTES, BindingState
from line.models import Binding
from offices.lookup import office_for_request
from security.citizen_verification import is_verified, trust, verification_url

#: The confirmation page's proof that this browser just sent the request (no code needed to link it).
JUST_SENT_SALT = "line.just-sent"
JUST_SENT_SECONDS = 3600


@csrf_exempt
@require_POST
def receive(request):
    account = accounts.for_office(office_for_request(request))
    if account is None:
        # Not a 404: the language middleware would answer that with a redirect to /th/line/webhook/.
        return HttpResponseForbidden("LINE is not set up for this office")
    try:
        events = account.parser().parse(
            request.body.decode("utf-8"), request.headers.get("X-Line-Signature", "")
        )
    except (InvalidSignatureError, UnicodeDecodeError, ValueError, KeyError):
        return HttpResponseBadRequest("invalid signature")
    webhook.handle(account, events)
    return HttpResponse("OK")


def just_sent_proof(submission) -> str:
    return signing.dumps(submission.pk, salt=JUST_SENT_SALT)


def _may_link(request, submission) -> bool:
    if is_verified(request, submission):
        return True
    try:
        proof = signing.loads(request.POST.get("proof", ""), salt=JUST_SENT_SALT, max_age=JUST_SENT_SECONDS)
    except signing.BadSignature:
        return False
    return proof == submission.pk


def _render(request, context, status=200):
    response = TemplateResponse(request, "line/link.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def link(request, reference):
    """GET: what linking does, and the button; POST: a new single-use link and its QR code."""
    office = office_for_request(request)
    account = accounts.for_office(office)
    submission = Submission.objects.by_reference(reference, office=office)
    if account is None or submission is None:
        raise Http404
    here = reverse("line:link", args=[submission.reference])
    if not _may_link(request, submission):
        return redirect(verification_url(submission, here))
    context = {
        "submission": submission,
        "minutes": LINK_TOKEN_MINUTES,
        "proof": request.POST.get("proof", ""),
    }
    signed_in = login.signed_in_user(request.session, office)
    if request.method == "POST" and signed_in:
        # Signed in with LINE on this browser: that LINE user is bound at once, no link to send.
        bindings.bind(submission, signed_in, by="citizen:line-login")
        trust(request, submission)
        messages.success(request, _("Done: your LINE will receive every update about this request."))
        return redirect("status:detail", submission.reference)
    if request.method == "POST":
        token = bindings.new_link_token(submission)
        url = account.message_url(bindings.link_text(submission, token))
        qr = segno.make(url, error="m").svg_inline(
            scale=4, border=2, title=_("QR code to link this request on LINE")
        )
        context.update(url=url, qr=qr)
    return _render(request, context)


def unbind(request, reference):
    """POST from the status page's button; any other method lands on the status page (a page in the
    citizen's language, not a bare 405)."""
    submission = Submission.objects.by_reference(reference, office=office_for_request(request))
    if submission is None or not is_verified(request, submission):
        return redirect("status:lookup")
    if request.method != "POST":
        return redirect("status:detail", submission.reference)
    if bindings.unbind_request(submission, by="citizen:status-page"):
        messages.success(request, _("LINE updates stopped. We keep sending them by email."))
    return redirect("status:detail", submission.reference)


def panel_context(request, submission, *, just_sent=False) -> dict | None:
    """What the status and confirmation pages show about LINE, or None when the office has no LINE."""
    if accounts.for_office(submission.office) is None:
        return None
    states = set(Binding.objects.filter(submission=submission).values_list("state", flat=True))
    return {
        "submission": submission,
        "active": BindingState.ACTIVE in states,
        "blocked": BindingState.BLOCKED in states and BindingState.ACTIVE not in states,
        "proof": just_sent_proof(submission) if just_sent else "",
    }


# Sign in with LINE ----------------------------------------------------------------------------------
def _login_channel_or_404(request):
    channel = login.for_office(office_for_request(request))
    if channel is None:
        raise Http404
    return channel


def _callback_url(request):
    return absolute_url(reverse("line:login_callback"), request=request)


@never_cache
def sign_in(request):
    channel = _login_channel_or_404(request)
    state, nonce = login.start(request.session)
    return redirect(channel.authorize_url(_callback_url(request), state, nonce, get_language() or "th"))


@never_cache
def sign_in_callback(request):
    channel = _login_channel_or_404(request)
    try:
        login.finish(
            request.session,
            channel,
            state=request.GET.get("state", ""),
            code=request.GET.get("code", ""),
            redirect_uri=_callback_url(request),
        )
    except login.LoginError:
        response = TemplateResponse(request, "line/sign_in_failed.html", {}, status=400)
        response["Cache-Control"] = "no-store"
        return response
    return redirect("line:my_requests")


def _my_bindings(request):
    office = office_for_request(request)
    user_id = login.signed_in_user(request.session, office)
    if not user_id:
        return None
    return Binding.objects.active().filter(office=office, line_user_id=user_id).select_related("submission")


@never_cache
def my_requests(request):
    """Every request bound to the LINE user signed in on this browser, in this office; no code needed."""
    bound = _my_bindings(request)
    if bound is None:
        return (
            redirect("line:sign_in")
            if login.for_office(office_for_request(request))
            else redirect("status:lookup")
        )
    submissions = sorted((b.submission for b in bound), key=lambda s: s.submitted_at, reverse=True)
    response = TemplateResponse(request, "line/my_requests.html", {"submissions": submissions})
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def open_request(request, reference):
    """From "my requests" to the status page: the LINE sign-in stands for the one-time code."""
    bound = _my_bindings(request)
    binding = bound.filter(submission__reference=reference.upper()).first() if bound is not None else None
    if binding is None:
        return redirect("status:lookup")
    trust(request, binding.submission)
    return redirect("status:detail", binding.submission.reference)


@require_POST
def sign_out(request):
    request.session.pop(login.SESSION_KEY, None)
    return redirect("status:lookup")
