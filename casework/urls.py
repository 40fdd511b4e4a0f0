"""URLs outside the language prefixes: staff downloads of citizens' files by their old address
(`/eforms/files/<id>/`, kept for links already sent). Included at the root of config/urls.py."""

from django.urls import path

from casework.inbox import views

app_name = "casework"

urlpatterns = [path("eforms/files/<uuid:file_id>/", views.download_file, name="file")]
