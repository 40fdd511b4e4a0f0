"""`/th/oit/` and `/th/procurement/` (inside i18n_patterns in config/urls.py)."""

from django.urls import path

from disclosure import views

urlpatterns = [
    path("oit/", views.oit_index, name="oit_index"),
    path("procurement/", views.procurement_summary, name="procurement_summary"),
]
