"""The inbox's filters, search and sort: one form that turns the query string into a queryset.

Bad input never fails the page: an invalid field is reported beside the filters and ignored.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework import deadlines
from casework.access import handlers_of, handles_all, service_scope
from casework.constants import CLOCK_RUNNING_STATUSES, OPEN_STATUSES, Channel, SubmissionStatus
from casework.models import Submission
from eforms.models import EServicePage

SORTS = {
    "due": ("expected_completion", "pk"),
    "-due": ("-expected_completion", "-pk"),
    "submitted": ("submitted_at", "pk"),
    "-submitted": ("-submitted_at", "-pk"),
}


def services_for(user):
    """The (Thai) e-service pages whose requests `user` handles."""
    pages = EServicePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if not handles_all(user):
        pages = pages.filter(service_scope(user))
    return pages.order_by("title").distinct().only("id", "title", "translation_key", "processing_days")


def colleagues(user, service_id=None):
    """Staff a submission (of `service_id`, or of the user's services) can be assigned to."""
    services = [service_id] if service_id else services_for(user).values("id")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(handlers_of(services))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def display_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class InboxFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or name"), required=False, max_length=100)
    service = forms.TypedChoiceField(label=_("Service"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    due = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[
            ("", _("Any")),
            ("overdue", _("Overdue")),
            ("soon", _("Due soon (3 working days)")),
            ("week", _("Due this week")),
            ("paused", _("Paused: waiting for the citizen")),
        ],
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Any"))] + Channel.choices
    )
    submitted_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    submitted_to = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("due", _("Due date, soonest first")),
            ("-due", _("Due date, latest first")),
            ("-submitted", _("Newest first")),
            ("submitted", _("Oldest first")),
        ],
    )

    def __init__(self, data, *, user):
        super().__init__(data)
        self.user = user
        self.fields["service"].choices = [("", _("All my services"))] + [
            (page.pk, page.title) for page in services_for(user)
        ]
        self.fields["status"].choices = [("", _("All open")), ("all", _("All"))] + SubmissionStatus.choices
        self.fields["assignee"].choices = [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))] + [
            (str(u.pk), display_name(u)) for u in colleagues(user) if u.pk != user.pk
        ]

    def value(self, name):
        if not self.is_bound:
            return None
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None

    def base_queryset(self):
        """Visible submissions with every filter but the status one (the status counts use it)."""
        self.is_valid()  # fills cleaned_data with the valid fields; errors are shown, not raised
        qs = Submission.objects.visible_to(self.user)
        q = (self.value("q") or "").strip()
        if q:
            qs = qs.filter(
                Q(reference__iexact=q) | Q(reference__istartswith=q) | Q(applicant_name__icontains=q)
            )
        if self.value("service"):
            qs = qs.filter(service_id=self.value("service"))
        assignee = self.value("assignee")
        if assignee == "me":
            qs = qs.filter(assignee=self.user)
        elif assignee == "none":
            qs = qs.filter(assignee__isnull=True)
        elif assignee:
            qs = qs.filter(assignee_id=int(assignee))
        today = timezone.localdate()
        due = self.value("due")
        if due == "overdue":
            qs = qs.overdue(today)
        elif due == "soon":
            qs = qs.clock_running().filter(deadlines.due_soon_condition(today))
        elif due == "week":
            qs = qs.due_by(deadlines.end_of_week(today), today)
        elif due == "paused":
            qs = qs.filter(status=SubmissionStatus.WAITING)
        if self.value("channel"):
            qs = qs.filter(channel=self.value("channel"))
        start, end = self.value("submitted_from"), self.value("submitted_to")
        if start:
            qs = qs.filter(submitted_at__gte=_start_of(start))
        if end:
            qs = qs.filter(submitted_at__lt=_start_of(end + datetime.timedelta(days=1)))
        return qs

    def queryset(self, base=None):
        qs = self.base_queryset() if base is None else base
        status = self.value("status")
        if status == "all":
            pass
        elif status:
            qs = qs.filter(status=status)
        else:
            qs = qs.open()
        return qs.order_by(*SORTS.get(self.value("sort") or "due", SORTS["due"]))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("submitted_from"), cleaned.get("submitted_to")
        if start and end and start > end:
            self.add_error("submitted_to", _("The end date is before the start date."))
        return cleaned


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def status_counts(base, today=None):
    """Submissions per state, plus overdue and due soon, in one query.

    Grouped by state so that PostgreSQL answers from the (service, status, expected_completion)
    index alone, without reading the rows: the inbox counts 100,000 requests in a few milliseconds.
    """
    today = today or timezone.localdate()
    soon = deadlines.due_soon_condition(today)
    rows = (
        base.order_by()
        .values("status")
        .annotate(
            total=Count("*"),
            overdue=Count("status", filter=Q(expected_completion__lt=today)),
            due_soon=Count("status", filter=soon),
        )
    )
    counts = dict.fromkeys([*SubmissionStatus.values, "overdue", "due_soon"], 0)
    for row in rows:
        if row["status"] not in counts:
            continue
        counts[row["status"]] = row["total"]
        if row["status"] in CLOCK_RUNNING_STATUSES:
            counts["overdue"] += row["overdue"]
            counts["due_soon"] += row["due_soon"]
    return counts


def count_for_status(counts, status):
    """How many rows the list shows for the status filter, from the counts already made."""
    if status == "all":
        return sum(counts[value] for value in SubmissionStatus.values)
    if status:
        return counts.get(status, 0)
    return sum(counts[value] for value in OPEN_STATUSES)
