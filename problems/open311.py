"""Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), outside the language prefixes: `/open311/v2/…`

- `discovery.(json|xml)`: the Service Discovery document (changeset, contact, key_service, endpoints).
- `services.(json|xml)`: the office's public categories; `services/<code>.(json|xml)`: a category's
  service definition (its attributes: the village and the road).
- `requests.(json|xml)`: GET to read (the spec's filters, and `page`/`page_size` as the spec's
  Extensions page describes), POST with an office's API key to report; `requests/<id>.(json|xml)`.

The jurisdiction is the office of the host (a `jurisdiction_id` that names another is a 404). Only what
the public board shows is served: never a sensitive category, a hidden or withdrawn report, nor the
reporter's name or contact. Every error, whatever the URL under `/open311/v2/` and the method, is the
spec's list of {code, description} in the format asked for (JSON when none can be told), its
description in the language of the request (Accept-Language; Thai by default), as are service names.
"""

import datetime
import logging
import re
import uuid
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from casework.constants import FINAL_STATUSES
from offices.lookup import office_for_request
from problems import api_keys
from problems import services as report_services
from problems.constants import DEFAULT_VILLAGES, PhotoKind, PositionSource
from problems.models import Category, OfficeArea, ProblemPhoto, ProblemReport, PublicAnswer
from problems.open311_format import FORMATS, ApiError, error, respond
from security.limits import exceeded

logger = logging.getLogger(__name__)

#: The spec: "Default query limit is a span of 90 days or first 1000 requests returned".
MAX_REQUESTS = 1000
DEFAULT_DAYS = 90
RATE = "120/m"
#: Reports one API key may send in an hour (a client's bug must not flood an office's inbox).
POSTS_PER_KEY = "60/h"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
MIME_TYPES = {"xml": "text/xml", "json": "application/json"}
#: The longest service_request_id there can be (a bigint), so a long one is "not found", never an error.
MAX_ID_DIGITS = 18


def _office(request):
    office = office_for_request(request)
    if office is None:
        raise ApiError(404, _("jurisdiction_id not found: this address serves no office."))
    data = request.POST if request.method == "POST" else request.GET
    wanted = (data.get("jurisdiction_id") or "").strip().lower()
    host = office.site.hostname.lower()
    if wanted and wanted not in {office.code, host, host.removeprefix("www.")}:
        raise ApiError(
            404, _("jurisdiction_id not found: this address serves %(code)s.") % {"code": office.code}
        )
    return office


def _api(*methods):
    """The view's frame: the format, the method, the rate limit, the office, and errors in the spec's
    format (a fault of ours too, logged, so a client never gets an HTML page)."""

    def decorate(view):
        @csrf_exempt  # a client with an API key, not a browser session
        def wrapper(request, fmt, *args, **kwargs):
            if fmt not in FORMATS:
                return error("json", ApiError(404, _("Unknown format: use .json or .xml.")))
            try:
                if request.method not in methods:
                    raise ApiError(
                        405,
                        _("This resource does not take %(method)s; use %(allowed)s.")
                        % {"method": request.method, "allowed": ", ".join(methods)},
                        headers={"Allow": ", ".join(methods)},
                    )
                if exceeded(request, "open311", per_address=RATE):
                    raise ApiError(429, _("Too many requests from your address: try again in a minute."))
                return view(request, fmt, _office(request), *args, **kwargs)
            except ApiError as refusal:
                return error(fmt, refusal)
            except Exception:
                logger.exception("Open311 %s %s failed", request.method, request.path)
                return error(fmt, ApiError(500, _("General service error: please try again later.")))

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper

    return decorate


def _categories(office):
    return Category.objects.of(office).filter(sensitive=False)


def _villages(office):
    area = OfficeArea.objects.filter(office=office).first()
    return [str(n) for n in range(1, (area.village_count if area else DEFAULT_VILLAGES) + 1)]


