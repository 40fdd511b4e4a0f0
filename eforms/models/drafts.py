"""Forms saved by citizens to finish later."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """A form saved by a citizen to finish later: the wizard's answers and files, for 30 days.

    Only a hash of the emailed token is stored, so the database alone cannot resume anyone's form.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    service = models.ForeignKey("eforms.EServicePage", on_delete=models.CASCADE, related_name="drafts")
    language = models.CharField(max_length=8)
    email = models.EmailField()
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("saved draft")

    def __str__(self):
        return f"{self.service_id} {self.created_at:%Y-%m-%d}"
