"""`/line/webhook/` (outside the language prefix: LINE calls it) — each office's own, by host name."""

from django.urls import path

from line import views

app_name = "line_webhook"

urlpatterns = [path("webhook/", views.receive, name="webhook")]
