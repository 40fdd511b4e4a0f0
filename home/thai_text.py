"""Thai text helpers. Thai is written without spaces between words, so search needs word breaks."""

import re

from pythainlp.tokenize import word_tokenize

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")


def segment(text: str) -> str:
    """Return the text with a space between Thai words; other text is left as it is.

    "ค่าธรรมเนียมเก็บขยะ" becomes "ค่าธรรมเนียม เก็บ ขยะ", so a full-text index finds "ขยะ".
    """
    if not text or not _THAI.search(text):
        return text or ""
    return _THAI_RUN.sub(lambda run: " ".join(word_tokenize(run.group(0), keep_whitespace=False)), text)
