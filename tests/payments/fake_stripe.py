"""A small fake of Stripe's HTTP API for the endpoints Tambon calls, so tests drive the real `stripe`
library over HTTP: Checkout Sessions (create with idempotency keys, retrieve with expansions, expire)
and refunds. Tests change a session's state as a payer would (`pay`, `fail`) and build the events
Stripe would send (`event`).

Failure injection: `fail_next(status)` answers the next request with an error, `delay_next(seconds)`
answers it late (longer than the client's timeout makes a timeout).
"""

import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse


def decode_form(body: str) -> dict:
    """Stripe's form encoding (`a[b][0][c]=1`) back into nested dicts and lists."""
    result: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node = result
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            if last:
                node[part] = value
            else:
                node = node.setdefault(part, {})
    return _lists(result)


def _lists(node):
    if isinstance(node, dict):
        if node and all(k.isdigit() for k in node):
            return [_lists(node[k]) for k in sorted(node, key=int)]
        return {k: _lists(v) for k, v in node.items()}
    return node


class FakeStripe:
    def __init__(self):
        self.sessions: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.idempotent: dict[str, tuple[int, dict]] = {}
        self.requests: list[tuple[str, str, dict]] = []
        # The secret key of each request (its Stripe account): a session belongs to the account that
        # made it, and another account's key is answered "no such session", as Stripe does.
        self.keys: list[str] = []
        self._failures: list[tuple[int, float]] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # Failure injection -----------------------------------------------------------------------------
    def fail_next(self, status=500, times=1):
        self._failures.extend([(status, 0.0)] * times)

    def delay_next(self, seconds, times=1):
        self._failures.extend([(0, seconds)] * times)

    # What a payer does ------------------------------------------------------------------------------
    def pay(self, session_id, method="card", paid=True, amount=None, currency=None):
        session = self.sessions[session_id]
        session["status"] = "complete"
        session["payment_status"] = "paid" if paid else "unpaid"
        session["payment_intent"] = session["payment_intent"] or f"pi_test_{next(self._ids)}"
        session["_method"] = method
        session["_intent_status"] = "succeeded" if paid else "requires_action"
        if amount is not None:
            session["amount_total"] = amount
        if currency is not None:
            session["currency"] = currency
        return self.public(session)

    def fail(self, session_id):
        session = self.sessions[session_id]
        session["payment_status"] = "unpaid"
        session["_intent_status"] = "requires_payment_method"
        return self.public(session)

    def public(self, session):
        return {k: v for k, v in session.items() if not k.startswith("_")}

    def event(self, kind, session_id=None, obj=None, event_id=None):
        obj = obj if obj is not None else self.public(self.sessions[session_id])
        return {
            "id": event_id or f"evt_test_{next(self._ids)}",
            "object": "event",
            "api_version": "2025-09-30.clover",
            "created": int(time.time()),
            "livemode": False,
            "type": kind,
            "data": {"object": obj},
        }

    def charge(self, session_id, amount_refunded):
        session = self.sessions[session_id]
        return {
            "id": f"ch_{session['payment_intent']}",
            "object": "charge",
            "payment_intent": session["payment_intent"],
            "amount": session["amount_total"],
            "amount_captured": session["amount_total"],
            "amount_refunded": amount_refunded,
            "refunded": amount_refunded >= session["amount_total"],
            "paid": True,
            "currency": session["currency"],
        }

    # The API --------------------------------------------------------------------------------------
    def handle(self, method, path, body, headers):
        account = (headers.get("Authorization") or "").removeprefix("Bearer ")
        with self._lock:
            self.requests.append((method, path, body))
            self.keys.append(account)
            status, delay = self._failures.pop(0) if self._failures else (0, 0.0)
        if status:
            return status, {"error": {"type": "api_error", "message": "Fake Stripe failure"}}
        if delay:
            time.sleep(delay)  # the client gives up; the request is still carried out, as Stripe may
        with self._lock:
            key = headers.get("Idempotency-Key")
            if key and method == "POST" and key in self.idempotent:
                return self.idempotent[key]
            result = self._route(method, path, body, account)
            if key and method == "POST" and result[0] < 500:
                self.idempotent[key] = result
            return result

    def _route(self, method, path, body, account=""):
        if method == "POST" and path == "/v1/checkout/sessions":
            return self._create_session(body, account)
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)(/expire)?", path)
        if match:
            session = self.sessions.get(match[1])
            if session is None or session["_account"] != account:
                return 404, {
                    "error": {
                        "type": "invalid_request_error",
                        "code": "resource_missing",
                        "message": "No such session",
                    }
                }
            if match[2]:
                if session["status"] != "open":
                    return 400, {
                        "error": {
                            "type": "invalid_request_error",
                            "message": "Only open sessions can be expired",
                        }
                    }
                session["status"] = "expired"
                return 200, self.public(session)
            return 200, self._expanded(session, body.get("expand", []))
        if method == "POST" and path == "/v1/refunds":
            return self._refund(body, account)
        return 404, {"error": {"type": "invalid_request_error", "message": f"Unknown path {path}"}}

    def _create_session(self, params, account=""):
        item = params["line_items"][0]
        amount = int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1))
        session_id = f"cs_test_{next(self._ids):06d}"
        session = {
            "id": session_id,
            "object": "checkout.session",
            "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            "status": "open",
            "payment_status": "unpaid",
            "mode": params.get("mode"),
            "amount_total": amount,
            "currency": params.get("currency", item["price_data"]["currency"]),
            "payment_method_types": params.get("payment_method_types", []),
            "metadata": params.get("metadata", {}),
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "locale": params.get("locale"),
            "success_url": params["success_url"],
            "cancel_url": params["cancel_url"],
            "payment_intent": None,
            "created": int(time.time()),
            "livemode": False,
            "_refunded": 0,
            "_account": account,
        }
        self.sessions[session_id] = session
        return 200, self.public(session)

    def _expanded(self, session, expand):
        data = self.public(session)
        if data["payment_intent"] and "payment_intent" in expand:
            data["payment_intent"] = {
                "id": session["payment_intent"],
                "object": "payment_intent",
                "status": session.get("_intent_status", "succeeded"),
                "latest_charge": {
                    "id": f"ch_{session['payment_intent']}",
                    "object": "charge",
                    "payment_method_details": {"type": session.get("_method", "card")},
                },
            }
        return data

    def _refund(self, params, account=""):
        session = next(
            (
                s
                for s in self.sessions.values()
                if s["payment_intent"] == params.get("payment_intent") and s["_account"] == account
            ),
            None,
        )
        if session is None or session["payment_status"] != "paid":
            return 400, {"error": {"type": "invalid_request_error", "message": "No such payment_intent"}}
        amount = int(params.get("amount", session["amount_total"]))
        if amount > session["amount_total"] - session["_refunded"]:
            return 400, {
                "error": {
                    "type": "invalid_request_error",
                    "code": "charge_already_refunded",
                    "message": "Refund amount is greater than unrefunded amount",
                }
            }
        session["_refunded"] += amount
        refund_id = f"re_test_{next(self._ids)}"
        status = "pending" if session.get("_method") == "promptpay" else "succeeded"
        refund = {
            "id": refund_id,
            "object": "refund",
            "amount": amount,
            "status": status,
            "payment_intent": session["payment_intent"],
            "currency": session["currency"],
        }
        self.refunds[refund_id] = refund
        return 200, refund

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, method):
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else parsed.query
                status, data = fake.handle(method, parsed.path, decode_form(raw), self.headers)
                payload = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.send_header("Request-Id", f"req_{next(fake._ids)}")
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def log_message(self, *args):
                pass

        return Handler
