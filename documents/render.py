"""The document's PDF: the office's letterhead, the text as issued, the signing officer, and a QR code
to the public verification page. Thai or English (the request's language), the receipts' font, whose
text copies out as Thai; PDF/A-3b where WeasyPrint can make it."""

import base64

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from casework.filing import office_address, office_name
from documents.constants import DocumentType
from home.dates import format_date
from home.pdf import FONTS, html_to_pdf
from home.site import absolute_url


def language_of(document) -> str:
    return "en" if document.submission.language == "en" else "th"


def verification_url(document, language) -> str:
    """The address the QR code holds, on the document's office's site."""
    with translation.override(language):
        path = reverse("documents:verify", args=[document.verification_code])
    return absolute_url(path, page=document.submission.service)


def qr_data_uri(url: str) -> str:
    import segno  # noqa: PLC0415 — only when a document is drawn

    return segno.make(url, error="m").png_data_uri(scale=6, border=2)


def _signature(document) -> str:
    image = document.signature_image
    if image is None:
        return ""
    try:
        with image.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return ""  # a missing file leaves the line for a handwritten signature
    kind = "png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"


def context(document, language=None, *, preview=False) -> dict:
    language = language or language_of(document)
    english = language == "en"
    office = document.submission.office
    return {
        "document": document,
        "language": language,
        "preview": preview,
        "fonts_url": FONTS.as_uri(),
        "office_name": office_name(office, language),
        "office_address": office_address(office, language),
        "title": (document.title_en if english else "") or document.title_th,
        "type_label": DocumentType(document.document_type).label,
        "body": (document.body_en if english else "") or document.body_th,
        "conditions": (document.conditions_en if english else "") or document.conditions_th,
        "position": (document.signer_position_en if english else "") or document.signer_position_th,
        "issued_on": format_date(document.issued_on, language),
        "valid_until": format_date(document.valid_until, language) if document.valid_until else "",
        "signature": _signature(document),
        "verify_url": "" if preview else verification_url(document, language),
        "qr": "" if preview else qr_data_uri(verification_url(document, language)),
    }


def render_html(document, language=None, *, preview=False) -> str:
    language = language or language_of(document)
    with translation.override(language):
        return render_to_string("documents/document.html", context(document, language, preview=preview))


def render_pdf(document, language=None, *, preview=False) -> bytes:
    return html_to_pdf(render_html(document, language, preview=preview), pdf_variant="pdf/a-3b")


def filename(document) -> str:
    return f"{document.document_type}-{document.number.replace('/', '-') or 'preview'}.pdf"
