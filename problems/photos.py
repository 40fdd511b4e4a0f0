"""A citizen's photo made safe to keep and show: checked to be a real picture of a sane size before it
is decoded (a decompression bomb is refused from its header), its GPS position read only when the
citizen asked for it, then re-encoded as a JPEG with no metadata at all."""

import io
import warnings
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from problems.constants import KEPT_PHOTO_SIDE, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}  # MPO: what some phones' JPEGs are read as
GPS_IFD = 0x8825


@dataclass
class CleanPhoto:
    data: bytes
    width: int
    height: int
    position: tuple[Decimal, Decimal] | None


def _refuse(message, code, name):
    return ValidationError(message, code=code, params={"name": name})


NOT_AN_IMAGE = _("%(name)s is not a photo we can read. Please send a JPEG or PNG picture.")
TOO_LARGE = _("%(name)s is larger than 10 MB. Please send a smaller photo.")
TOO_MANY_PIXELS = _("%(name)s has too many pixels to process. Please send a smaller photo.")


def _degrees(values, ref):
    """EXIF's (degrees, minutes, seconds) rationals and N/S/E/W as signed decimal degrees."""
    degrees, minutes, seconds = (float(v) for v in values)
    value = degrees + minutes / 60 + seconds / 3600
    if str(ref).upper().startswith(("S", "W")):
        value = -value
    return Decimal(f"{value:.6f}")


def gps_position(image):
    """(latitude, longitude) from the picture's EXIF, or None when it has none or nonsense."""
    try:
        gps = image.getexif().get_ifd(GPS_IFD)
        if not gps or 2 not in gps or 4 not in gps:
            return None
        latitude = _degrees(gps[2], gps.get(1, "N"))
        longitude = _degrees(gps[4], gps.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or (latitude == 0 and longitude == 0):
        return None
    return latitude, longitude


def clean_photo(uploaded, *, read_position=False) -> CleanPhoto:
    """The photo as it will be kept, or a ValidationError in the citizen's language."""
    name = getattr(uploaded, "name", "") or "photo"
    if uploaded.size > MAX_PHOTO_BYTES:
        raise _refuse(TOO_LARGE, "too_large", name)
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise _refuse(NOT_AN_IMAGE, "not_an_image", name)
                # The header's size, before a single pixel is decoded.
                if image.width * image.height > MAX_PHOTO_PIXELS:
                    raise _refuse(TOO_MANY_PIXELS, "bomb", name)
                position = gps_position(image) if read_position else None
                image.load()
                picture = ImageOps.exif_transpose(image).convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(TOO_MANY_PIXELS, "bomb", name) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise _refuse(NOT_AN_IMAGE, "not_an_image", name) from None
    picture.thumbnail((KEPT_PHOTO_SIDE, KEPT_PHOTO_SIDE))
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=85, optimize=True)  # no exif= : nothing is carried over
    return CleanPhoto(output.getvalue(), picture.width, picture.height, position)
