"""The office's rich menu: six buttons under the chat (services, report a problem, my requests, contact,
emergency numbers, the website) that open the office's own site in the user's language.

The image is drawn here with Pillow in the Sarabun font the PDFs use (`home.pdf.FONTS`), so no designer
is needed; `publish` creates one menu per language through the SDK, uploads its image to LINE's data
host, makes the Thai one every user's default and deletes the menus it replaces (`manage.py
line_rich_menu <office code>`). A user whose LINE is in English gets the English menu when they add the
account, or when they link a request made in English.
"""

import dataclasses
import io
import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    MessagingApiBlob,
    RichMenuArea,
    RichMenuBounds,
    RichMenuRequest,
    RichMenuSize,
    URIAction,
)
from PIL import Image, ImageDraw, ImageFont

from eforms.models import ServiceCataloguePage
from home.models import ContactPage
from home.pdf import FONTS
from home.site import page_url, site_url
from line import credentials, login
from line.models import RichMenu

logger = logging.getLogger(__name__)

LANGUAGES = ("th", "en")
#: LINE's large rich menu: 2500 × 1686 pixels, here three columns by two rows.
WIDTH, HEIGHT, COLUMNS, ROWS = 2500, 1686, 3, 2
FONT = FONTS / "SarabunReceipt-Bold.ttf"
#: Dark enough for white text at more than 4.5:1.
COLOURS = ["#0b5d3b", "#9a3412", "#1e3a8a", "#5b21b6", "#b91c1c", "#334155"]
CHAT_BAR = {"th": "เมนู", "en": "Menu"}


class RichMenuError(Exception):
    """LINE refused or could not be reached; the message says what to do."""


@dataclasses.dataclass(frozen=True)
class Item:
    label: str  # in the menu's language
    url: str


def _home(office):
    return office.site.root_page.specific.localized


def _first(model, office):
    page = model.objects.live().descendant_of(office.site.root_page).first()
    return page.localized if page is not None else None


def _path(name, office):
    return site_url(page=office.site.root_page) + reverse(name)


def items(office, language) -> list[Item]:
    """The menu's buttons for `office` in `language`, each to the office's own host in that language;
    a page the office does not have falls back to its home page."""
    with translation.override(language):
        home = page_url(_home(office))
        services = _first(ServiceCataloguePage, office)
        contact = _first(ContactPage, office)
        mine = "line:my_requests" if login.for_office(office) is not None else "status:lookup"
        entries = [
            (_("Services"), page_url(services) if services else home),
            (_("Report a problem"), _path("problems:new", office)),
            (_("My requests"), _path(mine, office)),
            (_("Contact us"), page_url(contact) if contact else home),
            (_("Emergency calls"), f"{home}#emergency-heading"),
            (_("Our website"), home),
        ]
        return [Item(str(label), url) for label, url in entries]


# The image -------------------------------------------------------------------------------------------
def _font(size):
    return ImageFont.truetype(str(FONT), size, layout_engine=ImageFont.Layout.RAQM)


def _fit(draw, text, width, size):
    """The largest font (from `size` down) in which `text` fits on one line of `width`."""
    while size > 30 and draw.textlength(text, font=_font(size)) > width:
        size -= 6
    return _font(size)


