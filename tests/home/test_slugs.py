"""Every page gets a readable Latin address from its Thai title, and a slug problem shows where the
editor is (the slug sits on the Promote tab; the editor publishes from the Content tab)."""

import re

import pytest
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.admin_forms import LatinSlugFormMixin
from home.models import InformationPage
from home.slugs import available_slug, latin_slug
from tests.home.factories import add_information_page

LATIN_WORDS = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def test_a_thai_title_gives_a_readable_latin_slug():
    assert latin_slug("ขอใบอนุญาตก่อสร้าง") == "kho-bainuyat-kotrang"  # a dash between words
    assert latin_slug("ภาษีป้าย ๒๕๖๙") == "phasi-pai-2569"  # Thai digits too
    assert latin_slug("ข่าว LINE OA") == "khao-line-oa"


def test_brackets_and_punctuation_never_make_a_dash_only_slug():
    assert LATIN_WORDS.fullmatch(latin_slug("(ทดสอบ)"))
    assert latin_slug("((( )))") == ""  # nothing to make one from: the editor is asked (below)


def test_a_long_title_is_cut_between_words():
    slug = latin_slug("เทศบาลตำบลดอยงาม " * 10)
    assert len(slug) <= 80 and LATIN_WORDS.fullmatch(slug)


@pytest.mark.django_db
def test_a_slug_in_use_among_the_siblings_gets_a_number(thai_home):
    add_information_page(thai_home, "ทดสอบ", "thotsop")
    add_information_page(thai_home, "ทดสอบ", "thotsop-2")
    assert available_slug("thotsop", thai_home) == "thotsop-3"
    assert available_slug("other", thai_home) == "other"


@pytest.mark.django_db
def test_a_page_made_in_code_without_a_slug_gets_one_from_its_title(thai_home):
    page = InformationPage(title="ขอใบอนุญาตก่อสร้าง")
    thai_home.add_child(instance=page)
    assert page.slug == "kho-bainuyat-kotrang"


def test_every_page_type_makes_latin_slugs():
    for model in get_page_models():
        if model is Page:
            continue
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, LatinSlugFormMixin), model


def add_page(client, parent, title, slug="", action="action-publish"):
    return client.post(
        f"/admin/pages/add/home/informationpage/{parent.pk}/",
        nested_form_data(
            {"title": title, "slug": slug, "introduction": "", "body": streamfield([]), action: "เผยแพร่"}
        ),
    )


def tab_of(html, text):
    """The id of the tab that shows `text` in an edit form's HTML."""
    tabs = [
        tab for tab in re.finditer(r'<section\s+id="(tab-[^"]+)"', html) if tab.start() < html.index(text)
    ]
    return tabs[-1].group(1)


@pytest.fixture
def editor(client, communications_user):
    client.force_login(communications_user)
    return client


@pytest.mark.django_db
def test_publishing_a_page_with_a_thai_title_gives_it_a_latin_address(editor, thai_home):
    # Wagtail's script empties the slug of a Thai title; the server makes it from the title.
    response = add_page(editor, thai_home, "ขอใบอนุญาตก่อสร้าง")
    assert response.status_code == 302, response.context["form"].errors
    page = InformationPage.objects.get(title="ขอใบอนุญาตก่อสร้าง")
    assert page.live and page.slug == "kho-bainuyat-kotrang"
    assert editor.get("/th/kho-bainuyat-kotrang/").status_code == 200

    # The same title again, saved as a draft: the next free address.
    assert add_page(editor, thai_home, "ขอใบอนุญาตก่อสร้าง", action="action-save").status_code == 302
    assert InformationPage.objects.filter(slug="kho-bainuyat-kotrang-2").exists()


@pytest.mark.django_db
def test_a_title_in_brackets_never_goes_live_at_a_dash_only_address(editor, thai_home):
    response = add_page(editor, thai_home, "(ทดสอบ)", slug="--")  # what the script left
    assert response.status_code == 302
    slug = InformationPage.objects.get(title="(ทดสอบ)").slug
    assert LATIN_WORDS.fullmatch(slug)


@pytest.mark.django_db
def test_the_editor_chooses_the_slug_and_a_thai_one_is_romanised(editor, thai_home):
    assert add_page(editor, thai_home, "ขอใบอนุญาตก่อสร้าง", slug="building-permit").status_code == 302
    assert InformationPage.objects.filter(slug="building-permit").exists()
    assert add_page(editor, thai_home, "ประกาศ", slug="ทดสอบ").status_code == 302
    assert InformationPage.objects.get(title="ประกาศ").slug == latin_slug("ทดสอบ")
    assert add_page(editor, thai_home, "ข่าว", slug="Road works").status_code == 302
    assert InformationPage.objects.get(title="ข่าว").slug == "road-works"


@pytest.mark.django_db
def test_a_slug_error_shows_on_the_title_too_in_thai(editor, thai_home):
    add_information_page(thai_home, "เกี่ยวกับเทศบาล", "about")
    response = add_page(editor, thai_home, "เกี่ยวกับเรา", slug="about")
    assert response.status_code == 200
    form = response.context["form"]
    assert "slug" in form.errors
    assert "title" in form.errors  # on the Content tab, where the editor pressed Publish
    assert "การค้นหาและเมนู" in form.errors["title"][0]  # names the Promote tab as the admin shows it
    assert "about" in form.errors["title"][0]
    assert not re.search(r"[A-Za-z]{4,}", form.errors["title"][0].replace("about", ""))  # Thai only
    html = response.text
    assert tab_of(html, "ตรวจสอบ “ชื่อในลิงก์”") == tab_of(html, 'name="title"') != tab_of(html, 'name="slug"')

    response = add_page(editor, thai_home, "(((!)))")  # nothing to make a slug from
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors and "title" in response.context["form"].errors
    assert not InformationPage.objects.filter(title="(((!)))").exists()


@pytest.mark.django_db
def test_a_page_already_at_a_dash_only_address_moves_when_next_saved(
    editor, thai_home, django_capture_on_commit_callbacks
):
    page = add_information_page(thai_home, "(ทดสอบ)", "--")
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail adds the redirect on commit
        response = editor.post(
            f"/admin/pages/{page.pk}/edit/",
            nested_form_data(
                {
                    "title": "(ทดสอบ)",
                    "slug": "--",
                    "introduction": "",
                    "body": streamfield([]),
                    "action-publish": "1",
                }
            ),
        )
    assert response.status_code == 302
    page.refresh_from_db()
    assert LATIN_WORDS.fullmatch(page.slug)
    old = editor.get("/th/--/")
    assert old.status_code in (301, 302) and old["Location"].endswith(f"/th/{page.slug}/")
