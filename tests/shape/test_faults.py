"""Faults in the production shape: the database's connections cut (and refused for a moment, as while
PostgreSQL restarts) while citizens send their forms; 50 slow clients in front of nginx."""

import re
import socket
import ssl
import threading
import time
from collections import Counter

from django.db import connections

from casework.models import Submission
from tests.shape import shape_only
from tests.shape.visitors import Citizen

pytestmark = shape_only

CITIZENS = 12
BARE_ERRORS = ("<h1>Server Error (500)</h1>", "<h1>Bad Request (400)</h1>", "<center>nginx</center>")
THAI = re.compile(r"[\u0e00-\u0e7f]")


def clean_error(response) -> bool:
    """The site's own error page (or nginx's, from deploy/nginx/_errors/), in Thai first."""
    text = response.text
    return (
        response.status_code in (400, 500, 502, 503, 504)
        and '<html lang="th"' in text
        and THAI.search(text) is not None
        and not any(bare in text for bare in BARE_ERRORS)
    )


class Cutter(threading.Thread):
    """Cuts the database's connections every 0.3 s for `seconds`; in the middle, refuses new ones for
    1.5 s (PostgreSQL restarting)."""

    def __init__(self, stack, seconds):
        super().__init__(daemon=True)
        self.stack, self.seconds = stack, seconds
        self.cuts = 0

    def run(self):
        started = time.monotonic()
        refused = False
        try:
            while (elapsed := time.monotonic() - started) < self.seconds:
                if not refused and elapsed > self.seconds / 2:
                    self.stack.refuse_connections(True)
                    refused = time.monotonic()
                if refused and refused is not True and time.monotonic() - refused > 1.5:
                    self.stack.refuse_connections(False)
                    refused = True
                self.cuts += self.stack.cut_connections()
                time.sleep(0.3)
        finally:
            self.stack.refuse_connections(False)


