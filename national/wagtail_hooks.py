from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from offices.scope import is_platform_administrator


@hooks.register("register_admin_urls")
def national_urls():
    return [path("national/", include("national.urls"))]


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return is_platform_administrator(request.user)


@hooks.register("register_reports_menu_item")
def overview_menu_item():
    return OverviewMenuItem(
        _("National overview"), reverse("national:overview"), icon_name="globe", order=890
    )
