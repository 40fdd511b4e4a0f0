"""Page slugs in Latin letters from Thai titles.

Thai slugs are off (`WAGTAIL_ALLOW_UNICODE_SLUGS = False`: a Thai URL is unreadable once copied and
percent-encoded), so Django's `slugify` of a Thai title is empty and Wagtail's admin JavaScript strips
it too. A slug is made instead by romanising the title word by word with PyThaiNLP's "royin" engine
(the Royal Institute's system, rule-based and offline): "ขอใบอนุญาตก่อสร้าง" becomes
"kho-bainuyat-kotrang". It is not perfect Thai transcription, but readable and stable.
"""

import re
import unicodedata

from pythainlp.tokenize import word_tokenize
from pythainlp.transliterate import romanize
from pythainlp.util import thai_digit_to_arabic_digit
from wagtail.models import Page

#: Long titles make long addresses: cut at a word boundary.
MAX_LENGTH = 80
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
_NOT_LATIN = re.compile(r"[^a-z0-9]+")
_USABLE = re.compile(r"[A-Za-z0-9_-]*[A-Za-z0-9][A-Za-z0-9_-]*")


def is_usable(slug: str) -> bool:
    """Whether an address can end in `slug`: Latin letters, digits, dashes, with a letter or a digit."""
    return bool(_USABLE.fullmatch(slug or ""))


def latin_slug(text: str) -> str:
    """A lowercase Latin slug for `text` (Thai romanised), or "" when it has no letter or digit."""
    text = thai_digit_to_arabic_digit(unicodedata.normalize("NFC", text or ""))
    latin = _THAI_RUN.sub(_romanised, text)
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
    slug = _NOT_LATIN.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[: MAX_LENGTH + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_LENGTH] else slug[:MAX_LENGTH]
    return slug


def _romanised(thai_run: re.Match) -> str:
    """A run of Thai, a dash between its words (Thai writes none, and one long word is hard to read)."""
    words = word_tokenize(thai_run.group(), engine="newmm", keep_whitespace=False)
    return "-" + "-".join(romanize(word, engine="royin") for word in words) + "-"


def available_slug(base: str, parent, page=None) -> str:
    """`base`, or `base-2`, `base-3` … : the first that no sibling of `page` under `parent` uses."""
    if parent is None:
        return base
    candidate, number = base, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
