"""Open311 GeoReport v2 (read-only), outside the language prefixes: `/open311/v2/…`. The format is
the path's extension, json or xml (anything else is a 404 in JSON)."""

from django.urls import path

from problems import open311

app_name = "open311"

urlpatterns = [
    path("services.<str:fmt>", open311.services, name="services"),
    path("requests.<str:fmt>", open311.requests, name="requests"),
    path("requests/<int:pk>.<str:fmt>", open311.request_detail, name="request"),
]
