"""Receipt numbers: one gap-free sequence per office and Thai fiscal year (1 October to 30 September)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReceiptCounter(models.Model):
    """The last number an office gave in a fiscal year (Buddhist Era). Locked while incremented, in the
    same transaction as the payment it numbers: a rollback gives the number back, so there are no gaps.
    Each office keeps its own receipt book, so each has its own counter."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="payments_unique_receipt_counter")
        ]

    def __str__(self):
        return f"{self.fiscal_year}: {self.last_number}"


class Receipt(models.Model):
    payment = models.OneToOneField("payments.Payment", on_delete=models.PROTECT, related_name="receipt")
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="receipts"
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    # Unique within the office: two offices both print 2569/000001.
    number = models.CharField(_("receipt number"), max_length=20)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["fiscal_year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "sequence"], name="payments_unique_receipt_sequence"
            ),
            models.UniqueConstraint(fields=["office", "number"], name="payments_unique_receipt_number"),
        ]

    def __str__(self):
        return self.number
