"""`/th/status/` and `/en/status/` (included inside i18n_patterns in config/urls.py)."""

from django.urls import path

from casework.status import views

app_name = "status"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("rate/<str:token>/", views.rate, name="rate"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/withdraw/", views.withdraw, name="withdraw"),
    path("<str:reference>/proof-of-filing/", views.proof_of_filing, name="proof_of_filing"),
]
