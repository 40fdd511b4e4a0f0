"""Issued documents: drawing a licence's PDF (PDF/A, Thai font, QR code) — the issue asks ≤ 1 s — and
the public verification page a customer opens by scanning it."""

import logging
import statistics
import time

from casework import services as casework
from documents import render
from documents import services as documents
from documents.constants import DocumentType
from documents.models import DocumentTemplate, ServiceDocument
from offices.lookup import office_for_page
from tests.bench.util import measure_get
from tests.conftest import build_thai_home
from tests.eforms.factories import add_catalogue, field, make_service

REPEAT = 10


def _document():
    service = make_service(
        add_catalogue(build_thai_home()),
        slug="food-shop-licence",
        title="ขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        reference_prefix="FS",
        fields=[field("full_name", "singleline", "ชื่อ-นามสกุล"), field("shop_name", "singleline", "ชื่อร้าน")],
    )
    template = DocumentTemplate.objects.create(
        office=office_for_page(service),
        title_th="ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        title_en="Food shop licence",
        document_type=DocumentType.LICENCE,
        body_th="อนุญาตให้ {holder} จัดตั้งสถานที่จำหน่ายอาหาร ตามคำขอเลขที่ {reference} " * 4,
        conditions_th="ผู้รับใบอนุญาตต้องรักษาความสะอาดและปฏิบัติตามเทศบัญญัติ",
        signer_name="นายสมศักดิ์ ตั้งใจ",
        signer_position_th="นายกเทศมนตรีตำบลทดสอบ",
        validity_months=12,
    )
    link = ServiceDocument.objects.create(service=service, template=template, holder_field="shop_name")
    answers = {"full_name": "แดง ใจดี", "shop_name": "ร้านก๋วยเตี๋ยวป้าแดง"}
    submission = casework.submit(
        service, answers=answers, shown_steps=[s.name for s in service.form_steps], files={}, language="th"
    )
    return documents.issue(submission, link)


def run(report):
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # not seven lines per drawing
    document = _document()
    render.render_pdf(document)  # fonts and templates loaded once, as in a running server
    timings, size = [], 0
    for _ in range(REPEAT):
        started = time.perf_counter()
        size = len(render.render_pdf(document))
        timings.append(time.perf_counter() - started)
    report("documents: licence PDF drawn (median of 10)", statistics.median(timings), "s")
    report("documents: licence PDF drawn (slowest of 10)", max(timings), "s")
    report("documents: licence PDF size", size // 1024, "KiB")
    seconds, queries, page_size = measure_get(f"/th/verify-document/{document.verification_code}/", repeat=10)
    report("documents: verification page (median)", seconds, "s")
    report("documents: verification page queries", queries, "")
    report("documents: verification page size", page_size // 1024, "KiB")
