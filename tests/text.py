"""Page text as a reader sees it: the typography marks (one-line spans, word marks) taken out."""

import re

ADDED_MARKS = re.compile(r'<span class="(?:tw|nobr)">|</span>|<wbr>')


def without_marks(html: str) -> str:
    """`html` without the `nobr`/`tw` spans and `<wbr>` the typesetting adds (and other `</span>`s)."""
    return ADDED_MARKS.sub("", html)
