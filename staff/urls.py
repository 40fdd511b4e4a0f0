from django.urls import path

from staff import views

app_name = "office_staff"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:code>/", views.staff_list, name="list"),
    path("<slug:code>/invite/", views.invite, name="invite"),
    path("<slug:code>/<int:user_id>/", views.member, name="member"),
    path("<slug:code>/<int:user_id>/deactivate/", views.deactivate, name="deactivate"),
    path("<slug:code>/<int:user_id>/reactivate/", views.reactivate, name="reactivate"),
    path("<slug:code>/<int:user_id>/remove/", views.remove, name="remove"),
    path("<slug:code>/<int:user_id>/resend/", views.resend, name="resend"),
]
