"""`/admin/line/…`: an officer's own LINE notices."""

from django.urls import path

from line import admin_views

app_name = "line_admin"

urlpatterns = [path("notices/", admin_views.notices, name="notices")]
