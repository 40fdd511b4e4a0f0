from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from payments import admin_views, providers
from payments.models import ServiceFee


def admin_urlpatterns():
    return [
        # The providers' own screens first: they must not be taken for a request reference.
        *[pattern for provider in providers.all_providers() for pattern in provider.admin_urls()],
        path("", admin_views.index, name="index"),
        path("report/", admin_views.report, name="report"),
        path("receipt/<int:payment_id>/", admin_views.receipt, name="receipt"),
        path("refunds/<int:refund_id>/<str:decision>/", admin_views.decide_refund, name="decide_refund"),
        path("<str:reference>/", admin_views.submission_payments, name="submission"),
        path("<str:reference>/refund/<int:payment_id>/", admin_views.refund, name="refund"),
        path("<str:reference>/counter/", admin_views.counter_payment, name="counter"),
        path("<str:reference>/assess/", admin_views.assess, name="assess"),
    ]


@hooks.register("register_admin_urls")
def register_payment_urls():
    return [path("payments/", include((admin_urlpatterns(), "payments_admin"), namespace="payments_admin"))]


class PaymentsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("payments.view_payment")


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("payments.view_reconciliation")


@hooks.register("register_admin_menu_item")
def payments_menu_item():
    return PaymentsMenuItem(_("Payments"), reverse("payments_admin:index"), icon_name="tag", order=310)


@hooks.register("register_reports_menu_item")
def reconciliation_menu_item():
    return ReportMenuItem(
        _("Payments reconciliation"), reverse("payments_admin:report"), icon_name="table", order=900
    )


class ServiceFeeViewSet(SnippetViewSet):
    model = ServiceFee
    icon = "tag"
    menu_label = _("Service fees")
    add_to_admin_menu = False
    list_display = ["service", "kind", "amount"]


register_snippet(ServiceFeeViewSet)
