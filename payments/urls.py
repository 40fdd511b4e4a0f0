"""Outside the language prefixes: the providers' callbacks, each under `/payments/<provider id>/`
(e.g. `/payments/<id>/webhook/`)."""

from django.urls import include, path

from payments import providers

app_name = "payments"

urlpatterns = [
    path(f"{provider.id}/", include(provider.urls()))
    for provider in providers.all_providers()
    if provider.urls()
]
