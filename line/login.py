"""Sign in with LINE (LINE Login v2.1, OpenID Connect) as an optional citizen identity: not a Django
user and never a way into the admin — only a LINE user id in this browser's session, for one office.

The authorization-code flow: `authorize_url` (with `state` and `nonce` kept in the session), then
`exchange` at LINE's token endpoint and `verify_id_token` (HS256 with the LINE Login channel's secret:
LINE's signature for web logins; issuer, audience, expiry and nonce checked).
"""

import base64
import dataclasses
import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request

from line import credentials
from line.models import LineSettings

ISSUER = "https://access.line.me"
LOGIN_SECRET = "LINE_LOGIN_CHANNEL_SECRET"
SESSION_KEY = "line_login"
FLOW_KEY = "line_login_flow"


class LoginError(Exception):
    pass


@dataclasses.dataclass(frozen=True)
class LoginChannel:
    office: object
    channel_id: str
    secret: str

    def authorize_url(self, redirect_uri: str, state: str, nonce: str, language: str) -> str:
        query = urllib.parse.urlencode(
            {
                "response_type": "code",
                "client_id": self.channel_id,
                "redirect_uri": redirect_uri,
                "state": state,
                "nonce": nonce,
                "scope": "openid profile",
                "ui_locales": language,
            }
        )
        return f"{login_base()}/oauth2/v2.1/authorize?{query}"

    def exchange(self, code: str, redirect_uri: str) -> str:
        """The ID token for an authorization code."""
        data = urllib.parse.urlencode(
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "client_id": self.channel_id,
                "client_secret": self.secret,
            }
        ).encode()
        request = urllib.request.Request(
            f"{credentials.api_base()}/oauth2/v2.1/token",
            data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=credentials.timeout()) as response:  # noqa: S310 — https or the test's loopback
                return json.loads(response.read())["id_token"]
        except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
            raise LoginError(f"token endpoint: {error}") from error

    def verify_id_token(self, token: str, nonce: str, now=None) -> dict:
        try:
            header_b64, payload_b64, signature_b64 = token.split(".")
            header = json.loads(_unb64(header_b64))
            claims = json.loads(_unb64(payload_b64))
            signature = _unb64(signature_b64)
        except (ValueError, TypeError) as error:
            raise LoginError("malformed ID token") from error
        if header.get("alg") != "HS256":
            raise LoginError("unexpected algorithm")
        expected = hmac.new(
            self.secret.encode(), f"{header_b64}.{payload_b64}".encode(), hashlib.sha256
        ).digest()
        if not hmac.compare_digest(expected, signature):
            raise LoginError("bad signature")
        now = now or time.time()
        if claims.get("iss") != ISSUER or claims.get("aud") != self.channel_id:
            raise LoginError("wrong issuer or audience")
        if not isinstance(claims.get("exp"), int | float) or claims["exp"] < now:
            raise LoginError("expired")
        if not nonce or not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
            raise LoginError("wrong nonce")
        if not claims.get("sub"):
            raise LoginError("no subject")
        return claims


def _unb64(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def login_base() -> str:
    return credentials.setting("LINE_LOGIN_BASE", "") or ISSUER


def for_office(office) -> LoginChannel | None:
    if office is None:
        return None
    channel_id = LineSettings.for_office(office).login_channel_id
    secret = credentials.credential(LOGIN_SECRET, office)
    if not (channel_id and secret):
        return None
    return LoginChannel(office=office, channel_id=channel_id, secret=secret)


def start(session) -> tuple[str, str]:
    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    session[FLOW_KEY] = {"state": state, "nonce": nonce, "at": time.time()}
    return state, nonce


def finish(session, channel, *, state: str, code: str, redirect_uri: str) -> dict:
    """Check the callback against the flow this browser started, then the ID token; sign in."""
    flow = session.pop(FLOW_KEY, None) or {}
    if not flow or not state or not hmac.compare_digest(flow.get("state", ""), state):
        raise LoginError("state does not match")
    if time.time() - flow.get("at", 0) > 600:
        raise LoginError("sign-in took too long")
    claims = channel.verify_id_token(channel.exchange(code, redirect_uri), flow["nonce"])
    session[SESSION_KEY] = {
        "office": channel.office.pk,
        "sub": claims["sub"],
        "name": claims.get("name", "")[:100],
    }
    session.cycle_key()
    return claims


def signed_in_user(session, office) -> str:
    """The LINE user id signed in on this browser for `office`, or ""."""
    data = session.get(SESSION_KEY) or {}
    return data.get("sub", "") if office is not None and data.get("office") == office.pk else ""
