"""A small fake of the LINE platform for the endpoints Tambon calls, so tests drive the real
`line-bot-sdk` over HTTP: push and reply messages (with LINE's retry keys and single-use reply
tokens) and user profiles, each answered only for a known channel access token. It also writes the
webhook deliveries LINE would send, signed with a channel secret as LINE signs them, and plays LINE
Login: the consent (`authorize`) and the token endpoint with an ID token signed by a test key.

Rich menus: create, list, delete, set the default, link one to a user (on the API host) and upload a
menu's image (only on the data host, `data_url`, as LINE serves uploads from api-data.line.me).

Failure injection: `fail_next(status)` answers the next requests with an error (500: down, 429: rate
limited); `block(user_id)` is a user who blocked the account (LINE then delivers an `unfollow` event).
"""

import base64
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlparse


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt_hs256(claims: dict, key: str) -> str:
    """An ID token as LINE Login signs it for web logins (HS256 with the channel secret)."""
    head = _b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    body = _b64(json.dumps(claims).encode())
    signature = hmac.new(key.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64(signature)}"


class FakeLine:
    def __init__(self, tokens=()):
        self.tokens = set(tokens)  # channel access tokens of the accounts this platform knows
        self.pushed: list[dict] = []  # {"token", "to", "messages", "retry_key"}
        self.replied: list[dict] = []  # {"token", "reply_token", "messages"}
        self.reply_tokens: dict[str, str] = {}  # reply token -> user id (valid once)
        self.retry_keys: set[str] = set()
        self.profiles: dict[str, dict] = {}
        self.requests: list[tuple[str, str]] = []
        self._failures: list[int] = []
        # LINE Login: {channel id: secret} of the login channels, codes waiting for the token endpoint.
        self.login_channels: dict[str, str] = {}
        self.codes: dict[str, dict] = {}
        # Rich menus: {id: {"token", "menu", "image", "content_type"}}, the default per access token,
        # the menu linked to each user per access token.
        self.rich_menus: dict[str, dict] = {}
        self.default_menu: dict[str, str] = {}
        self.user_menus: dict[tuple[str, str], str] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler(data_host=False))
        self.data_server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler(data_host=True))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.data_url = f"http://127.0.0.1:{self.data_server.server_address[1]}"
        self.threads = [
            threading.Thread(target=server.serve_forever, daemon=True)
            for server in (self.server, self.data_server)
        ]

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        for server in (self.server, self.data_server):
            server.shutdown()
            server.server_close()

    def fail_next(self, status=500, times=1):
        self._failures.extend([status] * times)

    # What LINE sends to the webhook ----------------------------------------------------------------
    def _event(self, kind, user_id, **extra):
        event = {
            "type": kind,
            "mode": "active",
            "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": user_id},
            "webhookEventId": f"01FAKE{next(self._ids):020d}",
            "deliveryContext": {"isRedelivery": False},
            **extra,
        }
        if kind in ("message", "follow"):
            token = f"rt{next(self._ids):010d}"
            self.reply_tokens[token] = user_id
            event["replyToken"] = token
        return event

    def text_event(self, user_id, text):
        message = {"id": str(next(self._ids)), "type": "text", "text": text, "quoteToken": "q"}
        return self._event("message", user_id, message=message)

    def unfollow_event(self, user_id):
        return self._event("unfollow", user_id)

    def follow_event(self, user_id):
        return self._event("follow", user_id, follow={"isUnblocked": False})

    @staticmethod
    def body(*events, destination="Ufakebot"):
        return json.dumps({"destination": destination, "events": list(events)}, ensure_ascii=False)

    @staticmethod
    def sign(body: str, secret: str) -> str:
        digest = hmac.new(secret.encode(), body.encode("utf-8"), hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    # Reading what was sent -------------------------------------------------------------------------
    def texts(self, entries=None) -> list[str]:
        """Every text a user could read in the messages pushed or replied (Flex texts included)."""
        found = []

        def walk(node):
            if isinstance(node, dict):
                if node.get("type") == "text" and "text" in node:
                    found.append(node["text"])
                for key, value in node.items():
                    if key != "altText":
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        for entry in entries if entries is not None else self.pushed + self.replied:
            walk(entry["messages"])
        return found

    @staticmethod
    def buttons(entry) -> list[dict]:
        found = []

        def walk(node):
            if isinstance(node, dict):
                if node.get("type") == "uri":
                    found.append(node)
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(entry["messages"])
        return found

    # LINE Login ------------------------------------------------------------------------------------
    def authorize(
        self, authorize_url, user_id, name="สมชาย", *, signing_key=None, nonce=None, expires_in=600
    ):
        """The citizen agrees on LINE's consent page: the URL LINE sends the browser back to. The ID
        token is signed with the login channel's secret (HS256) unless `signing_key` says otherwise."""
        query = dict(parse_qsl(urlparse(authorize_url).query))
        code = f"code{next(self._ids):08d}"
        now = int(time.time())
        claims = {
            "iss": "https://access.line.me",
            "sub": user_id,
            "aud": query["client_id"],
            "exp": now + expires_in,
            "iat": now,
            "nonce": nonce if nonce is not None else query["nonce"],
            "name": name,
        }
        key = signing_key or self.login_channels[query["client_id"]]
        self.codes[code] = {"id_token": jwt_hs256(claims, key), "client_id": query["client_id"],
                            "redirect_uri": query["redirect_uri"]}  # fmt: skip
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"

    def _token(self, form):
        grant = self.codes.pop(form.get("code", ""), None)
        if (
            grant is None
            or form.get("client_id") != grant["client_id"]
            or form.get("client_secret") != self.login_channels.get(grant["client_id"])
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return 400, {"error": "invalid_grant"}
        return 200, {"access_token": "at", "token_type": "Bearer", "expires_in": 2592000,
                     "id_token": grant["id_token"], "scope": "openid profile"}  # fmt: skip

    # Rich menus ------------------------------------------------------------------------------------
    def menu_of(self, user_id, token=None) -> str | None:
        """The menu `user_id` sees: the one linked to them, else the account's default."""
        token = token or next(iter(self.tokens))
        return self.user_menus.get((token, user_id)) or self.default_menu.get(token)

    def _create_menu(self, token, body):
        size, areas = body.get("size") or {}, body.get("areas") or []
        if size not in ({"width": 2500, "height": 1686}, {"width": 2500, "height": 843}) or not areas:
            return 400, {"message": "The request body has 1 error(s)", "details": [{"property": "size"}]}
        if len(areas) > 20 or len(body.get("chatBarText", "")) > 14 or not body.get("name"):
            return 400, {"message": "The request body has 1 error(s)"}
        for area in areas:
            uri = (area.get("action") or {}).get("uri", "")
            if not re.match(r"^(https?|tel|line):", uri) or len(uri) > 1000:
                return 400, {"message": f"invalid uri: {uri[:80]}"}
        menu_id = f"richmenu-{next(self._ids):032x}"
        self.rich_menus[menu_id] = {"token": token, "menu": body, "image": None, "content_type": ""}
        return 200, {"richMenuId": menu_id}

    def _menu(self, token, menu_id):
        menu = self.rich_menus.get(menu_id)
        return menu if menu is not None and menu["token"] == token else None

    def _rich_menu_api(self, method, path, body, token, headers, data_host):
        """(status, data) for a rich menu endpoint, or None when `path` is not one."""
        if data_host:
            match = re.fullmatch(r"/v2/bot/richmenu/([^/]+)/content", path)
            if method != "POST" or not match:
                return 404, {"message": "Not found"}
            menu = self._menu(token, match[1])
            content_type = headers.get("Content-Type", "")
            if menu is None:
                return 404, {"message": "Not found"}
            if menu["image"] is not None:
                return 400, {"message": "An image has already been uploaded to the richmenu"}
            if content_type not in ("image/png", "image/jpeg") or len(body) > 1024 * 1024:
                return 415, {"message": "Unsupported image"}
            if not (body.startswith(b"\x89PNG") or body.startswith(b"\xff\xd8")):
                return 400, {"message": "Invalid image"}
            menu.update(image=body, content_type=content_type)
            return 200, {}
        if method == "POST" and path == "/v2/bot/richmenu":
            return self._create_menu(token, body)
        if method == "GET" and path == "/v2/bot/richmenu/list":
            menus = [
                {"richMenuId": i, **m["menu"]} for i, m in self.rich_menus.items() if m["token"] == token
            ]
            return 200, {"richmenus": menus}
        match = re.fullmatch(r"/v2/bot/richmenu/([^/]+)", path)
        if method == "DELETE" and match:
            if self._menu(token, match[1]) is None:
                return 404, {"message": "Not found"}
            del self.rich_menus[match[1]]
            if self.default_menu.get(token) == match[1]:
                del self.default_menu[token]
            for key in [k for k, v in self.user_menus.items() if v == match[1]]:
                del self.user_menus[key]
            return 200, {}
        match = re.fullmatch(r"/v2/bot/user/([^/]+)/richmenu/([^/]+)", path)
        if method == "POST" and match:
            menu = self._menu(token, match[2])
            if menu is None:
                return 404, {"message": "richmenu not found"}
            if menu["image"] is None:
                return 400, {"message": "must upload richmenu image before applying it to user"}
            if match[1] == "all":
                self.default_menu[token] = match[2]
            elif re.fullmatch(r"U[0-9a-f]{32}", match[1]):
                self.user_menus[(token, match[1])] = match[2]
            else:
                return 400, {"message": "The value for the 'userId' parameter is invalid"}
            return 200, {}
        return None

    # The API ---------------------------------------------------------------------------------------
    def handle(self, method, path, body, headers, data_host=False):
        token = (headers.get("Authorization") or "").removeprefix("Bearer ")
        with self._lock:
            self.requests.append((method, path))
            status = self._failures.pop(0) if self._failures else 0
            if status:
                return status, {"message": "The fake LINE platform is failing on purpose"}
            if method == "POST" and path == "/oauth2/v2.1/token" and not data_host:
                return self._token(body)
            if token not in self.tokens:
                return 401, {"message": "Authentication failed. Confirm that the access token is valid."}
            answer = self._rich_menu_api(method, path, body, token, headers, data_host)
            if answer is not None:
                return answer
            if method == "POST" and path == "/v2/bot/message/push":
                key = headers.get("X-Line-Retry-Key")
                if key and key in self.retry_keys:
                    return 409, {"message": "The retry key is already accepted"}
                if not re.fullmatch(r"U[0-9a-f]{32}", body.get("to", "")):
                    return 400, {"message": "The property, 'to', in the request body is invalid"}
                if key:
                    self.retry_keys.add(key)
                self.pushed.append(
                    {"token": token, "to": body["to"], "messages": body["messages"], "retry_key": key}
                )
                return 200, {"sentMessages": [{"id": str(next(self._ids))} for _m in body["messages"]]}
            if method == "POST" and path == "/v2/bot/message/reply":
                if self.reply_tokens.pop(body.get("replyToken"), None) is None:
                    return 400, {"message": "Invalid reply token"}
                self.replied.append(
                    {"token": token, "reply_token": body["replyToken"], "messages": body["messages"]}
                )
                return 200, {"sentMessages": [{"id": str(next(self._ids))} for _m in body["messages"]]}
            match = re.fullmatch(r"/v2/bot/profile/([^/]+)", path)
            if method == "GET" and match:
                profile = self.profiles.get(match[1])
                if profile is None:
                    return 404, {"message": "Not found"}
                return 200, {"userId": match[1], "language": "th", **profile}
            return 404, {"message": f"Unknown path {path}"}

    def _handler(self, data_host):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, method):
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                content = self.rfile.read(length) if length else b""
                content_type = self.headers.get("Content-Type", "")
                if content_type.startswith("image/"):
                    body = content
                elif content_type.startswith("application/x-www-form-urlencoded"):
                    body = dict(parse_qsl(content.decode()))
                else:
                    body = json.loads(content.decode()) if content else {}
                status, data = fake.handle(method, parsed.path, body, self.headers, data_host=data_host)
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def do_DELETE(self):
                self._serve("DELETE")

            def log_message(self, *args):
                pass

        return Handler
