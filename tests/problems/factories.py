"""Photos and reports for the problems tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from offices.lookup import default_office
from problems import services
from problems.models import Category
from problems.photos import CleanPhoto

# Doi Suthep, Chiang Mai: 18°47'42" N, 98°59'2" E
GPS = {1: "N", 2: (18.0, 47.0, 42.0), 3: "E", 4: (98.0, 59.0, 2.0)}


def jpeg_bytes(*, gps=None, size=(64, 48), colour=(200, 30, 30)):
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0110] = "Model X"
    if gps:
        exif[0x8825] = gps
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes())
    return output.getvalue()


def upload(data=None, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data if data is not None else jpeg_bytes(), content_type=content_type)


def bomb_png():
    """A small file whose header claims 100 million pixels."""
    output = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(output, format="PNG")
    return output.getvalue()


def category(code="street-light", office=None):
    return Category.objects.get(office=office or default_office(), code=code)


def make_report(
    *, office=None, code="street-light", village="3", road="ถนนสายหลัก", email="", name="", **extra
):
    office = office or default_office()
    photo = CleanPhoto(jpeg_bytes(), 64, 48, None)
    return services.submit_report(
        office=office,
        category=category(code, office),
        place={"village": village, "road": road, "landmark": extra.pop("landmark", "")},
        description=extra.pop("description", "ไฟดับสามคืนแล้ว"),
        photos=[photo],
        contact={"name": name, "email": email, "phone": ""},
        language=extra.pop("language", "th"),
    )
