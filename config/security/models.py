"""The personal-data audit log: who looked at or handled whose data, when, from where (PDPA)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import CooldownMixin, SideChannelDevice, ThrottlingMixin


class AccessLog(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        DOWNLOAD = "download", _("Downloaded a file")
        EXPORT = "export", _("Exported")
        CHANGE = "change", _("Changed")
        ERASE = "erase", _("Erased")
        SEARCH = "search", _("Searched personal data")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150)  # kept if the account is deleted
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("record type"), max_length=100)
    object_id = models.CharField(_("record"), max_length=64, db_index=True)
    object_label = models.CharField(_("description"), max_length=255, blank=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"], name="security_access_object")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_label}"


class CitizenDeviceManager(models.Manager):
    def devices_for_user(self, user, confirmed=None):
        # Citizens have no account: these devices never belong to a user, and django-otp's
        # devices_for_user() must not trip over them when it lists a staff member's devices.
        return self.none()


class CitizenDevice(ThrottlingMixin, CooldownMixin, SideChannelDevice):
    """A one-time code sent to the email address given on a submission, proving control of it.

    One device per submission and address. `failed_attempts` voids the current code after too many
    wrong tries; django-otp's own throttling adds a growing delay on top.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    submission_reference = models.CharField(_("reference"), max_length=20, db_index=True)
    address = models.EmailField(_("email address"))
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    objects = CitizenDeviceManager()

    class Meta:
        verbose_name = _("citizen verification code")
        constraints = [
            models.UniqueConstraint(
                fields=["submission_reference", "address"], name="security_one_device_per_address"
            )
        ]

    def get_cooldown_duration(self):
        from config.security import conf

        return conf.CITIZEN_CODE_COOLDOWN

    def get_throttle_factor(self):
        return 1
