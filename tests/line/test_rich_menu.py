"""The office's rich menu (issue 14, item 4): drawn on our server, published through the real SDK
(create, image on LINE's data host, default, per-user English menu, delete), deep links into the
office's own host in the menu's language; bad input a clear error, never a traceback."""

import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from line import account as accounts
from line import richmenu
from line.models import RichMenu
from tests.line.conftest import USER, bind, connect, deliver

pytestmark = pytest.mark.django_db


def publish():
    out = StringIO()
    call_command("line_rich_menu", "huainamsai", stdout=out)
    return out.getvalue()


@pytest.fixture
def office_code(line_office):
    line_office.code = "huainamsai"
    line_office.save()
    return line_office


def areas(fake, language):
    menu_id = RichMenu.objects.get(language=language).rich_menu_id
    return fake.rich_menus[menu_id]["menu"]["areas"]


def test_the_menu_is_published_in_thai_for_everyone_with_links_into_the_office(fake_line, office_code):
    assert "Published" in publish()
    thai, english = RichMenu.objects.get(language="th"), RichMenu.objects.get(language="en")
    assert fake_line.menu_of(USER) == thai.rich_menu_id  # everyone's default
    for menu in (thai, english):
        stored = fake_line.rich_menus[menu.rich_menu_id]
        image = Image.open(io.BytesIO(stored["image"]))
        assert image.size == (2500, 1686) and stored["content_type"] == "image/png"
        assert len(stored["image"]) < 1024 * 1024
    # The image went to the data host (LINE's api-data), the menu to the API host.
    thai_links = {a["action"]["label"]: a["action"]["uri"] for a in areas(fake_line, "th")}
    english_links = {a["action"]["label"]: a["action"]["uri"] for a in areas(fake_line, "en")}
    assert thai_links["แจ้งปัญหา"] == "http://localhost/th/reports/new/"
    assert english_links["Report a problem"] == "http://localhost/en/reports/new/"
    assert thai_links["คำขอของฉัน"] == "http://localhost/th/status/"  # no LINE Login: the status look-up
    assert english_links["Emergency calls"].endswith("/en/#emergency-heading")
    assert set(thai_links) == {"บริการ", "แจ้งปัญหา", "คำขอของฉัน", "ติดต่อเรา", "เบอร์โทรฉุกเฉิน", "เว็บไซต์ของเรา"}


def test_publishing_again_replaces_the_old_menus(fake_line, office_code):
    publish()
    old = set(RichMenu.objects.values_list("rich_menu_id", flat=True))
    publish()
    new = set(RichMenu.objects.values_list("rich_menu_id", flat=True))
    assert not old & new and set(fake_line.rich_menus) == new
    out = StringIO()
    call_command("line_rich_menu", "huainamsai", "--remove", stdout=out)
    assert fake_line.rich_menus == {} and not RichMenu.objects.exists()


def test_a_user_whose_line_is_in_english_gets_the_english_menu(
    client, fake_line, office_code, django_capture_on_commit_callbacks
):
    publish()
    fake_line.profiles[USER] = {"displayName": "Somchai", "language": "en"}
    thai_user = "U" + "c" * 32
    fake_line.profiles[thai_user] = {"displayName": "สมหญิง", "language": "th"}
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, fake_line, fake_line.follow_event(USER), fake_line.follow_event(thai_user))
    assert fake_line.menu_of(USER) == RichMenu.objects.get(language="en").rich_menu_id
    assert fake_line.menu_of(thai_user) == RichMenu.objects.get(language="th").rich_menu_id


def test_a_citizen_linking_a_request_made_in_english_gets_the_english_menu(
    client, fake_line, office_code, submission, django_capture_on_commit_callbacks
):
    publish()
    submission.language = "en"
    submission.save()
    with django_capture_on_commit_callbacks(execute=True):
        bind(client, fake_line, submission)
    assert fake_line.menu_of(USER) == RichMenu.objects.get(language="en").rich_menu_id


def test_line_down_when_a_user_follows_changes_nothing_and_the_webhook_answers(
    client, fake_line, office_code, django_capture_on_commit_callbacks
):
    publish()
    fake_line.profiles[USER] = {"displayName": "Somchai", "language": "en"}
    fake_line.fail_next(500)
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(client, fake_line, fake_line.follow_event(USER)).status_code == 200
    assert fake_line.menu_of(USER) == RichMenu.objects.get(language="th").rich_menu_id


