"""Citizens' one-time-code devices (django-otp side-channel devices without a user account)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import CooldownMixin, SideChannelDevice, ThrottlingMixin

from security import conf


class CitizenDeviceManager(models.Manager):
    def devices_for_user(self, user, confirmed=None):
        # Citizens have no account: these devices never belong to a user, and django-otp's
        # devices_for_user() must not trip over them when it lists a staff member's devices.
        return self.none()


class CitizenDevice(ThrottlingMixin, CooldownMixin, SideChannelDevice):
    """A one-time code sent to the email address given on a submission, proving control of it.

    One device per submission (its id: a reference is unique only within its office) and address. `failed_attempts` voids the current code after too many
    wrong tries; django-otp's own throttling adds a growing delay on top.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    # Not a foreign key: security sits below casework (tests/test_architecture.py).
    submission_id = models.PositiveBigIntegerField(_("request id"), db_index=True)
    address = models.EmailField(_("email address"))
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    objects = CitizenDeviceManager()

    class Meta:
        verbose_name = _("citizen verification code")
        constraints = [
            models.UniqueConstraint(
                fields=["submission_id", "address"], name="security_one_device_per_request_address"
            )
        ]

    def get_cooldown_duration(self):
        return conf.CITIZEN_CODE_COOLDOWN

    def get_throttle_factor(self):
        return 1
