"""Admin wiring of e-forms: each office's local holidays (see `eforms.holidays` for who keeps which)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from eforms import holidays
from eforms.models import LocalHoliday


class IndexView(holidays.OwnOfficeListingMixin, generic.IndexView):
    pass


class EditView(holidays.OwnOfficeObjectMixin, generic.EditView):
    pass


class DeleteView(holidays.OwnOfficeObjectMixin, generic.DeleteView):
    pass


class HistoryView(holidays.OwnOfficeObjectMixin, history.HistoryView):
    pass


class UsageView(holidays.OwnOfficeObjectMixin, usage.UsageView):
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
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    edit_handler = ObjectList(
        [FieldPanel("office"), FieldPanel("date"), FieldPanel("name")],
        base_form_class=holidays.LocalHolidayForm,
    )


register_permission_policy(LocalHoliday, holidays.permission_policy, exact_class=True)
local_holiday_viewset = LocalHolidayViewSet("local_holidays")


@hooks.register("register_admin_viewset")
def register_local_holidays():
    return local_holiday_viewset
