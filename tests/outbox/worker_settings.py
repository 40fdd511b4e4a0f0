"""Settings for a real `manage.py db_worker` process started by a test: the test settings with the
database backend, on the test's own database, sending to the test's SMTP server on loopback."""

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATABASES["default"]["NAME"] = os.environ["TAMBON_WORKER_DATABASE"]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["TAMBON_WORKER_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_TIMEOUT = 5
