"""`/admin/line/…`: an officer's own LINE notices; an office's rich menu."""

from django.urls import path

from line import admin_views

app_name = "line_admin"

urlpatterns = [
    path("notices/", admin_views.notices, name="notices"),
    path("menu/", admin_views.rich_menu, name="rich_menu"),
]
