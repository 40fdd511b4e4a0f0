"""An office's own holidays, on top of the national ones every office keeps (`casework.Holiday`)."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.constants import HOLIDAYS_CACHE_KEY


def local_holidays_cache_key(office_id) -> str:
    return f"{HOLIDAYS_CACHE_KEY}:office:{office_id}"


class LocalHoliday(models.Model):
    """A day one office is closed besides the national holidays (a local festival, a closure): it is not
    a working day in that office's deadlines only. Its administrators keep them (`eforms.wagtail_hooks`);
    the national holidays are the platform administrators'."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="local_holidays"
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("local holiday")
        verbose_name_plural = _("local holidays")
        ordering = ["date", "office"]
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="eforms_local_holiday_unique_day")
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"

    def save(self, *args, **kwargs):
        previous = type(self).objects.filter(pk=self.pk).values_list("office_id", flat=True).first()
        super().save(*args, **kwargs)
        # The calendar (casework.deadlines) reads the office's days again; both offices' if it moved.
        cache.delete_many({local_holidays_cache_key(self.office_id), local_holidays_cache_key(previous)})

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(local_holidays_cache_key(self.office_id))
        return result
