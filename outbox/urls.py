"""`/admin/messages/…` (registered by outbox/wagtail_hooks.py)."""

from django.urls import path

from outbox import views

app_name = "outbox"
urlpatterns = [
    path("", views.failed, name="failed"),
    path("<int:pk>/retry/", views.retry, name="retry"),
]
