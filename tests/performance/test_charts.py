"""The SVG charts on their own: an image named by its title, no bar for a hidden count, text for what
has no figure, a scale on round numbers, labels escaped."""

import re

from performance import charts


def test_columns_hide_small_counts_and_escape_labels():
    svg = charts.columns(
        [("ต.ค.", "2569"), ("<b>",)],
        [[7, None], [0, 3]],
        title="คำขอ & เดือน",
        desc="ตารางอยู่ข้าง ๆ",
        series_labels=["รับ", "พิจารณาแล้ว"],
    )
    assert svg.startswith("<svg") and 'role="img"' in svg and "aria-labelledby" in svg
    assert "<title" in svg and "คำขอ &amp; เดือน" in svg and "&lt;b&gt;" in svg and "<b>" not in svg
    assert svg.count("&lt;5") == 1  # the one hidden count, at the foot of its missing bar
    bars = re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg)
    assert len(bars) == 3 + 2  # 7, 0 and 3 (no bar for the hidden one) and the legend's two swatches
    assert ">8</text>" in svg  # 7 is drawn on a scale to 8 (4 × 2)


def test_bars_write_text_instead_of_a_bar_and_draw_the_target():
    svg = charts.bars(
        [("ความรวดเร็ว", 82.5), ("ความชัดเจน", "–"), ("โดยรวม", None)],
        title="t",
        desc="d",
        unit=" %",
        maximum=100,
        target=80,
        target_label="เป้าหมาย 80 %",
    )
    assert "82.5 %" in svg and ">–</text>" in svg and "&lt;5" in svg and "เป้าหมาย 80 %" in svg
    assert "stroke-dasharray" in svg and "style=" not in svg
