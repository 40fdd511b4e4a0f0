"""Making a report (its request, its photos, the acknowledgement) in one transaction, hiding it from the
board, answering it in public, and the categories every office starts with."""

import datetime
import hashlib
import hmac
import math
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from casework import deadlines, notices, timeline
from casework.constants import OPEN_STATUSES, Channel, EventKind
from casework.models import Submission
from casework.services import next_reference
from eforms.storage import all_or_nothing
from home.site import absolute_url
from problems import follow
from problems.constants import DUPLICATE_DAYS, DUPLICATE_METRES, REFERENCE_PREFIX, PositionSource
from problems.models import (
    Category,
    OfficeArea,
    ProblemPhoto,
    ProblemReport,
    PublicAnswer,
    SealedContact,
    Support,
)

# code, Thai, English, Thai words, English words, icon, response days, resolution days, sensitive
DEFAULT_CATEGORIES = [
    ("street-light", "ไฟฟ้าส่องสว่างดับ", "Street light out", "ไฟถนนดับ กะพริบ หรือเสา/สายไฟชำรุด",
     "A street light is off, blinking, or its pole or wire is damaged", "💡", 2, 7, False),
    ("garbage", "ขยะไม่ได้จัดเก็บ", "Garbage not collected", "ขยะตกค้าง ถังขยะเต็มหรือชำรุด",
     "Garbage left behind, a full or broken bin", "🗑", 1, 3, False),
    ("pothole", "ถนนชำรุด เป็นหลุมบ่อ", "Pothole or broken road", "ถนนเป็นหลุม ทรุด หรือแตก",
     "A hole, a dip or a crack in the road", "🚧", 2, 15, False),
    ("blocked-drain", "ท่อระบายน้ำอุดตัน", "Blocked drain", "น้ำท่วมขัง ท่อหรือรางระบายน้ำอุดตัน",
     "Standing water, a blocked drain or gutter", "🌊", 1, 7, False),
    ("fallen-tree", "ต้นไม้ล้ม กีดขวาง", "Fallen tree", "ต้นไม้หรือกิ่งไม้ล้มขวางทางหรือพาดสายไฟ",
     "A tree or branch across the road or on wires", "🌳", 1, 3, False),
    ("mosquito", "แหล่งเพาะพันธุ์ยุงลาย", "Mosquito breeding site", "น้ำขังที่ยุงลายวางไข่ ขอพ่นหมอกควัน",
     "Still water where mosquitoes breed; ask for fogging", "🦟", 1, 5, False),
    ("corruption", "ร้องเรียนการทุจริต", "Corruption complaint", "การทุจริตหรือประพฤติมิชอบของเจ้าหน้าที่ (ไม่เปิดเผยต่อสาธารณะ)",
     "Corruption or misconduct by staff (never shown in public)", "⚖", 3, 30, True),
]  # fmt: skip


def create_default_categories(office):
    """The demo-able categories, for a new office (`problems.signals`) and the offices already there
    (the migration). Existing codes are kept as the office edited them."""
    existing = set(Category.objects.filter(office=office).values_list("code", flat=True))
    Category.objects.bulk_create(
        Category(
            office=office,
            code=code,
            name_th=name_th,
            name_en=name_en,
            description_th=words_th,
            description_en=words_en,
            icon=icon,
            response_days=response,
            resolution_days=resolution,
            sensitive=sensitive,
            sort_order=index,
        )
        for index, (code, name_th, name_en, words_th, words_en, icon, response, resolution, sensitive) in (
            enumerate(DEFAULT_CATEGORIES)
        )
        if code not in existing
    )


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine), good to a few metres at these scales."""
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    dp, dl = p2 - p1, math.radians(float(lon2) - float(lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def outside_area(office, latitude, longitude) -> bool:
    """Whether a position is further from the office's centre than its radius (False without an area)."""
    if latitude is None or longitude is None:
        return False
    area = OfficeArea.objects.filter(office=office).first()
    if area is None:
        return False
    return distance_km(area.latitude, area.longitude, latitude, longitude) > area.radius_km


