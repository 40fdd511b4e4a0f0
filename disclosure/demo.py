"""The demo's disclosure checklist and procurement facts. Safe to run again: nothing is duplicated.

The items are ILLUSTRATIVE: they follow the shape of the OIT part of the ITA (codes O1…, a title, what
to publish) but are not the official list of any year; an office types or imports the year's real list.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page

from disclosure.constants import UpdateEvery
from disclosure.models import DisclosureItem, DisclosureLink
from home.models import NewsItemPage
from home.models.pages import ProcurementMethod
from home.site_pages import in_trees, root_paths
from national.figures import FiscalYear
from offices.models import Office

Y, M, Q, H = UpdateEvery.YEARLY, UpdateEvery.MONTHLY, UpdateEvery.QUARTERLY, UpdateEvery.HALF_YEARLY

#: (code, Thai title, English title, what to publish (Thai), update period, links: page slugs or "live:<key>")
ITEMS = [
    ("O1", "โครงสร้าง", "Structure", "แผนผังโครงสร้างการแบ่งส่วนราชการ", Y, ["about"]),
    ("O2", "ข้อมูลผู้บริหาร", "Executives", "ชื่อ ตำแหน่ง รูปถ่าย และช่องทางติดต่อของผู้บริหาร", Y, ["about"]),
    ("O3", "อำนาจหน้าที่", "Powers and duties", "อำนาจหน้าที่ตามกฎหมายจัดตั้ง", Y, ["about"]),
    ("O4", "ข้อมูลการติดต่อ", "Contact information", "ที่อยู่ หมายเลขโทรศัพท์ อีเมล และแผนที่", Y, ["contact"]),
    ("O5", "กฎหมายที่เกี่ยวข้อง", "Relevant laws", "กฎหมายที่ใช้ในการปฏิบัติงาน", Y, []),
    ("O6", "ข่าวประชาสัมพันธ์", "News", "ข่าวประชาสัมพันธ์ทั่วไปของหน่วยงาน", M, ["news"]),
    ("O7", "Q&A", "Questions and answers", "ช่องทางถามตอบที่บุคคลภายนอกสอบถามได้", Y, ["contact"]),
    ("O8", "Social Network", "Social network", "ช่องทางสื่อสังคมออนไลน์ของหน่วยงาน", Y, ["contact"]),
    ("O9", "แผนพัฒนาท้องถิ่น", "Local development plan", "แผนพัฒนาท้องถิ่นที่มีผลบังคับใช้", Y, []),
    ("O10", "แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี", "Annual operating and spending plan",
     "แผนดำเนินงานประจำปีงบประมาณ", Y, []),
    ("O11", "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ รอบ 6 เดือน",
     "Six-month progress report on operations and spending", "ความก้าวหน้าของการดำเนินงานและการใช้จ่ายงบประมาณ", H, []),
    ("O12", "รายงานผลการดำเนินงานประจำปี", "Annual performance report", "ผลการดำเนินงานของปีงบประมาณที่ผ่านมา", Y, []),
    ("O13", "คู่มือหรือมาตรฐานการปฏิบัติงาน", "Operating manuals or standards", "คู่มือการปฏิบัติงานของเจ้าหน้าที่", Y, []),
    ("O14", "คู่มือหรือมาตรฐานการให้บริการ", "Service manuals or standards",
     "คู่มือสำหรับประชาชนและมาตรฐานระยะเวลาการให้บริการ", Y, ["services", "live:charter"]),
    ("O15", "ข้อมูลเชิงสถิติการให้บริการ", "Service statistics", "จำนวนผู้มาใช้บริการและระยะเวลาการให้บริการ", Q,
     ["live:statistics"]),
    ("O16", "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "Service satisfaction survey report",
     "ผลการสำรวจความพึงพอใจของผู้รับบริการ", Y, ["live:statistics"]),
    ("O17", "E-Service", "E-services", "ช่องทางการให้บริการออนไลน์", Y, ["services"]),
    ("O18", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "Procurement plan", "แผนการจัดซื้อจัดจ้างประจำปี", Y, []),
    ("O19", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง", "Procurement notices",
     "ประกาศเชิญชวนและประกาศผลผู้ชนะการเสนอราคา", M, ["road-repair-moo-3", "computer-procurement"]),
    ("O20", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", "Monthly procurement summary", "ผลการจัดซื้อจัดจ้างของแต่ละเดือน", M,
     ["live:procurement"]),
    ("O21", "รายงานผลการจัดซื้อจัดจ้างประจำปี", "Annual procurement report", "ผลการจัดซื้อจัดจ้างของปีงบประมาณ", Y,
     ["live:procurement"]),
    ("O22", "นโยบายการบริหารทรัพยากรบุคคล", "Human resources policy", "นโยบายการบริหารทรัพยากรบุคคลของผู้บริหาร", Y, []),
    ("O23", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", "Implementation of the human resources policy",
     "การดำเนินการตามนโยบายในปีงบประมาณ", Y, []),
    ("O24", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "Rules for managing and developing staff",
     "หลักเกณฑ์การสรรหา การพัฒนา และการประเมินผล", Y, []),
    ("O25", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", "Annual report on managing and developing staff",
     "ผลการบริหารและพัฒนาทรัพยากรบุคคลของปีที่ผ่านมา", Y, []),
    ("O26", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
     "Guidelines for complaints of corruption and misconduct", "ขั้นตอนการรับและจัดการเรื่องร้องเรียน", Y, []),
    ("O27", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "Where to complain of corruption and misconduct",
     "ช่องทางออนไลน์สำหรับแจ้งเรื่องร้องเรียน", Y, ["live:complaints"]),
    ("O28", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี",
     "Annual statistics of complaints of corruption and misconduct", "จำนวนเรื่องร้องเรียนและผลการดำเนินการ", Q,
     ["live:complaints"]),
    ("O29", "ช่องทางการรับฟังความคิดเห็น", "Channels for comments", "ช่องทางที่ประชาชนแสดงความคิดเห็นได้", Y,
     ["contact"]),
    ("O30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "Opportunities to take part",
     "กิจกรรมที่เปิดให้ประชาชนมีส่วนร่วมในการดำเนินงาน", Y, []),
]  # fmt: skip

#: The demo's procurement notices (`home.demo.content`), with the facts the summary needs.
PROCUREMENT = {
    "road-repair-moo-3": {
        "procurement_method": ProcurementMethod.E_BIDDING,
        "procurement_budget": Decimal(1_250_000),
    },
    "computer-procurement": {
        "procurement_method": ProcurementMethod.SPECIFIC,
        "procurement_budget": Decimal(100_000),
        "procurement_winner": "ห้างหุ้นส่วนจำกัดดอยงามคอมพิวเตอร์",
        "procurement_price": Decimal(96_000),
    },
}


def _thai_pages(office):
    return Page.objects.filter(in_trees(root_paths(office.site)), locale__language_code="th")


def load_checklist(office, year: int) -> int:
    """The illustrative list for `office` and `year`; items already there are left as they are."""
    pages = {page.slug: page for page in _thai_pages(office).filter(depth__gt=1)}
    made = 0
    for code, title_th, title_en, what_th, period, links in ITEMS:
        item, created = DisclosureItem.objects.get_or_create(
            office=office,
            fiscal_year=year,
            code=code,
            defaults={
                "title_th": title_th,
                "title_en": title_en,
                "what_to_publish_th": what_th,
                "update_every": period,
            },
        )
        if not created:
            continue
        made += 1
        for order, target in enumerate(links):
            if target.startswith("live:"):
                DisclosureLink.objects.create(item=item, live_page=target[5:], sort_order=order)
            elif target in pages:
                DisclosureLink.objects.create(item=item, page=pages[target], sort_order=order)
    return made


def fill_procurement_facts(home_page) -> int:
    filled = 0
    for page in NewsItemPage.objects.descendant_of(home_page).filter(
        slug__in=PROCUREMENT, procurement_method=""
    ):
        for name, value in PROCUREMENT[page.slug].items():
            setattr(page, name, value)
        if page.procurement_winner:
            page.procurement_date = page.date + datetime.timedelta(days=14)  # signed after the announcement
        page.save_revision().publish()
        filled += 1
    return filled


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    filled = fill_procurement_facts(home_page)
    year = FiscalYear.of(timezone.localdate()).number
    made = sum(load_checklist(office, year) for office in Office.objects.select_related("site"))
    if stdout is not None:
        stdout.write(
            f"Disclosure: {made} illustrative OIT items for {year}, {filled} procurement notices filled in."
        )
