"""A URLconf whose only view fails, to see the 500 page as a visitor would."""

from django.urls import path

from config.urls import handler404, handler500  # noqa: F401


def fail(request):
    raise RuntimeError("the database is on fire")


urlpatterns = [path("boom/", fail)]
