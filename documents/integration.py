"""What this app adds to casework's pages and emails (registered in `DocumentsConfig.ready`): the
citizen's download on the status page, the attachment of the approval email, the officer's panel on
the inbox's detail page, and the outbox's attachment maker."""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from casework.constants import SubmissionStatus
from documents import render, renewals, services
from documents.models import IssuedDocument, Renewal

ATTACHMENT = "documents.issued"


def issued(submission):
    return IssuedDocument.objects.filter(submission=submission).select_related("submission__office").first()


def label(document, language=None) -> str:
    with translation.override(language or render.language_of(document)):
        english = translation.get_language() == "en"
        title = (document.title_en if english else "") or document.title_th
        return _("%(title)s No. %(number)s") % {"title": title, "number": document.number}


def downloads(submission):
    """The status page's link to the document (the citizen proved the email already)."""
    document = issued(submission)
    if document is None:
        return None
    return [
        {
            "label": _("%(document)s (PDF)") % {"document": label(document, translation.get_language())},
            "url": reverse("documents:download", args=[submission.reference]),
        }
    ]


def citizen_actions(submission):
    """The status page's "Renew" button, from when the renewal opens until it closes; otherwise why
    not (from when it opens, revoked, renewed already …) where the document's service is renewed."""
    document = issued(submission)
    if document is None or document.valid_until is None:
        return None
    decision = renewals.decide(document, timezone.localdate())
    if decision.allowed:
        return [
            {
                "label": _("Renew this document online"),
                "url": renewals.renew_url(submission),
                "hint": _("Your last answers and files are filled in: you change only what has changed."),
            }
        ]
    if decision.link is None or not decision.reason:
        return None
    return [{"label": "", "url": "", "hint": decision.reason}]


def email_attachments(submission, event):
    """The approval email carries the document it issued."""
    if event.to_status != SubmissionStatus.APPROVED:
        return None
    document = issued(submission)
    if document is None:
        return None
    spec = {"kind": ATTACHMENT, "document": document.pk, "language": render.language_of(document)}
    return [{"label": label(document), "spec": spec}]


def attachment(spec):
    """outbox attachment maker: the document's PDF, drawn when the email goes (its state as of then)."""
    document = IssuedDocument.objects.select_related("submission__office").get(pk=spec["document"])
    return render.filename(document), render.render_pdf(document, spec.get("language")), "application/pdf"


def staff_panel(request, submission):
    """The inbox's panel: the issued document with its state and actions, or the preview before approval."""
    document = issued(submission)
    link = services.link_for(submission)
    if document is None and link is None:
        return None
    renewal = Renewal.objects.filter(submission=submission).select_related("previous__submission").first()
    context = {
        "submission": submission,
        "document": document,
        "link": link,
        "changes": services.available(document) if document else [],
        "template_missing": link is not None
        and (link.template is None or link.template.office_id != submission.office_id),
        "can_preview": document is None
        and submission.status
        in (SubmissionStatus.SUBMITTED, SubmissionStatus.IN_REVIEW, SubmissionStatus.WAITING),
        "csrf_token": get_token(request),
        "renewal": renewal,
        "changed": renewals.changed_answers(renewal) if renewal else [],
    }
    return render_to_string("documents/includes/inbox_panel.html", context, request=request)