def attributes(office, category):
    """The service definition's attributes of `category`: what the citizen's form asks besides the spec's
    own fields (a position or `address_string`, the description, the contact). Both optional."""
    return [
        {
            "variable": True,
            "code": "village",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("The village (moo) number."),
            "order": 1,
            "description": _("Which village (moo) is the problem in?"),
            "values": [{"key": n, "name": _("Moo %(number)s") % {"number": n}} for n in _villages(office)],
        },
        {
            "variable": True,
            "code": "road",
            "datatype": "string",
            "required": False,
            "datatype_description": _("At most 200 characters."),
            "order": 2,
            "description": _("The road or soi."),
            "values": [],
        },
    ]


def _service(office, category):
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": bool(attributes(office, category)),
        "type": "realtime",
        "keywords": "",
        "group": category.division.name if category.division_id else "",
    }


@_api("GET")
def services(request, fmt, office):
    """GET Service List."""
    items = [_service(office, c) for c in _categories(office).select_related("division")]
    return respond(fmt, "services", items)


@_api("GET")
def service_definition(request, fmt, office, code):
    """GET Service Definition: a category's attributes (an empty list for one without any)."""
    category = _categories(office).filter(code=code).first()
    if category is None:
        raise ApiError(404, _("service_code not found: %(code)s") % {"code": code})
    return respond(
        fmt, "service_definition", {"service_code": category.code, "attributes": attributes(office, category)}
    )


@_api("GET")
def discovery(request, fmt, office):
    """Service Discovery (wiki.open311.org/Service_Discovery): where the endpoint is, what it speaks, and
    when the services last changed (`changeset`)."""
    changed = Category.objects.filter(office=office).aggregate(last=Max("updated_at"))["last"]
    changeset = _iso(changed or office.created_at, utc=True)
    organisation = office.organisation
    parts = (organisation.name, organisation.phone, organisation.email) if organisation else (str(office),)
    services_url = request.build_absolute_uri(reverse("open311:services", args=["json"]))
    content = {
        "changeset": changeset,
        "contact": ", ".join(p for p in parts if p) or str(office),
        "key_service": _(
            "Ask the office for an API key: its administrators make one per client (in the admin, "
            "Settings → Open311 API keys)."
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": services_url.rsplit("/", 1)[0],
                "changeset": changeset,
                "type": "production",
                "formats": [MIME_TYPES["xml"], MIME_TYPES["json"]],
            }
        ],
    }
    return respond(fmt, "discovery", content)


def _iso(value, utc=False):
    """The spec's w3 format with the zone: the office's local time, or UTC (sortable) for changesets."""
    if not value:
        return None
    if utc:
        return value.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return timezone.localtime(value).isoformat(timespec="seconds")


def _end_of(day):
    return _iso(timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59))))


def photo_urls(request):
    """A function (report id, photo id) -> the photo's absolute URL, with reverse() called once: for a
    thousand items it was a fifth of the answer's time."""
    sample_pk, sample_id = 987654321, uuid.UUID(int=0)
    url = request.build_absolute_uri(reverse("problems:photo", args=[sample_pk, sample_id]))
    head, tail = url.split(str(sample_pk), 1)
    middle, end = tail.split(str(sample_id), 1)
    return lambda pk, photo_id: f"{head}{pk}{middle}{photo_id}{end}"


def _request_item(report, office_name, photo_url):
    submission = report.submission
    place = ", ".join(p for p in (report.village_label, report.road, report.landmark) if p)
    return {
        "service_request_id": str(report.pk),
        "status": "closed" if submission.status in FINAL_STATUSES else "open",
        "status_notes": report.last_answer or "",
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
        "media_url": photo_url(report.pk, report.photo_id) if report.photo_id else "",
    }


