"""One row per bank statement an officer uploaded: who, when, which file, and what came of it. The
lines themselves are `ProviderEvent`s (provider "promptpay_qr", one per line id), so a line is applied
once however many files it appears in."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatementImport(models.Model):
    # The office whose bank account the statement is of.
    office = models.ForeignKey("offices.Office", null=True, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    lines = models.PositiveIntegerField(_("lines"), default=0)
    paid = models.PositiveIntegerField(_("paid"), default=0)
    flagged = models.PositiveIntegerField(_("needing review"), default=0)
    duplicates = models.PositiveIntegerField(_("already imported"), default=0)
    skipped = models.PositiveIntegerField(_("left for other officers"), default=0)

    class Meta:
        app_label = "payments"
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("bank statement import")
        permissions = [("import_bank_statement", _("Can import bank statements (PromptPay QR)"))]

    def __str__(self):
        return f"{self.file_name} {self.uploaded_at:%Y-%m-%d %H:%M}"
