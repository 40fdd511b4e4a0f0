"""Uploaded files from citizens: images re-encoded without their metadata, and a virus scan.

Both run on every upload after its type was recognised by content (eforms.validators).
"""

import io
import logging
import socket
import struct
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)
SCAN_CHUNK = 64 * 1024
SCAN_TIMEOUT = 30


def _replace_content(uploaded, data: bytes) -> None:
    """Put `data` in place of the upload's content, in memory or in its temporary file alike.

    A large upload lives in a temporary file that storage later moves as it is: writing into that
    same file is what makes the stored copy the cleaned one.
    """
    handle = uploaded.file
    handle.seek(0)
    handle.truncate()
    handle.write(data)
    handle.flush()
    handle.seek(0)
    uploaded.size = len(data)


def strip_image_metadata(uploaded, detected_type: str) -> None:
    """Re-encode a JPEG or PNG: EXIF (GPS position, camera, owner), comments and profiles are dropped.

    The picture keeps its orientation (applied from EXIF before it is dropped).
    """
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            output = io.BytesIO()
            if detected_type == "jpg":
                image.convert("RGB").save(output, format="JPEG", quality=90, optimize=True)
            else:
                if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                    image = image.convert("RGBA")
                image.save(output, format="PNG", optimize=True)
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _("The picture %(name)s is too large to process. Please send a smaller one."),
            code="image_too_large",
            params={"name": uploaded.name},
        ) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("The picture %(name)s could not be read. Please send it again or as a PDF."),
            code="image_unreadable",
            params={"name": uploaded.name},
        ) from error
    _replace_content(uploaded, output.getvalue())


class ScannerUnavailable(Exception):
    pass


def _connect(address: str):
    parsed = urlparse(address)
    if parsed.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target = parsed.path
    elif parsed.scheme == "tcp":
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        target = (parsed.hostname, parsed.port or 3310)
    else:
        raise ScannerUnavailable(f"CLAMAV must be unix:///path or tcp://host:port, not {address!r}")
    sock.settimeout(SCAN_TIMEOUT)
    sock.connect(target)
    return sock


def clamav_verdict(uploaded, address: str) -> str:
    """clamd's answer for the file's content, by its INSTREAM command: 'OK' or '<name> FOUND'."""
    uploaded.seek(0)
    try:
        with _connect(address) as sock:
            sock.sendall(b"zINSTREAM\0")
            while chunk := uploaded.read(SCAN_CHUNK):
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = sock.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as error:
        raise ScannerUnavailable(str(error)) from error
    finally:
        uploaded.seek(0)
    answer = reply.rstrip(b"\0").decode("utf-8", "replace")
    return answer.removeprefix("stream: ").strip()


def scan_for_viruses(uploaded) -> None:
    """When CLAMAV is set, refuse infected files; refuse all files while the scanner cannot be reached."""
    address = getattr(settings, "CLAMAV", "")
    if not address:
        return
    try:
        verdict = clamav_verdict(uploaded, address)
    except ScannerUnavailable:
        logger.exception("ClamAV at %s did not answer; the upload was refused", address)
        raise ValidationError(
            _(
                "We cannot check files for viruses at the moment, so we cannot accept %(name)s. Please try again later."
            ),
            code="scanner_unavailable",
            params={"name": uploaded.name},
        ) from None
    if verdict != "OK":
        logger.warning("ClamAV refused an upload: %s", verdict)
        raise ValidationError(
            _("The file %(name)s was refused because our virus check found a threat in it."),
            code="virus",
            params={"name": uploaded.name},
        )


def clean_upload(uploaded, detected_type: str) -> None:
    scan_for_viruses(uploaded)
    if detected_type in ("jpg", "png"):
        strip_image_metadata(uploaded, detected_type)
