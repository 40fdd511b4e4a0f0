"""Hostile text in the path of every public URL that takes text from it (references, tokens, session
ids …), read from the URLconf so a URL added later is swept too: never a 500, and under a language
prefix the answer is a page in that language.

A NUL byte in a path once reached PostgreSQL, which refuses it in a query (a 500 for
`/th/payments/demo/checkout/%00/`, issue 11): CI runs this on PostgreSQL as well as SQLite.
"""

from urllib.parse import quote

import pytest
from django.test import Client

from tests.security.urlconf import all_urls

pytestmark = pytest.mark.django_db

HOSTILE = [
    "%00",
    "BA-69-000001%00",
    "cs_demo_%00",
    "%FF",
    "%ED%A0%80",  # a lone surrogate, encoded
    "a" * 1000,
    quote("ก" * 300),
    quote("‮gnp.exe"),
    "..",
    "%25",
    quote("'; DROP TABLE casework_submission; --"),
]
TEXT_CONVERTERS = {"str", "slug", "path"}


def text_urls():
    """Public URLs with a text parameter (the admin's answer anonymous visitors with the login)."""
    return [
        url
        for url in all_urls()
        if not url.route.startswith("admin/") and TEXT_CONVERTERS & set(url.parameters.values())
    ]


def test_the_sweep_finds_the_urls_that_take_references_and_tokens():
    names = {url.name for url in text_urls()}
    assert {
        "payments_citizen:demo_checkout",
        "payments_citizen:pay",
        "payments_citizen:promptpay_qr",
        "payments_citizen:promptpay_qr_image",
        "status:detail",
        "status:rate",
        "citizen_verify",
        "eforms:resume",
    } <= names


def test_hostile_text_in_any_path_parameter_is_never_a_server_error(site_pages, settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True  # the demo checkout's URL answers too
    client = Client(raise_request_exception=False)
    failures = []
    for url in text_urls():
        text_parameters = [n for n, c in url.parameters.items() if c in TEXT_CONVERTERS]
        for name in text_parameters:
            for value in HOSTILE:
                path = url.path(**{name: value})
                language = path.split("/")[1] if path.split("/")[1] in ("th", "en") else None
                for method in ("get", "post"):
                    response = getattr(client, method)(path)
                    if response.status_code >= 500:
                        failures.append(
                            f"{method.upper()} {path[:80]} ({url.name}) gave {response.status_code}"
                        )
                    elif (
                        language
                        and response.status_code >= 400
                        and response.get("Content-Type", "").startswith("text/html")
                        and f'lang="{language}"' not in response.content.decode("utf-8", "replace")
                    ):
                        failures.append(f"{method.upper()} {path[:80]} ({url.name}) is not in {language}")
    assert not failures, "\n".join(failures)
