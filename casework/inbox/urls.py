"""`/admin/inbox/…` (registered by casework/wagtail_hooks.py; Wagtail requires admin access first)."""

from django.urls import path

from casework.inbox import reports, survey, views

app_name = "inbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("export.csv", views.export, name="export"),
    path("counter/", views.counter, name="counter"),
    path("counter/<int:page_id>/", views.counter_start, name="counter_start"),
    path("reports/", reports.report, name="report"),
    path("survey/", survey.counter_start, name="survey"),
    path("survey/answer/", survey.counter_answer, name="survey_answer"),
    path("survey/thanks/", survey.counter_done, name="survey_done"),
    path("survey/compare/", survey.compare, name="survey_compare"),
    path("files/<uuid:file_id>/", views.download, name="file"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/", views.act, name="act"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("<int:pk>/message/", views.message, name="message"),
]
