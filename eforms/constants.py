"""Choices of the e-forms: field types, service categories, personal-data bases, file types."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldType(models.TextChoices):
    SINGLE_LINE = "singleline", _("Short text")
    MULTI_LINE = "multiline", _("Long text")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone number")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    DROPDOWN = "dropdown", _("Dropdown")
    RADIO = "radio", _("Radio buttons")
    CHECKBOXES = "checkboxes", _("Checkboxes")
    FILE = "file", _("File upload")
    NATIONAL_ID = "national_id", _("Thai national ID number")
    THAI_ADDRESS = "thai_address", _("Thai address")
    CONSENT = "consent", _("Consent checkbox")
    STEP = "step", _("Step break (starts a new step; the label is its title)")


#: Field types whose answer is one or several of the editor's choices.
CHOICE_TYPES = frozenset({FieldType.DROPDOWN, FieldType.RADIO, FieldType.CHECKBOXES})


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

#: Parts of a Thai address, in the order they are asked and written.
ADDRESS_PARTS = (
    ("house_no", _("House number")),
    ("village", _("Village (moo) or street")),
    ("subdistrict", _("Sub-district (tambon)")),
    ("district", _("District (amphoe)")),
    ("province", _("Province")),
    ("postcode", _("Postcode")),
)

#: What an editor may give as an e-service's reference prefix: 2 to 4 capital letters (`BP` in BP-69-000123).
REFERENCE_PREFIX_PATTERN = re.compile(r"^[A-Z]{2,4}$")
