"""Admin wiring of requests: the inbox, its dashboard panel, reports, holidays and handlers."""

from django.db.models import Count, Q
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casework import deadlines
from casework.access import can_use_inbox, handles_all
from casework.constants import CLOCK_RUNNING_STATUSES, OPEN_STATUSES
from casework.models import Holiday, ServiceHandler, Submission
from offices.scope import administered_offices
from outbox import services as outbox
from outbox import views as outbox_views


@hooks.register("register_admin_urls")
def inbox_urls():
    return [path("inbox/", include("casework.inbox.urls"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_inbox(request.user)


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return InboxMenuItem(_("Inbox"), reverse("inbox:index"), icon_name="tasks", order=150)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return InboxMenuItem(_("E-service report"), reverse("inbox:report"), icon_name="table", order=900)


class SurveyComparisonMenuItem(MenuItem):
    def is_shown(self, request):
        return handles_all(request.user) or administered_offices(request.user).exists()


@hooks.register("register_reports_menu_item")
def survey_comparison_menu_item():
    return SurveyComparisonMenuItem(
        _("Satisfaction: before and after"), reverse("inbox:survey_compare"), icon_name="table", order=910
    )


class InboxPanel(Component):
    """On the admin home page: my open requests, overdue, due this week (four counts, one query)."""

    name = "eforms_inbox"
    order = 50
    template_name = "casework/inbox/dashboard_panel.html"

    class Media:  # the dashboard does not load the inbox's pages' stylesheet otherwise
        css = {"all": ["casework/inbox.css"]}

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        today = timezone.localdate()
        week_end = deadlines.end_of_week(today)
        running = Q(status__in=CLOCK_RUNNING_STATUSES)
        counts = (
            Submission.objects.visible_to(user)
            .order_by()
            .aggregate(
                mine=Count("pk", filter=Q(assignee=user, status__in=OPEN_STATUSES)),
                overdue=Count("pk", filter=running & Q(expected_completion__lt=today)),
                due_week=Count(
                    "pk",
                    filter=running & Q(expected_completion__gte=today, expected_completion__lte=week_end),
                ),
                unassigned=Count("pk", filter=Q(assignee__isnull=True, status__in=OPEN_STATUSES)),
            )
        )
        counts["failed_emails"] = outbox.failed_count() if outbox_views.can_see(user) else None
        return counts


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    if can_use_inbox(request.user):
        panels.insert(0, InboxPanel(request))


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("National holidays")  # every office's; each office adds its own (offices.LocalHoliday)
    list_display = ["date", "name"]
    ordering = ["date"]
    search_fields = ["name"]


class ServiceHandlerViewSet(SnippetViewSet):
    model = ServiceHandler
    icon = "group"
    menu_label = _("Service handlers")
    list_display = ["service", "group"]


register_snippet(HolidayViewSet)
register_snippet(ServiceHandlerViewSet)
