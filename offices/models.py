"""An office: one local government office (municipality, TAO) served by one Wagtail Site.

The office's names, logo and address stay in the site's `OrganisationSettings`; the office row adds
what the platform needs to tell offices apart (a short Latin code for group names, commands, logs).
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import CASCADE, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import OrganisationSettings
from offices import codes, protection

CODE_VALIDATOR = RegexValidator(
    codes.CODE_PATTERN,
    _("Use 2–40 lowercase Latin letters, digits or dashes, starting with a letter, e.g. “doingam”."),
)


def protect_office_in_use(collector, field, sub_objs, using):
    """`on_delete` of `Office.site`: PROTECT while the office holds citizens' data, else CASCADE.

    A plain PROTECT would also block sites that never served anyone (Wagtail's welcome site, which
    the demo replaces; a mistyped office removed the same day). What makes an office undeletable is
    the data the office must keep, and `protection.refusal_reason` names it.
    """
    in_use = [office for office in sub_objs if protection.refusal_reason(office)]
    if in_use:
        raise ProtectedError(protection.refusal_reason(in_use[0]), in_use)
    CASCADE(collector, field, sub_objs, using)


class Office(models.Model):
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=protect_office_in_use, related_name="office"
    )
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[CODE_VALIDATOR],
        help_text=_("A short Latin name for the office, used in staff group names, e.g. “doingam”."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["code"]

    def __str__(self):
        settings = self.organisation
        return (settings.name_th if settings else "") or self.code

    @property
    def organisation(self):
        """The site's OrganisationSettings (names, logo, address): kept there, not copied here."""
        return OrganisationSettings.for_site(self.site)

    def delete(self, *args, **kwargs):
        # Checked before Django's delete transaction starts, so the caller's transaction stays usable;
        # the pre_delete receiver (offices.signals) covers queryset deletes.
        reason = protection.refusal_reason(self)
        if reason:
            raise ProtectedError(reason, [self])
        return super().delete(*args, **kwargs)


class OfficeGroup(models.Model):
    """A staff group that belongs to one office, with its role there (`home.groups` role names).

    Group names (`<code>: …`) are for people; code asks this table which office a group serves.
    """

    group = models.OneToOneField("auth.Group", on_delete=CASCADE, related_name="office_group")
    office = models.ForeignKey(Office, on_delete=CASCADE, related_name="groups")
    role = models.CharField(_("role"), max_length=40)

    class Meta:
        verbose_name = _("office's staff group")
        verbose_name_plural = _("offices' staff groups")
        constraints = [models.UniqueConstraint(fields=["office", "role"], name="one_group_per_office_role")]

    def __str__(self):
        return self.group.name


class ProcessingAgreementQuerySet(models.QuerySet):
    def in_force(self, day=None):
        day = day or timezone.localdate()
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )


class ProcessingAgreement(models.Model):
    """One office lets another office's permit officers handle one of its services (the Hat Yai case):
    who, which service, from when to when. While it is in force they see and decide that service's
    requests in their inbox, every access logged as any other."""

    service = models.ForeignKey(
        "eforms.EServicePage",
        verbose_name=_("e-service"),
        on_delete=CASCADE,
        related_name="processing_agreements",
        help_text=_("The Thai version of the e-service; requests in English belong to it too."),
    )
    handled_by = models.ForeignKey(
        Office,
        verbose_name=_("handled by the office"),
        on_delete=CASCADE,
        related_name="agreements_handled",
        help_text=_("The office whose permit officers may handle this service's requests."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty: until ended."))
    note = models.CharField(_("agreement (title, number, date)"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ProcessingAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared processing agreement")
        verbose_name_plural = _("shared processing agreements")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.service} → {self.handled_by}"

    def clean(self):
        from offices.lookup import office_for_page  # noqa: PLC0415 — lookup imports this module

        if self.service_id and self.handled_by_id and office_for_page(self.service).pk == self.handled_by_id:
            raise ValidationError(
                {"handled_by": _("Choose another office: this service is already this office's own.")}
            )


#: The office's days as the calendar (casework.deadlines) caches them.
LOCAL_HOLIDAYS_CACHE_KEY = "offices:local-holidays:v1"


def local_holidays_cache_key(office_id) -> str:
    return f"{LOCAL_HOLIDAYS_CACHE_KEY}:office:{office_id}"


class LocalHoliday(models.Model):
    """A day one office is closed besides the national holidays (a local festival, a closure): it is not
    a working day in that office's deadlines only. Its administrators keep them (`offices.holidays`);
    the national holidays are the platform administrators'."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="local_holidays"
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("local holiday")
        verbose_name_plural = _("local holidays")
        ordering = ["date", "office"]
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="offices_local_holiday_unique_day")
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
