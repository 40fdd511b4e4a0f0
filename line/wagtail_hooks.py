from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from line import staff
from line.admin_views import may_publish_menus


@hooks.register("register_admin_urls")
def line_admin_urls():
    return [path("line/", include("line.urls_admin"))]


@hooks.register("register_account_menu_item")
def line_notices_account_item(request):
    """On the officer's account page, where an office they work for is on LINE."""
    if not staff.linkable_offices(request.user):
        return None
    return {
        "url": reverse("line_admin:notices"),
        "label": _("LINE notices"),
        "help_text": _("Get notices about your requests on your own LINE: link it, choose which, unlink."),
    }


class RichMenuMenuItem(MenuItem):
    def is_shown(self, request):
        return may_publish_menus(request.user)


@hooks.register("register_settings_menu_item")
def rich_menu_item():
    return RichMenuMenuItem(_("LINE menu"), reverse("line_admin:rich_menu"), icon_name="list-ul", order=910)
