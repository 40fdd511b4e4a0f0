"""Receipt numbers: one gap-free sequence per Thai fiscal year (1 October to 30 September)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReceiptCounter(models.Model):
    """The last number given in a fiscal year (Buddhist Era). Locked while incremented, in the same
    transaction as the payment it numbers: a rollback gives the number back, so there are no gaps."""

    fiscal_year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.fiscal_year}: {self.last_number}"


class Receipt(models.Model):
    payment = models.OneToOneField("payments.Payment", on_delete=models.PROTECT, related_name="receipt")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    number = models.CharField(_("receipt number"), max_length=20, unique=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["fiscal_year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "sequence"], name="payments_unique_receipt_sequence"
            )
        ]

    def __str__(self):
        return self.number
