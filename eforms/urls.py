"""URLs outside the page tree: the resume link from the email and staff downloads of citizens' files."""

from django.urls import path

from eforms import views

app_name = "eforms"

urlpatterns = [
    path("resume/<str:token>/", views.resume, name="resume"),
    path("files/<uuid:file_id>/", views.download_file, name="file"),
]
