"""What a LINE message looks like: the text, and a button back to the request's status page."""

from django.utils import translation
from django.utils.translation import gettext as _
from linebot.v3.messaging import FlexMessage, TextMessage

#: LINE's limits: a text message holds 5,000 characters, a Flex message's alternative text 400.
TEXT_LIMIT = 4800
ALT_LIMIT = 400


def bubble(text: str, *, title: str = "", url: str = "", language: str = "th", label=None):
    """A Flex bubble: the title in bold, the text, and a button to `url` when there is one ("Open the
    status page" unless `label` says otherwise)."""
    if label is None:
        with translation.override(language):
            label = _("Open the status page")
    body = []
    if title:
        body.append({"type": "text", "text": title[:ALT_LIMIT], "weight": "bold", "wrap": True})
    body.append({"type": "text", "text": text[:TEXT_LIMIT] or "-", "wrap": True, "size": "sm"})
    contents = {
        "type": "bubble",
        "body": {"type": "box", "layout": "vertical", "spacing": "md", "contents": body},
    }
    if url:
        contents["footer"] = {
            "type": "box",
            "layout": "vertical",
            "contents": [
                {
                    "type": "button",
                    "style": "primary",
                    "action": {"type": "uri", "label": label[:40], "uri": url},
                }
            ],
        }
    return FlexMessage.from_dict(
        {"type": "flex", "altText": (title or text)[:ALT_LIMIT], "contents": contents}
    )


def text(value: str):
    return TextMessage(text=value[:TEXT_LIMIT])
