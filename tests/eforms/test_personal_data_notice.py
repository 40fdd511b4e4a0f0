"""PDPA: every e-service says what the personal data is for and on what legal basis, before the
citizen starts and again before they send."""

import pytest
from wagtail.models import Site

from eforms.constants import PersonalDataBasis
from eforms.steps import CONSENT_KEY
from home.models import OrganisationSettings
from tests.eforms.admin_form import add_inline, form_values
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard
from tests.home.factories import add_information_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy_page(thai_home):
    page = add_information_page(thai_home, "ประกาศความเป็นส่วนตัว", "privacy")
    org = OrganisationSettings.for_site(Site.objects.get())
    org.privacy_page = page
    org.save()
    return page


def test_the_service_page_explains_purpose_and_basis_in_thai(client, catalogue, privacy_page):
    service = make_service(
        catalogue,
        fields=[field("name", "singleline", "ชื่อ")],
        personal_data_purpose="ใช้เพื่อพิจารณาคำขออนุญาตก่อสร้างอาคารเท่านั้น",
        personal_data_basis=PersonalDataBasis.LEGAL_OBLIGATION,
    )
    html = client.get(service.url).text
    assert "ข้อมูลส่วนบุคคลของท่าน" in html
    assert "ใช้เพื่อพิจารณาคำขออนุญาตก่อสร้างอาคารเท่านั้น" in html
    assert "มาตรา 24(6)" in html
    assert 'href="/th/privacy/"' in html


def test_the_review_step_repeats_it_before_the_request_is_sent(client, catalogue, privacy_page):
    service = make_service(catalogue, fields=[field("name", "singleline", "ชื่อ")])
    wizard = Wizard(client, service)
    response = wizard.post(wizard.current_step(), {"name": "สมชาย ใจดี"})
    html = client.get(wizard.url).text
    assert "ตรวจสอบ" in html  # the review step
    assert "เราใช้ข้อมูลในแบบคำขอนี้เพื่อดำเนินการตามคำขอของท่านเท่านั้น" in html
    assert "มาตรา 24(4)" in html and "ไม่ต้องให้ความยินยอม" in html
    assert response.status_code == 302


def test_the_legal_basis_alone_decides_whether_consent_is_asked(client, catalogue):
    """Issue 16: the manual said consent was not needed while the form demanded a consent tick."""
    service = make_service(
        catalogue,
        fields=[field("name", "singleline", "ชื่อ"), field("consent", "consent", "ข้าพเจ้ายินยอมตามเงื่อนไข")],
    )
    manual = client.get(service.url).text
    form = Wizard(client, service).get().content.decode()
    assert "ไม่ต้องให้ความยินยอม" in manual
    assert "ข้าพเจ้ายินยอม" not in form and "consent" not in form  # the editor's tick is not asked

    service.personal_data_basis = PersonalDataBasis.CONSENT
    service.form_fields = [item for item in service.form_fields.all() if item.key != "consent"]
    service.save_revision().publish()
    manual = client.get(service.url).text
    wizard = Wizard(client, service)
    assert "เราขอความยินยอมจากท่าน" in manual and "ไม่ต้องให้ความยินยอม" not in manual
    assert "ข้าพเจ้ายินยอมให้หน่วยงานใช้ข้อมูลส่วนบุคคลของข้าพเจ้า" in wizard.get().content.decode()
    response = wizard.post("start", {"name": "สมชาย ใจดี"})
    assert response.status_code == 200 and "กรุณายืนยัน" in response.content.decode()  # required
    assert wizard.post("start", {"name": "สมชาย ใจดี", CONSENT_KEY: "on"}).status_code == 302


def test_the_editor_cannot_add_a_consent_tick_the_basis_does_not_call_for(
    client, catalogue, django_user_model
):
    editor = django_user_model.objects.create_superuser(
        "editor", "editor@example.com", "a-long-test-password"
    )
    client.force_login(editor)
    service = make_service(catalogue, fields=[field("name", "singleline", "ชื่อ")])
    url = f"/admin/pages/{service.pk}/edit/"
    values = add_inline(
        form_values(client.get(url).content.decode()),
        "form_fields",
        label="ข้าพเจ้ายินยอม",
        field_type="consent",
        required="on",
        key="consent",
        max_files="1",
        max_file_size_mb="10",
    )
    values["action-publish"] = "action-publish"
    response = client.post(url, values)
    assert response.status_code == 200
    assert "ไม่ใช่ความยินยอม แบบคำขอจึงไม่ถามความยินยอม" in response.content.decode()
    values["personal_data_basis"] = PersonalDataBasis.CONSENT
    assert client.post(url, values).status_code == 302
