"""What a personal identifier looks like (Thai phone numbers, national ID numbers), normalised the
same way wherever one is typed, searched or erased."""

import re

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI_PHONE = re.compile(r"^0[2-9]\d{7,8}$")


def normalise_national_id(value: str) -> str:
    """Digits only: citizens type `1-2345-67890-12-1`, `1 2345 67890 12 1` or Thai digits."""
    return re.sub(r"[\s\-.]", "", (value or "").translate(THAI_DIGITS))


def normalise_phone(value: str) -> str:
    value = re.sub(r"[\s\-().]", "", (value or "").translate(THAI_DIGITS))
    if value.startswith("+66"):
        value = "0" + value[3:]
    return value
