"""Views that log and fail, for the logging and error-report tests (`ROOT_URLCONF`)."""

import logging

from django.http import HttpResponse
from django.urls import path

logger = logging.getLogger("tambon.tests")


def logs(request):
    logger.warning("inside the view")
    return HttpResponse("ok")


def boom(request):
    national_id = "1101700207030"  # a local variable that must not leave with the traceback  # noqa: F841
    raise RuntimeError("could not save somchai@example.com, id 1-1017-00207-03-0, phone 081-234-5678")


def server_error(request):
    return HttpResponse("error", status=500)


def not_found(request, exception):
    return HttpResponse("not found", status=404)


handler404, handler500 = not_found, server_error
urlpatterns = [path("logs/", logs), path("boom/", boom)]
