"""Private storage for citizens' files: outside MEDIA_ROOT, so no URL reaches them.

Files are served only by `eforms.views.download_file`, after a permission check.
"""

import posixpath
import secrets

from django.core.files.storage import FileSystemStorage
from django.utils.text import get_valid_filename

from eforms import conf


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(location=conf.private_root() / "eforms", base_url=None, **kwargs)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; use the download view.")


def private_storage():
    """Callable storage, so that tests' temporary PRIVATE_MEDIA_ROOT and migrations both work."""
    return PrivateStorage()


def safe_name(name: str) -> str:
    """A filesystem-safe version of a citizen's file name (Thai names become `file`)."""
    base = get_valid_filename(posixpath.basename(name or "file")).encode("ascii", "ignore").decode()
    return base.strip("._")[-80:] or "file"


def random_path(folder: str, name: str) -> str:
    return f"{folder}/{secrets.token_hex(12)}/{safe_name(name)}"
