"""The demo's second office: a small Tambon Administrative Organisation beside Doi Ngam, so a newcomer
sees at once what one installation keeps apart (pages, catalogue, settings, staff groups).

Made through `create_office`, as an installer would, then given a few pages of its own. Safe to run
again: the office is found by its code, pages by slug; what staff changed is kept.

It lives on `huainamsai.localhost`, not `localhost`: the browser tests' live server is
`http://localhost:<random port>`, and Wagtail serves a host name's only site whatever the port, so
`localhost` would show them this office instead of Doi Ngam. Browsers (and curl) resolve every
`*.localhost` name to this machine without editing /etc/hosts, and `runserver 127.0.0.1` answers it
(127.0.0.2 would need the server to listen on a second address).
"""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from eforms import demo as eforms_demo
from eforms.models import ServiceCataloguePage
from home.demo.content import _day
from home.demo.translate import translate_page
from home.groups import ADMINISTRATORS
from home.models import NewsIndexPage, NewsItemPage, OrganisationSettings
from offices.models import Office
from offices.services import create_office

CODE = "huainamsai"
HOST = f"{CODE}.localhost"
LOCAL_HOSTS = ("localhost", HOST)  # addresses the loader may move to the server's port

ENGLISH: dict[str, str] = {}


def tr(thai, english):
    ENGLISH[thai] = english
    return thai


NAME = (
    "องค์การบริหารส่วนตำบลห้วยน้ำใส",
    "Huai Nam Sai Subdistrict Administrative Organisation",
)
SETTINGS = {
    "address_th": "12 หมู่ 4 ตำบลห้วยน้ำใส อำเภอแม่ฟ้า\nจังหวัดเชียงราย 57240",
    "address_en": "12 Moo 4, Huai Nam Sai Subdistrict, Mae Fa District\nChiang Rai 57240",
    "phone": "053-765-432",
    "email": "saraban@huainamsai.example.go.th",
    "opening_hours_th": "จันทร์–ศุกร์ 08.30–16.30 น. (เว้นวันหยุดราชการ)",
    "opening_hours_en": "Monday–Friday 8:30–16:30 (closed on public holidays)",
}
HERO_TEXT = tr(
    "อบต. เล็ก ๆ ริมลำห้วย 6 หมู่บ้าน ชำระค่าขยะและแจ้งเรื่องร้องเรียนได้ทางออนไลน์",
    "A small organisation of six villages along the stream: pay the garbage fee and make a complaint online.",
)
NEWS_INDEX = {
    "slug": "news",
    "title": tr("ข่าวประชาสัมพันธ์", "News"),
    "introduction": tr("ข่าวและประกาศของ อบต.ห้วยน้ำใส", "News and notices of Huai Nam Sai SAO."),
}
NEWS_ITEM = {
    "slug": "garbage-collection-days",
    "title": tr(
        "ประกาศวันเก็บขยะมูลฝอย ทุกวันอังคารและวันศุกร์",
        "Garbage is collected every Tuesday and Friday",
    ),
    "summary": tr(
        "รถเก็บขยะของ อบต. ออกเก็บทุกหมู่บ้าน วางถุงขยะหน้าบ้านก่อน 07.00 น.",
        "The organisation's truck visits every village: put your bags out before 7 a.m.",
    ),
}
DIVISION = tr("สำนักปลัด อบต.", "Office of the SAO Clerk")
DIVISION_FINANCE = tr("กองคลัง อบต.", "SAO Finance Division")