def _public_reports(office):
    first_photo = ProblemPhoto.objects.filter(report=OuterRef("pk"), kind=PhotoKind.BEFORE).order_by(
        "uploaded_at", "pk"
    )
    last_answer = PublicAnswer.objects.filter(report=OuterRef("pk")).order_by("-at", "-pk")
    return (
        ProblemReport.objects.on_board(office)
        .select_related("category", "submission")
        # Only what an item shows: up to 1,000 rows of three models are built per answer.
        .only(
            "pk",
            "created_at",
            "description",
            "village",
            "road",
            "landmark",
            "latitude",
            "longitude",
            "category__code",
            "category__name_th",
            "category__name_en",
            "submission__status",
            "submission__updated_at",
            "submission__expected_completion",
        )  # fmt: skip
        .annotate(
            photo_id=Subquery(first_photo.values("pk")[:1]),
            last_answer=Subquery(last_answer.values("text")[:1]),
        )
        .order_by("-created_at", "-pk")
    )


def _when(text, name):
    try:
        value = parse_datetime(text) if text else None
    except ValueError:  # well formed but not a date (month 13)
        value = None
    if text and value is None:
        raise ApiError(
            400,
            _("%(name)s must be a date and time in w3 format, e.g. 2026-12-01T00:00:00+07:00.")
            % {"name": name},
        )
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _listed(values):
    return [v.strip() for v in values.split(",") if v.strip()]


def _whole_number(data, name, default, highest=None):
    text = (data.get(name) or "").strip()
    if not text:
        return default
    if not re.fullmatch(r"\d{1,9}", text) or int(text) < 1 or (highest and int(text) > highest):
        if highest:
            message = _("%(name)s must be a whole number from 1 to %(highest)s.")
        else:
            message = _("%(name)s must be a whole number from 1.")
        raise ApiError(400, message % {"name": name, "highest": highest})
    return int(text)


def _paging(data):
    """(page, page_size): `page` from 1, `page_size` from 1 to 1,000 (`limit` is taken as its other name)."""
    size_name = "page_size" if (data.get("page_size") or "").strip() else "limit"
    return (
        _whole_number(data, "page", 1),
        _whole_number(data, size_name, MAX_REQUESTS, highest=MAX_REQUESTS),
    )


def _filtered(reports, data):
    """The spec's filters. `service_request_id` overrides all the others (the spec)."""
    ids = _listed(data.get("service_request_id", ""))
    if ids:
        return reports.filter(pk__in=[int(i) for i in ids if i.isdigit() and len(i) <= MAX_ID_DIGITS])
    codes = _listed(data.get("service_code", ""))
    if codes:
        reports = reports.filter(category__code__in=codes)
    statuses = set(_listed(data.get("status", "").lower()))
    if statuses - {"open", "closed"}:
        raise ApiError(400, _("status must be open, closed or both (comma-separated)."))
    if statuses == {"open"}:
        reports = reports.exclude(submission__status__in=FINAL_STATUSES)
    elif statuses == {"closed"}:
        reports = reports.filter(submission__status__in=FINAL_STATUSES)
    start = _when(data.get("start_date", "").strip(), "start_date")
    end = _when(data.get("end_date", "").strip(), "end_date")
    span = datetime.timedelta(days=DEFAULT_DAYS)
    if start and end and end < start:
        raise ApiError(400, _("end_date is before start_date."))
    if start and end and end - start > span:
        raise ApiError(400, _("start_date and end_date may not span more than 90 days."))
    if start is None and end is None:
        start = timezone.now() - span
    elif start is None:
        start = end - span
    elif end is None:
        end = start + span
    reports = reports.filter(created_at__gte=start)
    return reports.filter(created_at__lte=end) if end is not None else reports


