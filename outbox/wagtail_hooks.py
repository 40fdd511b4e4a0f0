from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from outbox.views import can_see


@hooks.register("register_admin_urls")
def outbox_urls():
    return [path("messages/", include("outbox.urls"))]


class MessagesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see(request.user)


@hooks.register("register_reports_menu_item")
def failed_messages_menu_item():
    return MessagesMenuItem(_("Messages not sent"), reverse("outbox:failed"), icon_name="mail", order=910)
