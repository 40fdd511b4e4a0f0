"""Outside the language prefixes: Stripe's webhook (`/payments/stripe/webhook/`)."""

from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook")]
