"""The demo office's board has about thirty reports in several states over its villages, an anonymous
sensitive one that never reaches it, loading the demo twice adds none, and the home page links to
the board and to reporting (one test: loading the demo takes half a minute)."""

from io import StringIO

import pytest
from django.core.management import call_command

from offices.lookup import default_office
from problems import demo
from problems.models import OfficeArea, ProblemReport

pytestmark = pytest.mark.django_db


def test_the_demo_board(client, admin_user):
    call_command("load_demo", stdout=StringIO())
    assert ProblemReport.objects.count() == 31 and OfficeArea.objects.count() == 1
    assert ProblemReport.objects.values("village").distinct().count() >= 12
    page = client.get("/th/reports/").content.decode()
    assert "30 รายการ" in page or "30" in page
    assert "แก้ไขแล้ว" in page and "กำลังดำเนินการ" in page and "รับเรื่องแล้ว" in page
    assert ProblemReport.objects.filter(verdict="fixed").exists()
    assert ProblemReport.objects.filter(reopenings=1).exists()
    assert ProblemReport.objects.filter(photos__kind="after").distinct().count() >= 10
    assert "ร้องเรียนการทุจริต" not in page
    demo.load(default_office())  # again: nothing added
    assert ProblemReport.objects.count() == 31
    # The home page links to the board and to reporting.
    for lang in ("th", "en"):
        page = client.get(f"/{lang}/").content.decode()
        assert f'href="/{lang}/reports/new/"' in page and f'href="/{lang}/reports/"' in page
