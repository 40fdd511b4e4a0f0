"""Addresses of the citizen's payment pages, for views, emails and other apps (the status page)."""

from django.urls import reverse
from django.utils import translation


def payment_page_url(submission, language=None) -> str:
    with translation.override(language or translation.get_language() or "th"):
        return reverse("payments_citizen:pay", args=[submission.reference])


def receipt_url(submission, language=None) -> str:
    with translation.override(language or translation.get_language() or "th"):
        return reverse("payments_citizen:receipt", args=[submission.reference])
