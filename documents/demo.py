"""Demo content (`load_demo`; run again, it adds nothing): the food shop and health-hazard licences
issue documents and renew them online, and three licences of made-up shops end soon — one within
the 15-day reminder, one within 60 days, one just past its end (late renewal)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from casework import services as casework_services
from casework import workflow
from documents.constants import DocumentType
from documents.models import DocumentTemplate, IssuedDocument, ServiceDocument
from eforms.models import EServicePage
from offices.models import Office

SIGNER = ("นายสมศักดิ์ ตั้งใจ", "นายกเทศมนตรีตำบลดอยงาม", "Mayor of Doi Ngam Subdistrict Municipality")

TEMPLATES = {
    "food-shop-licence": {
        "title_th": "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        "title_en": "Food shop licence",
        "body_th": "อนุญาตให้ {holder} จัดตั้งสถานที่จำหน่ายอาหาร ณ {shop_address} "
        "พื้นที่ {shop_area} ตารางเมตร ประเภทอาหาร {food_type} ตามคำขอเลขที่ {reference}",
        "body_en": "{holder} is licensed to run a food shop at {shop_address}, {shop_area} square metres, "
        "serving {food_type} (request {reference}).",
        "conditions_th": "ผู้รับใบอนุญาตต้องรักษาความสะอาดและปฏิบัติตามเทศบัญญัติว่าด้วยสถานที่จำหน่ายอาหาร "
        "และแสดงใบอนุญาตไว้ในที่เปิดเผย",
        "conditions_en": "The holder keeps the premises clean, follows the municipal ordinance on food "
        "shops and displays this licence where customers can see it.",
        "holder_field": "shop_name",
    },
    "health-hazard-licence": {
        "title_th": "ใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
        "title_en": "Health-hazard business licence",
        "body_th": "อนุญาตให้ {holder} ประกอบกิจการ {business_type} ณ {business_address} "
        "คนงาน {workers} คน ตามคำขอเลขที่ {reference}",
        "body_en": "{holder} is licensed to run a business of the type {business_type} at "
        "{business_address} with {workers} workers (request {reference}).",
        "conditions_th": "ผู้รับใบอนุญาตต้องป้องกันมิให้เกิดเหตุรำคาญแก่ผู้อยู่อาศัยใกล้เคียง",
        "conditions_en": "The holder prevents any nuisance to the neighbours.",
        "holder_field": "",
    },
}

ADDRESS = {"house_no": "", "village": "", "subdistrict": "ดอยงาม", "district": "แม่ฟ้า",
           "province": "เชียงราย", "postcode": "57240"}  # fmt: skip

#: (service, applicant, shop or business answers, days until the licence ends)
LICENCES = [
    ("food-shop-licence", "วันเพ็ญ ศรีสุข", {"shop_name": "ร้านข้าวซอยป้าเพ็ญ", "shop_area": "60",
     "food_type": ["2", "4"], "shop_address": {**ADDRESS, "house_no": "45", "village": "หมู่ 2"}}, 12),
    ("food-shop-licence", "ประเสริฐ ใจงาม", {"shop_name": "ร้านกาแฟดอยงาม", "shop_area": "35",
     "food_type": ["3"], "shop_address": {**ADDRESS, "house_no": "9/1", "village": "หมู่ 5"}}, 45),
    ("health-hazard-licence", "บุญมา แก้วดี", {"business_type": "2", "workers": "4",
     "business_address": {**ADDRESS, "house_no": "102", "village": "หมู่ 7"}}, -5),
]  # fmt: skip


def _templates(office, pages):
    for slug, spec in TEMPLATES.items():
        page = pages.get(slug)
        if page is None:
            continue
        template, _created = DocumentTemplate.objects.get_or_create(
            office=office,
            title_th=spec["title_th"],
            defaults={
                "title_en": spec["title_en"],
                "document_type": DocumentType.LICENCE,
                "body_th": spec["body_th"],
                "body_en": spec["body_en"],
                "conditions_th": spec["conditions_th"],
                "conditions_en": spec["conditions_en"],
                "signer_name": SIGNER[0],
                "signer_position_th": SIGNER[1],
                "signer_position_en": SIGNER[2],
                "validity_months": 12,
            },
        )
        ServiceDocument.objects.get_or_create(
            service=page,
            defaults={
                "template": template,
                "holder_field": spec["holder_field"],
                "renews_service": page,  # each renews its own licences
                "late_surcharge_percent": 20,
            },
        )


def _licence(page, officer, name, answers, days_left, number):
    """A request approved a year ago whose licence ends in `days_left` days."""
    now = timezone.now()
    ends = timezone.localdate(now) + datetime.timedelta(days=days_left)
    applied = timezone.make_aware(
        datetime.datetime.combine(ends - datetime.timedelta(days=395), datetime.time(9))
    )
    answers = {"full_name": name, "phone": f"08123400{number:02d}", "email": f"licence{number}@example.com",
               **answers}  # fmt: skip
    shown = [step.name for step in page.form_steps]
    submission = casework_services.submit(
        page, answers=answers, shown_steps=shown, files={}, language="th", now=applied
    )
    for action in (workflow.Action.START_REVIEW, workflow.Action.APPROVE):
        workflow.transition(submission, action, actor=officer, now=applied + datetime.timedelta(days=20))
    IssuedDocument.objects.filter(submission=submission).update(
        issued_on=ends - datetime.timedelta(days=364), valid_until=ends
    )


def load(office, stdout=None):
    home = office.site.root_page
    pages = {
        page.slug: page
        for page in EServicePage.objects.filter(slug__in=TEMPLATES, locale=home.locale).descendant_of(home)
    }
    officer = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    with transaction.atomic():
        _templates(office, pages)
        # Approving needs a member of staff: with the demo's administrator only (`--demo-admin`).
        if officer is not None and not IssuedDocument.objects.filter(office=office).exists():
            for number, (slug, name, answers, days_left) in enumerate(LICENCES, start=1):
                if slug in pages:
                    _licence(pages[slug], officer, name, answers, days_left, number)
    if stdout:
        count = IssuedDocument.objects.filter(office=office).count()
        stdout.write(f"Documents: licences issued on approval and renewed online; {count} issued.")


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    office = Office.objects.filter(site__root_page=home_page).first()
    if office is not None:
        load(office, stdout=stdout)
