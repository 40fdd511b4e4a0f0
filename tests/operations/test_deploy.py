"""deploy/: the nginx site is valid and does what docs/deployment.md says (run by the real nginx in front of
a stand-in application), the systemd units are valid, and every scheduled job is in the docs' cron table.

nginx is skipped where missing, except in CI (TAMBON_REQUIRE_BROWSER=1), where `.ci/run` installs it;
`systemd-analyze` only where systemd is installed (the units are parsed and checked everywhere)."""

import configparser
import http.client
import json
import os
import re
import runpy
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from tests import nginx_site
from tests.bench.bench_page_cache import free_port
from tests.nginx_site import find_tool

BASE = Path(settings.BASE_DIR)
DEPLOY = BASE / "deploy"
UNITS = DEPLOY / "systemd"
HOST = nginx_site.SERVER_NAME
PRIVATE_BYTES = b"%PDF-1.4 citizen's national ID card"


def require(tool, *, in_ci=True):
    path = find_tool(tool)
    if path is None:
        if in_ci and os.environ.get("TAMBON_REQUIRE_BROWSER"):
            pytest.fail(f"{tool} is required in CI")
        pytest.skip(f"{tool} is not installed")
    return path


class StandIn:
    """The application's place: answers every request with the headers nginx passed, /healthz with 503."""

    def __init__(self):
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request a connection: stopping it stops it

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                status = 503 if self.path == "/healthz" else 200
                body = json.dumps({"path": self.path, "headers": dict(self.headers)}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def render_site(tmp, *, http_port, https_port, upstream_port):
    require("openssl"), require("nginx")  # skipped (failed in CI) without them
    return nginx_site.render(
        tmp, http_port=http_port, https_port=https_port, upstream_port=upstream_port, cert_host=HOST
    )


def files(tmp):
    srv = tmp / "srv"
    for name, content in {
        "static/css/site.3f2a9c0e5b7d.css": b"body{}",
        "static/css/site.css": b"body{}",
        "media/images/logo.max-800x600.png": b"\x89PNG picture",
        "media/documents/restricted.pdf": b"%PDF a document in a private collection",
        "private/eforms/submissions/2026/12/id-card.pdf": PRIVATE_BYTES,
    }.items():
        (srv / name).parent.mkdir(parents=True, exist_ok=True)
        (srv / name).write_bytes(content)


def request(port, method, path, *, tls=True, headers=None):
    if tls:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=10, context=ssl._create_unverified_context()
        )
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for name, value in {"Host": HOST, **(headers or {})}.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def wait_for(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


def test_the_nginx_site_is_valid_and_serves_as_documented(tmp_path):
    stand_in = StandIn()
    http_port, https_port = free_port(), free_port()
    nginx = render_site(tmp_path, http_port=http_port, https_port=https_port, upstream_port=stand_in.port)
    files(tmp_path)
    checked = subprocess.run([*nginx, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0 and "test is successful" in checked.stderr, checked.stderr

    server = subprocess.Popen([*nginx, "-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(https_port)
        wait_for(http_port)
        # Proxied with the client's own address (a forged one replaced), the scheme and a request id.
        response, body = request(
            https_port, "GET", "/th/", headers={"X-Forwarded-For": "6.6.6.6", "X-Request-ID": "forged"}
        )
        passed = json.loads(body)["headers"]
        assert response.status == 200
        assert passed["Host"] == HOST and passed["X-Forwarded-Proto"] == "https"
        assert passed["X-Forwarded-For"] == "127.0.0.1"
        assert re.fullmatch(r"[0-9a-f]{32}", passed["X-Request-ID"])

        response, _ = request(http_port, "GET", "/th/?q=1", tls=False)
        assert response.status == 301 and response.getheader("Location") == f"https://{HOST}/th/?q=1"
        # The application's own 503 for /healthz passes through (plain HTTP too), not nginx's error page.
        for port, tls in ((http_port, False), (https_port, True)):
            response, body = request(port, "GET", "/healthz", tls=tls)
            assert response.status == 503 and json.loads(body)["path"] == "/healthz"

        response, body = request(https_port, "GET", "/static/css/site.3f2a9c0e5b7d.css")
        assert response.status == 200 and body == b"body{}"
        assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
        response, _ = request(https_port, "GET", "/static/css/site.css")
        assert response.getheader("Cache-Control") == "public, max-age=86400"
        response, body = request(https_port, "GET", "/media/images/logo.max-800x600.png")
        assert response.status == 200 and body == b"\x89PNG picture"
        assert "sandbox" in response.getheader("Content-Security-Policy")
        assert request(https_port, "GET", "/media/documents/restricted.pdf")[0].status == 404

        # No path reaches citizens' files on disk: at most the application sees the request.
        for path in (
            "/private/eforms/submissions/2026/12/id-card.pdf",
            "/media/../private/eforms/submissions/2026/12/id-card.pdf",
            "/static/%2e%2e/private/eforms/submissions/2026/12/id-card.pdf",
            "/media/..%2fprivate/eforms/submissions/2026/12/id-card.pdf",
        ):
            response, body = request(https_port, "GET", path)
            assert PRIVATE_BYTES not in body, path

        # Too large for the application: nginx's refusal is our bilingual page.
        response, body = request(
            https_port, "POST", "/th/eforms/", headers={"Content-Length": str(61 * 1024 * 1024)}
        )
        assert response.status == 413 and "ไฟล์ที่ส่งมีขนาดใหญ่เกินไป" in body.decode()

        stand_in.stop()  # the application is down
        response, body = request(https_port, "GET", "/th/")
        assert response.status == 502 and "ระบบไม่พร้อมให้บริการชั่วคราว" in body.decode()
        assert re.search(
            r'"GET /th/ HTTP/1.1" 200 \d+ .* rid=[0-9a-f]{32}',
            (tmp_path / "logs" / "tambon.access.log").read_text(),
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


# systemd ------------------------------------------------------------------------------------------


def unit(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str
    parser.read_string(path.read_text())
    return parser


def scheduled_commands():
    """{timer file: the manage.py command it runs}."""
    found = {}
    for timer in sorted(UNITS.glob("*.timer")):
        target = unit(timer)["Timer"]["Unit"]
        match = re.fullmatch(r"tambon-manage@(\w+)\.service", target)
        if match:
            found[timer.name] = match.group(1)
        else:
            exec_start = unit(UNITS / target)["Service"]["ExecStart"]
            found[timer.name] = re.search(r"manage\.py (\w+)", exec_start).group(1)
    return found


def test_units_are_complete_and_every_job_is_a_command_listed_in_the_cron_table():
    for path in sorted(UNITS.glob("*.service")):
        service = unit(path)["Service"]
        assert service["User"] == "tambon" and service["WorkingDirectory"] == "/srv/tambon/app", path.name
        assert service["EnvironmentFile"] == "/etc/tambon/tambon.env", path.name
        assert "manage.py" in service["ExecStart"] or "gunicorn" in service["ExecStart"], path.name
    commands = scheduled_commands()
    known = get_commands()
    cron = (BASE / "docs" / "deployment.md").read_text()
    for timer, command in commands.items():
        assert command in known, (timer, command)
        assert re.search(rf"^\|[^|]+\| `[^`]*manage\.py {command}\b", cron, re.MULTILINE), (timer, command)
    assert {"sync_payments", "send_digest", "backup", "purge_expired_submissions", "eforms_notify"} <= set(
        commands.values()
    )


def test_units_pass_systemd_analyze_verify(tmp_path):
    analyze = require("systemd-analyze", in_ci=False)  # CI's container has no systemd: the test above parses
    env = tmp_path / "tambon.env"
    env.write_text("")
    for path in UNITS.iterdir():
        text = (
            path.read_text().replace("/srv/tambon/app", str(BASE)).replace("/etc/tambon/tambon.env", str(env))
        )
        (tmp_path / path.name).write_text(text)
    names = [p.name for p in UNITS.iterdir() if "@." not in p.name]
    names += [f"tambon-manage@{command}.service" for command in set(scheduled_commands().values())]
    done = subprocess.run(
        [analyze, "verify", "--man=no", *[str(tmp_path / n) for n in sorted(names)]],
        capture_output=True,
        text=True,
    )
    ours = [line for line in (done.stdout + done.stderr).splitlines() if "tambon" in line]
    assert done.returncode == 0 and ours == [], done.stdout + done.stderr


def test_gunicorns_control_socket_is_in_the_units_runtime_folder(monkeypatch):
    """Its default (~/.gunicorn) is read-only under ProtectSystem/ProtectHome: gunicorn would not start."""
    service = unit(UNITS / "tambon-web.service")["Service"]
    folder = f"/run/{service['RuntimeDirectory']}"
    monkeypatch.setenv("RUNTIME_DIRECTORY", folder)
    settings = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert settings["control_socket"] == f"{folder}/gunicorn.ctl"
    assert service["ProtectSystem"] == "strict" and service["ProtectHome"] == "yes"
