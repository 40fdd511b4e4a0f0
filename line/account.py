"""An office's LINE Official Account, ready to use — or None: an office without a complete LINE
configuration has no LINE anywhere (no panel, no link, its webhook answers 404).

Every call to LINE goes through the official SDK (`line-bot-sdk`, Messaging API v3) pointed at
`LINE_API_BASE`, so tests drive the real SDK against a fake LINE platform on loopback.
"""

import dataclasses
import uuid
from urllib.parse import quote

from linebot.v3 import WebhookParser
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
)

from line import credentials
from line.models import LineSettings

#: Namespace of the retry keys: one per outbox message, the same on every try (LINE sends it once).
RETRY_NAMESPACE = uuid.UUID("6f1c2a34-2b1e-4f0e-9d55-6c0f3e1b7a10")


@dataclasses.dataclass(frozen=True)
class Account:
    office: object
    basic_id: str
    channel_secret: str
    access_token: str

    def add_friend_url(self) -> str:
        return f"https://line.me/R/ti/p/{quote(self.basic_id)}"

    def message_url(self, text: str) -> str:
        """Opens the chat with the account (adding it first if needed) with `text` typed in."""
        return f"https://line.me/R/oaMessage/{quote(self.basic_id)}/?{quote(text)}"

    def parser(self) -> WebhookParser:
        return WebhookParser(self.channel_secret)

    def _api(self):
        configuration = Configuration(host=credentials.api_base(), access_token=self.access_token)
        return ApiClient(configuration)

    def push(self, to: str, messages, retry_key: str = ""):
        with self._api() as client:
            MessagingApi(client).push_message(
                PushMessageRequest(to=to, messages=messages),
                x_line_retry_key=retry_key or None,
                _request_timeout=credentials.timeout(),
            )

    def profile_language(self, user_id: str) -> str:
        """The language of the user's LINE ("th", "en", …; "" when LINE does not say)."""
        with self._api() as client:
            profile = MessagingApi(client).get_profile(user_id, _request_timeout=credentials.timeout())
        return profile.language or ""

    def reply(self, reply_token: str, messages):
        with self._api() as client:
            MessagingApi(client).reply_message(
                ReplyMessageRequest(reply_token=reply_token, messages=messages),
                _request_timeout=credentials.timeout(),
            )


def for_office(office) -> Account | None:
    if office is None:
        return None
    config = LineSettings.for_office(office)
    secret = credentials.credential(credentials.SECRET, office)
    token = credentials.credential(credentials.ACCESS_TOKEN, office)
    if not (config.basic_id and secret and token):
        return None
    return Account(office=office, basic_id=config.basic_id, channel_secret=secret, access_token=token)


def retry_key(message) -> str:
    return str(uuid.uuid5(RETRY_NAMESPACE, f"{message.pk}:{message.created_at.isoformat()}"))
