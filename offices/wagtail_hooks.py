"""Offices in the admin, for platform administrators (the installation's Administrators group)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from offices import agreement_views, create_views, holidays
from offices.models import LocalHoliday, Office
from offices.scope import is_platform_administrator


class OfficeViewSet(ModelViewSet):
    model = Office
    icon = "home"
    menu_label = _("Offices")
    add_to_settings_menu = True
    form_fields = ["site", "code"]
    list_display = ["code", "__str__", "site", "created_at"]
    search_fields = ["code"]
    inspect_view_enabled = True

    @property
    def add_view(self):
        """`create_office` (site, pages in both languages, settings, groups), not a bare office row."""
        return create_views.add


@hooks.register("register_admin_viewset")
def register_office_viewset():
    return OfficeViewSet("offices")


@hooks.register("register_admin_urls")
def register_agreement_urls():
    urls = [
        path("", agreement_views.index, name="index"),
        path("add/", agreement_views.add, name="add"),
        path("<int:pk>/end/", agreement_views.end, name="end"),
    ]
    return [path("shared-processing/", include((urls, "offices_agreements")))]


class AgreementsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_platform_administrator(user) or user.has_perm("offices.view_processingagreement")


@hooks.register("register_settings_menu_item")
def register_agreements_menu_item():
    return AgreementsMenuItem(
        _("Shared processing"), reverse("offices_agreements:index"), icon_name="group", order=610
    )


# Each office's local holidays (see `offices.holidays` for who keeps which) ----------------------
class LocalHolidayIndexView(holidays.OwnOfficeListingMixin, generic.IndexView):
    pass


class LocalHolidayEditView(holidays.OwnOfficeObjectMixin, generic.EditView):
    pass


class LocalHolidayDeleteView(holidays.OwnOfficeObjectMixin, generic.DeleteView):
    pass


class LocalHolidayHistoryView(holidays.OwnOfficeObjectMixin, history.HistoryView):
    pass


class LocalHolidayUsageView(holidays.OwnOfficeObjectMixin, usage.UsageView):
    pass


class LocalHolidayViewSet(ModelViewSet):
    model = LocalHoliday
    icon = "date"
    menu_label = _("Local holidays")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["date", "name", "office"]
    list_filter = ["office"]
    search_fields = ["name"]
    ordering = ["date"]
    index_view_class = LocalHolidayIndexView
    edit_view_class = LocalHolidayEditView
    delete_view_class = LocalHolidayDeleteView
    history_view_class = LocalHolidayHistoryView
    usage_view_class = LocalHolidayUsageView
    edit_handler = ObjectList(
        [FieldPanel("office"), FieldPanel("date"), FieldPanel("name")],
        base_form_class=holidays.LocalHolidayForm,
    )


register_permission_policy(LocalHoliday, holidays.permission_policy, exact_class=True)
local_holiday_viewset = LocalHolidayViewSet("local_holidays")


@hooks.register("register_admin_viewset")
def register_local_holidays():
    return local_holiday_viewset
