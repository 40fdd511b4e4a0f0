"""Thai text helpers. Thai is written without spaces between words, so search and line breaking
both need to know where words end.

Browsers break Thai lines with ICU's dictionary, which splits many compound words ("คำ|ตอบ",
"ผู้|ช่วย", "ใบ|อนุญาต"). `typeset` marks PyThaiNLP's words in the short texts where a bad break
hurts most (headings, buttons, labels, menus): each word in a `white-space: nowrap` span with a
`<wbr>` between words, so a line can break between two words and nowhere inside one. Chromium
ignores `word-break: keep-all` for Thai, so the spans are needed. Dates, amounts (their filters)
and phone numbers are kept on one line the same way.
"""

import functools
import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from pythainlp.tokenize import word_tokenize

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")

#: Where a break inside a word is worst: short, prominent texts. Body text is left to the browser.
WORD_ELEMENTS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "label",
    "legend",
    "summary",
    "th",
    "dt",
    "caption",
    "nav",
)
#: Links that look like buttons or menu entries count as buttons.
BUTTON_LINK_CLASSES = ("button", "shortcut", "track-link")
_REGION = re.compile(
    r"<(%s)\b[^>]*>.*?</\1\s*>|<(a)\b[^>]*\bclass=\"[^\"]*\b(?:%s)\b[^\"]*\"[^>]*>.*?</a\s*>"  # noqa: UP031
    % ("|".join(WORD_ELEMENTS), "|".join(BUTTON_LINK_CLASSES)),
    re.S | re.I,
)
_TAG = re.compile(r"(<[^>]*>)")
#: Thai phone numbers as people write them: 053-123-499, 053 123 4567, 08 1234 5678, 0812345678.
_PHONE = re.compile(r"(?<![\w-])(?:\+66[- ]?|0)\d{1,2}(?:[- ]?\d{3,4}){2}(?![\w-])")
_RAW_TEXT_ELEMENTS = ("script", "style", "textarea", "title")
#: A word longer than this (a run PyThaiNLP could not split) may break: better than overflowing a phone.
LONGEST_UNBREAKABLE = 16


def segment(text: str) -> str:
    """Return the text with a space between Thai words; other text is left as it is.

    "ค่าธรรมเนียมเก็บขยะ" becomes "ค่าธรรมเนียม เก็บ ขยะ", so a full-text index finds "ขยะ".
    """
    if not text or not _THAI.search(text):
        return text or ""
    return _THAI_RUN.sub(lambda run: " ".join(word_tokenize(run.group(0), keep_whitespace=False)), text)


@functools.lru_cache(maxsize=4096)
def _marked_run(run: str) -> str:
    words = word_tokenize(run, keep_whitespace=False)
    return "<wbr>".join(
        f'<span class="tw">{word}</span>' if 3 < len(word) <= LONGEST_UNBREAKABLE else word for word in words
    )


def _mark_text(html_text: str) -> str:
    """Mark the Thai words of HTML text (no tags); entities and other scripts are left alone."""
    if not _THAI.search(html_text):
        return html_text
    return _THAI_RUN.sub(lambda run: _marked_run(run.group(0)), html_text)


def keep_together(text) -> SafeString:
    """`text` (escaped) on one line: a date, an amount, a phone number."""
    return format_html('<span class="nobr">{}</span>', text)


def thai_words(text) -> SafeString:
    """Escape `text` (unless it is already safe) and mark its Thai words as unbreakable."""
    return mark_safe(_mark_text(str(conditional_escape(text))))  # noqa: S308 — escaped above; only our own tags added


def _mark_region(match: re.Match) -> str:
    parts = _TAG.split(match.group(0))
    # Odd items are tags; even items are the text between them.
    return "".join(part if index % 2 else _mark_text(part) for index, part in enumerate(parts))


def _keep_phone_numbers(html: str) -> str:
    parts = _TAG.split(html)
    raw = None  # inside <script>, <style> … text is not HTML text: leave it
    for index in range(len(parts)):
        part = parts[index]
        if index % 2:
            name = part[1:].split(None, 1)[0].rstrip(">/").lower() if len(part) > 2 else ""
            if raw is None and name in _RAW_TEXT_ELEMENTS:
                raw = name
            elif raw is not None and name == f"/{raw}":
                raw = None
        elif raw is None and _PHONE.search(part):
            parts[index] = _PHONE.sub(lambda number: f'<span class="nobr">{number.group(0)}</span>', part)
    return "".join(parts)


def typeset(html: str) -> SafeString:
    """Mark the Thai words inside the headings, buttons, labels and menus of an HTML fragment, and
    keep phone numbers on one line.

    Only text between tags changes: tags, attributes, entities and all other elements are kept
    byte for byte, and the visible text (and so what screen readers say) is the same.
    """
    if _THAI.search(html):
        html = _REGION.sub(_mark_region, html)
    if _PHONE.search(html):
        html = _keep_phone_numbers(html)
    return mark_safe(html)  # noqa: S308 — only <span>/<wbr> added to a rendered (safe) template
