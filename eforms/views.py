"""Thin views: each reads the request, calls a service or a domain module, and renders."""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from eforms import conf, handoff, qr, services
from eforms.forms import SaveForLaterForm
from eforms.models import EServicePage
from eforms.storage import UNAVAILABLE_MESSAGE, StorageUnavailable
from eforms.wizard import wizard_prefix
from home.models import OrganisationSettings
from home.site import page_url
from outbox import services as outbox
from security import limits


def confirmation(page, request):
    """After sending: the page the app that keeps requests shows (see `eforms.handoff`)."""
    return handoff.receiver().confirmation(page, request, wizard_prefix(page))


def save_for_later(page, request):
    """Ask for an email address and send a link that resumes the form, files included, for 30 days."""
    session_key = f"wizard_{wizard_prefix(page)}"
    session_data = request.session.get(session_key)
    if not session_data or not session_data.get("step_data"):
        return HttpResponseRedirect(page.subpage_url("apply"))
    form = SaveForLaterForm(request.POST or None)
    context = page.get_context(request)
    context.update({"form": form, "sent_to": None})
    status = 200
    if request.method == "POST" and form.is_valid():
        if limits.exceeded(
            request,
            "eforms-draft",
            per_address=conf.draft_email_rate(),
            value=form.cleaned_data["email"],
            per_value=conf.draft_email_rate_per_recipient(),
        ):
            form.add_error(
                None, _("Too many requests have been sent from your connection. Please try again in an hour.")
            )
            status = 429
        else:
            try:
                draft, token = services.save_draft(
                    page, session_data, form.cleaned_data["email"], translation.get_language()
                )
            except StorageUnavailable:
                form.add_error(None, UNAVAILABLE_MESSAGE)
                status = 503
            else:
                message = services.send_resume_link(draft, services.resume_url(request, token))
                context["link_delayed"] = outbox.is_delayed(message)
                context["sent_to"] = form.cleaned_data["email"]
                context["expires_at"] = draft.expires_at
    context["error_summary"] = form.error_summary() if form.is_bound else []
    context["non_field_errors"] = form.non_field_errors()
    response = TemplateResponse(request, "eforms/save_for_later.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_GET
def resume(request, token):
    """The emailed link: puts the saved answers and files back in this browser's session."""
    draft = services.find_draft(token)
    if draft is None:
        with translation.override(translation.get_language_from_request(request)):
            # 410, not 404: a 404 here would be redirected to a language-prefixed URL.
            return TemplateResponse(request, "eforms/resume_expired.html", {}, status=410)
    locale = Locale.objects.filter(language_code=draft.language).first()
    page = draft.service.get_translation_or_none(locale) if locale else None
    if page is None or not page.live:
        page = draft.service
    page = page.specific
    try:
        request.session[f"wizard_{wizard_prefix(page)}"] = services.restore_draft(draft)
    except StorageUnavailable:
        context = {"message": UNAVAILABLE_MESSAGE, "retry_url": request.get_full_path()}
        return TemplateResponse(request, "eforms/storage_unavailable.html", context, status=503)
    return HttpResponseRedirect(page.subpage_url("apply"))


def _absolute_page_url(page, request):
    return page_url(page, request=request)


def qr_code(page, request, kind):
    url = _absolute_page_url(page, request)
    if kind == "svg":
        response = HttpResponse(qr.qr_svg(url), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr.qr_png(url), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Disposition"] = f'inline; filename="{page.slug}-qr.{kind}"'
    return response


def qr_for_path(request, language, page_path, kind):
    """`/th/services/garbage-fee/qr.svg`: the QR code of the e-service page at that path."""
    with translation.override(language):
        result = Page.route_for_request(request, page_path)
        page = result[0] if result else None
        if not isinstance(page, EServicePage):
            raise Http404
        return qr_code(page, request, kind)


def poster(page, request):
    """An A5 poster to print: the service's name in Thai and English, the QR code, the short URL."""
    url = _absolute_page_url(page, request)
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    organisation = OrganisationSettings.for_request(request)
    context = page.get_context(request)
    context.update(
        {
            "thai": translations.get("th", page),
            "english": translations.get("en"),
            "qr_svg": qr.qr_svg(url, scale=6).decode(),
            "short_url": qr.short_url(url),
            "organisation": organisation,
        }
    )
    return TemplateResponse(request, "eforms/poster.html", context)