def draw(menu_items, *, subtitles=()) -> bytes:
    """The menu as a PNG: one coloured cell per button with its label (and, under it, the label in the
    other language when `subtitles` gives it)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    canvas = ImageDraw.Draw(image)
    cell_w, cell_h = WIDTH // COLUMNS, HEIGHT // ROWS
    for index, item in enumerate(menu_items):
        column, row = index % COLUMNS, index // COLUMNS
        box = (column * cell_w, row * cell_h, (column + 1) * cell_w - 1, (row + 1) * cell_h - 1)
        canvas.rectangle(box, fill=COLOURS[index % len(COLOURS)], outline="white", width=6)
        centre_x = box[0] + cell_w // 2
        centre_y = box[1] + cell_h // 2
        subtitle = subtitles[index] if index < len(subtitles) else ""
        font = _fit(canvas, item.label, cell_w - 100, 120)
        canvas.text((centre_x, centre_y - (40 if subtitle else 0)), item.label, font=font, fill="white",
                    anchor="mm")  # fmt: skip
        if subtitle:
            small = _fit(canvas, subtitle, cell_w - 120, 64)
            canvas.text((centre_x, centre_y + 90), subtitle, font=small, fill="#f1f5f9", anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def image_for(office, language) -> bytes:
    other = "en" if language == "th" else "th"
    return draw(items(office, language), subtitles=[item.label for item in items(office, other)])


def request_for(office, language) -> RichMenuRequest:
    cell_w, cell_h = WIDTH // COLUMNS, HEIGHT // ROWS
    areas = [
        RichMenuArea(
            bounds=RichMenuBounds(
                x=(index % COLUMNS) * cell_w, y=(index // COLUMNS) * cell_h, width=cell_w, height=cell_h
            ),
            action=URIAction(label=item.label[:20], uri=item.url),
        )
        for index, item in enumerate(items(office, language))
    ]
    return RichMenuRequest(
        size=RichMenuSize(width=WIDTH, height=HEIGHT),
        selected=False,
        name=f"tambon {office.code} {language}"[:300],
        chatBarText=CHAT_BAR[language],
        areas=areas,
    )


# Talking to LINE ---------------------------------------------------------------------------------------
def _clients(account):
    api = ApiClient(Configuration(host=credentials.api_base(), access_token=account.access_token))
    data = ApiClient(Configuration(host=credentials.data_api_base(), access_token=account.access_token))
    return api, data


def _explain(error) -> str:
    status = getattr(error, "status", None)
    body = (getattr(error, "body", "") or "")[:300]
    return f"LINE answered {status}: {body}" if status else f"LINE could not be reached: {error}"


def publish(account) -> dict:
    """Create the menus (Thai and English) of `account`'s office, upload their images, make the Thai
    one the default, and delete the ones they replace. {language: rich menu id}."""
    office = account.office
    created, timeout = {}, credentials.timeout()
    api_client, data_client = _clients(account)
    with api_client, data_client:
        api, blob = MessagingApi(api_client), MessagingApiBlob(data_client)
        try:
            for language in LANGUAGES:
                menu_id = api.create_rich_menu(
                    request_for(office, language), _request_timeout=timeout
                ).rich_menu_id
                created[language] = menu_id
                # The SDK does not set the content type from `_content_type` here: LINE's own example
                # passes the header.
                blob.set_rich_menu_image(
                    menu_id,
                    image_for(office, language),
                    _headers={"Content-Type": "image/png"},
                    _request_timeout=timeout,
                )
            api.set_default_rich_menu(created["th"], _request_timeout=timeout)
        except Exception as error:  # the SDK's ApiException, or the network
            for menu_id in created.values():  # no half-made menu left behind
                _delete_quietly(api, menu_id)
            raise RichMenuError(_explain(error)) from error
        old = {m.language: m.rich_menu_id for m in RichMenu.objects.filter(office=office)}
        now = timezone.now()
        with transaction.atomic():
            for language, menu_id in created.items():
                RichMenu.objects.update_or_create(
                    office=office, language=language, defaults={"rich_menu_id": menu_id, "published_at": now}
                )
        for menu_id in old.values():
            _delete_quietly(api, menu_id)  # users linked to an old English menu fall back to the default
    return created


def remove(account) -> int:
    """Delete the office's menus on LINE (users then see none); how many."""
    api_client, _data = _clients(account)
    count = 0
    with api_client:
        api = MessagingApi(api_client)
        for menu in RichMenu.objects.filter(office=account.office):
            try:
                api.delete_rich_menu(menu.rich_menu_id, _request_timeout=credentials.timeout())
            except Exception as error:
                status = getattr(error, "status", None)
                if status != 404:  # already gone on LINE: forget it here too
                    raise RichMenuError(_explain(error)) from error
            menu.delete()
            count += 1
    return count


def _delete_quietly(api, menu_id):
    try:
        api.delete_rich_menu(menu_id, _request_timeout=credentials.timeout())
    except Exception as error:
        logger.warning("Could not delete the LINE rich menu %s: %s", menu_id, error)


def link_language(account, line_user_id: str, language: str) -> bool:
    """Give one user the menu in `language` (the default is Thai: nothing to do for Thai). Never raises:
    a menu is a convenience, LINE being down must not fail a webhook or a binding."""
    if not language.startswith("en"):
        return False
    menu = RichMenu.objects.filter(office=account.office, language="en").first()
    if menu is None:
        return False
    api_client, _data = _clients(account)
    try:
        with api_client:
            MessagingApi(api_client).link_rich_menu_id_to_user(
                line_user_id, menu.rich_menu_id, _request_timeout=credentials.timeout()
            )
    except Exception as error:
        logger.warning("Could not link the English rich menu for a LINE user: %s", error)
        return False
    return True


def menu_for_follower(account, line_user_id: str) -> bool:
    """A user added the account: the English menu if their LINE is in English (their profile says)."""
    if not RichMenu.objects.filter(office=account.office, language="en").exists():
        return False
    try:
        language = account.profile_language(line_user_id)
    except Exception as error:
        logger.warning("Could not read a LINE user's profile: %s", error)
        return False
    return link_language(account, line_user_id, language)
