"""Inbox: server time and SQL queries of the list, a filtered list and a detail page, with 1,000 and
then 100,000 submissions (built with bulk_create). The query counts must not grow with the rows."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import timezone

from casework.constants import SubmissionStatus
from casework.models import ServiceHandler, Submission
from home.groups import PERMIT_OFFICERS
from tests.bench.bench_eforms import _service, _site
from tests.bench.util import measure_get

STATES = [s for s in SubmissionStatus.values]


def _add(services, count, start, officer):
    rng = random.Random(start)
    now = timezone.now()
    batch = []
    for number in range(start, start + count):
        service = services[number % len(services)]
        submitted = now - datetime.timedelta(minutes=number * 7)
        batch.append(
            Submission(
                reference=f"BN-69-{number:07d}",
                service=service,
                service_title=service.title,
                language="th" if number % 4 else "en",
                status=rng.choice(STATES),
                answers=[{"key": "full_name", "label": "ชื่อ", "step": "ผู้ยื่น", "value": f"ผู้ยื่น {number}",
                          "display": f"ผู้ยื่น {number}"}],
                applicant_email=f"citizen{number}@example.com",
                applicant_name=f"ผู้ยื่น {number}",
                processing_days=15,
                expected_completion=(submitted + datetime.timedelta(days=21)).date(),
                submitted_at=submitted,
                assignee=officer if number % 3 == 0 else None,
            )
        )  # fmt: skip
        if len(batch) == 5000:
            Submission.objects.bulk_create(batch)
            batch = []
    Submission.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        # What autovacuum does to a table that grew over years: statistics for the planner and a
        # visibility map, without which the counts cannot be read from the index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE casework_submission")


def run(report):
    catalogue = _site()
    services = [_service(catalogue, f"inbox-{n}", fields_per_step=2) for n in range(3)]
    group = Group.objects.get(name=PERMIT_OFFICERS)
    for service in services[:2]:
        ServiceHandler.objects.create(service=service, group=group)
    officer = get_user_model().objects.create_user("bench-officer", password="a-long-bench-password")
    officer.groups.add(group)
    client = Client()
    client.force_login(officer)
    total = 0
    for target in (1_000, 100_000):
        _add(services, target - total, total, officer)
        total = target
        detail = Submission.objects.visible_to(officer).order_by("-pk").first()
        pages = {
            "list": "/admin/inbox/",
            "filtered list (service, overdue, mine)": f"/admin/inbox/?service={services[0].pk}&due=overdue"
            "&assignee=me&sort=due",
            "search by name": "/admin/inbox/?q=ผู้ยื่น 4242&status=all",
            "detail": f"/admin/inbox/{detail.pk}/",
        }
        for label, url in pages.items():
            seconds, queries, size = measure_get(url, repeat=5, client=client)
            report(f"inbox {label}, {total} rows", seconds * 1000, "ms")
            report(f"inbox {label}, {total} rows: queries", queries, "queries")
