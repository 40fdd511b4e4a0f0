"""Documents an office issues when it approves a request: the templates editors keep, the link from
an e-service to its template, the issued documents and their numbering per office, type and fiscal year.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from documents import placeholders
from documents.constants import EXPIRED, DocumentState, DocumentType
from documents.forms import DocumentTemplateForm
from home.i18n import localized_attribute
from offices.lookup import office_for_page


class DocumentTemplate(models.Model):
    """What a kind of document says, per office, in Thai and English. `{field_key}` placeholders take
    the request's answers; the fixed ones are in `constants.FIXED_PLACEHOLDERS`."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    title_th = models.CharField(_("title (Thai)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    body_th = models.TextField(
        _("text (Thai)"),
        help_text=_(
            "Use {field_key} for an answer of the form, and {holder}, {reference}, {number}, "
            "{issued_on}, {valid_until}, {service}, {office}."
        ),
    )
    body_en = models.TextField(_("text (English)"), blank=True)
    conditions_th = models.TextField(_("conditions (Thai)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)
    signer_name = models.CharField(_("signing officer's name"), max_length=200)
    signer_position_th = models.CharField(_("signing officer's position (Thai)"), max_length=200)
    signer_position_en = models.CharField(
        _("signing officer's position (English)"), max_length=200, blank=True
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), default=12, help_text=_("0: valid without an end date.")
    )

    panels = [
        FieldRowPanel([FieldPanel("office"), FieldPanel("document_type")]),
        FieldRowPanel([FieldPanel("title_th"), FieldPanel("title_en")]),
        FieldPanel("body_th"),
        FieldPanel("body_en"),
        FieldPanel("conditions_th"),
        FieldPanel("conditions_en"),
        MultiFieldPanel(
            [
                FieldPanel("signer_name"),
                FieldRowPanel([FieldPanel("signer_position_th"), FieldPanel("signer_position_en")]),
                FieldPanel("signature_image"),
            ],
            heading=_("Signature"),
        ),
        FieldPanel("validity_months"),
    ]
    base_form_class = DocumentTemplateForm

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["title_th"]

    def __str__(self):
        return self.title_th

    def office_id_for_scope(self):
        return self.office_id

    def texts(self) -> dict:
        return {
            "body_th": self.body_th,
            "body_en": self.body_en,
            "conditions_th": self.conditions_th,
            "conditions_en": self.conditions_en,
        }

    def clean(self):
        """Refuse a placeholder that names no field of a service that uses this template."""
        super().clean()
        errors = placeholders.syntax_errors(self.texts())
        if self.pk and not errors:
            for link in self.service_links.select_related("service"):
                errors = placeholders.unknown_field_errors(self.texts(), link.service)
                if errors:
                    break
        if errors:
            raise ValidationError(errors)


class ServiceDocument(models.Model):
    """An e-service issues a document when a request is approved (kept here so that eforms need not
    know this app). Without a template, approval is refused until one is chosen."""

    service = models.OneToOneField(
        "eforms.EServicePage",
        verbose_name=_("e-service"),
        on_delete=models.CASCADE,
        related_name="issued_document",
        help_text=_("The Thai version of the e-service; requests in English belong to it too."),
    )
    template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("document template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_links",
    )
    holder_field = models.CharField(
        _("answer that names the holder"),
        max_length=50,
        blank=True,
        help_text=_("The key of the form's field, e.g. business_name; empty: the applicant's name."),
    )

    # Renewal (`documents.renewals`): this service renews the documents of another one (and its own).
    renews_service = models.ForeignKey(
        "eforms.EServicePage",
        verbose_name=_("renews the documents of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The e-service whose documents this service renews (the Thai version; it may be this "
            "service). Holders then renew from their request's status page with their last answers "
            "filled in. Empty: this service does not renew."
        ),
    )
    renewal_opens_days = models.PositiveSmallIntegerField(
        _("renewal opens (days before the end)"), default=90
    )
    late_renewal_days = models.PositiveSmallIntegerField(
        _("late renewal allowed for (days after the end)"),
        default=90,
        help_text=_("After that, the holder applies anew."),
    )
    late_surcharge_percent = models.DecimalField(
        _("late-renewal surcharge (% of the fee)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Added to the fee of a renewal sent after the document ended; 0: none."),
    )

    panels = [
        FieldPanel("service"),
        FieldPanel("template"),
        FieldPanel("holder_field"),
        MultiFieldPanel(
            [
                FieldPanel("renews_service"),
                FieldPanel("renewal_opens_days"),
                FieldPanel("late_renewal_days"),
                FieldPanel("late_surcharge_percent"),
            ],
            heading=_("Renewal"),
        ),
    ]

    class Meta:
        verbose_name = _("document a service issues")
        verbose_name_plural = _("documents services issue")

    def __str__(self):
        return f"{self.service} → {self.template or '–'}"

    def office_id_for_scope(self):
        """The office of the service (the template may not be chosen yet)."""
        return _office_id(self.service)

    def clean(self):
        super().clean()
        if self.service_id is None:
            return
        errors = {}
        if self.service.specific.source_page.pk != self.service.pk:
            raise ValidationError({"service": _("Choose the Thai version of the e-service.")})
        keys = placeholders.field_keys(self.service)
        if self.holder_field and self.holder_field not in keys:
            errors["holder_field"] = _("The form of this service has no field “%(key)s”.") % {
                "key": self.holder_field
            }
        if self.template is not None:
            if self.template.office_id != _office_id(self.service):
                errors["template"] = _("Choose a template of this service's own office.")
            else:
                problems = placeholders.unknown_field_errors(self.template.texts(), self.service)
                if problems:
                    errors["template"] = [message for messages in problems.values() for message in messages]
        if self.renews_service_id is not None:
            renewed = self.renews_service.specific
            if renewed.source_page.pk != renewed.pk:
                errors["renews_service"] = _("Choose the Thai version of the e-service.")
            elif _office_id(renewed) != _office_id(self.service):
                errors["renews_service"] = _("Choose an e-service of this service's own office.")
        if errors:
            raise ValidationError(errors)


def _office_id(service):
    office = office_for_page(service)
    return office.pk if office else None


class DocumentCounter(models.Model):
    """The last number an office gave to a type of document in a fiscal year (Buddhist Era): locked while
    incremented, in the approval's transaction, so a rollback gives the number back (no gaps)."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    document_type = models.CharField(max_length=20, choices=DocumentType.choices)
    fiscal_year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["office", "document_type", "fiscal_year"], name="documents_unique_counter"
            )
        ]

    def __str__(self):
        return f"{self.office_id} {self.document_type} {self.fiscal_year}: {self.last_number}"


class IssuedDocument(models.Model):
    """A document as it was issued: its text is kept as it read that day (editing the template later
    changes nothing issued). Only `documents.services` writes `state`."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    submission = models.OneToOneField(
        "casework.Submission",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="issued_document",
    )
    template = models.ForeignKey(
        DocumentTemplate, verbose_name=_("template"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    number = models.CharField(_("number"), max_length=20)
    title_th = models.CharField(_("title (Thai)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_th = models.TextField(_("text (Thai)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    conditions_th = models.TextField(_("conditions (Thai)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)
    signer_name = models.CharField(_("signing officer's name"), max_length=200)
    signer_position_th = models.CharField(_("signing officer's position (Thai)"), max_length=200)
    signer_position_en = models.CharField(
        _("signing officer's position (English)"), max_length=200, blank=True
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    holder = models.CharField(_("holder"), max_length=200)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewed_by",
    )
    issued_on = models.DateField(_("date of issue"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=DocumentState.choices, default=DocumentState.VALID
    )
    state_reason = models.TextField(_("reason for the state"), blank=True)
    state_changed_at = models.DateTimeField(_("state changed at"), null=True, blank=True)
    # The last expiry reminder sent (days before the end: 60, then 15), so each goes once.
    last_reminder_days = models.PositiveSmallIntegerField(
        _("last expiry reminder (days before)"), null=True, blank=True
    )
    # Printed in the QR code: long and random, so documents cannot be found by trying codes.
    verification_code = models.CharField(_("verification code"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "document_type", "fiscal_year", "sequence"],
                name="documents_unique_sequence",
            ),
            models.UniqueConstraint(
                fields=["office", "document_type", "number"], name="documents_unique_number"
            ),
        ]
        indexes = [models.Index(fields=["office", "state", "valid_until"], name="documents_register")]

    def __str__(self):
        return f"{self.get_document_type_display()} {self.number}"

    def status(self, today=None) -> str:
        """valid, expired, suspended or revoked, as the verification page says it."""
        if self.state == DocumentState.VALID and self.valid_until is not None:
            if self.valid_until < (today or timezone.localdate()):
                return EXPIRED
        return self.state

    @property
    def title(self):
        return localized_attribute(self, "title")

    def is_expired(self, today: datetime.date | None = None) -> bool:
        return self.status(today) == EXPIRED


class Renewal(models.Model):
    """A request that renews an issued document (made from its status page, `documents.renewals`)."""

    submission = models.OneToOneField(
        "casework.Submission", verbose_name=_("request"), on_delete=models.CASCADE, related_name="renewal"
    )
    previous = models.ForeignKey(
        IssuedDocument, verbose_name=_("document renewed"), on_delete=models.PROTECT, related_name="renewals"
    )
    #: Sent after the previous document ended: the service's surcharge applies.
    late = models.BooleanField(_("late"), default=False)
    surcharge_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("renewal")

    def __str__(self):
        return f"{self.submission_id} renews {self.previous_id}"
