"""The review workflow's records: the timeline, who handles which service, the office's holidays,
the email outbox and the citizens' satisfaction ratings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from eforms.constants import EventKind, NotificationState, SubmissionStatus


class SubmissionEvent(models.Model):
    """One line of a submission's timeline: who did what, when and why. Written by
    `eforms.timeline.record()` only; never edited."""

    submission = models.ForeignKey("eforms.Submission", on_delete=models.CASCADE, related_name="events")
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
        from eforms.deadlines import forget_holidays

        forget_holidays()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        from eforms.deadlines import forget_holidays

        forget_holidays()
        return result


class Notification(models.Model):
    """An email to send (the outbox). Sent by a background task, retried with growing delays; an
    administrator sees the failed ones and can send them again."""

    submission = models.ForeignKey(
        "eforms.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=30)
    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=NotificationState.choices,
        default=NotificationState.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("email notification")
        verbose_name_plural = _("email notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.kind} → {self.to}"


class SatisfactionRating(models.Model):
    """The citizen's rating of a completed request: one per submission (the database refuses a second)."""

    submission = models.OneToOneField(
        "eforms.Submission", on_delete=models.CASCADE, related_name="rating", verbose_name=_("submission")
    )
    score = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("rated at"), default=timezone.now)

    class Meta:
        verbose_name = _("satisfaction rating")
        verbose_name_plural = _("satisfaction ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="eforms_rating_between_1_and_5"
            )
        ]

    def __str__(self):
        return f"{self.submission_id}: {self.score}"
