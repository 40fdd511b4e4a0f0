"""Open311 GeoReport v2: `/open311/v2/services.(json|xml)`, `/open311/v2/requests.(json|xml)` (GET to
read, POST with an office's API key to report) and `/open311/v2/requests/<id>.(json|xml)`. The jurisdiction is the office of the host (a
`jurisdiction_id` that names another is a 404). Only what the public board shows is served: never a
sensitive category, a hidden or withdrawn report, nor the reporter's name or contact.

As the spec asks: UTF-8, XML with its declaration, ISO 8601 times with the zone, comma-separated
filters, requests of the last 90 days by default (a range of at most 90 days), at most 1,000 answers,
errors as a list of {code, description}. Service names are in the language of the request
(Accept-Language; Thai by default).
"""

import datetime
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from casework.constants import FINAL_STATUSES
from offices.lookup import office_for_request
from problems import api_keys
from problems import services as report_services
from problems.constants import PhotoKind, PositionSource
from problems.models import Category, ProblemPhoto, ProblemReport, PublicAnswer
from security.limits import exceeded

MAX_REQUESTS = 1000
DEFAULT_DAYS = 90
RATE = "120/m"
#: Reports one API key may send in an hour (a client's bug must not flood an office's inbox).
POSTS_PER_KEY = "60/h"


class ApiError(Exception):
    def __init__(self, code, description):
        super().__init__(description)
        self.code, self.description = code, description


def _xml(root_name, item_name, items):
    root = ElementTree.Element(root_name)
    for item in items:
        element = ElementTree.SubElement(root, item_name)
        for key, value in item.items():
            child = ElementTree.SubElement(element, key)
            if value is not None:
                child.text = str(value).lower() if isinstance(value, bool) else str(value)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="utf-8").split(b"?>", 1)[-1].lstrip()
    )


def _respond(fmt, root_name, item_name, items, status=200):
    if fmt == "xml":
        body = _xml(root_name, item_name, items)
        return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")
    return JsonResponse(items, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _error(fmt, error):
    return _respond(
        fmt, "errors", "error", [{"code": error.code, "description": error.description}], error.code
    )


def _office(request):
    office = office_for_request(request)
    if office is None:
        raise ApiError(404, "jurisdiction not found")
    wanted = request.GET.get("jurisdiction_id", "").strip().lower()
    if wanted and wanted not in {office.code, office.site.hostname.lower()}:
        raise ApiError(404, "jurisdiction_id not found")
    return office


def _api(view):
    @csrf_exempt  # a client with an API key, not a browser session
    @require_http_methods(["GET", "POST"] if view.__name__ == "requests" else ["GET"])
    def wrapper(request, fmt, *args, **kwargs):
        if fmt not in ("json", "xml"):
            return _error("json", ApiError(404, "format must be json or xml"))
        if exceeded(request, "open311", per_address=RATE):
            return _error(fmt, ApiError(429, "too many requests; try again in a minute"))
        try:
            office = _office(request)
            return view(request, fmt, office, *args, **kwargs)
        except ApiError as error:
            return _error(fmt, error)

    wrapper.__name__ = view.__name__
    return wrapper


def _categories(office):
    return Category.objects.of(office).filter(sensitive=False)


@_api
def services(request, fmt, office):
    items = [
        {
            "service_code": c.code,
            "service_name": c.name,
            "description": c.description,
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "",
        }
        for c in _categories(office)
    ]
    return _respond(fmt, "services", "service", items)


def _iso(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _end_of(day):
    return _iso(timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59))))


def _request_item(request, report, office_name):
    submission = report.submission
    place = ", ".join(p for p in (report.village_label, report.road, report.landmark) if p)
    answer = report.last_answer
    return {
        "service_request_id": str(report.pk),
        "status": "closed" if submission.status in FINAL_STATUSES else "open",
        "status_notes": answer or "",
        "service_name": report.category.name,
        "service_code": report.category.code,
        "description": report.description,
        "agency_responsible": office_name,
        "service_notice": "",
        "requested_datetime": _iso(report.created_at),
        "updated_datetime": _iso(submission.updated_at),
        "expected_datetime": _end_of(submission.expected_completion),
        "address": place,
        "address_id": "",
        "zipcode": "",
        "lat": float(report.latitude) if report.latitude is not None else None,
        "long": float(report.longitude) if report.longitude is not None else None,
        "media_url": request.build_absolute_uri(reverse("problems:photo", args=[report.pk, report.photo_id]))
        if report.photo_id
        else "",
    }


def _public_reports(office):
    first_photo = ProblemPhoto.objects.filter(report=OuterRef("pk"), kind=PhotoKind.BEFORE).order_by(
        "uploaded_at"
    )
    last_answer = PublicAnswer.objects.filter(report=OuterRef("pk")).order_by("-at", "-pk")
    return (
        ProblemReport.objects.on_board(office)
        .select_related("category", "submission")
        .annotate(
            photo_id=Subquery(first_photo.values("pk")[:1]),
            last_answer=Subquery(last_answer.values("text")[:1]),
        )
        .order_by("-created_at", "-pk")
    )