def _answers(category, place, description, name, phone, *, sealed=False):
    """The request's snapshot as the inbox shows answers (labels in the report's language); a sensitive
    report's name and phone are sealed, not in the request."""
    rows = [
        ("category", _("What"), category.name),
        ("description", _("What is wrong"), description),
        ("village", _("Village (moo)"), place.get("village_label", "")),
        ("road", _("Road or soi"), place.get("road", "")),
        ("landmark", _("Landmark"), place.get("landmark", "")),
        ("position", _("Position"), place.get("position_text", "")),
    ]
    if not sealed:
        rows += [("name", _("Name"), name), ("phone", _("Phone"), phone)]
    return [
        {"key": k, "label": str(label), "type": "text", "step": "", "value": v, "display": v}
        for k, label, v in rows
    ]


def submit_report(*, office, category, place, description, photos, contact, language, now=None):
    """The report and its request (reference, deadline = the category's resolution time), its photos
    (already cleaned, `photos.CleanPhoto`) and the acknowledgement, in one transaction.

    The returned report carries `follow_code`, its follow-up code, which is kept only as a hash: show
    it now or never. A sensitive category's contact goes into a `SealedContact`, not the request."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sealed = category.sensitive
    name, phone, email = (contact.get(k, "").strip() for k in ("name", "phone", "email"))
    code = follow.new_code()
    with override(language):
        answers = _answers(category, place, description, name, phone, sealed=sealed)
        title = category.name
    storage = ProblemPhoto._meta.get_field("file").storage
    with all_or_nothing(storage) as written, transaction.atomic():
        submission = Submission.objects.create(
            reference=next_reference(REFERENCE_PREFIX, office=office, when=now),
            office=office,
            service=None,
            service_title=title,
            language=language,
            answers=answers,
            applicant_email="" if sealed else email,
            applicant_name="" if sealed else name[:200],
            processing_days=category.resolution_days,
            expected_completion=deadlines.initial_deadline(today, category.resolution_days, office),
            submitted_at=now,
            status_changed_at=now,
            channel=Channel.ONLINE,
        )
        report = ProblemReport.objects.create(
            submission=submission,
            office=office,
            category=category,
            description=description,
            village=place.get("village", ""),
            road=place.get("road", ""),
            landmark=place.get("landmark", ""),
            latitude=place.get("latitude"),
            longitude=place.get("longitude"),
            position_source=place.get("position_source", PositionSource.NONE),
            respond_by=deadlines.initial_deadline(today, category.response_days, office),
            created_at=now,
            follow_hash=follow.digest(code),
        )
        if sealed and (name or phone or email):
            SealedContact.objects.create(report=report, name=name[:200], phone=phone[:30], email=email)
        for photo in photos:
            record = ProblemPhoto(report=report, width=photo.width, height=photo.height, size=len(photo.data))
            record.file.save("photo.jpg", ContentFile(photo.data), save=False)
            written.remember(record.file.name)
            record.save()
        timeline.record(
            submission,
            EventKind.CREATED,
            actor_name=submission.applicant_name,
            to_status=submission.status,
            visible_to_citizen=True,
            data={"channel": submission.channel, "problem": report.pk},
        )
        if sealed:
            _sealed_acknowledgement(submission, email, code)
        else:
            notices.acknowledgement(submission)
    report.follow_code = code
    return report


def follow_url(submission, code, language=None):
    with override(language or submission.language):
        return absolute_url(reverse("problems:follow", args=[code]), page=notices.page_of(submission))


def _sealed_acknowledgement(submission, email, code):
    """A sensitive report's acknowledgement, to the sealed address: the follow-up link instead of the
    status page (whose look-up needs the request's email, which a sealed report does not have)."""
    if email:
        notices.queue(
            submission,
            "acknowledgement",
            "problems/email/acknowledgement",
            to=email,
            urgent=True,
            follow_url=follow_url(submission, code),
        )


def set_hidden(report, *, hidden, actor, reason=""):
    """Hide a report from the board (with a reason, kept with who and when) or show it again; the
    request's timeline records both."""
    with transaction.atomic():
        report = ProblemReport.objects.select_for_update().get(pk=report.pk)
        report.hidden = hidden
        report.hidden_reason = reason if hidden else ""
        report.hidden_by = actor if hidden else None
        report.hidden_at = timezone.now() if hidden else None
        report.save(update_fields=["hidden", "hidden_reason", "hidden_by", "hidden_at"])
        message = (
            (_("Hidden from the public board: %(reason)s") % {"reason": reason})
            if hidden
            else _("Shown on the public board again")
        )
        timeline.record(
            report.submission, EventKind.COMMENT, actor=actor, message=message, data={"hidden": hidden}
        )
    return report


def answer_in_public(report, *, actor, text):
    """An answer everyone sees on the board's page of the report (and the citizen on the status page)."""
    with transaction.atomic():
        answer = PublicAnswer.objects.create(report=report, text=text, author=actor)
        timeline.record(
            report.submission,
            EventKind.MESSAGE_TO_CITIZEN,
            actor=actor,
            message=text,
            visible_to_citizen=True,
        )
    return answer


def _same_road(a, b):
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold() != ""


def near_duplicates(office, category, place, now=None, limit=5):
    """Open reports on the board of the same category from the last DUPLICATE_DAYS days, within
    DUPLICATE_METRES of the position or in the same village and road: what the citizen may support
    instead of reporting again. Never a sensitive or hidden one (they are not on the board)."""
    now = now or timezone.now()
    latitude, longitude = place.get("latitude"), place.get("longitude")
    village, road = place.get("village", ""), place.get("road", "")
    near = Q(pk__in=[])
    if latitude is not None and longitude is not None:
        # A box a little larger than the radius, then the exact distance below.
        margin = Decimal("0.0006")
        lat, lon = Decimal(str(latitude)), Decimal(str(longitude))
        near |= Q(
            latitude__range=(lat - margin, lat + margin),
            longitude__range=(lon - margin * 2, lon + margin * 2),
        )
    if village and road.strip():
        near |= Q(village=village, road__iexact=" ".join(road.split()))
    candidates = (
        ProblemReport.objects.on_board(office)
        .filter(near, category=category, submission__status__in=OPEN_STATUSES)
        .filter(created_at__gte=now - datetime.timedelta(days=DUPLICATE_DAYS))
        .select_related("category", "submission")
        .order_by("-created_at")[:50]
    )
    found = []
    for report in candidates:
        close = (
            latitude is not None
            and report.latitude is not None
            and distance_km(latitude, longitude, report.latitude, report.longitude) * 1000 <= DUPLICATE_METRES
        )
        if close or (village and report.village == village and _same_road(report.road, road)):
            found.append(report)
    return found[:limit]


def supporter_key(session_key) -> str:
    """What a supporter is known by: a keyed hash of the browser's session (no personal data, and the
    session's key cannot be read back from it)."""
    return hmac.new(
        settings.SECRET_KEY.encode(), f"problems-support:{session_key}".encode(), hashlib.sha256
    ).hexdigest()


def add_support(report, supporter) -> bool:
    """Count one more citizen with this problem, once per supporter; False when already counted or the
    report is no longer open on the board."""
    with transaction.atomic():
        locked = ProblemReport.objects.select_for_update().filter(pk=report.pk).first()
        if locked is None or not locked.is_public or locked.submission.status not in OPEN_STATUSES:
            return False
        created = Support.objects.get_or_create(report=locked, supporter=supporter)[1]
        if created:
            ProblemReport.objects.filter(pk=locked.pk).update(supporters=F("supporters") + 1)
            timeline.record(
                locked.submission,
                EventKind.COMMENT,
                actor_name="system",
                message=_("One more citizen has this problem (support from the public)."),
                data={"support": True},
            )
        return created
