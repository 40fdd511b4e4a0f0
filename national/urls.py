"""`/admin/national/…` (registered by national/wagtail_hooks.py)."""

from django.urls import path

from national import views

app_name = "national"
urlpatterns = [
    path("", views.overview, name="overview"),
]
