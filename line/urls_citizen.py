"""`/th/line/…` and `/en/line/…`: link a request to LINE, stop it."""

from django.urls import path

from line import views

app_name = "line"

urlpatterns = [
    path("<str:reference>/link/", views.link, name="link"),
    path("<str:reference>/stop/", views.unbind, name="unbind"),
]
