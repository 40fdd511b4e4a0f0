"""Reference numbers citizens quote: `BS-69-000123` (service prefix, Buddhist Era year, sequence).

Short enough to read over the phone, unique per service prefix and year. The sequence itself comes
from `ReferenceCounter` (one row per prefix and year, locked while it is incremented).
"""

import re

from eforms.constants import REFERENCE_PREFIX_PATTERN
from home.dates import buddhist_year

PREFIX_PATTERN = REFERENCE_PREFIX_PATTERN
REFERENCE_PATTERN = re.compile(r"^(?P<prefix>[A-Z]{2,4})-(?P<year>\d{2})-(?P<number>\d{6,})$")


def year_code(year: int) -> str:
    """The last two digits of the Buddhist Era year of a Gregorian `year` (2026 → "69")."""
    return f"{buddhist_year(year) % 100:02d}"


def format_reference(prefix: str, year: int, number: int) -> str:
    if not PREFIX_PATTERN.match(prefix):
        raise ValueError(f"A reference prefix is 2 to 4 capital letters, not {prefix!r}")
    if number < 1:
        raise ValueError("Reference numbers start at 1")
    return f"{prefix}-{year_code(year)}-{number:06d}"


def normalise_reference(text: str) -> str:
    """What a citizen typed, as stored: capitals, no spaces, ASCII hyphens."""
    text = (text or "").strip().upper().replace(" ", "")
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


def parse_reference(text: str):
    """(prefix, two-digit BE year, number) of a reference, or None if it is not one."""
    match = REFERENCE_PATTERN.match(normalise_reference(text))
    if not match:
        return None
    return match["prefix"], match["year"], int(match["number"])
