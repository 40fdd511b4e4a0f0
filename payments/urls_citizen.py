"""The citizen's payment pages, under the language prefix (`/th/payments/…`, `/en/payments/…`).
Each provider adds its own pages (a checkout stand-in, a QR code …) before the core's."""

from django.urls import path

from payments import providers, views

app_name = "payments_citizen"

urlpatterns = [
    *[pattern for provider in providers.all_providers() for pattern in provider.citizen_urls()],
    path("<str:reference>/", views.pay, name="pay"),
    path("<str:reference>/done/", views.returned, name="returned"),
    path("<str:reference>/cancelled/", views.cancelled, name="cancelled"),
    path("<str:reference>/receipt/", views.receipt, name="receipt"),
]
