"""Open311 GeoReport v2, outside the language prefixes: `/open311/v2/…`. The format is the path's
extension, json or xml; anything else under this prefix is the spec's 404 (in JSON unless the path ends
in .xml), never an HTML page."""

from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from problems import open311

app_name = "open311"

urlpatterns = [
    # The spec's Service Discovery page suggests offering the discovery document at the endpoint's root.
    path("", open311.discovery, {"fmt": "json"}, name="root"),
    path("discovery.<str:fmt>", open311.discovery, name="discovery"),
    path("services.<str:fmt>", open311.services, name="services"),
    path("services/<slug:code>.<str:fmt>", open311.service_definition, name="service"),
    path("requests.<str:fmt>", open311.requests, name="requests"),
    path("requests/<int:pk>.<str:fmt>", open311.request_detail, name="request"),
    re_path(r"^(?P<rest>.*)\.(?P<fmt>json|xml)$", csrf_exempt(open311.not_found), name="unknown"),
    re_path(r"^(?P<rest>.*)$", csrf_exempt(open311.not_found), name="unknown_format"),
]
