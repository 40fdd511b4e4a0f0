from django.urls import path

from privacy import views

app_name = "privacy_subject_requests"
urlpatterns = [
    path("", views.search, name="search"),
    path("export/", views.export, name="export"),
    path("erase/", views.erase, name="erase"),
]
