"""The admin: each office's categories (its administrators keep their own office's, as local
holidays), reporting areas and Open311 keys, the officer's page of a report, and the late reports on the
admin's home page."""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import include, path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from casework.access import can_use_inbox
from casework.models import Submission
from offices import holidays as own_office
from offices.models import OfficeGroup
from problems import api_keys, overdue, staff_views
from problems.models import ApiKey, Category, OfficeArea


class CategoryIndexView(own_office.OwnOfficeListingMixin, generic.IndexView):
    pass


class CategoryEditView(own_office.OwnOfficeObjectMixin, generic.EditView):
    pass


class CategoryDeleteView(own_office.OwnOfficeObjectMixin, generic.DeleteView):
    pass


class CategoryHistoryView(own_office.OwnOfficeObjectMixin, history.HistoryView):
    pass


class CategoryUsageView(own_office.OwnOfficeObjectMixin, usage.UsageView):
    pass


class CategoryForm(own_office.LocalHolidayForm):
    """The office is one of the user's; the division one of that office's groups or the installation's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].help_text = ""
        offices = self.fields["office"].queryset
        self.fields["division"].queryset = Group.objects.filter(
            Q(office_group__office__in=offices) | Q(office_group__isnull=True)
        ).order_by("name")
        self.fields["identity_group"].queryset = self.fields["division"].queryset

    def clean(self):
        data = super().clean()
        office = data.get("office")
        for name in ("division", "identity_group"):
            group = data.get(name)
            if office and group and OfficeGroup.objects.filter(group=group).exclude(office=office).exists():
                self.add_error(name, _("Choose one of this office's groups."))
        if data.get("identity_group") and not data.get("sensitive"):
            self.add_error("identity_group", _("Only a sensitive category seals the reporter's contact."))
        return data


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "warning"
    menu_label = _("Problem categories")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = [
        "name_th",
        "name_en",
        "office",
        "division",
        "response_days",
        "resolution_days",
        "sensitive",
    ]
    list_filter = ["office", "sensitive"]
    search_fields = ["name_th", "name_en"]
    ordering = ["office", "sort_order"]
    index_view_class = CategoryIndexView
    edit_view_class = CategoryEditView
    delete_view_class = CategoryDeleteView
    history_view_class = CategoryHistoryView
    usage_view_class = CategoryUsageView
    edit_handler = ObjectList(
        [
            FieldPanel("office"),
            FieldPanel("code"),
            FieldPanel("name_th"),
            FieldPanel("name_en"),
            FieldPanel("description_th"),
            FieldPanel("description_en"),
            FieldPanel("icon"),
            FieldPanel("picture"),
            FieldPanel("division"),
            FieldPanel("response_days"),
            FieldPanel("resolution_days"),
            FieldPanel("sensitive"),
            FieldPanel("identity_group"),
            FieldPanel("active"),
            FieldPanel("sort_order"),
        ],
        base_form_class=CategoryForm,
    )


register_permission_policy(Category, own_office.LocalHolidayPermissionPolicy(Category), exact_class=True)


@hooks.register("register_admin_viewset")
def register_categories():
    return CategoryViewSet("problem_categories")


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("<int:pk>/", staff_views.manage, name="manage"),
        path("<int:pk>/photos/<uuid:photo_id>.jpg", staff_views.staff_photo, name="photo"),
        path("<int:pk>/hide/", staff_views.hide, name="hide"),
        path("<int:pk>/show/", staff_views.show, name="show"),
        path("<int:pk>/answer/", staff_views.answer, name="answer"),
        path("<int:pk>/close/", staff_views.close, name="close"),
        path("<int:pk>/contact/", staff_views.open_contact, name="contact"),
    ]
    return [path("problems/", include((urls, "problems_admin")))]


# Each office's reporting area (centre, radius, villages): kept as its categories are.
class AreaIndexView(own_office.OwnOfficeListingMixin, generic.IndexView):
    pass


class AreaEditView(own_office.OwnOfficeObjectMixin, generic.EditView):
    pass


class AreaDeleteView(own_office.OwnOfficeObjectMixin, generic.DeleteView):
    pass


class AreaHistoryView(own_office.OwnOfficeObjectMixin, history.HistoryView):
    pass


class AreaUsageView(own_office.OwnOfficeObjectMixin, usage.UsageView):
    pass


class AreaForm(own_office.LocalHolidayForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].help_text = _(
            "Reports further from this centre than the radius are asked to confirm."
        )


class AreaViewSet(ModelViewSet):
    model = OfficeArea
    icon = "site"
    menu_label = _("Reporting areas")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["office", "latitude", "longitude", "radius_km", "village_count"]
    ordering = ["office"]
    index_view_class = AreaIndexView
    edit_view_class = AreaEditView
    delete_view_class = AreaDeleteView
    history_view_class = AreaHistoryView
    usage_view_class = AreaUsageView
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "office",
                "latitude",
                "longitude",
                "radius_km",
                "village_count",
                "tile_url",
                "tile_attribution",
            )
        ],  # fmt: skip
        base_form_class=AreaForm,
    )


register_permission_policy(OfficeArea, own_office.LocalHolidayPermissionPolicy(OfficeArea), exact_class=True)


@hooks.register("register_admin_viewset")
def register_areas():
    return AreaViewSet("problem_areas")


# Open311 clients' API keys: an office's administrators make keys for their own office; the key is shown
# once, on the page after it is made, and only its hash is kept. Deleting a key revokes it.
class KeyIndexView(own_office.OwnOfficeListingMixin, generic.IndexView):
    pass


class KeyCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.plaintext = api_keys.assign(instance, self.request.user)
        instance.save()
        return instance

    def get_success_message(self, instance):
        return _(
            "The key for “%(name)s” is %(key)s — copy it now and give it to the client: it is never shown "
            "again."
        ) % {"name": instance.name, "key": self.plaintext}


class KeyEditView(own_office.OwnOfficeObjectMixin, generic.EditView):
    pass


class KeyDeleteView(own_office.OwnOfficeObjectMixin, generic.DeleteView):
    pass


class KeyHistoryView(own_office.OwnOfficeObjectMixin, history.HistoryView):
    pass


class KeyUsageView(own_office.OwnOfficeObjectMixin, usage.UsageView):
    pass


class KeyForm(own_office.LocalHolidayForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].help_text = _("The key reports problems to this office only.")


class KeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("Open311 API keys")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "office", "prefix", "created_at", "last_used_at"]
    ordering = ["office", "-created_at"]
    index_view_class = KeyIndexView
    add_view_class = KeyCreateView
    edit_view_class = KeyEditView
    delete_view_class = KeyDeleteView
    history_view_class = KeyHistoryView
    usage_view_class = KeyUsageView
    edit_handler = ObjectList([FieldPanel("office"), FieldPanel("name")], base_form_class=KeyForm)


register_permission_policy(ApiKey, own_office.LocalHolidayPermissionPolicy(ApiKey), exact_class=True)


@hooks.register("register_admin_viewset")
def register_keys():
    return KeyViewSet("problem_api_keys")


class LateReportsPanel(Component):
    """On the admin's home page: the reports the user handles whose first answer or fix is late (the
    ten most overdue, and how many in all); nothing when none is."""

    name = "problems_late"
    order = 60
    template_name = "problems/admin/late_panel.html"
    LINES = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        visible = Submission.objects.visible_to(self.request.user).values("pk")
        late = (
            overdue.late_reports(today)
            .filter(submission__in=visible)
            .select_related("category", "submission")
            .order_by("respond_by", "pk")
        )
        rows = [(report, overdue.lateness(report, today)) for report in late[: self.LINES]]
        return {"rows": rows, "count": late.count() if len(rows) == self.LINES else len(rows)}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        return render_to_string(self.template_name, context, request=self.request) if context["rows"] else ""


@hooks.register("construct_homepage_panels")
def add_late_reports_panel(request, panels):
    if can_use_inbox(request.user):
        panels.append(LateReportsPanel(request))
