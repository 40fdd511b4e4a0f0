"""`/th/line/…` and `/en/line/…`: link a request to LINE, stop it; sign in with LINE, my requests."""

from django.urls import path

from line import views

app_name = "line"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/done/", views.sign_in_callback, name="login_callback"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("my-requests/", views.my_requests, name="my_requests"),
    path("my-requests/<str:reference>/", views.open_request, name="open_request"),
    path("<str:reference>/link/", views.link, name="link"),
    path("<str:reference>/stop/", views.unbind, name="unbind"),
]
