"""`/admin/issued-documents/…` (registered by documents/wagtail_hooks.py)."""

from django.urls import path

from documents import register, views

app_name = "documents_admin"

urlpatterns = [
    path("", register.register, name="register"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/pdf/", views.staff_pdf, name="pdf"),
    path("<int:pk>/state/", views.change_state, name="state"),
]
