"""The demo office's board has a few reports in several states, and loading the demo twice adds none."""

from io import StringIO

import pytest
from django.core.management import call_command

from problems.models import OfficeArea, ProblemReport

pytestmark = pytest.mark.django_db


def test_the_demo_board(client, admin_user):
    call_command("load_demo", stdout=StringIO())
    assert ProblemReport.objects.count() == 5 and OfficeArea.objects.count() == 1
    page = client.get("/th/reports/").content.decode()
    assert page.count('class="problems-card"') == 5
    assert "แก้ไขแล้ว" in page and "กำลังดำเนินการ" in page and "รับเรื่องแล้ว" in page