def _when(text, name):
    value = parse_datetime(text) if text else None
    if text and value is None:
        raise ApiError(400, f"{name} must be an ISO 8601 date and time, e.g. 2026-12-01T00:00:00+07:00")
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _listed(values):
    return [v.strip() for v in values.split(",") if v.strip()]


@_api
def requests(request, fmt, office):
    if request.method == "POST":
        return create_request(request, fmt, office)
    reports = _public_reports(office)
    ids = _listed(request.GET.get("service_request_id", ""))
    if ids:  # the other filters are ignored then (the spec)
        reports = reports.filter(pk__in=[int(i) for i in ids if i.isdigit()])
    else:
        codes = _listed(request.GET.get("service_code", ""))
        if codes:
            reports = reports.filter(category__code__in=codes)
        statuses = set(_listed(request.GET.get("status", "").lower()))
        if statuses - {"open", "closed"}:
            raise ApiError(400, "status must be open, closed or both (comma-separated)")
        if statuses == {"open"}:
            reports = reports.exclude(submission__status__in=FINAL_STATUSES)
        elif statuses == {"closed"}:
            reports = reports.filter(submission__status__in=FINAL_STATUSES)
        start = _when(request.GET.get("start_date", ""), "start_date")
        end = _when(request.GET.get("end_date", ""), "end_date")
        if start and end and end - start > datetime.timedelta(days=DEFAULT_DAYS):
            raise ApiError(400, "start_date and end_date may not span more than 90 days")
        if start and end and end < start:
            raise ApiError(400, "end_date is before start_date")
        if start is None and end is None:
            start = timezone.now() - datetime.timedelta(days=DEFAULT_DAYS)
        elif start is None:
            start = end - datetime.timedelta(days=DEFAULT_DAYS)
        elif end is None:
            end = start + datetime.timedelta(days=DEFAULT_DAYS)
        reports = reports.filter(created_at__gte=start)
        if end is not None:
            reports = reports.filter(created_at__lte=end)
    name = str(office)
    items = [_request_item(request, r, name) for r in reports[:MAX_REQUESTS]]
    return _respond(fmt, "service_requests", "request", items)


@_api
def request_detail(request, fmt, office, pk):
    report = _public_reports(office).filter(pk=pk).first()
    if report is None:
        raise ApiError(404, "service_request_id not found")
    return _respond(fmt, "service_requests", "request", [_request_item(request, report, str(office))])


def _text(data, name, limit):
    value = (data.get(name) or "").strip()
    if len(value) > limit:
        raise ApiError(400, f"{name} is longer than {limit} characters")
    return value


def _coordinate(data, name, limit):
    text = (data.get(name) or "").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ApiError(400, f"{name} must be a number in decimal degrees") from None
    if not value.is_finite() or not -limit <= value <= limit:
        raise ApiError(400, f"{name} is not a position on Earth")
    return value.quantize(Decimal("0.000001"))


def create_request(request, fmt, office):
    """POST Service Request: a report made through a client holding one of this office's keys."""
    data = request.POST
    key = api_keys.find(data.get("api_key"))
    if key is None or key.office_id != office.pk:
        raise ApiError(403, "api_key is not valid for this jurisdiction")
    if exceeded(request, "open311:post", per_address="", value=str(key.pk), per_value=POSTS_PER_KEY):
        raise ApiError(429, "too many requests with this api_key; try again later")
    code = _text(data, "service_code", 40)
    if not code:
        raise ApiError(400, "service_code is required")
    category = _categories(office).filter(code=code).first()
    if category is None:
        raise ApiError(404, "service_code not found")
    place = {}
    if data.get("lat") or data.get("long"):
        latitude, longitude = _coordinate(data, "lat", 90), _coordinate(data, "long", 180)
        if report_services.outside_area(office, latitude, longitude):
            raise ApiError(400, "lat and long are outside this jurisdiction's area")
        place.update(
            latitude=str(latitude), longitude=str(longitude), position_source=PositionSource.TYPED,
            position_text=f"{latitude}, {longitude}",
        )  # fmt: skip
    place["landmark"] = _text(data, "address_string", 200)
    if not place.get("latitude") and not place["landmark"]:
        raise ApiError(400, "lat and long, or address_string, is required")
    email = _text(data, "email", 254)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ApiError(400, "email is not a valid address") from None
    name = " ".join(p for p in (_text(data, "first_name", 100), _text(data, "last_name", 100)) if p)
    report = report_services.submit_report(
        office=office,
        category=category,
        place=place,
        description=_text(data, "description", 2000),
        photos=[],
        contact={"name": name, "phone": _text(data, "phone", 30), "email": email},
        language=translation.get_language() or "th",
    )
    item = {"service_request_id": str(report.pk), "service_notice": "", "account_id": None}
    return _respond(fmt, "service_requests", "request", [item], status=201)
