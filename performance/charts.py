"""Small bar charts drawn on the server as SVG: readable without JavaScript, a few kilobytes each.

Each chart is an image to assistive technology (`role="img"` named by its `<title>`, described by its
`<desc>`); the figures themselves are in the data table the page puts beside it, which is what a screen
reader reads. Only numbers and escaped labels go into the markup, and no `style` attribute (the site's
Content-Security-Policy). A value hidden by the small-count rule (None) gets no bar, only the mark
"<5" at its foot, as the table says "fewer than 5".
"""

import itertools
from html import escape

COLOURS = ("#2e1f5e", "#1b7a3a", "#8a4b00")  # 3:1 or more against white (WCAG 1.4.11)
TEXT = "#333"
GRID = "#d9d9d9"
HIDDEN_MARK = "<5"
_ids = itertools.count(1)


def _open(width, height, title, desc, name):
    ident = f"chart-{name}-{next(_ids)}"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="statistics-chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{ident}-t {ident}-d" focusable="false">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
    ]


def _legend(series_labels, x, y):
    parts = []
    for index, label in enumerate(series_labels):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 17}" y="{y}" font-size="13" fill="{TEXT}">{escape(label)}</text>'
        )
        x += 30 + 9 * len(label)
    return parts


def _nice_peak(values):
    """The top of the scale: the smallest 4 × (1, 2 or 5) × 10^n at or above the largest value, so the
    four grid lines fall on round numbers."""
    peak = max([v for v in values if v is not None] + [1])
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if 4 * step * magnitude >= peak:
                return 4 * step * magnitude
        magnitude *= 10


def columns(categories, series, *, title, desc, series_labels, name="columns"):
    """Grouped vertical bars: `categories` is a list of labels, each one or two lines (a tuple);
    `series` a list of value lists, one per entry of `series_labels`."""
    width, height, left, right, top, bottom = 420, 250, 34, 4, 34, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_peak([v for values in series for v in values])
    step = plot_w / max(len(categories), 1)
    bar = step * 0.8 / max(len(series), 1)
    base = top + plot_h
    parts = _open(width, height, title, desc, name)
    for tick in range(5):
        value = peak * tick // 4
        y = base - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="13" text-anchor="end" fill="{TEXT}">{value}</text>'
        )
    for index, label in enumerate(categories):
        x0 = left + index * step + step * 0.1
        for number, values in enumerate(series):
            value = values[index]
            x = x0 + number * bar
            if value is None:
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{base - 3}" font-size="11" text-anchor="middle" '
                    f'fill="{TEXT}">{escape(HIDDEN_MARK)}</text>'
                )
                continue
            h = plot_h * value / peak
            parts.append(
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar * 0.92:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[number % len(COLOURS)]}"/>'
            )
        lines = label if isinstance(label, tuple) else (label,)
        for line_number, line in enumerate(lines):
            parts.append(
                f'<text x="{left + index * step + step / 2:.1f}" y="{base + 16 + 14 * line_number}" '
                f'font-size="13" text-anchor="middle" fill="{TEXT}">{escape(str(line))}</text>'
            )
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#555"/>')
    parts += _legend(series_labels, left, 18)
    parts.append("</svg>")
    return "".join(parts)


def bars(rows, *, title, desc, unit="", maximum=None, target=None, target_label="", name="bars"):
    """Horizontal bars, one per (label, value) of `rows` (a text value is written instead of a bar, e.g.
    "–" for no answers); `maximum` fixes the scale (100 for shares),
    `target` draws a dashed line at that value with `target_label`."""
    label_w, width, row_h, top = 120, 420, 30, 30 if target is not None else 8
    height = top + row_h * len(rows) + 8
    plot_w = width - label_w - 62
    peak = maximum or _nice_peak([value for _label, value in rows if not isinstance(value, str)])
    parts = _open(width, height, title, desc, name)
    for index, (label, value) in enumerate(rows):
        y = top + index * row_h
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 19}" font-size="13" text-anchor="end" fill="{TEXT}">'
            f"{escape(str(label))}</text>"
        )
        if value is None or isinstance(value, str):
            note = HIDDEN_MARK if value is None else value
            parts.append(
                f'<text x="{label_w + 4}" y="{y + 19}" font-size="13" fill="{TEXT}">{escape(note)}</text>'
            )
            continue
        w = plot_w * min(value, peak) / peak
        shown = f"{value:g}{unit}"
        parts.append(
            f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{COLOURS[0]}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 19}" font-size="13" fill="{TEXT}">{escape(shown)}</text>'
        )
    parts.append(f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{height - 8}" stroke="#555"/>')
    if target is not None:
        x = label_w + plot_w * min(target, peak) / peak
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 8}" stroke="#8a1111" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{x:.1f}" y="{top - 10}" font-size="13" text-anchor="middle" fill="#8a1111">'
            f"{escape(target_label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
