"""Kinds and states of issued documents, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentType(models.TextChoices):
    LICENCE = "licence", _("Licence")
    PERMIT = "permit", _("Permit")
    CERTIFICATE = "certificate", _("Certificate")
    REGISTRATION = "registration", _("Registration")


class DocumentState(models.TextChoices):
    """What an office decided about an issued document. "Expired" is not stored: it follows from the
    date (`IssuedDocument.status`)."""

    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


#: What the verification page says; EXPIRED is a valid document past its date.
EXPIRED = "expired"
EXPIRED_LABEL = pgettext_lazy("document", "Expired")

#: Placeholders every template may use, whatever the service's form asks.
FIXED_PLACEHOLDERS = {
    "reference": _("the request's reference"),
    "holder": _("the holder (as the document names them)"),
    "number": _("the document's number"),
    "issued_on": _("the date of issue"),
    "valid_until": _("the last day it is valid"),
    "service": _("the service's name"),
    "office": _("the office's name"),
}
