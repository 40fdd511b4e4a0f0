from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from library.permissions import can_use_library


@hooks.register("register_admin_urls")
def library_urls():
    return [path("library/", include("library.urls"))]


class LibraryMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_library(request.user)


@hooks.register("register_admin_menu_item")
def library_menu_item():
    return LibraryMenuItem(_("Service library"), reverse("library:index"), icon_name="form", order=350)
