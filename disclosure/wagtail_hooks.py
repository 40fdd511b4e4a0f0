"""The checklist in the admin (Settings → รายการเปิดเผยข้อมูล (ITA/OIT)) and its report (Reports)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from disclosure import admin_views
from disclosure.forms import DisclosureItemForm
from disclosure.models import DisclosureItem, DisclosureLink
from disclosure.permissions import DisclosurePermissionPolicy, OwnOfficeListingMixin, OwnOfficeObjectMixin


class ItemIndexView(OwnOfficeListingMixin, generic.IndexView):
    pass


class ItemEditView(OwnOfficeObjectMixin, generic.EditView):
    pass


class ItemDeleteView(OwnOfficeObjectMixin, generic.DeleteView):
    pass


class ItemHistoryView(OwnOfficeObjectMixin, history.HistoryView):
    pass


class ItemUsageView(OwnOfficeObjectMixin, usage.UsageView):
    pass


DisclosureLink.panels = [FieldPanel("page"), FieldPanel("document"), FieldPanel("live_page")]


class DisclosureItemViewSet(ModelViewSet):
    model = DisclosureItem
    icon = "list-ul"
    menu_label = _("Disclosure items (ITA/OIT)")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["code", "title_th", "fiscal_year", "office"]
    list_filter = ["office", "fiscal_year"]
    search_fields = ["code", "title_th", "title_en"]
    ordering = ["office", "-fiscal_year", "code"]
    index_view_class = ItemIndexView
    edit_view_class = ItemEditView
    delete_view_class = ItemDeleteView
    history_view_class = ItemHistoryView
    usage_view_class = ItemUsageView
    edit_handler = ObjectList(
        [
            FieldPanel("office"),
            FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("code")]),
            FieldPanel("title_th"),
            FieldPanel("title_en"),
            FieldPanel("what_to_publish_th"),
            FieldPanel("what_to_publish_en"),
            FieldPanel("update_every"),
            InlinePanel("links", label=_("Where it is published")),
        ],
        base_form_class=DisclosureItemForm,
    )


register_permission_policy(DisclosureItem, DisclosurePermissionPolicy(DisclosureItem), exact_class=True)


@hooks.register("register_admin_viewset")
def register_items():
    return DisclosureItemViewSet("disclosure_items")


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("disclosure/report/", admin_views.report, name="disclosure_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(
        _("Disclosure checklist (ITA/OIT)"), reverse("disclosure_report"), icon_name="list-ul", order=880
    )
