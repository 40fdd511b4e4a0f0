"""Admin wiring of the e-services: the inbox, its dashboard panel, reports, holidays and handlers."""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from eforms import deadlines
from eforms.inbox.filters import can_use_inbox, handles_all
from eforms.models import Holiday, ServiceHandler, Submission


@hooks.register("register_admin_urls")
def inbox_urls():
    return [path("inbox/", include("eforms.inbox.urls"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_inbox(request.user)


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return handles_all(request.user)


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return InboxMenuItem(_("Inbox"), reverse("eforms_inbox:index"), icon_name="tasks", order=150)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return InboxMenuItem(_("E-service report"), reverse("eforms_inbox:report"), icon_name="table", order=900)


@hooks.register("register_reports_menu_item")
def emails_menu_item():
    return AdministratorMenuItem(
        _("Email notifications"), reverse("eforms_inbox:emails"), icon_name="mail", order=910
    )


class InboxPanel(Component):
    """On the admin home page: my open requests, overdue, due this week (four counts, one query)."""

    name = "eforms_inbox"
    order = 50
    template_name = "eforms/inbox/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        from django.db.models import Count, Q

        from eforms.constants import CLOCK_RUNNING_STATUSES, OPEN_STATUSES

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
        if handles_all(user):
            from eforms.inbox.reports import failed_email_count

            counts["failed_emails"] = failed_email_count()
        else:
            counts["failed_emails"] = None
        return counts


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    if can_use_inbox(request.user):
        panels.insert(0, InboxPanel(request))


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Office holidays")
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
