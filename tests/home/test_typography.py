"""Thai typography and page structure: word marks, dates, amounts and phone numbers on one line,
headings in outline, and the status link in every header and footer."""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from home.blocks import outline_headings
from home.thai_text import typeset
from tests.home.factories import add_information_page
from tests.text import without_marks


def test_thai_words_in_headings_buttons_labels_and_menus_are_kept_whole():
    html = typeset(
        '<h1 class="x">ตรวจสอบคำตอบ</h1><button type="submit">ส่งคำขอ</button>'
        '<nav aria-label="เมนูหลัก"><a href="/th/">ผู้ช่วยนายก</a></nav><p>ใบอนุญาตประกอบกิจการ</p>'
        '<a class="button eforms-start" href="apply/">เริ่มยื่นคำขอ</a><a href="/th/about/">เกี่ยวกับเทศบาล</a>'
    )
    assert '<h1 class="x"><span class="tw">ตรวจสอบ</span><wbr><span class="tw">คำตอบ</span></h1>' in html
    assert '<button type="submit">ส่ง<wbr><span class="tw">คำขอ</span></button>' in html  # short words bare
    assert '<a href="/th/"><span class="tw">ผู้ช่วย</span><wbr><span class="tw">นายก</span></a>' in html
    assert 'aria-label="เมนูหลัก"' in html  # attributes are not text
    assert (
        '<a class="button eforms-start" href="apply/"><span class="tw">เริ่ม</span><wbr>' in html
    )  # a button too
    assert "<p>ใบอนุญาตประกอบกิจการ</p>" in html  # running text is left to the browser
    assert '<a href="/th/about/">เกี่ยวกับเทศบาล</a>' in html


def test_typesetting_only_adds_marks():
    """Remove the marks and the page is what the template wrote, byte for byte."""
    page = (
        '<!DOCTYPE html><html lang="th"><head><title>คำขอ &amp; คำตอบ</title>'
        '<script type="application/ld+json">{"name": "ร้านค้า", "telephone": "053-123-499"}</script></head>'
        '<body><label for="q">ค้นหาในเว็บไซต์ &ldquo;ขยะ&rdquo;</label><input id="q" value="คำตอบ 081 234 5678">'
        "<th scope=col>ผู้ยื่นคำขอ</th><summary>คำถามที่พบบ่อย (FAQ)</summary>"
        "<p>โทร 053-123-499 หรือ 08 1234 5678</p><textarea>053-123-499</textarea></body></html>"
    )
    marked = typeset(page)
    assert marked != page
    assert without_marks(marked) == page
    assert '"telephone": "053-123-499"' in marked and "<textarea>053-123-499</textarea>" in marked
    assert (
        '<p>โทร <span class="nobr">053-123-499</span> หรือ <span class="nobr">08 1234 5678</span></p>'
        in marked
    )


def test_a_text_without_thai_or_phone_numbers_is_untouched():
    page = "<h1>Pay the fee</h1><p>Reference GF-69-000001, 24 hours a day</p>"
    assert typeset(page) == page


def render(source, autoescape=True, **context):
    if not autoescape:
        source = "{% autoescape off %}" + source + "{% endautoescape %}"
    return Template("{% load tambon_tags payments_tags eforms_tags %}" + source).render(Context(context))


def test_amounts_stay_on_one_line_in_html_and_plain_in_emails():
    with translation.override("th"):
        assert render("{{ fee|satang }}", fee=50000) == '<span class="nobr">500 บาท</span>'
        assert render("{{ fee|satang }}", autoescape=False, fee=50000) == "500 บาท"
        assert render("{{ fee|baht }}", fee=Decimal("1200")) == '<span class="nobr">1,200 บาท</span>'
        assert render("{{ fee|baht }}", autoescape=False, fee=Decimal("1200")) == "1,200 บาท"
        assert render("{{ fee|satang }}", fee=None) == ""


def test_headings_in_a_stream_never_skip_a_level():
    # An h3 straight after the page's h1 becomes an h2; one under it may stay h3, an h5 becomes h4.
    html, last = outline_headings('<h3 id="a">หนึ่ง</h3><p>x</p><h3>สอง</h3><h5>สาม</h5>', 1)
    assert html == '<h2 id="a">หนึ่ง</h2><p>x</p><h3>สอง</h3><h4>สาม</h4>' and last == 4


@pytest.mark.django_db
def test_an_information_page_s_blocks_follow_the_outline(client, thai_home):
    card = {"name": "งานทะเบียน", "role": "", "phone": "053-123-499", "email": "", "hours": ""}
    body = [
        ("contact_card", card),  # straight after the h1: an h2, not an h3
        ("heading", {"text": "ขั้นตอน", "level": "h3"}),  # a "subsection" with no section: h2
        ("paragraph", "<h4>เอกสาร</h4><p>สำเนาบัตรประชาชน</p>"),  # h3 under it
        ("contact_card", card),  # under that h3: an h4
        ("heading", {"text": "คำถาม", "level": "h2"}),
        (
            "accordion",
            {"title": "คำถามที่พบบ่อย", "items": [{"question": "ค่าธรรมเนียม?", "answer": "<p>ไม่มี</p>"}]},
        ),
    ]
    page = add_information_page(thai_home, "ศูนย์บริการร่วม", "one-stop", body=body)
    html = client.get(page.url).text
    main = html[html.index("<main") : html.index("</main>")]
    assert re.findall(r"<h([1-6])", main) == ["1", "2", "2", "3", "4", "2", "3"]


@pytest.mark.django_db
def test_every_page_links_to_the_status_page_in_its_header_and_footer(client, thai_home, english_home):
    """Whatever the editors put in the menus (here: nothing), and on pages that are not Wagtail's."""
    for path, label, status in [
        ("/th/", "ติดตามคำขอ", "/th/status/"),
        ("/en/", "Track your request", "/en/status/"),
        ("/th/search/?query=ขยะ", "ติดตามคำขอ", "/th/status/"),
    ]:
        html = client.get(path).text
        header = html[html.index("<header") : html.index("</header>")]
        footer = html[html.index("<footer") : html.index("</footer>")]
        link = f'<a class="track-link" href="{status}">{label}</a>'
        assert link in header, path
        assert f'<a href="{status}">{label}</a>' in footer, path


@pytest.mark.django_db
def test_the_site_typesets_thai_unless_turned_off(client, thai_home, settings):
    settings.TAMBON_TYPESET = True
    assert '<span class="tw">' in client.get("/th/").text
    settings.TAMBON_TYPESET = False  # as in the test settings, for tests that look for plain text
    assert '<span class="tw">' not in client.get("/th/").text