def test_cut_database_connections_while_citizens_send(stack):
    citizens = [Citizen(stack, 100 + n, address=f"127.0.1.{n + 1}") for n in range(CITIZENS)]
    threads = [threading.Thread(target=c.fill_in) for c in citizens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(c.send_token for c in citizens)
    gunicorn = stack.processes["gunicorn"]

    # Every citizen presses Send while the connections are being cut (staggered over 4 s).
    first_answers = {}

    def send(citizen, delay):
        time.sleep(delay)
        try:
            first_answers[citizen.number] = citizen.send(timeout=60)
        except Exception as error:  # noqa: BLE001 — a dropped connection is an answer too
            first_answers[citizen.number] = error

    cutter = Cutter(stack, seconds=6)
    senders = [
        threading.Thread(target=send, args=(c, 0.5 + i * 4 / CITIZENS)) for i, c in enumerate(citizens)
    ]
    cutter.start()
    for thread in senders:
        thread.start()
    for thread in senders + [cutter]:
        thread.join()
    assert cutter.cuts > 0

    outcomes = Counter()
    for citizen in citizens:
        answer = first_answers[citizen.number]
        if isinstance(answer, Exception):
            outcomes["no answer"] += 1
        elif answer.status_code == 302:
            outcomes["sent"] += 1
        else:
            assert clean_error(answer), (answer.status_code, answer.text[:800])
            outcomes[f"error page {answer.status_code}"] += 1
    print(f"\nfirst answers while cut ({cutter.cuts} connections cut): {dict(outcomes)}")

    # PostgreSQL is back; the connections the web kept open are dead. The very next requests are
    # answered (the same gunicorn, no restart): each worker notices its dead connection and opens another.
    visitor = stack.session("127.0.1.200")
    apply_url = stack.base + stack.seed["service_url"] + "apply/"

    def new_visitors(count):
        statuses = []
        for _ in range(count):
            visitor.cookies.clear()  # a new visitor: a new session, written to the database
            statuses.append(visitor.get(apply_url, timeout=10).status_code)
        return statuses

    new_visitors(6)  # both workers hold a connection again (kept open: DB_CONN_MAX_AGE)
    assert stack.cut_connections() >= 1
    statuses = new_visitors(10)
    assert statuses == [200] * 10, statuses
    assert gunicorn.poll() is None and stack.processes["gunicorn"] is gunicorn

    # Each citizen who saw an error sends again (the browser's back button and Send, or a reload):
    # the same request, never a second one.
    shown = {}
    for citizen in citizens:
        answer = first_answers[citizen.number]
        for _attempt in range(5):
            if not isinstance(answer, Exception) and answer.status_code == 302:
                break
            answer = citizen.send()
        page, reference = citizen.confirmation(answer)
        assert page.status_code == 200 and reference, page.text[:500]
        shown[citizen.email] = reference

    # Nothing shown that was not saved, nothing saved twice, nothing saved without being shown.
    connections.close_all()  # this process's connection was cut too
    saved = Counter(
        Submission.objects.filter(applicant_email__in=shown).values_list("applicant_email", flat=True)
    )
    assert saved == Counter(list(shown)), f"saved per citizen: {saved}"
    for email, reference in shown.items():
        assert Submission.objects.get(reference=reference).applicant_email == email

    # Every acknowledgement goes out once. A worker cut off mid-task dies (systemd starts it again: so
    # does the stack) and leaves its task unfinished; `send_messages`, every 5 minutes from its timer,
    # hands such a message to the worker again. Run here at once, it must not send anything twice.
    def acknowledged():
        return Counter(to[0] for to, _subject, _m in stack.smtp.received if to[0] in shown)

    def wait_for_all(seconds):
        deadline = time.monotonic() + seconds
        while set(acknowledged()) != set(shown) and time.monotonic() < deadline:
            time.sleep(0.5)

    wait_for_all(10)
    by_worker = len(acknowledged())
    stack.run("send_messages", "--overdue", "0")
    wait_for_all(20)
    time.sleep(1)  # a second copy would come now
    print(f"acknowledgements: {by_worker} at once, {len(acknowledged()) - by_worker} after the timer's job; "
          f"worker restarts: {stack.worker_restarts}")  # fmt: skip
    assert acknowledged() == Counter(list(shown)), (acknowledged(), stack.log_tail("worker"))


# Slow clients -------------------------------------------------------------------------------------------
def slow_connection(stack, body: bool):
    """A TLS connection to nginx that sends its request a byte at a time (the headers, or a body)."""
    context = ssl.create_default_context(cafile=str(stack.work / "cert.pem"))
    raw = socket.create_connection(("127.0.0.1", stack.https_port), timeout=5)
    conn = context.wrap_socket(raw, server_hostname="localhost")
    if body:
        head = (
            "POST /th/status/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 1000\r\n\r\n"
        )
        conn.sendall(head.encode())
        remaining = b"reference=" + b"x" * 990
    else:
        remaining = b"GET /th/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"x" * 200
    return conn, remaining


def test_fifty_slow_clients_do_not_stop_a_normal_visitor(stack):
    clients = [slow_connection(stack, body=n % 2 == 1) for n in range(50)]
    closed_at = {}
    stop = time.monotonic() + 20
    started = time.monotonic()

    def drip():
        while time.monotonic() < stop:
            for index, (conn, remaining) in enumerate(clients):
                if index in closed_at or not remaining:
                    continue
                try:
                    conn.sendall(remaining[:1])
                    clients[index] = (conn, remaining[1:])
                except OSError:
                    closed_at[index] = time.monotonic() - started
            time.sleep(1)

    dripper = threading.Thread(target=drip, daemon=True)
    dripper.start()
    visitor = stack.session("127.0.2.1")
    timings, statuses = [], []
    while time.monotonic() < stop:
        for path in ("/th/", "/th/status/"):  # from the page cache, and rendered (a database query)
            asked = time.monotonic()
            statuses.append(visitor.get(stack.base + path, timeout=10).status_code)
            timings.append(time.monotonic() - asked)
        time.sleep(0.2)
    dripper.join()
    for conn, _remaining in clients:
        conn.close()
    print(f"\nnormal visitor under 50 slow clients: {len(timings)} requests, slowest {max(timings):.3f} s")
    print(
        f"slow clients nginx dropped: {len(closed_at)} of 50 (first after {min(closed_at.values(), default=0):.0f} s)"
    )
    assert set(statuses) == {200}, Counter(statuses)
    assert max(timings) < 2, sorted(timings)[-5:]
