"""The production shape: nginx, gunicorn, the worker, PostgreSQL, Redis, S3 and SMTP, all running."""

import os

import pytest

#: Every shape test: marked, and skipped unless asked for (CI's `.ci/run` asks, once, on PostgreSQL).
shape_only = [
    pytest.mark.shape,
    pytest.mark.skipif(os.environ.get("TAMBON_SHAPE") != "1", reason="the production shape: TAMBON_SHAPE=1"),
]
