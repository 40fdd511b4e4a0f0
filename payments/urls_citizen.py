"""The citizen's payment pages, under the language prefix (`/th/payments/…`, `/en/payments/…`)."""

from django.urls import path

from payments import views

app_name = "payments_citizen"

urlpatterns = [
    path("demo/checkout/<str:session_id>/", views.demo_checkout, name="demo_checkout"),
    path("<str:reference>/", views.pay, name="pay"),
    path("<str:reference>/done/", views.returned, name="returned"),
    path("<str:reference>/cancelled/", views.cancelled, name="cancelled"),
    path("<str:reference>/receipt/", views.receipt, name="receipt"),
]
