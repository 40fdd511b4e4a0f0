"""Admin wiring: the templates and the services' links as snippets, each office's own only, and the
officers' URLs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
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


class DocumentTemplateViewSet(SnippetViewSet):
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


class ServiceDocumentViewSet(SnippetViewSet):
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
