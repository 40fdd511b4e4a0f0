"""Proof of filing: a PDF of what the citizen sent (reference, service, office, date and time of
filing, the answers and file names, the expected decision date), in the request's language.

Made again from the request each time it is asked for (the acknowledgement's attachment, the status
page's download): nothing heavy is stored, and it always matches the stored snapshot of the answers.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from casework.constants import FINAL_STATUSES
from casework.models import Submission
from home.dates import format_date
from home.models import OrganisationSettings
from home.pdf import FONTS, html_to_pdf

#: The outbox attachment kind (registered in `CaseworkConfig.ready`).
ATTACHMENT = "casework.proof_of_filing"


def language_of(submission) -> str:
    return "en" if submission.language == "en" else "th"


def format_datetime(value, language) -> str:
    """ "6 ธันวาคม 2569 เวลา 13:05 น." / "6 December 2026 at 13:05" (in the site's time zone)."""
    local = timezone.localtime(value)
    if language == "th":
        return f"{format_date(local, 'th')} เวลา {local:%H:%M} น."
    return f"{format_date(local, 'en')} at {local:%H:%M}"


def office_name(office, language) -> str:
    """The office's name as its documents print it: *Settings › Organisation*, else its site's title."""
    organisation = OrganisationSettings.for_site(office.site) if office and office.site_id else None
    if organisation is not None:
        first, second = (
            (organisation.name_en, organisation.name_th)
            if language == "en"
            else (organisation.name_th, organisation.name_en)
        )
        if first or second:
            return first or second
    return office.site.root_page.title if office and office.site_id else ""


def office_address(office, language) -> str:
    organisation = OrganisationSettings.for_site(office.site) if office and office.site_id else None
    if organisation is None:
        return ""
    if language == "en":
        return organisation.address_en or organisation.address_th
    return organisation.address_th or organisation.address_en


def context(submission, language=None) -> dict:
    language = language or language_of(submission)
    steps = []
    for item in submission.answers:
        if item.get("type") == "consent":
            continue
        if not steps or steps[-1][0] != item.get("step", ""):
            steps.append((item.get("step", ""), []))
        steps[-1][1].append((item.get("label", item.get("key", "")), item.get("display", "")))
    return {
        "submission": submission,
        "language": language,
        "fonts_url": FONTS.as_uri(),
        "office_name": office_name(submission.office, language),
        "office_address": office_address(submission.office, language),
        "filed_at": format_datetime(submission.submitted_at, language),
        # Decided or withdrawn requests have no expected date any more: the PDF says what was expected
        # when it was filed only while that is still the plan.
        "expected": format_date(submission.expected_completion, language)
        if submission.status not in FINAL_STATUSES
        else "",
        "steps": steps,
        "files": [f.original_name for f in submission.files.all() if f.event_id is None],
    }


def render_html(submission, language=None) -> str:
    language = language or language_of(submission)
    with translation.override(language):
        return render_to_string("casework/pdf/proof_of_filing.html", context(submission, language))


def render_pdf(submission, language=None) -> bytes:
    return html_to_pdf(render_html(submission, language))


def filename(submission) -> str:
    return f"proof-of-filing-{submission.reference}.pdf"


def attachment_spec(submission) -> dict:
    return {"kind": ATTACHMENT, "submission": submission.pk, "language": language_of(submission)}


def attachment(spec):
    """outbox attachment maker: the proof of filing, made when the email goes."""
    submission = Submission.objects.select_related("office__site").get(pk=spec["submission"])
    return filename(submission), render_pdf(submission, spec.get("language")), "application/pdf"
