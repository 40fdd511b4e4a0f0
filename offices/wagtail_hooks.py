"""Offices in the admin, for platform administrators (the installation's Administrators group)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from offices.models import Office


class OfficeViewSet(ModelViewSet):
    model = Office
    icon = "home"
    menu_label = _("Offices")
    add_to_settings_menu = True
    form_fields = ["site", "code"]
    list_display = ["code", "__str__", "site", "created_at"]
    search_fields = ["code"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_office_viewset():
    return OfficeViewSet("offices")