@_api("GET", "POST")
def requests(request, fmt, office):
    """GET Service Requests (POST Service Request: `create_request`)."""
    if request.method == "POST":
        return create_request(request, fmt, office)
    page, size = _paging(request.GET)
    reports = _filtered(_public_reports(office), request.GET)
    start = (page - 1) * size
    rows = list(reports[start : start + size + 1])  # one more tells whether there is a next page
    name = str(office)
    photo_url = photo_urls(request)
    items = [_request_item(r, name, photo_url) for r in rows[:size]]
    headers = {}
    if len(rows) > size:
        following = request.GET.copy()
        following["page"] = str(page + 1)
        headers["Link"] = f'<{request.build_absolute_uri(request.path)}?{following.urlencode()}>; rel="next"'
    return respond(fmt, "service_requests", items, headers=headers)


@_api("GET")
def request_detail(request, fmt, office, pk):
    """GET Service Request: a list of one."""
    report = _public_reports(office).filter(pk=pk).first() if len(str(pk)) <= MAX_ID_DIGITS else None
    if report is None:
        raise ApiError(404, _("service_request_id not found: %(id)s") % {"id": pk})
    return respond(fmt, "service_requests", [_request_item(report, str(office), photo_urls(request))])


def not_found(request, fmt="json", rest=""):
    """Anything else under /open311/v2/: the spec's 404, in the format the path ends with."""
    fmt = fmt if fmt in FORMATS else "json"
    return error(fmt, ApiError(404, _("There is no such Open311 resource: see discovery.json.")))


def _text(data, name, limit):
    value = (data.get(name) or "").strip()
    if len(value) > limit:
        raise ApiError(
            400, _("%(name)s is longer than %(limit)s characters.") % {"name": name, "limit": limit}
        )
    return value


def _coordinate(data, name, limit):
    text = (data.get(name) or "").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ApiError(400, _("%(name)s must be a number in decimal degrees.") % {"name": name}) from None
    if not value.is_finite() or not -limit <= value <= limit:
        raise ApiError(400, _("%(name)s is not a position on Earth.") % {"name": name})
    return value.quantize(Decimal("0.000001"))


def _place(data, office):
    """The place from the spec's location fields and our attributes (village, road)."""
    place = {}
    if data.get("lat") or data.get("long"):
        latitude, longitude = _coordinate(data, "lat", 90), _coordinate(data, "long", 180)
        if report_services.outside_area(office, latitude, longitude):
            raise ApiError(400, _("lat and long are outside this jurisdiction's area."))
        place.update(
            latitude=str(latitude), longitude=str(longitude), position_source=PositionSource.TYPED,
            position_text=f"{latitude}, {longitude}",
        )  # fmt: skip
    place["landmark"] = _text(data, "address_string", 200)
    village = (data.get("attribute[village]") or "").strip()
    if village and village not in _villages(office):
        raise ApiError(
            400, _("attribute[village] must be one of the village numbers of the service definition.")
        )
    if village:
        place["village"] = village
        place["village_label"] = _("Moo %(number)s") % {"number": village}
    place["road"] = _text(data, "attribute[road]", 200)
    if not place.get("latitude") and not place["landmark"]:
        if data.get("address_id"):
            raise ApiError(400, _("address_id is not used here: send lat and long, or address_string."))
        raise ApiError(400, _("lat and long, or address_string, is required."))
    return place


def create_request(request, fmt, office):
    """POST Service Request: a report made through a client holding one of this office's keys."""
    data = request.POST
    key = api_keys.find(data.get("api_key"))
    if key is None or key.office_id != office.pk:
        raise ApiError(403, _("api_key is missing or not valid for this jurisdiction."))
    if exceeded(request, "open311:post", per_address="", value=str(key.pk), per_value=POSTS_PER_KEY):
        raise ApiError(429, _("Too many reports with this api_key: try again later."))
    code = _text(data, "service_code", 40)
    if not code:
        raise ApiError(400, _("service_code is required."))
    category = _categories(office).filter(code=code).first()
    if category is None:
        raise ApiError(404, _("service_code not found: %(code)s") % {"code": code})
    place = _place(data, office)
    email = _text(data, "email", 254)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ApiError(400, _("email is not a valid address.")) from None
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
    return respond(fmt, "service_requests", [item], status=201)
