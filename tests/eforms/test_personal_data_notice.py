"""PDPA: every e-service says what the personal data is for and on what legal basis, before the
citizen starts and again before they send."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from eforms.constants import PersonalDataBasis
from home.models import OrganisationSettings
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


def test_consent_as_the_basis_needs_a_consent_checkbox(catalogue):
    service = make_service(catalogue, fields=[field("name", "singleline", "ชื่อ")])
    service.personal_data_basis = PersonalDataBasis.CONSENT
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "personal_data_basis" in error.value.message_dict
    service.form_fields.add(field("consent", "consent", "ข้าพเจ้ายินยอม"))
    service.full_clean()
