"""URLs outside the page tree: the resume link from the email, and the QR codes at `<page URL>qr.svg` / `qr.png` (Wagtail's own page URLs cannot contain a dot).

Included at the root of config/urls.py, before the language-prefixed page URLs.
"""

from django.urls import path, re_path

from eforms import views

app_name = "eforms"

urlpatterns = [
    path("eforms/resume/<str:token>/", views.resume, name="resume"),
    re_path(
        r"^(?P<language>th|en)/(?P<page_path>(?:[\w\-]+/)*)qr\.(?P<kind>svg|png)$",
        views.qr_for_path,
        name="qr",
    ),
]
