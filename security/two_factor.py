"""Staff two-factor login: TOTP enrolment with a QR code, backup codes, verification, reset.

The devices are django-otp's own (TOTP and static codes); Wagtail's login stays as it is and this
second step follows it.
"""

import base64
import logging
import secrets

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from security.forms import TokenForm
from security.redirects import safe_next

logger = logging.getLogger(__name__)
BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"


def _next_url(request):
    return safe_next(request, reverse("wagtailadmin_home"))


def _new_backup_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@login_required
def verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right, or it has already been used."))
    return render(request, "security/verify.html", {"form": form, "next": _next_url(request)})


@login_required
def setup(request):
    """Enrol an authenticator app: show its QR code, confirm with a first code, show backup codes."""
    if any(devices_for_user(request.user, confirmed=True)) and not request.user.is_verified():
        return redirect(f"{reverse('security:verify')}?next={_next_url(request)}")
    device = TOTPDevice.objects.filter(user=request.user, name=TOTP_DEVICE_NAME, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
                device.confirmed = True
                device.save()
                codes = _new_backup_codes(request.user)
            otp_login(request, device)
            log(instance=request.user, action="tambon.two_factor_enrolled", user=request.user)
            return render(request, "security/backup_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("token", _("That code is not right. Check the time on your phone and try again."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, title=_("QR code for your authenticator app")
    )
    return render(
        request,
        "security/setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": _base32_secret(device), "next": _next_url(request)},
    )


def _base32_secret(device):
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@login_required
@require_POST
def new_backup_codes(request):
    if not request.user.is_verified():
        return redirect("security:verify")
    codes = _new_backup_codes(request.user)
    return render(
        request, "security/backup_codes.html", {"codes": codes, "next": reverse("wagtailadmin_home")}
    )


@permission_required("auth.change_user", raise_exception=True)
def staff_devices(request):
    User = get_user_model()
    staff = User.objects.filter(is_active=True).filter(is_staff=True) | User.objects.filter(
        groups__permissions__codename="access_admin"
    )
    rows = []
    confirmed = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    for user in staff.distinct().order_by("username"):
        rows.append({"user": user, "enrolled": user.pk in confirmed})
    return render(request, "security/staff_devices.html", {"rows": rows})


@permission_required("auth.change_user", raise_exception=True)
@require_POST
def reset_devices(request, user_id):
    """An administrator removes a colleague's devices (a lost phone); they enrol again at next login."""
    colleague = get_object_or_404(get_user_model(), pk=user_id)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=colleague).delete()
        StaticDevice.objects.filter(user=colleague).delete()
        log(instance=colleague, action="tambon.two_factor_reset", user=request.user)
    logger.warning(
        "Two-factor devices of %s reset by %s", colleague.get_username(), request.user.get_username()
    )
    messages.success(
        request,
        _("%(name)s will set up two-factor sign-in again at their next login.")
        % {"name": colleague.get_full_name() or colleague.get_username()},
    )
    return redirect("security:staff_devices")
