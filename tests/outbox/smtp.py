"""A real SMTP server on loopback (aiosmtpd) for the outbox's tests and bench. It can be down (nothing
listens on its port, so connections are refused) and come up later on the same port."""

import asyncio
import email
import logging
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command at INFO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Recorder:
    def __init__(self, delay):
        self.received = []
        self.lock = threading.Lock()
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's hook name
        if self.delay:
            await asyncio.sleep(self.delay)  # a server that takes its time, as real ones do
        parsed = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.received.append((tuple(envelope.rcpt_tos), str(parsed["subject"]).strip(), parsed))
        return "250 Message accepted"


class LocalSmtp:
    def __init__(self, port=None, delay=0.0):
        self.port = port or free_port()
        self._recorder = _Recorder(delay)
        self._controller = None

    def start(self):
        self._controller = Controller(self._recorder, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def received(self) -> list:
        """(recipients, subject, parsed message) for every message taken, in order."""
        with self._recorder.lock:
            return list(self._recorder.received)

    @property
    def subjects(self) -> list[str]:
        return [subject for _to, subject, _message in self.received]

    def settings(self) -> dict:
        """Django's real SMTP backend pointed at this server (down or up)."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": 5,
        }
