"""The personal-data access log: who looked at or handled whose data, when, from where (PDPA)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        DOWNLOAD = "download", _("Downloaded a file")
        EXPORT = "export", _("Exported")
        CHANGE = "change", _("Changed")
        ERASE = "erase", _("Erased")
        SEARCH = "search", _("Searched personal data")
        # An office's staff accounts (`staff.services`): who changed whose access, in which office.
        STAFF_INVITE = "staff_invite", _("Invited a member of staff")
        STAFF_GROUPS = "staff_groups", _("Changed a member of staff's groups")
        STAFF_REMOVE = "staff_remove", _("Removed a member of staff from the office")
        STAFF_DEACTIVATE = "staff_deactivate", _("Deactivated a staff account")
        STAFF_REACTIVATE = "staff_reactivate", _("Reactivated a staff account")

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
    # The office whose record was opened: its administrators read the entries of their office only.
    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"], name="security_access_object")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_label}"