# Two services, built with Doi Ngam's builders but cheaper and simpler: a newcomer sees two catalogues.
SERVICES = [
    {
        "slug": "garbage-fee",
        "page": {"receipt_answers": "house_no moo"},
        "prefix": "HGF",
        "category": "payments",
        "days": 1,
        "fee": 20,
        "title": ("ชำระค่าธรรมเนียมเก็บขยะมูลฝอย", "Garbage fee payment"),
        "intro": (
            "ค่าเก็บขยะเดือนละ 20 บาทต่อครัวเรือน",
            "The garbage fee is 20 baht a month per household.",
        ),
        "fee_note": ("ต่อเดือน", "Per month"),
        "legal": [
            (
                "พระราชบัญญัติรักษาความสะอาดและความเป็นระเบียบเรียบร้อยของบ้านเมือง พ.ศ. 2535",
                "Public Cleanliness and Orderliness Act B.E. 2535 (1992)",
            )
        ],
        "steps": [
            ("กรอกเลขที่บ้าน", "Give the house number"),
            ("ชำระเงินผ่านพร้อมเพย์หรือบัตร", "Pay by PromptPay or card"),
        ],
        "docs": [("ไม่ต้องใช้เอกสาร", "No documents needed")],
        "division": DIVISION_FINANCE,
        "fields": [
            eforms_demo.F("payment_step", "step", "รายละเอียดการชำระ", "Payment details"),
            eforms_demo.F("house_no", "singleline", "บ้านเลขที่", "House number"),
            eforms_demo.F(
                "moo",
                "dropdown",
                "หมู่ที่",
                "Village (Moo)",
                choices=eforms_demo.lines(*[(str(n), str(n)) for n in range(1, 7)]),
            ),
            eforms_demo.F("full_name", "singleline", "ชื่อผู้ชำระ", "Payer's name"),
            eforms_demo.F("email", "email", "อีเมลสำหรับรับใบเสร็จ", "Email for the receipt"),
        ],
    },
    {
        "slug": "complaint",
        "prefix": "HCP",
        "category": "complaints",
        "days": 15,
        "fee": None,
        "title": ("ร้องเรียน ร้องทุกข์", "Complaints"),
        "intro": (
            "แจ้งเรื่องเดือดร้อน ถนน น้ำประปาหมู่บ้าน หรือการให้บริการของ อบต.",
            "Report a problem with roads, the village water supply or the organisation's service.",
        ),
        "fee_note": ("", ""),
        "legal": [
            (
                "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการจัดการเรื่องราวร้องทุกข์ พ.ศ. 2552",
                "Prime Minister's Office regulation on complaints B.E. 2552 (2009)",
            )
        ],
        "steps": [
            ("ยื่นเรื่องร้องเรียน", "Make the complaint"),
            ("แจ้งผลภายใน 15 วันทำการ", "You are told the outcome within 15 working days"),
        ],
        "docs": [("หลักฐานประกอบ (ถ้ามี)", "Evidence (if any)")],
        "division": DIVISION,
        "fields": [
            eforms_demo.F("complaint_step", "step", "เรื่องที่ร้องเรียน", "Your complaint"),
            eforms_demo.F("details", "multiline", "รายละเอียด", "Details"),
            eforms_demo.F("contact_step", "step", "ผู้ร้องเรียน", "About you"),
            eforms_demo.F("full_name", "singleline", "ชื่อ-นามสกุล", "Full name"),
            eforms_demo.F("phone", "phone", "หมายเลขโทรศัพท์", "Phone number"),
        ],
    },
]
CONTACT = {"contact_phone": SETTINGS["phone"], "contact_email": SETTINGS["email"]}
for _definition in SERVICES:
    _definition["page"] = {**_definition.get("page", {}), **CONTACT}


def _child(parent, model, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(port, stdout=None):
    """The second office with its pages in Thai and English, on `huainamsai.localhost:<port>`."""
    office = Office.objects.filter(code=CODE).select_related("site").first()
    if office is None:
        office = create_office(hostname=HOST, port=port, code=CODE, name_th=NAME[0], name_en=NAME[1])
    site = office.site
    if site.hostname in LOCAL_HOSTS and (site.hostname, site.port) != (HOST, port):
        if not Site.objects.filter(hostname=HOST, port=port).exclude(pk=site.pk).exists():
            site.hostname, site.port = HOST, port
            site.save()

    organisation = OrganisationSettings.for_site(site)
    if not organisation.phone:  # only once: an editor's address and phone stay
        for field, value in SETTINGS.items():
            setattr(organisation, field, value)
        organisation.is_demo = True
        organisation.save()

    home = site.root_page.specific
    catalogue = home.get_children().type(ServiceCataloguePage).first().specific
    services = [eforms_demo._service_page(catalogue, d) for d in SERVICES]
    news_index = _child(home, NewsIndexPage, **NEWS_INDEX)
    news = _child(news_index, NewsItemPage, date=_day(2), kind="news", **NEWS_ITEM)

    english = {**eforms_demo.ENGLISH, **ENGLISH}
    for page in [*services, news_index, news]:
        translate_page(page, english)
    if not home.shortcuts:  # once, as for Doi Ngam: an editor's shortcuts stay
        home.hero_text = HERO_TEXT
        home.shortcuts = [
            ("shortcut", {"page": page, "title": page.title, "description": ""}) for page in services
        ]
        home.save_revision().publish()
        eforms_demo._update_home_translation(home, english)
    if stdout:
        stdout.write(f"Second office ready: {len(services)} services, 1 news item.")
    return office


STAFF_USERNAME = f"{CODE}-admin"


def add_staff(*, password, port, stdout=None):
    """The second office's administrator (development only, with the demo's published password): signed
    in, they see their own office's requests, pages and settings and nothing of Doi Ngam's."""
    User = get_user_model()
    office = Office.objects.filter(code=CODE).first()
    if office is None:
        return None
    user, created = User.objects.get_or_create(
        username=STAFF_USERNAME,
        defaults={"email": f"{STAFF_USERNAME}@example.com", "first_name": "ผู้ดูแล", "last_name": "ห้วยน้ำใส"},
    )
    if created:
        user.set_password(password)
        user.save()
    user.groups.add(office.groups.get(role=ADMINISTRATORS).group)
    if stdout:
        stdout.write(
            f"{NAME[1]}'s administrator: http://{HOST}:{port}/admin/  user: {STAFF_USERNAME}  password: {password}"
        )
    return user
