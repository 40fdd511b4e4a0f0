"""Uploads: pictures lose their metadata (GPS!) and, when ClamAV is configured, files are scanned."""

import io
import socket
import struct
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import translation
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from eforms.validators import validate_upload

ALL_TYPES = ["pdf", "jpg", "png"]
LIMIT = 10 * 1024 * 1024
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def photo_with_gps(orientation=1):
    image = Image.new("RGB", (40, 20), "red")
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (19.0, 54.0, 37.8), 3: "E", 4: (99.0, 50.0, 26.2)}  # GPS position
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def stored_image(uploaded):
    uploaded.seek(0)
    return Image.open(io.BytesIO(uploaded.read()))


def test_a_photo_loses_its_gps_position_and_camera_but_keeps_its_orientation():
    upload = SimpleUploadedFile("IMG_0001.jpg", photo_with_gps(orientation=6), content_type="image/jpeg")
    assert validate_upload(upload, ALL_TYPES, LIMIT) == "jpg"
    image = stored_image(upload)
    assert dict(image.getexif()) == {}
    assert image.size == (20, 40)  # turned upright before the orientation tag was dropped
    assert upload.size == len(upload.file.getvalue())


def test_a_large_upload_in_a_temporary_file_is_cleaned_in_that_file():
    data = photo_with_gps()
    upload = TemporaryUploadedFile("photo.jpg", "image/jpeg", len(data), None)
    upload.write(data)
    upload.seek(0)
    validate_upload(upload, ALL_TYPES, LIMIT)
    with open(upload.temporary_file_path(), "rb") as stored:  # what storage will move into place
        assert dict(Image.open(stored).getexif()) == {}
    upload.close()


def test_png_text_chunks_are_dropped():
    info = PngInfo()
    info.add_text("Author", "Somchai Jaidee, 1101700207030")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, format="PNG", pnginfo=info)
    upload = SimpleUploadedFile("scan.png", buffer.getvalue(), content_type="image/png")
    validate_upload(upload, ALL_TYPES, LIMIT)
    assert "Author" not in stored_image(upload).info
    assert b"1101700207030" not in upload.file.getvalue()


def test_a_broken_picture_gets_a_clear_message_in_thai():
    upload = SimpleUploadedFile("fake.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200, content_type="image/jpeg")
    with translation.override("th"):
        with pytest.raises(ValidationError) as error:
            validate_upload(upload, ALL_TYPES, LIMIT)
        assert "ไม่สามารถอ่านรูปภาพ fake.jpg ได้" in error.value.messages[0]


class FakeClamd:
    """Speaks clamd's INSTREAM protocol on a local port; finds EICAR like the real one."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.scanned = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            with connection:
                command = b""
                while not command.endswith(b"\0"):
                    command += connection.recv(1)
                assert command == b"zINSTREAM\0"
                data = b""
                while True:
                    size = struct.unpack("!L", self.read(connection, 4))[0]
                    if size == 0:
                        break
                    data += self.read(connection, size)
                self.scanned += 1
                verdict = b"Eicar-Test-Signature FOUND" if EICAR in data else b"OK"
                connection.sendall(b"stream: " + verdict + b"\0")

    @staticmethod
    def read(connection, size):
        data = b""
        while len(data) < size:
            data += connection.recv(size - len(data))
        return data

    def close(self):
        self.server.close()


@pytest.fixture
def clamd(settings):
    fake = FakeClamd()
    settings.CLAMAV = f"tcp://127.0.0.1:{fake.port}"
    yield fake
    fake.close()


def test_with_clamav_a_clean_file_passes_the_scan(clamd):
    validate_upload(SimpleUploadedFile("form.pdf", PDF), ALL_TYPES, LIMIT)
    assert clamd.scanned == 1


def test_with_clamav_an_infected_file_is_refused(clamd):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validate_upload(SimpleUploadedFile("form.pdf", PDF + EICAR), ALL_TYPES, LIMIT)
        assert "virus check found a threat" in error.value.messages[0]


def test_when_the_scanner_is_down_uploads_are_refused_not_let_through(settings):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    settings.CLAMAV = f"tcp://127.0.0.1:{port}"
    with translation.override("th"), pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("form.pdf", PDF), ALL_TYPES, LIMIT)
    assert error.value.code == "scanner_unavailable"
