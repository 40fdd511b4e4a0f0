"""The demo office's reporting area and a few reports on its board (`load_demo`; run again, it adds
nothing). The photos are plain coloured pictures made here, not real people's streets."""

import io

from django.contrib.auth import get_user_model
from django.db import transaction
from PIL import Image, ImageDraw

from casework import workflow
from offices.models import Office
from problems import services
from problems.models import Category, OfficeArea, ProblemReport
from problems.photos import CleanPhoto

CENTRE = ("19.910000", "99.830000")  # beside the demo's attractions
REPORTS = [
    ("street-light", "2", "ถนนดอยงาม-แม่สรวย", "หน้าโรงเรียนบ้านดอยงาม", "ไฟถนนดับสามต้นติดกัน มืดมากตอนกลางคืน", None),
    ("garbage", "5", "ซอย 3", "ข้างศาลาหมู่บ้าน", "ขยะไม่ได้เก็บมาหนึ่งสัปดาห์", "start_review"),
    ("pothole", "1", "ถนนสายหลักหน้าวัด", "ทางเข้าวัดพระธาตุดอยงาม", "หลุมลึกประมาณหนึ่งฝ่ามือ รถจักรยานยนต์ล้มแล้ว", "complete"),
    ("blocked-drain", "7", "ถนนเลียบลำห้วย", "", "น้ำท่วมขังทุกครั้งที่ฝนตก", None),
    ("mosquito", "4", "", "บ่อน้ำร้างหลังตลาด", "มีลูกน้ำยุงลายจำนวนมาก", "start_review"),
]  # fmt: skip
COLOURS = [(90, 90, 110), (120, 140, 90), (150, 110, 80), (80, 120, 150), (110, 150, 120)]


def _picture(colour):
    image = Image.new("RGB", (640, 480), colour)
    ImageDraw.Draw(image).rectangle((200, 150, 440, 330), outline=(240, 240, 240), width=8)
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return CleanPhoto(output.getvalue(), 640, 480, None)


def load(office, stdout=None):
    OfficeArea.objects.get_or_create(office=office, defaults={"latitude": CENTRE[0], "longitude": CENTRE[1]})
    if ProblemReport.objects.filter(office=office).exists():
        _done(office, stdout)
        return
    # States are moved by a real administrator when there is one (the demo's `admin`), else all stay
    # "received": the workflow takes no anonymous staff.
    officer = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    with transaction.atomic():
        for (code, village, road, landmark, text, action), colour in zip(REPORTS, COLOURS, strict=True):
            report = services.submit_report(
                office=office,
                category=Category.objects.get(office=office, code=code),
                place={
                    "village": village,
                    "road": road,
                    "landmark": landmark,
                    "village_label": f"หมู่ {village}",
                },
                description=text,
                photos=[_picture(colour)],
                contact={},
                language="th",
            )
            steps = {"start_review": ["start_review"], "complete": ["start_review", "approve", "complete"]}
            for step in steps.get(action, []) if officer else []:
                workflow.transition(report.submission, step, actor=officer)
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
