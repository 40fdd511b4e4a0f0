"""Validation rules for citizens' answers. Messages are translated; tests check them in Thai and English."""

import re

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.th import pin

from eforms.constants import FILE_TYPE_MIME, AllowedFileType
from security.uploads import clean_upload

THAI_PHONE = re.compile(r"^0[2-9]\d{7,8}$")


def normalise_national_id(value: str) -> str:
    """Digits only: citizens type `1-2345-67890-12-1`, `1 2345 67890 12 1` or Thai digits."""
    value = (value or "").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    return re.sub(r"[\s\-.]", "", value)


def validate_national_id(value: str) -> str:
    """The 13-digit Thai national ID (its last digit a check digit), or a ValidationError."""
    digits = normalise_national_id(value)
    if not re.fullmatch(r"\d{13}", digits):
        raise ValidationError(_("A national ID number has 13 digits."), code="national_id_length")
    try:
        pin.validate(digits)
    except InvalidChecksum as error:
        raise ValidationError(
            _("This national ID number is not valid: please check each digit."), code="national_id_checksum"
        ) from error
    except StdnumError as error:
        raise ValidationError(
            _("This national ID number is not valid: please check each digit."), code="national_id_invalid"
        ) from error
    return digits


def normalise_phone(value: str) -> str:
    value = (value or "").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    value = re.sub(r"[\s\-().]", "", value)
    if value.startswith("+66"):
        value = "0" + value[3:]
    return value


def validate_phone(value: str) -> str:
    """A Thai landline or mobile number (9 or 10 digits starting with 0, or +66)."""
    digits = normalise_phone(value)
    if not THAI_PHONE.match(digits):
        raise ValidationError(
            _("Enter a Thai phone number, such as 081 234 5678 or 053 123 456."), code="phone"
        )
    return digits


def detect_file_type(uploaded) -> str | None:
    """The allowed type (`pdf`, `jpg`, `png`) the file's content shows, whatever its name says."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(position)
    kind = filetype.guess(head)
    if kind is None:
        return None
    for allowed, mime in FILE_TYPE_MIME.items():
        if kind.mime == mime:
            return str(allowed)
    return None


def validate_upload(uploaded, allowed_types, max_bytes):
    """Checks one upload's size and content type; returns the detected type."""
    if uploaded.size == 0:
        raise ValidationError(
            _("The file %(name)s is empty."), code="file_empty", params={"name": uploaded.name}
        )
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("The file %(name)s is too large: the limit is %(limit)s."),
            code="file_size",
            params={"name": uploaded.name, "limit": filesizeformat(max_bytes)},
        )
    detected = detect_file_type(uploaded)
    if detected is None or detected not in allowed_types:
        names = ", ".join(AllowedFileType(t).label for t in allowed_types)
        raise ValidationError(
            _("The file %(name)s is not of an accepted type (%(types)s)."),
            code="file_type",
            params={"name": uploaded.name, "types": names},
        )
    clean_upload(uploaded, detected)  # virus scan when configured; pictures lose their metadata
    return detected
