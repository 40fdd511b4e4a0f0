"""The nightly snapshot of each office's public statistics (`performance.snapshots`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatisticsSnapshot(models.Model):
    """An office's figures of one fiscal year as `national.figures.for_office` computed them, kept so
    the public page does not count 100,000 requests on every visit. Counts only, nothing personal."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    figures = models.JSONField(_("figures"))

    class Meta:
        verbose_name = _("statistics snapshot")
        verbose_name_plural = _("statistics snapshots")
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="performance_snapshot_per_year")
        ]

    def __str__(self):
        return f"{self.office_id} {self.fiscal_year} {self.computed_at:%Y-%m-%d %H:%M}"
