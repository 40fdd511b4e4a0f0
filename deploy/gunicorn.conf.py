"""gunicorn's settings for Tambon: `gunicorn config.wsgi --config deploy/gunicorn.conf.py`
(deploy/systemd/tambon-web.service). Each can be changed by the environment variable named beside it."""

import os

# nginx proxies to this address (deploy/nginx/tambon.conf, `upstream tambon_app`).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: nginx buffers slow clients, so a worker is only busy while Django works. 2 cores: 3.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# nginx's access log has every request with its id; gunicorn logs only its own events (to the journal).
accesslog = None
errorlog = "-"
worker_tmp_dir = "/dev/shm"
# gunicorn's control socket: in the unit's runtime folder (RuntimeDirectory=tambon-web), because its
# default, ~/.gunicorn, is read-only under the unit's ProtectSystem/ProtectHome.
if os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(os.environ["RUNTIME_DIRECTORY"].split(":")[0], "gunicorn.ctl")
