"""Middleware for the admin: login throttling, staff session limits, two-factor enforcement."""

import functools
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django_otp import user_has_device

from security import conf
from security.throttle import is_throttled

ADMIN_PREFIX = "/admin/"


def is_staff_user(user) -> bool:
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def is_login_path(path: str) -> bool:
    """Wagtail's two sign-in forms: the admin's, and the one for pages visible only to signed-in users
    (`/<language>/_util/login/`), which checks the same passwords."""
    if path == f"{ADMIN_PREFIX}login/":
        return True
    return any(path == f"/{code}/_util/login/" for code, _name in settings.LANGUAGES)


class LoginThrottleMiddleware:
    """Refuses login attempts (429) for an account or address that failed too often lately."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and is_login_path(request.path):
            if is_throttled(request, request.POST.get("username", "")):
                minutes = conf.LOGIN_FAILURE_WINDOW // 60
                body = render_to_string(
                    "security/too_many_attempts.html", {"minutes": minutes}, request=request
                )
                response = HttpResponse(body, status=429)
                response["Retry-After"] = str(conf.LOGIN_FAILURE_WINDOW)
                return response
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="tambon-staff-session-start")
def _staff_session_started(sender, request, user, **kwargs):
    now = int(time.time())
    request.session["staff_session_started"] = now
    request.session["staff_last_seen"] = now


class StaffSessionMiddleware:
    """Ends a staff session after 15 minutes without a request, and 12 hours after login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and is_staff_user(user):
            now = int(time.time())
            session = request.session
            started = session.setdefault("staff_session_started", now)
            last_seen = session.get("staff_last_seen", now)
            if now - last_seen > conf.STAFF_IDLE_TIMEOUT or now - started > conf.STAFF_ABSOLUTE_TIMEOUT:
                logout(request)
                if request.path.startswith(ADMIN_PREFIX):
                    return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
            else:
                session["staff_last_seen"] = now
        return self.get_response(request)


def second_factor_redirect(request):
    """The redirect to the token page (or to enrolment) for a signed-in member of staff who has not
    passed the second factor yet; None for everyone else."""
    user = getattr(request, "user", None)
    if (
        conf.staff_two_factor_required()
        and user is not None
        and is_staff_user(user)
        and not getattr(user, "is_verified", lambda: False)()
    ):
        target = "security:verify" if user_has_device(user) else "security:setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
    return None


def staff_view(view):
    """For a view outside /admin/ that shows staff data (a citizen's file, an export …): a member of
    staff passes the second factor first, as everywhere under /admin/. Everyone else reaches the view,
    which does its own permission check. tests/security/test_access_matrix.py finds every view so
    marked and every URL under /admin/, and fails on a URL it cannot classify."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return second_factor_redirect(request) or view(request, *args, **kwargs)

    wrapper.staff_view = True
    return wrapper


class StaffTwoFactorMiddleware:
    """Sends a signed-in staff member who has not passed the second factor to the token page.

    Must come after django_otp's OTPMiddleware. The login and logout, the member's own code and
    enrolment pages and the admin's translations stay reachable; everything else under /admin/
    waits for the code, the administration of colleagues' devices included. Staff URLs outside
    /admin/ are guarded by `staff_view`.
    """

    OPEN_PATHS = ("login/", "logout/", "two-factor/", "two-factor/setup/")
    OPEN_PREFIXES = ("jsi18n/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        inner = request.path.removeprefix(ADMIN_PREFIX)
        if (
            request.path.startswith(ADMIN_PREFIX)
            and inner not in self.OPEN_PATHS
            and not inner.startswith(self.OPEN_PREFIXES)
        ):
            refusal = second_factor_redirect(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)
