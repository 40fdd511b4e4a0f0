"""Anonymous home page throughput from the page cache against the same bytes as a static file.

Production settings (DEBUG off, a bench-only SECRET_KEY, Redis db 7 unless BENCH_REDIS_URL says
otherwise), the demo site, gunicorn with 2 workers; the load comes from another process: `wrk` when
it is installed (Debian: `apt-get install wrk`), else a small threaded client. Both URLs are measured
in the same run, one after the other, for BENCH_SECONDS each (10 by default). The static file is the
home page's own bytes, served by WhiteNoise from the same gunicorn. A third figure shows the page
rendered (a query parameter the page does not read: looked up, rendered, never stored).
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
STATIC_NAME = "bench/home.html"


def run(report):
    work = Path(tempfile.mkdtemp(prefix="tambon-bench-cache-"))
    env = production_env(work)
    try:
        prepare_site(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with gunicorn(env, port):
            html = fetch(base + "/th/")[1]
        static_file = Path(env["STATIC_ROOT"]) / STATIC_NAME
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(html)  # WhiteNoise finds its files when the server starts
        with gunicorn(env, port):
            headers, body = fetch(base + "/th/")
            assert headers.get("X-Page-Cache") == "hit", headers
            assert fetch(base + settings.STATIC_URL + STATIC_NAME)[1] == body
            report("home /th/ HTML (the page and the static file)", len(body), "bytes")
            report("load generator", 0 if shutil.which("wrk") is None else 1, "1 = wrk, 0 = Python threads")
            cached = requests_per_second(base + "/th/")
            static = requests_per_second(base + settings.STATIC_URL + STATIC_NAME)
            rendered = requests_per_second(base + "/th/?bench=render")
        report("GET /th/ from the page cache", cached, "req/s")
        report("GET the same bytes as a static file (WhiteNoise)", static, "req/s")
        report("page cache / static file (goal >= 0.5)", cached / static, "ratio")
        report("GET /th/ rendered (page cache miss)", rendered, "req/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


# The site ------------------------------------------------------------------------------------------------
def production_env(work: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "PRIVATE_MEDIA_ROOT": str(work / "private"),
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url(work),
    }
    if redis_reachable(REDIS_URL):
        env["REDIS_URL"] = REDIS_URL
        flush_redis(REDIS_URL)
    else:
        env.pop("REDIS_URL", None)
        print(f"(Redis at {REDIS_URL} unreachable: each worker uses its own memory cache)", flush=True)
    return env


def database_url(work: Path) -> str:
    """The benchmark's own database: the harness's throw-away PostgreSQL one, else an SQLite file
    (the harness's SQLite database lives in memory, out of gunicorn's reach)."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    return f"sqlite:///{work / 'bench.sqlite3'}"


def prepare_site(env):
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input"], ["load_demo"], ["collectstatic", "--no-input"]):
        subprocess.run(
            manage + command, env=env, check=True, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL
        )


def redis_reachable(url) -> bool:
    host, port = re.match(r"redis://([^:/]+):(\d+)", url).groups()
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


def flush_redis(url):
    import redis  # noqa: PLC0415 — only when Redis is there

    redis.Redis.from_url(url).flushdb()


# The server -------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class gunicorn:  # noqa: N801 — used as a context manager, like `open`
    def __init__(self, env, port):
        self.env, self.port = env, port

    def __enter__(self):
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{self.port}",
            "--log-level=warning",
        ]
        self.process = subprocess.Popen(command, env=self.env, cwd=settings.BASE_DIR)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(f"http://127.0.0.1:{self.port}/th/")
                fetch(f"http://127.0.0.1:{self.port}/th/")  # both workers' first request is done
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 — our own loopback server
        return dict(response.headers), response.read()


# The load ---------------------------------------------------------------------------------------------
def requests_per_second(url) -> float:
    if shutil.which("wrk"):
        return wrk(url)
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_page_cache", url, str(SECONDS), str(CONNECTIONS)],
        check=True,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    return float(result.stdout.split()[-1])


def wrk(url) -> float:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", url], check=True, capture_output=True, text=True
    ).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def threaded_load(url, seconds, connections) -> float:
    """Requests per second from `connections` threads, each with its own keep-alive connection."""
    host, port, path = re.match(r"http://([^:/]+):(\d+)(.*)", url).groups()
    counts = [0] * connections
    stop = time.monotonic() + seconds

    def worker(index):
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        while time.monotonic() < stop:
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    raise RuntimeError(f"{url}: {response.status}")
                counts[index] += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (http.client.HTTPException, OSError):
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=10)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started)


if __name__ == "__main__":  # the load generator's own process
    print(threaded_load(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
