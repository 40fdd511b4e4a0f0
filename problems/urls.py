"""`/th/reports/` and `/en/reports/` (inside i18n_patterns in config/urls.py)."""

from django.urls import path

from problems import views

app_name = "problems"

urlpatterns = [
    path("", views.board, name="board"),
    path("map.json", views.board_map, name="board_map"),
    path("figures/", views.figures, name="figures"),
    path("figures/monthly.csv", views.figures_csv, name="figures_csv"),
    path("new/", views.what, name="new"),
    path("new/where/", views.where, name="where"),
    path("new/similar/", views.similar, name="similar"),
    path("new/photos/", views.photos, name="photos"),
    path("new/done/", views.done, name="done"),
    path("follow/", views.follow_lookup, name="follow_lookup"),
    path("follow/<str:code>/", views.follow, name="follow"),
    path("<int:pk>/", views.case, name="case"),
    path("<int:pk>/photos/<uuid:photo_id>.jpg", views.photo, name="photo"),
    path("<int:pk>/support/", views.support, name="support"),
]
