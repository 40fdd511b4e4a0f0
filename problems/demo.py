"""The demo office's reporting area and about thirty reports on its board, spread over its villages and
the last two months, in every state: received, in progress, fixed (with the "after" photo, some
confirmed by their reporter), reopened as not fixed, closed without a fix, with supporters; and one
anonymous corruption complaint that never reaches the board (`load_demo`; run again, it adds
nothing). The photos are plain coloured pictures made here, not real people's streets."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from casework import workflow
from offices.models import Office
from problems import services
from problems import workflow as report_workflow
from problems.models import Category, OfficeArea, ProblemReport, Support
from problems.photos import CleanPhoto

CENTRE = ("19.910000", "99.830000")  # beside the demo's attractions
VILLAGES = 14  # Doi Ngam's, as its "about" page says

# code, village, road, landmark, what the citizen wrote, what happened, days ago, supporters
REPORTS = [
    ("street-light", "2", "ถนนดอยงาม-แม่สรวย", "หน้าโรงเรียนบ้านดอยงาม", "ไฟถนนดับสามต้นติดกัน มืดมากตอนกลางคืน", "", 1, 4),
    ("garbage", "5", "ซอย 3", "ข้างศาลาหมู่บ้าน", "ขยะไม่ได้เก็บมาหนึ่งสัปดาห์", "review", 3, 2),
    ("pothole", "1", "ถนนสายหลักหน้าวัด", "ทางเข้าวัดพระธาตุดอยงาม", "หลุมลึกประมาณหนึ่งฝ่ามือ รถจักรยานยนต์ล้มแล้ว", "fixed_ok", 40, 6),
    ("blocked-drain", "7", "ถนนเลียบลำห้วย", "", "น้ำท่วมขังทุกครั้งที่ฝนตก", "", 2, 0),
    ("mosquito", "4", "", "บ่อน้ำร้างหลังตลาด", "มีลูกน้ำยุงลายจำนวนมาก", "review", 6, 1),
    ("street-light", "9", "ซอย 7", "ข้างร้านค้าชุมชน", "ไฟกะพริบทั้งคืน", "fixed", 12, 0),
    ("street-light", "11", "ถนนบ้านป่าซาง", "สะพานข้ามห้วย", "เสาไฟเอียง สายไฟห้อยต่ำ", "review", 4, 3),
    ("garbage", "3", "ถนนดอยงาม-ห้วยไคร้", "ตลาดนัดวันพุธ", "ถังขยะแตก ขยะกระจายเต็มถนน", "fixed_ok", 25, 2),
    ("garbage", "12", "", "หน้าศูนย์พัฒนาเด็กเล็ก", "ขยะตกค้างหลังงานบุญ", "fixed", 9, 0),
    ("pothole", "6", "ซอย 2", "หน้าบ้านผู้ใหญ่บ้าน", "ถนนทรุดเป็นแอ่ง น้ำขัง", "reopened", 35, 5),
    ("pothole", "8", "ถนนเข้าหมู่บ้านดอยสะแล", "โค้งหน้าโรงสี", "ถนนแตกร้าวยาวประมาณสามเมตร", "review", 15, 1),
    ("pothole", "13", "ถนนลูกรังไปไร่ชา", "", "ถนนเป็นร่องลึกหลังฝนตกหนัก", "rejected", 30, 0),
    ("blocked-drain", "1", "ถนนเทศบาล 1", "หน้าตลาดสด", "ท่อระบายน้ำตันมีกลิ่นเหม็น", "fixed_ok", 50, 3),
    ("blocked-drain", "10", "ซอย 4", "หลังโรงเรียน", "รางระบายน้ำมีใบไม้อุดเต็ม", "fixed", 7, 0),
    ("fallen-tree", "14", "ถนนขึ้นดอย", "กิโลเมตรที่ 3", "กิ่งไม้ใหญ่หักขวางถนนครึ่งเลน", "fixed_ok", 20, 2),
    ("fallen-tree", "5", "ซอย 1", "ข้างวัดบ้านใหม่", "ต้นไม้เอนพาดสายไฟ", "review", 2, 1),
    ("mosquito", "9", "", "ยางรถเก่ากองหลังอู่", "น้ำขังในยางรถ มียุงเยอะ", "fixed", 18, 0),
    ("mosquito", "2", "ซอย 5", "", "ขอพ่นหมอกควัน มีคนป่วยไข้เลือดออก", "fixed_ok", 45, 4),
    ("street-light", "4", "ถนนรอบหนองน้ำ", "ลานกีฬาหมู่บ้าน", "ไฟสนามกีฬาดับทั้งแถว", "", 0, 0),
    ("street-light", "6", "ซอย 6", "", "หลอดไฟแตก", "fixed", 28, 0),
    ("garbage", "8", "ถนนดอยสะแล", "จุดพักรถ", "มีคนนำขยะมาทิ้งข้างทาง", "review", 10, 2),
    ("garbage", "14", "", "ทางขึ้นจุดชมวิว", "ถังขยะเต็มทุกวันเสาร์อาทิตย์", "", 1, 0),
    ("pothole", "3", "ถนนดอยงาม-ห้วยไคร้", "หน้าปั๊มน้ำมัน", "หลุมใหญ่กลางถนน รถหลบกันอันตราย", "fixed_ok", 55, 7),
    ("blocked-drain", "12", "ถนนเทศบาล 3", "", "น้ำล้นท่อเข้าบ้านเรือน", "review", 5, 3),
    ("fallen-tree", "7", "ถนนเลียบลำห้วย", "ศาลาริมน้ำ", "ต้นไม้ล้มทับรั้ว", "fixed", 14, 0),
    ("street-light", "10", "ซอย 8", "ป้ายรถเมล์", "ไฟดับ ผู้หญิงเดินกลับบ้านไม่กล้า", "reopened", 33, 2),
    ("mosquito", "11", "", "โรงเรียนบ้านป่าซาง", "แหล่งน้ำขังในโรงเรียน", "rejected", 22, 0),
    ("garbage", "1", "ถนนเทศบาล 1", "ท่ารถสองแถว", "ขยะไม่ได้เก็บสองรอบแล้ว", "fixed_ok", 38, 1),
    ("pothole", "9", "ซอย 7", "", "ผิวถนนร่อน", "", 3, 0),
    ("blocked-drain", "4", "ถนนรอบหนองน้ำ", "ประตูระบายน้ำ", "ประตูระบายน้ำติดขยะ", "fixed", 11, 1),
]  # fmt: skip
ANSWERS = {
    "review": "รับเรื่องแล้ว เจ้าหน้าที่จะออกตรวจสอบภายในสัปดาห์นี้",
    "fixed": "ดำเนินการแก้ไขเรียบร้อยแล้ว ขอบคุณที่แจ้งเรื่อง",
    "rejected": "อยู่นอกความรับผิดชอบของเทศบาล ได้ประสานกรมทางหลวงชนบทแล้ว",
    "not_fixed": "น้ำยังขังอยู่เหมือนเดิมหลังฝนตก",
}
COLOURS = [(90, 90, 110), (120, 140, 90), (150, 110, 80), (80, 120, 150), (110, 150, 120)]


def _picture(colour, after=False):
    image = Image.new("RGB", (640, 480), colour)
    draw = ImageDraw.Draw(image)
    if after:
        draw.ellipse((220, 140, 420, 340), outline=(250, 250, 250), width=10)
    else:
        draw.rectangle((200, 150, 440, 330), outline=(240, 240, 240), width=8)
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return CleanPhoto(output.getvalue(), 640, 480, None)


def _position(village, index):
    """Each village at its own spot around the centre, each case a few tens of metres apart."""
    number = int(village)
    latitude = float(CENTRE[0]) + 0.012 * ((number % 5) - 2) + 0.0004 * (index % 3)
    longitude = float(CENTRE[1]) + 0.015 * ((number // 5) - 1) + 0.0004 * (index % 4)
    return f"{latitude:.6f}", f"{longitude:.6f}"


def _move(report, plan, officer, at, colour):
    """Take a report through the real workflows (the demo's states are reached as staff reach them)."""
    step = datetime.timedelta(hours=20)
    if plan in ("review", "rejected"):
        workflow.transition(report.submission, workflow.Action.START_REVIEW, actor=officer, now=at + step)
        if plan == "review":
            services.answer_in_public(report, actor=officer, text=ANSWERS["review"])
        else:
            workflow.transition(
                report.submission, workflow.Action.REJECT, actor=officer, reason=ANSWERS["rejected"],
                now=at + 2 * step,
            )  # fmt: skip
    if plan in ("fixed", "fixed_ok", "reopened"):
        report_workflow.act(
            report, report_workflow.ReportAction.CLOSE, actor=officer, text=ANSWERS["fixed"],
            photo=_picture(colour, after=True), now=at + 3 * step,
        )  # fmt: skip
    if plan == "fixed_ok":
        report_workflow.act(report, report_workflow.ReportAction.FIXED, now=at + 4 * step)
    if plan == "reopened":
        report_workflow.act(
            report, report_workflow.ReportAction.NOT_FIXED, text=ANSWERS["not_fixed"], now=at + 4 * step
        )


def load(office, stdout=None):
    OfficeArea.objects.get_or_create(
        office=office, defaults={"latitude": CENTRE[0], "longitude": CENTRE[1], "village_count": VILLAGES}
    )
    if ProblemReport.objects.filter(office=office).exists():
        _done(office, stdout)
        return
    # States are moved by a real administrator when there is one (the demo's `admin`), else all stay
    # "received": the workflow takes no anonymous staff.
    officer = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    now = timezone.now()
    with transaction.atomic():
        for index, (code, village, road, landmark, text, plan, days, supporters) in enumerate(REPORTS):
            at = now - datetime.timedelta(days=days, hours=index % 7)
            latitude, longitude = _position(village, index)
            colour = COLOURS[index % len(COLOURS)]
            report = services.submit_report(
                office=office,
                category=Category.objects.get(office=office, code=code),
                place={
                    "village": village,
                    "road": road,
                    "landmark": landmark,
                    "village_label": f"หมู่ {village}",
                    "latitude": latitude,
                    "longitude": longitude,
                    "position_source": "typed",
                },
                description=text,
                photos=[_picture(colour)],
                contact={},
                language="th",
                now=at,
            )
            if officer is not None and plan and at + datetime.timedelta(days=4) < now:
                _move(report, plan, officer, at, colour)
            elif officer is not None and plan == "review":
                workflow.transition(report.submission, workflow.Action.START_REVIEW, actor=officer)
            for number in range(supporters):
                Support.objects.create(report=report, supporter=f"demo-{report.pk}-{number}", at=at)
            ProblemReport.objects.filter(pk=report.pk).update(supporters=supporters)
        # An anonymous complaint of a sensitive category: in its division's inbox, never on the board.
        services.submit_report(
            office=office,
            category=Category.objects.get(office=office, code="corruption"),
            place={"village": "1", "village_label": "หมู่ 1", "landmark": "สำนักงานเทศบาล"},
            description="มีการเรียกรับเงินเพื่อเร่งออกใบอนุญาต",
            photos=[_picture(COLOURS[0])],
            contact={},
            language="th",
        )
    _done(office, stdout)


def _done(office, stdout):
    if stdout:
        stdout.write(
            f"Problem reports demo ready: {ProblemReport.objects.filter(office=office).count()} reports."
        )


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    office = Office.objects.filter(site__root_page=home_page).first()
    if office is not None:
        load(office, stdout=stdout)
