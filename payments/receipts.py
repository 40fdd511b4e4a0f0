"""Receipts: gap-free numbers per office and Thai fiscal year, and the PDF (Thai, or English for English-language
citizens) with the amount in Thai words and the Buddhist Era date.

The PDF is made from the database each time it is asked for, so a receipt is never out of step with
its payment. Fonts: Sarabun (SIL OFL), see `home/fonts/README.md`.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from eforms import field_types
from home.dates import buddhist_year, format_date
from home.models import OrganisationSettings
from home.pdf import FONTS, html_to_pdf
from offices.lookup import default_office
from payments import fees
from payments.constants import FeeKind, PaymentChannel
from payments.models import PaymentSettings, Receipt, ReceiptCounter
from payments.money import format_amount, in_thai_words


def fiscal_year(when) -> int:
    """The Thai government's fiscal year, in the Buddhist Era: 1 October 2025 starts FY 2569."""
    if isinstance(when, datetime.datetime):
        when = timezone.localtime(when).date() if timezone.is_aware(when) else when.date()
    return buddhist_year(when.year + 1 if when.month >= 10 else when.year)


def format_number(year: int, sequence: int) -> str:
    return f"{year}/{sequence:06d}"


def office_of(payment):
    """The office whose receipt book numbers the payment: the request's office."""
    return payment.submission.office


def issue(payment, when=None) -> Receipt:
    """Give a paid payment its receipt number in its office's book. Call inside the transaction that
    marks it paid: the office's counter row stays locked until that commits (other offices are not
    held up), and a rollback gives the number back."""
    existing = Receipt.objects.filter(payment=payment).first()
    if existing is not None:
        return existing
    when = when or timezone.now()
    year = fiscal_year(when)
    office = office_of(payment)
    ReceiptCounter.objects.get_or_create(office=office, fiscal_year=year)
    counter = ReceiptCounter.objects.select_for_update().get(office=office, fiscal_year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return Receipt.objects.create(
        payment=payment,
        office=office,
        fiscal_year=year,
        sequence=counter.last_number,
        number=format_number(year, counter.last_number),
        issued_at=when,
    )


def _organisation(office=None):
    office = office or default_office()
    return OrganisationSettings.for_site(office.site) if office else None


def _office_name(organisation, language):
    if organisation is None:
        return ""
    if language == "en":
        return organisation.name_en or organisation.name_th
    return organisation.name_th or organisation.name_en


def office_name_for(language, organisation=None) -> str:
    """The office's name as receipts (and payment pages) print it: *Settings › Organisation*, else the
    home page's title."""
    organisation = organisation or _organisation()
    name = _office_name(organisation, language)
    if name:
        return name
    site = organisation.site if organisation else None
    return site.root_page.title if site else ""


def _office_address(organisation, language):
    if organisation is None:
        return ""
    if language == "en":
        return organisation.address_en or organisation.address_th
    return organisation.address_th or organisation.address_en


def receipt_context(receipt, language=None) -> dict:
    payment = receipt.payment
    submission = payment.submission
    language = language or ("en" if payment.language == "en" else "th")
    organisation = _organisation(receipt.office)  # the office that issued it prints it
    office_name = office_name_for(language, organisation)
    settings = PaymentSettings.for_office(receipt.office)
    net = payment.amount_received - payment.amount_refunded
    return {
        "receipt": receipt,
        "payment": payment,
        "submission": submission,
        "language": language,
        "office_name": office_name,
        "office_address": _office_address(organisation, language),
        "office_phone": organisation.phone if organisation else "",
        "office_tax_note": settings.receipt_note_en if language == "en" else settings.receipt_note_th,
        "date": format_date(receipt.issued_at, language),
        "amount": format_amount(payment.amount_received),
        "amount_words": in_thai_words(payment.amount_received),
        "refunded": format_amount(payment.amount_refunded) if payment.amount_refunded else "",
        "net": format_amount(net),
        "fonts_url": FONTS.as_uri(),
        "paid_through": _paid_through(payment),
        "provider_reference": _provider_reference(payment),
        "payer": payer_name(submission),
        "paid_for": paid_for(submission),
        "received_by": received_by(payment),
        "demo": bool(getattr(_provider(payment), "is_demo", False)),  # took no money: say so
    }


def payer_name(submission) -> str:
    """Who paid: the applicant's name as the form gave it."""
    return submission.applicant_name or ""


def _receipt_keys(submission) -> list[str] | None:
    service = submission.service
    keys = (getattr(service, "receipt_answers", "") or "").replace(",", " ").split()
    return keys or None


def paid_for(submission) -> list[tuple[str, str]]:
    """(question, answer) pairs that say what was paid for: the answers the e-service names for its
    receipts (“house_no moo period”), else the answer that set the fee and any address."""
    keys = _receipt_keys(submission)
    if keys is None:
        rule = fees.service_fee(submission.service)
        option_key = rule.option_field_key if rule is not None and rule.kind == FeeKind.PER_OPTION else ""
        keys = [
            item.get("key")
            for item in submission.answers
            if item.get("key") == option_key or field_types.get(item.get("type", "")).layout == "address"
        ]
    by_key = {item.get("key"): item for item in submission.answers}
    return [
        (by_key[key].get("label", key), by_key[key].get("display", ""))
        for key in keys
        if key in by_key and by_key[key].get("display")
    ]


def received_by(payment) -> str:
    """The officer who took a counter payment, as the receipt names them."""
    officer = payment.recorded_by if payment.channel == PaymentChannel.COUNTER else None
    if officer is None:
        return ""
    return officer.get_full_name() or officer.get_username()


def _provider(payment):
    from payments.checkout import provider_or_none  # noqa: PLC0415 — checkout issues receipts

    return provider_or_none(payment)


def _paid_through(payment) -> str:
    provider = _provider(payment)
    if provider is None:
        return str(_("at the office")) if not payment.provider else ""
    return provider.receipt_label(payment)


def _provider_reference(payment):
    """(label, value) printed on the receipt, as the provider that took the payment words it."""
    provider = _provider(payment)
    return provider.receipt_reference(payment) if provider else None


def render_html(receipt, language=None) -> str:
    language = language or ("en" if receipt.payment.language == "en" else "th")
    with translation.override(language):  # the provider's words in the context too
        return render_to_string("payments/receipt.html", receipt_context(receipt, language))


def render_pdf(receipt, language=None) -> bytes:
    return html_to_pdf(render_html(receipt, language))


def filename(receipt) -> str:
    return f"receipt-{receipt.number.replace('/', '-')}.pdf"
