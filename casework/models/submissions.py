"""What citizens send: submissions with their files, the reference counters, and saved drafts."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.constants import (
    CLOCK_RUNNING_STATUSES,
    FINAL_STATUSES,
    OPEN_STATUSES,
    Channel,
    SubmissionStatus,
)
from casework.references import normalise_reference, parse_reference
from eforms.storage import private_storage
from offices.lookup import office_for_page


class SubmissionQuerySet(models.QuerySet):
    def by_reference(self, text, *, office):
        """The submission of `office` a typed reference names, or None; what is not a reference (odd
        bytes included) never reaches the database. A reference is unique only within its office (two
        offices may both have BP-69-000001), so the office is required: the request's office on
        citizen pages (`offices.lookup.office_for_request`), never "any office"."""
        if office is None or parse_reference(text or "") is None:
            return None
        return self.filter(office=office, reference=normalise_reference(text)).first()

    def for_service(self, page):
        """Submissions of a service, whichever language version of the page they came through."""
        return self.filter(service__translation_key=page.translation_key)

    def visible_to(self, user):
        """The submissions `user` may see and act on: every view and download of the inbox starts here
        (the rule is `casework.access`)."""
        from casework import access  # noqa: PLC0415 — access reads this app's models

        if not access.is_staff_member(user):
            return self.none()
        visible = self if access.handles_all(user) else self.filter(access.submission_scope(user))
        for condition in access.restrictions(user):
            visible = visible.filter(condition)
        return visible

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def clock_running(self):
        return self.filter(status__in=CLOCK_RUNNING_STATUSES)

    def overdue(self, today=None):
        """Still owed a decision after the deadline (the clock is stopped while waiting for the citizen)."""
        today = today or timezone.localdate()
        return self.clock_running().filter(expected_completion__lt=today)

    def due_by(self, day, today=None):
        """Owed a decision by `day` and not overdue yet (due soon / due this week)."""
        today = today or timezone.localdate()
        return self.clock_running().filter(expected_completion__gte=today, expected_completion__lte=day)


class Submission(models.Model):
    """A citizen's request. `answers` is a snapshot: the labels and order as they were when submitted,
    so editing the form later never changes what an earlier submission shows.

    Only the inbox's transition function may change `status` once it exists.
    """

    # Unique within its office (see Meta): each office counts its own references from 1.
    reference = models.CharField(_("reference"), max_length=20, db_index=True)
    service = models.ForeignKey(
        "eforms.EServicePage",
        verbose_name=_("service"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text=_("The Thai (source) version of the e-service page."),
    )
    service_title = models.CharField(_("service name"), max_length=255)
    # Kept apart from the service page so a request stays its office's when the page goes.
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="submissions"
    )
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
        db_index=True,
    )
    answers = models.JSONField(_("answers"), default=list)
    applicant_email = models.EmailField(_("applicant's email"), blank=True)
    fee_amount = models.DecimalField(_("fee (baht)"), max_digits=10, decimal_places=2, null=True, blank=True)
    processing_days = models.PositiveSmallIntegerField(_("processing time (working days)"))
    expected_completion = models.DateField(_("expected completion"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # The review workflow (casework.workflow): only transition() and its siblings write these.
    applicant_name = models.CharField(_("applicant's name"), max_length=200, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    counter_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made at the counter by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Raised by every change; a form built on an older one is refused."),
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    paused_since = models.DateField(_("waiting for the citizen since"), null=True, blank=True)
    paused_days = models.PositiveSmallIntegerField(_("working days waiting for the citizen"), default=0)
    information_requests = models.PositiveSmallIntegerField(_("information requests"), default=0)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_overdue_notice_at = models.DateTimeField(_("last overdue notice"), null=True, blank=True)
    # The wizard's one-time token for this sending, saved in the same transaction: a repeated or
    # retried final POST finds this request instead of making a second (eforms.wizard).
    send_token = models.CharField(
        _("sending token"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    anonymised_at = models.DateTimeField(
        _("personal data erased at"),
        null=True,
        blank=True,
        help_text=_(
            "Past its retention, or at the citizen's request (PDPA); what remains is for statistics."
        ),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # Index and constraint names are kept from before the split into casework (renaming rebuilds them).
            models.Index(fields=["service", "-submitted_at"], name="eforms_subm_service_089797_idx"),
            models.Index(fields=["status", "expected_completion"], name="eforms_sub_status_due"),
            models.Index(fields=["expected_completion", "id"], name="eforms_sub_due"),
            models.Index(fields=["assignee", "status"], name="eforms_sub_assignee"),
            # The inbox's counts per state for the services an officer handles, read from the index.
            models.Index(
                fields=["service", "status", "expected_completion"], name="casework_sub_service_state"
            ),
            models.Index(
                fields=["office", "status", "expected_completion"], name="casework_sub_office_state"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["office", "reference"], name="casework_reference_per_office")
        ]
        permissions = [
            ("handle_all_submissions", _("Can see and handle the submissions of every service")),
            ("override_information_request", _("Can request information from a citizen more than once")),
            ("view_reports", _("Can see the e-service reports")),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if self.office_id is None:
            self.office = office_for_page(self.service)
        super().save(*args, **kwargs)

    @property
    def is_final(self):
        return self.status in FINAL_STATUSES

    @property
    def clock_running(self):
        return self.status in CLOCK_RUNNING_STATUSES

    def is_overdue(self, today=None):
        return self.clock_running and self.expected_completion < (today or timezone.localdate())

    def answer(self, key, default=None):
        for item in self.answers:
            if item["key"] == key:
                return item.get("value", default)
        return default


def _submission_file_path(instance, filename):
    now = timezone.now()
    extension = {"pdf": "pdf", "jpg": "jpg", "png": "png"}.get(instance.file_type, "bin")
    return f"submissions/{now:%Y/%m}/{instance.pk}.{extension}"


class SubmissionFile(models.Model):
    """A file a citizen uploaded, in private storage; served only through the permission-checked view."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    field_key = models.CharField(_("field key"), max_length=50)
    original_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=8)
    size = models.PositiveIntegerField(_("size (bytes)"))
    file = models.FileField(storage=private_storage, upload_to=_submission_file_path, max_length=255)
    event = models.ForeignKey(
        "casework.SubmissionEvent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="files",
        help_text=_("The citizen's reply this file came with (empty for files sent with the form)."),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self):
        return self.original_name

    @property
    def content_type(self):
        return {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}.get(
            self.file_type, "application/octet-stream"
        )


class ReferenceCounter(models.Model):
    """The last number an office gave for a reference prefix in a Buddhist Era year (locked while
    incremented). Per office: two offices using the same prefix each count from 1."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    prefix = models.CharField(max_length=4)
    year_code = models.CharField(max_length=2)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["office", "prefix", "year_code"], name="casework_reference_counter_per_office"
            )
        ]

    def __str__(self):
        return f"{self.office_id} {self.prefix}-{self.year_code}: {self.last_number}"
