"""Public and citizen URLs (inside i18n_patterns in config/urls.py)."""

from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("verify-document/<path:code>/", views.verify, name="verify"),
    path("status/<str:reference>/document/", views.download, name="download"),
    path("status/<str:reference>/renew/", views.renew, name="renew"),
]
