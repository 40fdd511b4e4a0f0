"""A URLconf whose views fail in each way a visitor can meet, to see the error pages as they would."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_protect

from config import urls as site_urls
from config.urls import handler400, handler403, handler404, handler500  # noqa: F401


def fail(request):
    raise RuntimeError("the database is on fire")


def bad(request):
    raise SuspiciousOperation("a tampered form")


def forbidden(request):
    raise PermissionDenied


@csrf_protect
def form(request):
    return HttpResponse("sent")


urlpatterns = [path("boom/", fail)]
urlpatterns += i18n_patterns(
    path("boom/", fail),
    path("bad/", bad),
    path("forbidden/", forbidden),
    path("form/", form),
)
urlpatterns += site_urls.urlpatterns  # what the site's layout links to
