"""Builders of e-services for tests: a catalogue and e-service pages built as an editor would, the
fields of a three-step form, and the smallest valid files. (Pages live in Wagtail's tree, so these are
plain functions rather than factory-boy factories.)"""

import io

from PIL import Image

from eforms.models import EFormField, EServicePage, ServiceCataloguePage

# The smallest files whose content says what they are.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


VALID_ID = "1101700207030"  # check digit valid
INVALID_ID = "1101700207031"


def field(key, field_type, label, **extra):
    return EFormField(key=key, field_type=field_type, label=label, **extra)


def make_service(catalogue, slug="test-service", title="คำขอทดสอบ", fields=None, **extra):
    page = EServicePage(
        title=title,
        slug=slug,
        reference_prefix=extra.pop("reference_prefix", "TS"),
        processing_days=extra.pop("processing_days", 5),
        **extra,
    )
    catalogue.add_child(instance=page)
    for order, item in enumerate(fields or []):
        item.sort_order = order
        page.form_fields.add(item)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def three_step_fields():
    return [
        field("full_name", "singleline", "ชื่อ-นามสกุล"),
        field("national_id", "national_id", "เลขประจำตัวประชาชน"),
        field("email", "email", "อีเมล"),
        field("phone", "phone", "โทรศัพท์", required=False),
        field("details_step", "step", "รายละเอียดคำขอ"),
        field("applicant_type", "radio", "ยื่นในนาม", choices="บุคคลธรรมดา\nนิติบุคคล"),
        field(
            "company_name",
            "singleline",
            "ชื่อนิติบุคคล",
            condition_field="applicant_type",
            condition_value="นิติบุคคล",
        ),
        field("address", "thai_address", "ที่อยู่"),
        field("documents_step", "step", "เอกสารประกอบ"),
        field("id_card_copy", "file", "สำเนาบัตรประชาชน", max_files=2),
        field("consent", "consent", "ข้าพเจ้ายินยอมให้ใช้ข้อมูลเพื่อการพิจารณาคำขอ"),
    ]


def add_catalogue(home, title="บริการออนไลน์"):
    page = ServiceCataloguePage(title=title, slug="services")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
