"""Private storage for citizens' files: never a public URL.

Local disk (`PRIVATE_MEDIA_ROOT/eforms`, outside MEDIA_ROOT) unless the settings name a `private`
storage in `STORAGES` (an S3 bucket of its own: `AWS_PRIVATE_STORAGE_BUCKET_NAME`). Either way files
are served only by the permission-checked download view, streamed through the application, which
logs who opened what; a signed URL would let the file be opened from a forwarded link or the
browser's history without that check.

Everything here goes through Django's Storage API (`open`, `save`, `delete`, `listdir`,
`get_modified_time`), never a filesystem path, so several application servers can share one bucket.
Wizard uploads waiting for the form to be sent live in the same storage (`tmp/`): the citizen's next
step may reach another server.
"""

import contextlib
import logging
import posixpath
import secrets

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

from eforms import conf

logger = logging.getLogger(__name__)

#: Shown to the citizen when the file store cannot be reached; nothing of the step was kept.
UNAVAILABLE_MESSAGE = _(
    "We could not store your files just now, so nothing has been sent or saved. "
    "Please try again in a few minutes."
)


class StorageUnavailable(Exception):
    """The file store failed (disk, network, bucket): what this step wrote has been removed again."""


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(location=conf.private_root() / "eforms", base_url=None, **kwargs)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; use the download view.")


class PrivateS3Storage(S3Storage):
    """A private bucket: no public ACL, and no URL at all (not even a signed one)."""

    default_acl = "private"
    querystring_auth = True
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError("Private files have no URL; use the download view.")


class _ConfiguredPrivateStorage(LazyObject):
    """The private storage the settings name, looked up on first use and again after the settings
    change (as Django's `default_storage`): a model field keeps this one object for good."""

    def _setup(self):
        self._wrapped = storages["private"] if "private" in settings.STORAGES else PrivateStorage()


_private = _ConfiguredPrivateStorage()


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT", "EFORMS_PRIVATE_ROOT"):
        _private._wrapped = empty


def private_storage():
    """Callable storage (for the model field and migrations): the configured private storage."""
    return _private


@contextlib.contextmanager
def storage_errors():
    """Turns whatever the storage backend raises into `StorageUnavailable`."""
    try:
        yield
    except StorageUnavailable:
        raise
    except (OSError, BotoCoreError, ClientError) as error:
        logger.error("File storage failed: %s", error)
        raise StorageUnavailable(str(error)) from error


class Written:
    """The files one step has written so far, to remove again if the step does not finish."""

    def __init__(self, storage):
        self.storage, self.names = storage, []

    def save(self, name, content) -> str:
        with storage_errors():
            saved = self.storage.save(name, content)
        self.names.append(saved)
        return saved

    def remember(self, name):
        self.names.append(name)

    def remove(self):
        for name in self.names:
            delete_quietly(self.storage, name)


@contextlib.contextmanager
def all_or_nothing(storage=None):
    """`with all_or_nothing() as written: written.save(...)`: if anything in the block fails, every
    file written through `written` is deleted, and a storage failure becomes `StorageUnavailable`."""
    written = Written(storage or private_storage())
    try:
        with storage_errors():
            yield written
    except BaseException:
        written.remove()
        raise


def delete_quietly(storage, name) -> bool:
    """Delete a file; a failure is logged (the daily clean-up tries again), never raised."""
    try:
        storage.delete(name)
    except (OSError, BotoCoreError, ClientError):
        logger.exception("Could not delete the stored file %s", name)
        return False
    return True


def safe_name(name: str) -> str:
    """A filesystem-safe version of a citizen's file name (Thai names become `file`)."""
    base = get_valid_filename(posixpath.basename(name or "file")).encode("ascii", "ignore").decode()
    return base.strip("._")[-80:] or "file"


def random_path(folder: str, name: str) -> str:
    return f"{folder}/{secrets.token_hex(12)}/{safe_name(name)}"
