"""What citizens send: submissions with their files, the reference counters, and saved drafts."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eforms.constants import SubmissionStatus
from eforms.storage import private_storage


class SubmissionQuerySet(models.QuerySet):
    def for_service(self, page):
        """Submissions of a service, whichever language version of the page they came through."""
        return self.filter(service__translation_key=page.translation_key)


class Submission(models.Model):
    """A citizen's request. `answers` is a snapshot: the labels and order as they were when submitted,
    so editing the form later never changes what an earlier submission shows.

    Only the inbox's transition function may change `status` once it exists.
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    service = models.ForeignKey(
        "eforms.EServicePage",
        verbose_name=_("service"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text=_("The Thai (source) version of the e-service page."),
    )
    service_title = models.CharField(_("service name"), max_length=255)
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

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["service", "-submitted_at"])]

    def __str__(self):
        return self.reference

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
    """The last number given for a reference prefix in a Buddhist Era year (locked while incremented)."""

    prefix = models.CharField(max_length=4)
    year_code = models.CharField(max_length=2)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year_code"], name="eforms_unique_reference_counter")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year_code}: {self.last_number}"


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
