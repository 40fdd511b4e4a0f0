"""Staff see requests by office: an office's administrators see all of their own office and none of
another's; an agreement lets another office's officers handle one service while it is in force."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from freezegun import freeze_time

from casework.models import ServiceHandler, Submission
from eforms.models import Draft, ServiceCataloguePage
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS
from offices.groups import group_name
from offices.models import ProcessingAgreement
from privacy.models import AccessLog
from tests.casework.factories import make_submission
from tests.conftest import make_staff
from tests.eforms.factories import make_service
from tests.offices.conftest import FIRST_TH, SECOND_TH, create_second_office
from tests.privacy.test_retention import EMAIL, assert_erased, finished_request

pytestmark = pytest.mark.django_db


def _catalogue(office):
    return office.site.root_page.get_children().type(ServiceCataloguePage).get().specific


@pytest.fixture
def two_offices(first_office, catalogue, django_user_model):
    """Nong Bua with two services (one given to no group) and a request on each; the first office's
    service with a request; Nong Bua's administrator and officer, and a third office's officer."""
    nongbua = create_second_office()
    third = create_second_office(domain="third.example", code="third", name_th="เทศบาลที่สาม", name_en="Third")
    market = make_service(_catalogue(nongbua), slug="market", title="ขอใช้ตลาด", reference_prefix="MK")
    sign = make_service(_catalogue(nongbua), slug="sign", title="ขอติดตั้งป้าย", reference_prefix="SG")
    ServiceHandler.objects.create(
        service=market, group=Group.objects.get(name=group_name("nongbua", PERMIT_OFFICERS))
    )
    home_service = make_service(catalogue, slug="home-service", title="ขออนุญาตก่อสร้าง", reference_prefix="BP")
    return {
        "nongbua": nongbua,
        "third": third,
        "market": market,
        "sign": sign,
        "market_request": make_submission(market, applicant_name="มาลี ตลาดใหม่"),
        "sign_request": make_submission(sign, applicant_name="สมศรี ป้ายงาม"),
        "home_request": make_submission(home_service, applicant_name="ประยุทธ บ้านเดิม"),
        "admin": make_staff(django_user_model, "nb_admin", group_name("nongbua", ADMINISTRATORS)),
        "officer": make_staff(django_user_model, "nb_officer", group_name("nongbua", PERMIT_OFFICERS)),
        "third_officer": make_staff(django_user_model, "third_officer", group_name("third", PERMIT_OFFICERS)),
    }


def test_a_request_belongs_to_the_office_of_its_service(two_offices, first_office):
    assert two_offices["market_request"].office == two_offices["nongbua"]
    assert two_offices["home_request"].office == first_office


def test_an_office_administrator_sees_every_request_of_their_office_and_no_other(client, two_offices):
    client.force_login(two_offices["admin"])
    page = client.get(reverse("inbox:index")).content.decode()
    assert "มาลี ตลาดใหม่" in page and "สมศรี ป้ายงาม" in page  # the sign service is given to no group
    assert "ประยุทธ บ้านเดิม" not in page
    home = two_offices["home_request"]
    assert client.get(reverse("inbox:detail", args=[home.pk])).status_code in (302, 403, 404)
    assert client.get(reverse("inbox:detail", args=[10**8])).status_code == (
        client.get(reverse("inbox:detail", args=[home.pk])).status_code
    )
    assert client.get(reverse("inbox:detail", args=[two_offices["sign_request"].pk])).status_code == 200


def test_an_officer_sees_only_the_services_of_their_group(client, two_offices):
    client.force_login(two_offices["officer"])
    page = client.get(reverse("inbox:index")).content.decode()
    assert "มาลี ตลาดใหม่" in page
    assert "สมศรี ป้ายงาม" not in page and "ประยุทธ บ้านเดิม" not in page


def _visible(user):
    return set(Submission.objects.visible_to(user).values_list("pk", flat=True))


def test_an_agreement_shares_one_service_only_while_in_force(two_offices):
    officer, market = two_offices["third_officer"], two_offices["market_request"]
    ProcessingAgreement.objects.create(
        service=two_offices["market"],
        handled_by=two_offices["third"],
        starts_on=datetime.date(2026, 12, 10),
        ends_on=datetime.date(2026, 12, 31),
    )
    with freeze_time("2026-12-09 12:00"):
        assert _visible(officer) == set()
    with freeze_time("2026-12-10 12:00"):
        assert _visible(officer) == {market.pk}  # not the sign service, not the first office's
    with freeze_time("2027-01-01 12:00"):
        assert _visible(officer) == set()


def _record(client, two_offices, **data):
    form = {
        "service": two_offices["market"].pk,
        "handled_by": two_offices["third"].pk,
        "starts_on": "2026-12-01",
        "ends_on": "",
        "note": "บันทึกข้อตกลง ที่ 12/2569",
        **data,
    }
    return client.post(reverse("offices_agreements:add"), form)


@freeze_time("2026-12-06 12:00")
def test_an_office_administrator_records_and_ends_an_agreement(client, two_offices):
    client.force_login(two_offices["admin"])
    response = _record(client, two_offices)
    assert response.status_code == 302
    agreement = ProcessingAgreement.objects.get()
    assert agreement.recorded_by == two_offices["admin"] and agreement.note == "บันทึกข้อตกลง ที่ 12/2569"
    assert _visible(two_offices["third_officer"]) == {two_offices["market_request"].pk}
    listing = client.get(reverse("offices_agreements:index")).content.decode()
    assert "ขอใช้ตลาด" in listing and "เทศบาลที่สาม" in listing

    client.post(reverse("offices_agreements:end", args=[agreement.pk]))
    agreement.refresh_from_db()
    assert agreement.ends_on == datetime.date(2026, 12, 5)
    assert _visible(two_offices["third_officer"]) == set()


@freeze_time("2026-12-06 12:00")
def test_an_agreement_cannot_share_with_its_own_office_nor_share_another_offices_service(
    client, two_offices, catalogue
):
    client.force_login(two_offices["admin"])
    response = _record(client, two_offices, handled_by=two_offices["nongbua"].pk)
    assert response.status_code == 200
    assert "เลือกสำนักงานอื่น" in response.content.decode()
    home_service = catalogue.get_children().get(slug="home-service")
    response = _record(client, two_offices, service=home_service.pk)
    assert response.status_code == 200 and not ProcessingAgreement.objects.exists()


def test_the_receiving_office_sees_but_cannot_end_an_agreement(client, two_offices, django_user_model):
    agreement = ProcessingAgreement.objects.create(
        service=two_offices["market"], handled_by=two_offices["third"], starts_on=datetime.date(2026, 1, 1)
    )
    third_admin = make_staff(django_user_model, "t_admin", group_name("third", ADMINISTRATORS))
    client.force_login(third_admin)
    assert "ขอใช้ตลาด" in client.get(reverse("offices_agreements:index")).content.decode()
    # Refused as a missing one: a 404, which LocaleMiddleware sends on to the /th/ path.
    response = client.post(reverse("offices_agreements:end", args=[agreement.pk]))
    assert (response.status_code, response.get("Location")) in [
        (404, None),
        (302, f"/th{response.request['PATH_INFO']}"),
    ]
    agreement.refresh_from_db()
    assert agreement.ends_on is None


def test_an_office_administrator_reads_the_personal_data_log_of_their_office_only(
    client, two_offices, administrator
):
    client.force_login(administrator)  # a platform administrator opens a request of each office
    client.get(reverse("inbox:detail", args=[two_offices["market_request"].pk]))
    client.get(reverse("inbox:detail", args=[two_offices["home_request"].pk]))
    market, home = two_offices["market_request"].reference, two_offices["home_request"].reference
    assert (
        market in client.get("/admin/personal_data_log/").text
        and home in client.get("/admin/personal_data_log/").text
    )

    client.force_login(two_offices["admin"])
    log = client.get("/admin/personal_data_log/")
    assert log.status_code == 200
    assert market in log.text and home not in log.text
    exported = client.get("/admin/personal_data_log/?export=csv")
    content = b"".join(exported.streaming_content).decode() if exported.streaming else exported.text
    assert market in content and home not in content
    entry = AccessLog.objects.get(object_label=home)
    assert client.get(f"/admin/personal_data_log/inspect/{entry.pk}/").status_code in (302, 404)


def test_an_office_administrator_answers_a_data_subject_request_for_their_office_only(
    client, two_offices, administrator
):
    """One person with a finished request at Nong Bua and one at the first office, and a saved draft:
    Nong Bua's administrator finds, copies and erases the Nong Bua request only."""
    finished = datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)
    ours = finished_request(two_offices["market"], administrator, finished_on=finished)
    theirs = finished_request(
        two_offices["home_request"].service.specific, administrator, finished_on=finished
    )
    Draft.objects.create(
        token_hash="h", service=ours.service, language="th", email=EMAIL, expires_at=finished
    )

    client.force_login(two_offices["admin"])
    url = reverse("privacy_subject_requests:search")
    assert client.get(url).status_code == 200
    found = client.post(url, {"q": EMAIL})
    assert ours.reference in found.text and theirs.reference not in found.text
    only_ours = ("ask the platform's administrators", "โปรดติดต่อผู้ดูแลแพลตฟอร์ม")
    assert any(notice in found.text for notice in only_ours)
    copy = client.post(reverse("privacy_subject_requests:export"), {"q": EMAIL, "format": "json"}).json()
    assert [s["reference"] for s in copy["submissions"]] == [ours.reference]
    assert "saved_drafts" not in copy or copy["saved_drafts"] == []

    client.post(reverse("privacy_subject_requests:erase"), {"q": EMAIL, "confirm": "on"})
    assert_erased(ours)
    theirs.refresh_from_db()
    assert theirs.applicant_email == EMAIL and theirs.anonymised_at is None
    assert Draft.objects.filter(email=EMAIL).exists()  # tied to no request: the platform's to erase
    searches = AccessLog.objects.filter(object_type="subject.email", username="nb_admin")
    assert {entry.office for entry in searches} == {two_offices["nongbua"]}

    client.force_login(administrator)  # the installation's administrator finds both
    found = client.post(url, {"q": EMAIL})
    assert theirs.reference in found.text and not any(notice in found.text for notice in only_ours)


def test_the_inbox_names_each_requests_office_where_it_lists_several(client, two_offices, administrator):
    """References are unique within an office only: a list of several offices' requests names the office
    beside each; an office's own staff see one office and no such column."""
    client.force_login(administrator)
    listed = client.get(reverse("inbox:index") + "?status=all").text
    assert SECOND_TH in listed and FIRST_TH in listed
    assert '<th scope="col">สำนักงาน</th>' in listed or '<th scope="col">Office</th>' in listed

    client.force_login(two_offices["admin"])
    own = client.get(reverse("inbox:index") + "?status=all").text
    assert two_offices["market_request"].reference in own
    assert "สำนักงาน</th>" not in own and ">Office</th>" not in own