def test_bad_input_is_a_clear_error(fake_line, office_code, settings):
    with pytest.raises(CommandError, match="No office has the code"):
        call_command("line_rich_menu", "nowhere", stdout=StringIO())
    fake_line.fail_next(500)
    with pytest.raises(CommandError, match="LINE answered 500"):
        publish()
    assert fake_line.rich_menus == {} and not RichMenu.objects.exists()  # nothing half-made
    # The menu is made, but LINE's data host cannot be reached for its image: the menu is deleted again,
    # and the menu published before stays everyone's default.
    publish()
    before = set(RichMenu.objects.values_list("rich_menu_id", flat=True))
    settings.LINE_API_DATA_BASE = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(CommandError, match="could not be reached"):
        publish()
    assert set(fake_line.rich_menus) == before == set(RichMenu.objects.values_list("rich_menu_id", flat=True))
    assert fake_line.menu_of(USER) in before


def test_an_office_without_line_gets_a_clear_error(fake_line, site_pages):
    from offices.lookup import default_office  # noqa: PLC0415

    office = default_office()
    with pytest.raises(CommandError, match="no LINE Official Account"):
        call_command("line_rich_menu", office.code, stdout=StringIO())


def test_the_preview_draws_both_images_without_calling_line(fake_line, office_code, tmp_path):
    call_command("line_rich_menu", "huainamsai", "--preview", str(tmp_path), stdout=StringIO())
    assert Image.open(tmp_path / "rich-menu-th.png").size == (2500, 1686)
    assert (tmp_path / "rich-menu-en.png").exists() and fake_line.requests == []


def test_thai_labels_are_drawn_with_a_thai_font(office_code):
    """Not boxes: the Thai label's pixels differ from those of a string of unknown characters."""
    label = richmenu.Item("เบอร์โทรฉุกเฉิน", "https://x")
    tofu = richmenu.Item("\uffff" * 10, "https://x")
    assert richmenu.draw([label]) != richmenu.draw([tofu])
    assert accounts.for_office(office_code) is not None
    assert connect  # the fixture module's helper stays importable here


# From the admin (Settings › LINE menu) ------------------------------------------------------------------
MENU_PAGE = "/admin/line/menu/"


def test_an_administrator_publishes_the_menu_from_the_admin(client, fake_line, office_code, administrator):
    client.force_login(administrator)
    page = client.get(MENU_PAGE).content.decode()
    assert "ยังไม่ได้เผยแพร่" in page and "/th/reports/new/" in page
    response = client.post(MENU_PAGE, {"office": office_code.pk}, follow=True)
    assert "เผยแพร่เมนู LINE ของ" in response.content.decode()
    assert fake_line.menu_of(USER) == RichMenu.objects.get(language="th").rich_menu_id
    assert "เผยแพร่เมื่อ" in client.get(MENU_PAGE).content.decode()


def test_line_down_from_the_admin_is_a_message_and_the_old_menu_stays(
    client, fake_line, office_code, administrator
):
    publish()
    before = fake_line.menu_of(USER)
    client.force_login(administrator)
    fake_line.fail_next(503)
    response = client.post(MENU_PAGE, {"office": office_code.pk}, follow=True)
    assert response.status_code == 200 and "LINE ไม่รับเมนูใหม่" in response.content.decode()
    assert fake_line.menu_of(USER) == before


def test_bad_input_and_officers_on_the_menu_page(
    client, fake_line, office_code, administrator, permit_officer
):
    client.force_login(administrator)
    for data in ({"office": "x"}, {"office": "999999"}, {}):
        response = client.post(MENU_PAGE, data, follow=True)
        assert response.status_code == 200 and "คุณใช้บัญชี LINE ของสำนักงานนั้นไม่ได้" in response.content.decode()
    assert fake_line.rich_menus == {}
    client.force_login(permit_officer)  # an officer may not change the office's LINE settings
    assert client.get(MENU_PAGE).status_code in (302, 403)
    assert client.post(MENU_PAGE, {"office": office_code.pk}).status_code in (302, 403)
    assert fake_line.rich_menus == {}
