"""E-forms: server time and SQL queries per wizard step, for a small and a large form, with few and many
existing submissions. The queries per step must not grow with either."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casework.models import Submission
from eforms.models import EFormField, EServicePage, ServiceCataloguePage
from eforms.wizard import wizard_prefix
from tests.conftest import build_thai_home
from tests.eforms.factories import add_catalogue

REPEAT = 15


def _site():
    if not ServiceCataloguePage.objects.exists():
        add_catalogue(build_thai_home(site_name="Bench"), title="บริการ")
    return ServiceCataloguePage.objects.get()


def _service(catalogue, slug, fields_per_step, steps=3):
    page = EServicePage(title=f"บริการ {slug}", slug=slug, reference_prefix="BN")
    catalogue.add_child(instance=page)
    order = 0
    for step in range(steps):
        page.form_fields.add(
            EFormField(key=f"step_{step}", field_type="step", label=f"ขั้นตอน {step}", sort_order=order)
        )
        order += 1
        for number in range(fields_per_step):
            kind = ["singleline", "radio", "number", "email"][number % 4]
            page.form_fields.add(
                EFormField(
                    key=f"s{step}_f{number}",
                    field_type=kind,
                    label=f"คำถาม {step}.{number}",
                    choices="ใช่\nไม่ใช่" if kind == "radio" else "",
                    sort_order=order,
                )
            )
            order += 1
    page.save_revision().publish()
    return page


def _answers(page, step):
    data = {}
    for field in page.form_fields.all():
        if not field.key.startswith(f"s{step}_"):
            continue
        value = {"singleline": "ข้อความ", "radio": "1", "number": "12", "email": "a@example.com"}[
            field.field_type
        ]
        data[f"step_{step}-{field.key}"] = value
    return data


def _measure(page, steps=3):
    """(median GET ms, GET queries, median POST ms, POST queries) over fresh citizens."""
    url = page.url + "apply/"
    prefix = wizard_prefix(page)
    get_times, post_times, get_queries, post_queries = [], [], [], []
    for _ in range(REPEAT):
        client = Client()
        client.get(url)
        for step in range(steps):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            get_times.append(time.perf_counter() - started)
            get_queries.append(len(queries))
            payload = {f"{prefix}-current_step": f"step_{step}", **_answers(page, step)}
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.post(url, payload)
            post_times.append(time.perf_counter() - started)
            post_queries.append(len(queries))
            assert response.status_code == 302, response.content[:2000]
    return (
        statistics.median(get_times) * 1000,
        max(get_queries),
        statistics.median(post_times) * 1000,
        max(post_queries),
    )


def _add_submissions(page, count):
    now = timezone.now()
    Submission.objects.bulk_create(
        [
            Submission(
                reference=f"BN-69-{n:06d}",
                service=page,
                service_title=page.title,
                language="th",
                answers=[{"key": "x", "label": "x", "value": n}],
                processing_days=5,
                expected_completion=now.date(),
                submitted_at=now,
            )
            for n in range(Submission.objects.count() + 1, Submission.objects.count() + count + 1)
        ],
        batch_size=1000,
    )


def run(report):
    catalogue = _site()
    small = _service(catalogue, "small", fields_per_step=2)
    large = _service(catalogue, "large", fields_per_step=20)
    for existing in (0, 20_000):
        if existing:
            _add_submissions(small, existing // 2)
            _add_submissions(large, existing // 2)
        for name, page, fields in (("small", small, 6), ("large", large, 60)):
            get_ms, get_q, post_ms, post_q = _measure(page)
            label = f"eforms {name} form ({fields} fields), {existing} submissions"
            report(f"{label}: GET step", get_ms, "ms")
            report(f"{label}: GET step queries", get_q, "queries")
            report(f"{label}: POST step", post_ms, "ms")
            report(f"{label}: POST step queries", post_q, "queries")
