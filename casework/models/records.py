"""The review workflow's records: the timeline, who handles which service, the office's holidays and
the citizens' satisfaction ratings."""

from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from casework.constants import HOLIDAYS_CACHE_KEY, EventKind, SubmissionStatus, SurveySource
from outbox import channels


class SubmissionEvent(models.Model):
    """One line of a submission's timeline: who did what, when and why. Written by
    `casework.timeline.record()` only; never edited."""

    submission = models.ForeignKey("casework.Submission", on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("what"), max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=150, blank=True)  # kept if the account goes
    from_status = models.CharField(_("from"), max_length=20, choices=SubmissionStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=SubmissionStatus.choices, blank=True)
    message = models.TextField(_("message"), blank=True)
    visible_to_citizen = models.BooleanField(_("shown to the citizen"), default=False)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["submission", "at"], name="eforms_event_submission")]

    def __str__(self):
        return f"{self.submission_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    @property
    def kind_label(self):
        """What the timeline calls this entry: its kind, except that a message that did not reach the
        citizen names its channel ("Email not delivered", "LINE message not delivered")."""
        if self.kind == EventKind.EMAIL_FAILED:
            return channels.failure_label(self.data.get("channel") or "email")
        return self.get_kind_display()


class ServiceHandler(models.Model):
    """A staff group that handles a service's submissions. Administrators see every service anyway."""

    service = models.ForeignKey(
        "eforms.EServicePage",
        verbose_name=_("e-service"),
        on_delete=models.CASCADE,
        related_name="handlers",
        help_text=_("The Thai version of the e-service; requests in English belong to it too."),
    )
    group = models.ForeignKey("auth.Group", verbose_name=_("staff group"), on_delete=models.CASCADE)

    panels = [FieldPanel("service"), FieldPanel("group")]

    class Meta:
        verbose_name = _("service handler")
        verbose_name_plural = _("service handlers")
        constraints = [
            models.UniqueConstraint(fields=["service", "group"], name="eforms_unique_service_handler")
        ]

    def __str__(self):
        return f"{self.service} → {self.group}"


class Holiday(models.Model):
    """A day the office is closed (public holiday, special closure): it does not count as a working day."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=150)

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta:
        verbose_name = _("office holiday")
        verbose_name_plural = _("office holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(HOLIDAYS_CACHE_KEY)  # the calendar (casework.deadlines) reads them again

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(HOLIDAYS_CACHE_KEY)
        return result


def _one_to_five(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class SatisfactionRating(models.Model):
    """One answer to the satisfaction survey (`casework.satisfaction`): five questions on 1 to 5 and a
    comment. At most one per request (the database refuses a second); an answer given on the counter's
    tablet may name no request at all (then it is only the office's).

    `score` is the "overall" question: the single rating asked before the survey had five questions
    was that one, so older answers keep their score there and leave the other four empty."""

    submission = models.OneToOneField(
        "casework.Submission",
        on_delete=models.CASCADE,
        related_name="rating",
        verbose_name=_("submission"),
        null=True,
        blank=True,
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField(
        _("answered"), max_length=10, choices=SurveySource.choices, default=SurveySource.ONLINE
    )
    speed = _one_to_five(_("speed"))
    staff = _one_to_five(_("staff"))
    clarity = _one_to_five(_("clarity"))
    ease = _one_to_five(_("ease"))
    score = models.PositiveSmallIntegerField(
        _("overall"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("rated at"), default=timezone.now)

    class Meta:
        verbose_name = _("satisfaction answer")
        verbose_name_plural = _("satisfaction answers")
        indexes = [models.Index(fields=["office", "created_at"], name="casework_rating_office_day")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="eforms_rating_between_1_and_5"
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__isnull": True})
                    | models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"casework_rating_{name}_1_to_5",
                )
                for name in ("speed", "staff", "clarity", "ease")
            ),
        ]

    def __str__(self):
        return f"{self.submission_id or '-'}: {self.score}"

    def save(self, *args, **kwargs):
        if self.office_id is None and self.submission_id is not None:
            self.office_id = self.submission.office_id
        super().save(*args, **kwargs)

    @property
    def overall(self):
        return self.score
