"""`/admin/library/…` (registered by library/wagtail_hooks.py)."""

from django.urls import path

from library import views

app_name = "library"
urlpatterns = [
    path("", views.index, name="index"),
    path("services/<slug:code>/", views.detail, name="detail"),
    path("services/<slug:code>/adopt/", views.adopt, name="adopt"),
    path("adoptions/<int:pk>/", views.compare, name="compare"),
    path("adoptions/<int:pk>/take-newest/", views.take_newest, name="take_newest"),
]
