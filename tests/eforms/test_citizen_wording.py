"""Issue 16, as a citizen reads the pages: the status page can be found from every page that leads to a
request, the step count is the same on the service page and in the form, a conditional question says
when it applies, and a service that asks for no document never speaks of missing documents."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import publish_translation
from tests.eforms.factories import PDF_BYTES, field, make_service, three_step_fields

from .wizard_client import Wizard

pytestmark = pytest.mark.django_db

STATUS_LINK = re.compile(r'<a href="/th/status/(\?reference=[A-Z0-9-]+)?"')


def main(html: str) -> str:
    """The page's own content, without the site's header and footer."""
    return html[html.index("<main") : html.index("</main>")]


def send(client, service, answers):
    """Fill in the one-step form and send it; returns the confirmation page's HTML."""
    wizard = Wizard(client, service)
    response = wizard.post(wizard.current_step(), answers)
    assert response.status_code == 302, response.content.decode()[:3000]
    wizard.post("review", {"website": ""})
    return client.get(service.url + "done/").content.decode()


def test_the_status_page_is_linked_from_home_catalogue_service_and_confirmation(client, thai_home, catalogue):
    service = make_service(
        catalogue, fields=[field("full_name", "singleline", "ชื่อ"), field("email", "email", "อีเมล")]
    )
    for url in (thai_home.url, catalogue.url, service.url):
        html = main(client.get(url).content.decode())
        assert STATUS_LINK.search(html), url
    confirmation = main(send(client, service, {"full_name": "สมชาย", "email": "somchai@example.com"}))
    reference = re.search(r'class="eforms-reference">([A-Z0-9-]+)<', confirmation)[1]
    assert f'href="/th/status/?reference={reference}"' in confirmation
    lookup = client.get(f"/th/status/?reference={reference}").content.decode()
    assert f'value="{reference}"' in lookup  # the citizen only adds the email
    assert f"/th/status/{reference}/" in mail.outbox[-1].body


def test_the_service_page_and_the_form_count_steps_the_same_way(client, catalogue):
    fields = three_step_fields()
    fields.insert(
        8,
        field(
            "company_step",
            "step",
            "ข้อมูลนิติบุคคล",
            condition_field="applicant_type",
            condition_value="นิติบุคคล",
        ),
    )
    fields.insert(9, field("company_id", "singleline", "เลขทะเบียนนิติบุคคล"))
    service = make_service(catalogue, fields=fields)
    announced = re.search(r"แบบฟอร์มมี (\d+) ขั้นตอน", client.get(service.url).content.decode())[1]
    first = Wizard(client, service).get().content.decode()
    assert announced == "4"  # three steps and the check of the answers; the company step is not asked yet
    assert f"ขั้นตอนที่ 1 จาก {announced}" in first


def test_a_conditional_question_says_when_it_applies(client, catalogue, english):
    service = make_service(catalogue, fields=three_step_fields())
    wizard = Wizard(client, service)
    wizard.post("start", {"full_name": "สมชาย", "national_id": "1101700207030", "email": "a@example.com"})
    html = wizard.get().content.decode()
    assert "ตอบข้อนี้เมื่อท่านเลือก “นิติบุคคล” ในข้อ “ยื่นในนาม”" in html
    assert "เฉพาะกรณี" not in html and "if it applies" not in html

    publish_translation(catalogue, english)
    page = publish_translation(
        service, english, title="Test request"
    )  # an English version: the choice is found by its position
    for item in page.form_fields.all():
        if item.key == "applicant_type":
            item.label, item.choices = "Applying as", "Individual\nCompany"
            item.save()
    english_wizard = Wizard(client, page)
    english_wizard.post(
        "start", {"full_name": "Somchai", "national_id": "1101700207030", "email": "a@example.com"}
    )
    assert (
        "Answer this only if you chose “Company” for “Applying as”." in english_wizard.get().content.decode()
    )


def test_a_service_without_documents_does_not_speak_of_missing_ones(client, catalogue):
    no_documents = make_service(
        catalogue,
        slug="water",
        reference_prefix="WD",
        fields=[field("full_name", "singleline", "ชื่อ"), field("email", "email", "อีเมล")],
    )
    manual = main(client.get(no_documents.url).content.decode())
    assert "ไม่ต้องใช้เอกสาร" in manual
    confirmation = main(send(client, no_documents, {"full_name": "สมชาย", "email": "a@example.com"}))
    assert "เอกสาร" not in confirmation
    assert "เอกสาร" not in mail.outbox[-1].body

    with_documents = make_service(
        catalogue,
        slug="permit",
        reference_prefix="PM",
        fields=[field("email", "email", "อีเมล"), field("plan", "file", "แบบแปลน")],
    )
    wizard = Wizard(client, with_documents)
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")
    assert wizard.post("start", {"email": "b@example.com"}, files={"plan": upload}).status_code == 302
    wizard.post("review", {"website": ""})
    confirmation = main(client.get(with_documents.url + "done/").content.decode())
    assert "หากเอกสารไม่ครบ" in confirmation and "หากเอกสารไม่ครบ" in mail.outbox[-1].body
