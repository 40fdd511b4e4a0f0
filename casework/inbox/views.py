"""The permit officers' inbox in the Wagtail admin (`/admin/inbox/`).

Every view starts from `Submission.objects.visible_to(request.user)`: a submission of a service the
user does not handle is a 404, whatever the URL. Changes go through `casework.workflow`.
"""

import csv
import functools

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from casework import deadlines, extensions, timeline, workflow
from casework.access import can_use_inbox, handles_all, shared_services
from casework.constants import EventKind, SubmissionStatus
from casework.inbox.filters import (
    InboxFilterForm,
    colleagues,
    count_for_status,
    display_name,
    services_for,
    status_counts,
)
from casework.models import Submission, SubmissionFile
from home.models import OrganisationSettings
from offices.models import Office
from privacy.audit import record_access
from privacy.models import AccessLog
from security.middleware import staff_view

PAGE_SIZE = 50
LIST_FIELDS = (
    "id",
    "reference",
    "service_id",
    "service_title",
    "applicant_name",
    "status",
    "channel",
    "assignee_id",
    "submitted_at",
    "expected_completion",
    "office_id",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
)


class CountedPaginator(Paginator):
    """A paginator told its count: the status counts already have it, so no second COUNT(*)."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


def audit(request, action, obj, detail=""):
    """The personal-data audit log (privacy.audit)."""
    return record_access(request, getattr(AccessLog.Action, action), obj, detail)


def inbox_user_required(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_use_inbox(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def _visible(request, pk):
    """The submission if the user handles its service. Missing and forbidden look the same (no hint
    that a number exists); in the admin Wagtail shows "no permission" and returns to the dashboard."""
    submission = (
        Submission.objects.visible_to(request.user)
        .select_related("service", "assignee", "counter_officer")
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise PermissionDenied
    return submission


@inbox_user_required
def index(request):
    form = InboxFilterForm(request.GET or None, user=request.user)
    base = form.base_queryset()
    counts = status_counts(base)
    qs = form.queryset(base).select_related("assignee").only(*LIST_FIELDS)
    paginator = CountedPaginator(qs, PAGE_SIZE, count=count_for_status(counts, form.value("status")))
    page = paginator.get_page(request.GET.get("p"))
    today = timezone.localdate()
    limits = deadlines.due_soon_limits(today)
    offices = _office_names(request.user, page.object_list)
    rows = [(s, deadlines.due_state(s, today, limits), offices.get(s.office_id)) for s in page.object_list]
    query = request.GET.copy()
    query.pop("p", None)
    state_links = []
    for value, label in SubmissionStatus.choices:
        link = query.copy()
        link["status"] = value
        state_links.append((value, label, counts[value], link.urlencode()))
    return TemplateResponse(
        request,
        "casework/inbox/index.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "paginator": paginator,
            "counts": counts,
            "state_links": state_links,
            "query": query.urlencode(),
            "export_url": reverse("inbox:export") + (f"?{query.urlencode()}" if query else ""),
            "handles_all": handles_all(request.user),
            "several_offices": bool(offices),
        },
    )


def _office_names(user, submissions) -> dict:
    """{office id: name} for the rows of a list that may hold several offices' requests (a platform
    administrator's, or an officer's with services shared by another office); {} otherwise, so the
    column is left out. A reference is unique only within its office."""
    if not (handles_all(user) and Office.objects.count() > 1) and not shared_services(user).exists():
        return {}
    ids = {submission.office_id for submission in submissions}
    english = get_language() == "en"
    names = {}
    rows = OrganisationSettings.objects.filter(site__office__in=ids).values_list(
        "site__office", "site__office__code", "name_th", "name_en"
    )
    for office_id, code, thai, english_name in rows:
        names[office_id] = ((english_name if english else "") or thai) or code
    return names


@inbox_user_required
def detail(request, pk):
    submission = _visible(request, pk)
    audit(request, "VIEW", submission)
    events = list(timeline.for_staff(submission))
    files = [f for f in submission.files.all() if f.event_id is None]
    staff_actions = workflow.available(submission, by=workflow.STAFF)
    return TemplateResponse(
        request,
        "casework/inbox/detail.html",
        {
            "submission": submission,
            "events": events,
            "files": files,
            "actions": [
                a for a in staff_actions if a.in_inbox and a.action != workflow.Action.REQUEST_INFORMATION
            ],
            "can_request_information": any(
                a.action == workflow.Action.REQUEST_INFORMATION for a in staff_actions
            ),
            "needs_override": workflow.needs_override(submission),
            "can_override": workflow.can_override(request.user),
            "due_state": deadlines.due_state(submission),
            "colleagues": colleagues(request.user, submission.service_id),
            **_summaries(submission),
            "rating": getattr(submission, "rating", None)
            if submission.status == SubmissionStatus.COMPLETED
            else None,
            "assignee_name": display_name(submission.assignee),
            "panels": extensions.staff_panels(request, submission),
        },
    )


def _summaries(submission):
    """The payment's summary, and what other apps add (a problem report's category and place)."""
    found = extensions.summaries(submission)
    payment = found.pop("payment", None)
    return {"payment": payment, "other_summaries": list(found.values())}


def _back(submission):
    return HttpResponseRedirect(reverse("inbox:detail", args=[submission.pk]))


def _refused(request, error):
    messages.error(request, str(error.message))


@require_POST
@inbox_user_required
def act(request, pk):
    submission = _visible(request, pk)
    action = request.POST.get("action", "")
    try:
        workflow.transition(
            submission,
            action,
            actor=request.user,
            expected_version=_version(request),
            reason=request.POST.get("reason", "")[:4000],
            override=request.POST.get("override") == "1",
        )
    except workflow.WorkflowError as error:
        _refused(request, error)
    else:
        rule = workflow.TRANSITIONS[action]
        messages.success(
            request,
            _("%(reference)s is now “%(state)s”.")
            % {"reference": submission.reference, "state": SubmissionStatus(rule.target).label},
        )
    return _back(submission)


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1  # a form without its version is out of date by definition


@require_POST
@inbox_user_required
def assign(request, pk):
    submission = _visible(request, pk)
    target = request.POST.get("assignee", "")
    assignee = None
    if target == "me":
        assignee = request.user
    elif target:
        assignee = (
            get_user_model().objects.filter(pk=target if target.isdigit() else 0, is_active=True).first()
        )
        if assignee is None:
            messages.error(request, _("Choose a colleague from the list."))
            return _back(submission)
    try:
        workflow.assign(submission, assignee, actor=request.user, expected_version=_version(request))
    except workflow.WorkflowError as error:
        _refused(request, error)
    else:
        if assignee:
            messages.success(request, _("Assigned to %(name)s.") % {"name": display_name(assignee)})
        else:
            messages.success(request, _("Nobody is assigned now."))
    return _back(submission)


@require_POST
@inbox_user_required
def comment(request, pk):
    submission = _visible(request, pk)
    try:
        workflow.comment(submission, request.POST.get("text", "")[:4000], actor=request.user)
    except workflow.WorkflowError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Comment added."))
    return _back(submission)


@require_POST
@inbox_user_required
def message(request, pk):
    submission = _visible(request, pk)
    try:
        workflow.message_citizen(submission, request.POST.get("text", "")[:4000], actor=request.user)
    except workflow.WorkflowError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Message sent to the citizen."))
    return _back(submission)


def serve_file(request, file_id):
    """A citizen's file, only for staff who handle its service; logged in the audit log and timeline."""
    record = (
        SubmissionFile.objects.select_related("submission")
        .filter(pk=file_id, submission__in=Submission.objects.visible_to(request.user))
        .first()
    )
    if record is None:
        raise PermissionDenied
    try:
        handle = record.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    audit(request, "DOWNLOAD", record.submission, detail=record.original_name)
    timeline.record(
        record.submission,
        EventKind.FILE_VIEWED,
        actor=request.user,
        message=record.original_name,
        data={"file": str(record.pk)},
    )
    response = FileResponse(
        handle,
        content_type=record.content_type,
        as_attachment=record.file_type != "pdf",
        filename=record.original_name,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@inbox_user_required
def download(request, file_id):
    return serve_file(request, file_id)


@never_cache
@staff_view
def download_file(request, file_id):
    """The old address of a citizen's file (`/eforms/files/<id>/`), for links already sent: staff sign
    in first, then the same check as the inbox's own download."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    return serve_file(request, file_id)


# CSV export ----------------------------------------------------------------------------------------
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "|", "%")


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


@inbox_user_required
def export(request):
    form = InboxFilterForm(request.GET or None, user=request.user)
    qs = form.queryset().select_related("assignee")
    audit(request, "EXPORT", Submission(pk=0, reference="inbox"), detail=request.GET.urlencode()[:255])
    today = timezone.localdate()
    header = [
        _("Reference"),
        _("Service"),
        _("Applicant"),
        _("Email"),
        _("Status"),
        _("Assigned to"),
        _("Received"),
        _("Due"),
        _("Overdue"),
        _("Channel"),
    ]
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(header)  # the BOM lets spreadsheets read Thai as UTF-8
        for s in qs.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    safe_cell(v)
                    for v in (
                        s.reference,
                        s.service_title,
                        s.applicant_name,
                        s.applicant_email,
                        s.get_status_display(),
                        display_name(s.assignee),
                        timezone.localtime(s.submitted_at).strftime("%Y-%m-%d %H:%M"),
                        s.expected_completion.isoformat(),
                        _("yes") if s.is_overdue(today) else "",
                        s.get_channel_display(),
                    )
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inbox-{today:%Y-%m-%d}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


# Assisted service at the counter -------------------------------------------------------------------
COUNTER_SESSION_KEY = "eforms_counter"


@inbox_user_required
def counter(request):
    pages = [p for p in services_for(request.user).filter(live=True)]
    return TemplateResponse(request, "casework/inbox/counter.html", {"services": pages})


@require_POST
@inbox_user_required
def counter_start(request, page_id):
    """Open the citizen's form for a walk-in citizen; the submission will be marked as made at the
    counter by this officer (see `counter_officer_for`)."""
    page = get_object_or_404(services_for(request.user).filter(live=True), pk=page_id)
    page = page.specific
    request.session[COUNTER_SESSION_KEY] = {"service": page.translation_key.hex, "officer": request.user.pk}
    return redirect(page.url + page.reverse_subpage("apply"))


def counter_officer_for(request, page):
    """The officer filling in `page` at the counter in this session, or None (an ordinary citizen)."""
    data = request.session.get(COUNTER_SESSION_KEY)
    user = getattr(request, "user", None)
    if not data or not user or not user.is_authenticated or data.get("officer") != user.pk:
        return None
    if data.get("service") != page.translation_key.hex:
        return None
    if not services_for(user).filter(pk=page.source_page.pk).exists():
        return None
    return user


def end_counter_session(request):
    request.session.pop(COUNTER_SESSION_KEY, None)
