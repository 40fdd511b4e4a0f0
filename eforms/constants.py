"""Choices of the e-forms: field types, service categories, personal-data bases, file types."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceCategory(models.TextChoices):
    LICENCES = "licences", _("Licences and permits")
    REGISTRATIONS = "registrations", _("Registrations")
    REQUESTS = "requests", _("Requests for service")
    PAYMENTS = "payments", _("Payments")
    WELFARE = "welfare", _("Welfare")
    COMPLAINTS = "complaints", _("Complaints")


class PersonalDataBasis(models.TextChoices):
    """Why the office may use the personal data a service collects (Personal Data Protection Act).

    Most licences and requests rest on the office's legal duties, not on consent; ask for consent
    only when it really is the basis.
    """

    PUBLIC_TASK = "public_task", _("Public task: the office's legal powers and duties (PDPA section 24(4))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation: a law requires it (PDPA section 24(6))")
    CONTRACT = "contract", _("Contract with the person (PDPA section 24(3))")
    VITAL_INTEREST = "vital_interest", _("Protecting someone's life or health (PDPA section 24(2))")
    CONSENT = "consent", _("The person's consent (PDPA section 19)")


class FeeDue(models.TextChoices):
    """When the citizen pays the fee: when sending the form, or once the office has approved the
    request (after an inspection, say): the decision then asks for it and the status page takes it."""

    ON_SUBMIT = "on_submit", _("When the form is sent")
    AFTER_APPROVAL = "after_approval", _("After approval")


class AllowedFileType(models.TextChoices):
    """File types a citizen may upload, recognised by their content, not their name."""

    PDF = "pdf", "PDF"
    JPEG = "jpg", "JPEG"
    PNG = "png", "PNG"


#: MIME type that `filetype` reports for each allowed type.
FILE_TYPE_MIME = {
    AllowedFileType.PDF: "application/pdf",
    AllowedFileType.JPEG: "image/jpeg",
    AllowedFileType.PNG: "image/png",
}

#: What an editor may give as an e-service's reference prefix: 2 to 4 capital letters (`BP` in BP-69-000123).
REFERENCE_PREFIX_PATTERN = re.compile(r"^[A-Z]{2,4}$")
