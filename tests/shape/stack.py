"""The production shape on one machine, for tests/shape/: PostgreSQL (a database of its own), Redis,
an S3-compatible server (moto), gunicorn with 2 workers and production settings, the background worker,
nginx in front with deploy/'s site, and an SMTP server that keeps what the worker sends.

Everything listens on 127.0.0.1 (free ports) and lives in a temporary folder; `stop()` ends every
process it started. The nginx site is deploy/nginx/tambon.conf itself, with this machine's paths, ports
and a self-signed certificate in place of the server's: nothing else in it is changed.

The worker is kept running as systemd does (`Restart=always` in deploy/systemd/tambon-worker.service):
if it exits it is started again, and `worker_restarts` counts how often.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import psycopg
import requests
from django.conf import settings

from tests import nginx_site
from tests.bench.bench_page_cache import flush_redis, free_port, redis_reachable
from tests.nginx_site import find_tool
from tests.outbox.smtp import LocalSmtp

BASE = Path(settings.BASE_DIR)
DEPLOY = BASE / "deploy"
HOST = "localhost"
PYTHON = sys.executable
# The CI's Redis (started before the session); db 9 is nobody else's.
REDIS_URL = os.environ.get("TAMBON_SHAPE_REDIS_URL", "redis://127.0.0.1:6379/9")


def missing() -> list[str]:
    """What this machine lacks for the shape (empty when it can run)."""
    lacking = [name for name in ("nginx", "openssl") if find_tool(name) is None]
    if not (Path(PYTHON).parent / "moto_server").exists():
        lacking.append("moto_server (pip install -r requirements.txt)")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        lacking.append("DATABASE_URL=postgres://… (the shape runs on PostgreSQL)")
    if not redis_reachable(REDIS_URL):
        lacking.append(f"Redis at {REDIS_URL}")
    return lacking


class Stack:
    def __init__(self, database_url: str):
        self.database_url = database_url
        self.dbname = urlsplit(database_url).path.lstrip("/")
        self.work = Path(tempfile.mkdtemp(prefix="tambon-shape-"))
        self.logs = self.work / "logs"
        self.logs.mkdir()
        self.processes: dict[str, subprocess.Popen] = {}
        self.smtp = LocalSmtp()
        self.worker_restarts = 0
        self._supervising = False
        self.timings: dict[str, float] = {}

    # The whole stack ----------------------------------------------------------------------------------
    def start(self):
        started = time.monotonic()
        try:
            self.smtp.start()
            self._start_s3()
            self.env = self._environment()
            self._prepare()
            self.timings["prepare"] = time.monotonic() - started
            self._start_gunicorn()
            self._start_worker()
            self._start_nginx()
            self._wait_healthy()
        except BaseException:
            self.stop()
            raise
        self.timings["start"] = time.monotonic() - started
        return self

    def stop(self):
        self._supervising = False
        for name in reversed(list(self.processes)):
            process = self.processes[name]
            if process.poll() is None:
                process.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.smtp.stop()

    def cleanup(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def log_tail(self, name, lines=40) -> str:
        path = self.logs / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    # Addresses ------------------------------------------------------------------------------------------
    @property
    def base(self) -> str:
        """The site through nginx, over TLS."""
        return f"https://{HOST}:{self.https_port}"

    def session(self, source="127.0.0.1") -> requests.Session:
        """A visitor: a browser-like session through nginx from its own loopback address (nginx sees
        `source` as the client's address, as it would a visitor's on the internet)."""
        session = requests.Session()
        session.verify = str(self.work / "cert.pem")  # the stack's own certificate, checked
        session.trust_env = False  # no proxy, no CA bundle from the environment: straight to nginx
        session.mount("https://", FromAddress(source))
        session.mount("http://", FromAddress(source))
        session.headers["User-Agent"] = "tambon-shape-test"
        return session

    # The parts ---------------------------------------------------------------------------------------
    def _spawn(self, name, command, **kwargs):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 — the child keeps it
        process = subprocess.Popen(
            command, cwd=BASE, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        self.processes[name] = process
        return process

    def _start_s3(self):
        port = free_port()
        self._spawn("s3", [str(Path(PYTHON).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)])
        self.s3_endpoint = f"http://127.0.0.1:{port}"
        wait_for_port(port, self.processes["s3"])
        client = boto3.client("s3", endpoint_url=self.s3_endpoint, aws_access_key_id="testing",
                              aws_secret_access_key="testing", region_name="us-east-1")  # fmt: skip
        for bucket in ("tambon-public", "tambon-private"):
            client.create_bucket(Bucket=bucket)
        self.s3 = client

    def _environment(self) -> dict:
        self.gunicorn_port, self.http_port, self.https_port = free_port(), free_port(), free_port()
        srv = self.work / "srv"
        flush_redis(REDIS_URL)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST_", "AWS_", "EMAIL_", "TAMBON_"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
                "SECRET_KEY": "shape-test-only-secret-key-" + "s" * 40,
                "ALLOWED_HOSTS": HOST,
                # The site's port is not 443 here, so browsers' Origin and Referer name it.
                "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{self.https_port}",
                "WAGTAILADMIN_BASE_URL": f"https://{HOST}:{self.https_port}",
                "DATABASE_URL": self.database_url,
                "REDIS_URL": REDIS_URL,
                "STATIC_ROOT": str(srv / "static"),
                "MEDIA_ROOT": str(srv / "media"),
                "PRIVATE_MEDIA_ROOT": str(srv / "private"),
                "AWS_STORAGE_BUCKET_NAME": "tambon-public",
                "AWS_PRIVATE_STORAGE_BUCKET_NAME": "tambon-private",
                "AWS_S3_ENDPOINT_URL": self.s3_endpoint,
                "AWS_S3_REGION_NAME": "us-east-1",
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(self.smtp.port),
                "EMAIL_USE_TLS": "false",
                "EMAIL_TIMEOUT": "5",
                "DEFAULT_FROM_EMAIL": "no-reply@example.go.th",
                # What the timers of deploy/systemd do every 5 minutes, the tests do when they need it.
                "OUTBOX_CLAIM_SECONDS": "10",
                "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}",
                "GUNICORN_WORKERS": "2",
                "LOG_LEVEL": "WARNING",
                "PYTHONUNBUFFERED": "1",
            }
        )
        return env

    def run(self, *args, timeout=120) -> str:
        """A one-off process with the stack's settings (`manage.py …` or `-m module …`)."""
        command = [PYTHON, *args] if args[0] == "-m" else [PYTHON, "manage.py", *args]
        done = subprocess.run(
            command, cwd=BASE, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def _prepare(self):
        """A fresh database, migrated and seeded, and collectstatic: side by side (2 cores)."""
        started = time.monotonic()
        self._recreate_database()
        self.run("compile_translations")
        collect = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--no-input"],
            cwd=BASE, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            self.seed = json.loads(self.run("-m", "tests.shape.seed", "setup", timeout=300).splitlines()[-1])
            self.timings["migrate and seed"] = time.monotonic() - started
        finally:
            _out, errors = collect.communicate(timeout=300)
        self.timings["collectstatic"] = time.monotonic() - started
        if collect.returncode:
            raise RuntimeError(f"collectstatic failed:\n{errors}")

    def _recreate_database(self):
        admin = self.database_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [self.dbname]
            )
            conn.execute(f'DROP DATABASE IF EXISTS "{self.dbname}"')
            conn.execute(f'CREATE DATABASE "{self.dbname}"')

    def _start_gunicorn(self):
        command = [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "--config", "deploy/gunicorn.conf.py",
                   "--control-socket", str(self.work / "gunicorn.ctl")]  # fmt: skip
        process = self._spawn("gunicorn", command, env=self.env)
        wait_for_port(self.gunicorn_port, process, seconds=60)

    def _start_worker(self):
        self._spawn("worker", [PYTHON, "manage.py", "db_worker", "--no-reload"], env=self.env)
        self._supervising = True
        threading.Thread(target=self._supervise_worker, daemon=True).start()

    def _supervise_worker(self):
        while self._supervising:
            process = self.processes["worker"]
            if process.poll() is not None and self._supervising:
                self.worker_restarts += 1
                time.sleep(1)  # RestartSec (5 s in the unit; shorter here)
                if self._supervising:
                    self._spawn("worker", [PYTHON, "manage.py", "db_worker", "--no-reload"], env=self.env)
            time.sleep(0.2)

    def _start_nginx(self):
        self.nginx = nginx_site.render(
            self.work,
            http_port=self.http_port,
            https_port=self.https_port,
            upstream_port=self.gunicorn_port,
            cert_host=HOST,
        )
        checked = subprocess.run([*self.nginx, "-t"], capture_output=True, text=True)
        if checked.returncode:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        process = self._spawn("nginx", [*self.nginx, "-g", "daemon off;"])
        wait_for_port(self.https_port, process)

    def _wait_healthy(self, seconds=60):
        """/healthz through nginx answers 200: database, Redis, both buckets, and a worker seen alive."""
        deadline = time.monotonic() + seconds
        answer = None
        while time.monotonic() < deadline:
            try:
                answer = self.session().get(self.base + "/healthz", timeout=10)
                if answer.status_code == 200:
                    return
            except requests.RequestException as error:
                answer = error
            time.sleep(0.5)
        raise RuntimeError(
            f"the stack is not healthy: {getattr(answer, 'text', answer)}\n{self.log_tail('gunicorn')}"
        )

    # Database faults (PostgreSQL is shared with others on this machine: only this database's
    # connections are cut, and only it refuses new ones, as during a restart) -----------------------------
    def admin_sql(self, sql, params=()):
        admin = self.database_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall() if sql.lstrip().upper().startswith("SELECT") else None

    def cut_connections(self) -> int:
        """Terminates every connection to the stack's database (the web's, the worker's): what a
        PostgreSQL restart or a network cut does to them."""
        rows = self.admin_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [self.dbname],
        )
        return len(rows)

    def refuse_connections(self, refuse: bool):
        self.admin_sql(f'ALTER DATABASE "{self.dbname}" ALLOW_CONNECTIONS {"false" if refuse else "true"}')


class FromAddress(requests.adapters.HTTPAdapter):
    """Connections from a chosen loopback address (127.0.0.0/8 is all this machine's)."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def wait_for_port(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port} after {seconds} s")
