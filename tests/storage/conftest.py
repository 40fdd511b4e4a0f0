"""A real S3-compatible server for the object-storage tests: moto in server mode on loopback.

Skipped when moto is not installed, except in CI (TAMBON_REQUIRE_BROWSER=1, which requires every
outside tool, or TAMBON_REQUIRE_S3=1), where a missing server fails the run.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

# As in the settings, with fewer retries: a dead endpoint fails in a second.
CLIENT = Config(connect_timeout=2, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"})
KEYS = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}


def required() -> bool:
    return os.environ.get("TAMBON_REQUIRE_BROWSER") == "1" or os.environ.get("TAMBON_REQUIRE_S3") == "1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    executable = Path(sys.executable).parent / "moto_server"
    if not executable.exists():
        if required():
            pytest.fail("moto[server] is not installed (pip install -r requirements.txt)")
        pytest.skip("moto[server] is not installed")
    port = free_port()
    process = subprocess.Popen(
        [str(executable), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("moto_server did not start")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def storages_for(endpoint, public_bucket, private_bucket):
    """STORAGES as the production settings build them from AWS_* variables, for `endpoint`."""
    options = {"endpoint_url": endpoint, "client_config": CLIENT, **KEYS}
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": public_bucket,
                "querystring_auth": False,
                "file_overwrite": False,
                **options,
            },
        },
        "private": {
            "BACKEND": "eforms.storage.PrivateS3Storage",
            "OPTIONS": {"bucket_name": private_bucket, "location": "eforms", **options},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


class Buckets:
    def __init__(self, endpoint, settings):
        self.endpoint, self.settings = endpoint, settings
        self.client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing",
                                   aws_secret_access_key="testing", region_name="us-east-1")  # fmt: skip
        suffix = uuid.uuid4().hex[:10]
        self.public, self.private = f"public-{suffix}", f"private-{suffix}"
        for bucket in (self.public, self.private):
            self.client.create_bucket(Bucket=bucket)
        self.up()

    def keys(self, bucket, prefix=""):
        listing = self.client.list_objects_v2(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def up(self):
        self.settings.STORAGES = storages_for(self.endpoint, self.public, self.private)

    def down(self):
        """The same buckets behind an address where nothing answers (S3 down)."""
        self.settings.STORAGES = storages_for(f"http://127.0.0.1:{free_port()}", self.public, self.private)


@pytest.fixture
def buckets(s3_server, settings):
    return Buckets(s3_server, settings)
