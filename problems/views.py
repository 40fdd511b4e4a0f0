"""The citizen's pages: report in three steps (plain forms, no script needed), the confirmation, the
public board and a case's page, and a case's photos. Each takes its office from the host."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from casework import extensions, satisfaction, timeline
from casework.constants import OPEN_STATUSES
from casework.notices import rating_token
from casework.workflow import WorkflowError
from offices.lookup import office_for_request
from problems import board_map as board_map_data
from problems import figures as report_figures
from problems import follow as follow_codes
from problems import services
from problems import workflow as report_workflow
from problems.constants import DEFAULT_VILLAGES, PhotoKind, PositionSource
from problems.forms import BoardFilter, FollowForm, PhotosForm, VerdictForm, WhatForm, WhereForm
from problems.models import Category, OfficeArea, ProblemPhoto, ProblemReport
from security.headers import content_security_policy
from security.limits import exceeded

SESSION_KEY = "problems_report"
FOLLOW_CODE_KEY = "problems_follow_code"
#: Follow-up pages opened per address and hour (wrong codes included): a scan of codes gets nowhere.
FOLLOW_RATE = "60/h"
REPORTS_PER_HOUR = "10/h"
DONE_KEY = "problems_done"
PER_PAGE = 20


def _office(request):
    office = office_for_request(request)
    if office is None:
        raise Http404
    return office


def _draft(request, office):
    """What the citizen chose in earlier steps (for this office only)."""
    draft = request.session.get(SESSION_KEY) or {}
    return draft if draft.get("office") == office.pk else {"office": office.pk}


def _posted(request):
    return request.POST if request.method == "POST" else None


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _step(number):
    return {"step": number, "steps": 3}


@require_http_methods(["GET", "POST"])
def what(request):
    office = _office(request)
    draft = _draft(request, office)
    categories = list(Category.objects.of(office).select_related("picture"))
    initial = {"category": draft.get("category"), "description": draft.get("description", "")}
    form = WhatForm(_posted(request), categories=categories, initial=initial)
    if request.method == "POST" and form.is_valid():
        draft.update(
            category=int(form.cleaned_data["category"]), description=form.cleaned_data["description"]
        )
        request.session[SESSION_KEY] = draft
        return HttpResponseRedirect(reverse("problems:where"))
    context = {"form": form, "categories": categories, "office_id": office.pk, **_step(1)}
    return _render(request, "problems/what.html", context)


def _villages(office):
    area = OfficeArea.objects.filter(office=office).first()
    return range(1, (area.village_count if area else DEFAULT_VILLAGES) + 1)


@require_http_methods(["GET", "POST"])
def where(request):
    office = _office(request)
    draft = _draft(request, office)
    if "category" not in draft:
        return HttpResponseRedirect(reverse("problems:new"))
    form = WhereForm(
        _posted(request),
        villages=_villages(office),
        outside=lambda lat, lon: services.outside_area(office, lat, lon),
        initial=draft.get("place", {}),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        place = {k: data[k] for k in ("village", "road", "landmark")}
        if data["latitude"] is not None:
            place.update(
                latitude=str(data["latitude"]),
                longitude=str(data["longitude"]),
                position_source=PositionSource.TYPED,
            )
        draft["place"] = place
        request.session[SESSION_KEY] = draft
        category = Category.objects.of(office).filter(pk=draft["category"]).first()
        if category is not None and services.near_duplicates(office, category, place):
            return HttpResponseRedirect(reverse("problems:similar"))
        return HttpResponseRedirect(reverse("problems:photos"))
    area = OfficeArea.objects.filter(office=office).first()
    context = {
        "form": form,
        "needs_confirmation": getattr(form, "needs_confirmation", False),
        "area": area,
        "map": bool(area and area.tile_url),
        "office_id": office.pk,
        **_step(2),
    }
    response = _render(request, "problems/where.html", context)
    return _with_tiles(response, area) if context["map"] else response


def similar(request):
    """Open reports like the one being made: support one of them, or go on with a new report."""
    office = _office(request)
    draft = _draft(request, office)
    category = Category.objects.of(office).filter(pk=draft.get("category")).first()
    if category is None or "place" not in draft:
        return HttpResponseRedirect(reverse("problems:new"))
    reports = services.near_duplicates(office, category, draft["place"])
    if not reports:
        return HttpResponseRedirect(reverse("problems:photos"))
    return _render(request, "problems/similar.html", {"reports": reports, "category": category, **_step(2)})


#: Supports counted per address and hour (one village may share one address).
SUPPORTS_PER_HOUR = "30/h"


@require_http_methods(["POST"])
def support(request, pk):
    """ "I have this problem too": counted once per browser session, on an open public case."""
    report = _public_report(request, pk)
    if exceeded(request, "problems:support", per_address=SUPPORTS_PER_HOUR):
        messages.error(
            request, translation.gettext("Too many tries from your connection. Please try again later.")
        )
        return HttpResponseRedirect(reverse("problems:case", args=[report.pk]))
    if not request.session.session_key:
        request.session.save()
    if services.add_support(report, services.supporter_key(request.session.session_key)):
        messages.success(
            request,
            translation.gettext(
                "Thank you: your support is counted. The office sees how many people have this problem."
            ),
        )
    else:
        messages.info(request, translation.gettext("Your support for this report was already counted."))
    request.session.pop(SESSION_KEY, None)  # no second report of the same problem
    return HttpResponseRedirect(reverse("problems:case", args=[report.pk]))


def _place_for_report(place, photos, use_photo_position):
    place = dict(place)
    if place.get("latitude") is None and use_photo_position:
        position = next((p.position for p in photos if p.position), None)
        if position:
            place.update(latitude=position[0], longitude=position[1], position_source=PositionSource.PHOTO)
    if place.get("latitude") is not None:
        place["position_text"] = f"{place['latitude']}, {place['longitude']}"
    if place.get("village"):
        place["village_label"] = translation.gettext("Moo %(number)s") % {"number": place["village"]}
    return place


@require_http_methods(["GET", "POST"])
def photos(request):
    office = _office(request)
    draft = _draft(request, office)
    category = Category.objects.of(office).filter(pk=draft.get("category")).first()
    if category is None and request.session.get(DONE_KEY):
        # Sent already: a resend after a dropped connection (whose first send arrived), or the back
        # button. The report it made, not a second one, nor an empty first step.
        return HttpResponseRedirect(reverse("problems:done"))
    if category is None or "place" not in draft:
        return HttpResponseRedirect(reverse("problems:where" if category else "problems:new"))
    form = PhotosForm(_posted(request), request.FILES if request.method == "POST" else None)
    context = {"form": form, "category": category, "office_id": office.pk, **_step(3)}
    if request.method == "POST" and form.is_valid() and _too_many(request, form):
        return _render(request, "problems/photos.html", context, 429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = services.submit_report(
            office=office,
            category=category,
            place=_place_for_report(draft["place"], data["photos"], data["use_photo_position"]),
            description=draft.get("description", ""),
            photos=data["photos"],
            contact={k: data[k].strip() for k in ("name", "phone", "email")},
            language=translation.get_language(),
        )
        request.session.pop(SESSION_KEY, None)
        extensions.sent(request, report.submission)
        request.session[DONE_KEY] = report.pk
        # Shown on the next page only (the code is kept nowhere else in clear).
        request.session[FOLLOW_CODE_KEY] = report.follow_code
        return HttpResponseRedirect(reverse("problems:done"))
    return _render(request, "problems/photos.html", context)


def _too_many(request, form):
    """Reports sent from one address in an hour (a village may share one: set well above one family's
    need); the 11th is refused with a message, nothing is made."""
    if not exceeded(request, "problems:report", per_address=REPORTS_PER_HOUR):
        return False
    form.add_error(
        None,
        translation.gettext(
            "You have sent many reports in the last hour. Please wait a while, or call the office."
        ),
    )
    return True


def done(request):
    office = _office(request)
    report_id = request.session.get(DONE_KEY)
    report = (
        ProblemReport.objects.filter(pk=report_id, office=office)
        .select_related("submission", "category")
        .first()
        if report_id
        else None
    )
    if report is None:
        return HttpResponseRedirect(reverse("problems:new"))
    code = request.session.get(FOLLOW_CODE_KEY, "")
    context = {
        "report": report,
        "submission": report.submission,
        "follow_code": code,
        "follow_url": request.build_absolute_uri(reverse("problems:follow", args=[code])) if code else "",
        "office_id": office.pk,
    }
    response = _render(request, "problems/done.html", context)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _board_filters(request, office):
    categories = [c for c in Category.objects.of(office) if not c.sensitive]
    return BoardFilter(request.GET or None, categories=categories, villages=_villages(office))


def _with_tiles(response, area):
    """The office's own tile server in this response's Content-Security-Policy, and only here."""
    response["Content-Security-Policy"] = content_security_policy(None, admin=False).replace(
        "img-src 'self'", f"img-src 'self' {area.tile_origin}", 1
    )
    return response


def board(request):
    office = _office(request)
    filters = _board_filters(request, office)
    reports = filters.apply(ProblemReport.objects.on_board(office))
    first_photo = ProblemPhoto.objects.filter(report=OuterRef("pk"), kind=PhotoKind.BEFORE).order_by(
        "uploaded_at", "pk"
    )
    reports = (
        reports.select_related("category", "submission")
        .only(
            "pk", "village", "road", "created_at", "category__name_th", "category__name_en",
            "category__icon", "submission__status", "verdict", "reopenings", "supporters",
        )
        .annotate(photo_id=Subquery(first_photo.values("pk")[:1]))
        .order_by("-created_at", "-pk")
    )  # fmt: skip
    page = Paginator(reports, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    area = OfficeArea.objects.filter(office=office).first()
    show_map = bool(area and area.tile_url)
    context = {
        "filters": filters,
        "page_obj": page,
        "reports": page.object_list,
        "query": query.urlencode(),
        "today": timezone.localdate(),
        "area": area,
        "map": show_map,
        "map_data_url": reverse("problems:board_map") + (f"?{query.urlencode()}" if query else ""),
    }
    response = TemplateResponse(request, "problems/board.html", context)
    return _with_tiles(response, area) if show_map else response


#: As json_script does: no "</script>" or markup can come out of the map's data whatever a case says.
_HTML_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def board_map(request):
    """The board's cases for its map, as JSON: the list's filters, grouped per zoom, bounded in size
    (`problems.board_map`). Text is escaped for HTML too (<, >, & as \\u escapes)."""
    office = _office(request)
    filters = _board_filters(request, office)
    data = board_map_data.map_data(
        filters.apply(ProblemReport.objects.on_board(office)),
        zoom=board_map_data.parse_zoom(request.GET.get("zoom")),
        bbox=board_map_data.parse_bbox(request.GET.get("bbox")),
        categories=filters.categories,
    )
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE)
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "public, max-age=60"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _public_report(request, pk):
    """The office's report if the public may see it; hidden, sensitive, withdrawn and another office's
    are all the same 404."""
    office = _office(request)
    report = (
        ProblemReport.objects.filter(pk=pk, office=office).select_related("category", "submission").first()
    )
    if report is None or not report.is_public:
        raise Http404
    return report


def case(request, pk):
    report = _public_report(request, pk)
    context = {
        "report": report,
        "photos": list(report.photos.all()),
        "answers": list(report.answers.all()),
        "today": timezone.localdate(),
        "can_support": report.submission.status in OPEN_STATUSES,
    }
    return TemplateResponse(request, "problems/case.html", context)


def photo(request, pk, photo_id):
    report = _public_report(request, pk)
    record = ProblemPhoto.objects.filter(pk=photo_id, report=report).first()
    if record is None:
        raise Http404
    response = FileResponse(record.file.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "POST"])
def follow_lookup(request):
    """Type the follow-up code (the reference alone opens nothing)."""
    _office(request)
    form = FollowForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        code = follow_codes.normalise(form.cleaned_data["code"])
        if code:
            return HttpResponseRedirect(reverse("problems:follow", args=[code]))
        form.add_error(
            "code", translation.gettext("This is not a follow-up code: check the 16 letters and digits.")
        )
    return _render(request, "problems/follow_lookup.html", {"form": form}, 400 if form.errors else 200)


def _followed(request, code):
    """The office's report this code opens, or None (unknown, another office's, or too many tries)."""
    office = _office(request)
    if exceeded(request, "problems:follow", per_address=FOLLOW_RATE):
        return None, 429
    digest = follow_codes.digest(code)
    report = (
        ProblemReport.objects.filter(office=office, follow_hash=digest)
        .select_related("submission", "category")
        .first()
        if digest
        else None
    )
    return report, 404 if report is None else 200


@require_http_methods(["GET", "POST"])
def follow(request, code):
    """The reporter's page of the case: its state, the office's messages, and "fixed / not fixed"."""
    report, status = _followed(request, code)
    if report is None:
        response = _render(
            request, "problems/follow_lookup.html", {"form": FollowForm(), "unknown": True}, status
        )
        response["Referrer-Policy"] = "no-referrer"
        return response
    form = VerdictForm(_posted(request))
    refusal = report_workflow.citizen_refusal(report, report_workflow.ReportAction.FIXED)
    if request.method == "POST" and form.is_valid():
        try:
            report_workflow.act(report, form.cleaned_data["verdict"], text=form.cleaned_data["reason"])
        except WorkflowError as error:
            form.add_error(None, str(error.message))
            status = 400
        else:
            messages.success(request, translation.gettext("Thank you: we have recorded your answer."))
            return HttpResponseRedirect(reverse("problems:follow", args=[follow_codes.normalise(code)]))
    elif request.method == "POST":
        status = 400
    context = {
        "report": report,
        "submission": report.submission,
        "events": timeline.for_citizen(report.submission),
        "answers": list(report.answers.all()),
        "form": form,
        "can_answer": not refusal,
        "verdict_closes_at": report_workflow.verdict_closes_at(report),
        # The survey's own link, which the status page shows: a reporter who left no email has only this.
        "rate_url": reverse("status:rate", args=[rating_token(report.submission)])
        if satisfaction.is_decided(report.submission) and satisfaction.can_rate(report.submission)
        else "",
    }
    response = _render(request, "problems/follow.html", context, status)
    response["Referrer-Policy"] = "no-referrer"
    return response


def figures(request):
    office = _office(request)
    rows, since, until = report_figures.figures(office)
    context = {"rows": rows, "since": since, "until": until, "days": report_figures.PERIOD_DAYS}
    return TemplateResponse(request, "problems/figures.html", context)


def figures_csv(request):
    """The monthly figures as CSV (UTF-8 with a BOM, so that Excel shows the Thai), headings in the
    page's language; the same small counts hidden as on the page."""
    office = _office(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="problem-figures-{office.code}-{timezone.localdate():%Y-%m}.csv"'
    )
    response.write("\ufeff")
    report_figures.write_csv(response, report_figures.monthly(office))
    return response
