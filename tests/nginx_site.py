"""deploy/nginx/tambon.conf run by Debian's nginx on this machine: its paths and ports replaced, a
self-signed certificate in place of Let's Encrypt's. Used by the deploy test and the production shape."""

import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
SITE = BASE / "deploy" / "nginx" / "tambon.conf"
#: The server name deploy/nginx/tambon.conf is written for (its certificate paths name it).
SERVER_NAME = "www.example.go.th"


def find_tool(name) -> str | None:
    """`name` on the PATH, or in /usr/sbin or /usr/bin (nginx is in /usr/sbin, often not on a PATH)."""
    return shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.path.exists(p)), None
    )


def render(work: Path, *, http_port, https_port, upstream_port, cert_host) -> list[str]:
    """Write the site and an nginx.conf into `work`; return the nginx command line (add `-t` or
    `-g "daemon off;"`). nginx's logs go to `work/logs` (the site's access log: tambon.access.log)."""
    key, cert = work / "key.pem", work / "cert.pem"
    subprocess.run(
        [find_tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={cert_host}", "-addext", f"subjectAltName=DNS:{cert_host}", "-keyout", key, "-out", cert],
        check=True, capture_output=True,
    )  # fmt: skip
    replacements = {
        "/srv/tambon/app": str(BASE),
        "/srv/tambon": str(work / "srv"),
        f"/etc/letsencrypt/live/{SERVER_NAME}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{SERVER_NAME}/privkey.pem": str(key),
        "/var/log/nginx": str(work / "logs"),
        "/var/www/letsencrypt": str(work / "acme"),
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "server 127.0.0.1:8000": f"server 127.0.0.1:{upstream_port}",
    }
    site = SITE.read_text()
    for old, new in replacements.items():
        assert old in site, old
        site = site.replace(old, new)
    (work / "site.conf").write_text(site)
    temp = work / "nginx-temp"
    for folder in (temp, work / "logs", work / "acme", work / "srv" / "static", work / "srv" / "media"):
        folder.mkdir(parents=True, exist_ok=True)
    # Debian's nginx.conf, less what a test cannot have (its log files; its user: as root, nginx's
    # workers would run as nobody, who cannot read the test's private temporary folder).
    user = "user root;" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"""{user}
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/logs/nginx-error.log;
events {{ worker_connections 768; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    gzip on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {work}/site.conf;
}}
"""
    )
    return [
        find_tool("nginx"),
        "-p",
        str(work),
        "-c",
        str(work / "nginx.conf"),
        "-e",
        str(work / "logs" / "nginx-error.log"),
    ]
