"""Admin wiring: the templates and the services' links as snippets, each office's own only, and the
officers' URLs."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from casework.access import can_use_inbox
from documents.models import DocumentTemplate, ServiceDocument
from offices.scope import is_platform_administrator, offices_of


@hooks.register("register_admin_urls")
def document_urls():
    return [path("issued-documents/", include("documents.admin_urls"))]


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_inbox(request.user)


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return RegisterMenuItem(
        _("Issued documents"), reverse("documents_admin:register"), icon_name="doc-full", order=910
    )


class OwnOfficeOnly:
    """A template or link of another office is answered as forbidden, whatever the address: the
    snippet views find objects by primary key, not through the viewset's (office-scoped) listing."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        user = self.request.user
        if not is_platform_administrator(user) and instance.office_id_for_scope() not in set(
            offices_of(user).values_list("pk", flat=True)
        ):
            raise PermissionDenied
        return instance


class EditView(OwnOfficeOnly, snippet_views.EditView):
    pass


class DeleteView(OwnOfficeOnly, snippet_views.DeleteView):
    pass


class UsageView(OwnOfficeOnly, snippet_views.UsageView):
    pass


class HistoryView(OwnOfficeOnly, snippet_views.HistoryView):
    pass


class OwnOfficeViewSet(SnippetViewSet):
    edit_view_class = EditView
    delete_view_class = DeleteView
    usage_view_class = UsageView
    history_view_class = HistoryView
    copy_view_enabled = False


class DocumentTemplateViewSet(OwnOfficeViewSet):
    model = DocumentTemplate
    icon = "doc-full"
    menu_label = _("Document templates")
    list_display = ["title_th", "document_type", "office", "validity_months"]
    list_filter = ["document_type"]

    def get_queryset(self, request):
        queryset = DocumentTemplate.objects.all()
        if is_platform_administrator(request.user):
            return queryset
        return queryset.filter(office__in=offices_of(request.user))


class ServiceDocumentViewSet(OwnOfficeViewSet):
    model = ServiceDocument
    icon = "link"
    menu_label = _("Documents services issue")
    list_display = ["service", "template", "holder_field"]

    def get_queryset(self, request):
        queryset = ServiceDocument.objects.all()
        if is_platform_administrator(request.user):
            return queryset
        return queryset.filter(template__office__in=offices_of(request.user))


register_snippet(DocumentTemplateViewSet)
register_snippet(ServiceDocumentViewSet)
