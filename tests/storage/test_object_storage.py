"""Citizens' files and published media in S3 buckets (moto's real S3 HTTP server on loopback): the
wizard's uploads, the officer's download, deletion by the purge and by erasure, the clean-up of
abandoned uploads, image renditions; and S3 down: the citizen is told, nothing is half-saved."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from casework.models import ReferenceCounter, Submission, SubmissionFile
from eforms import services
from privacy.erasure import anonymise_case
from tests.eforms.factories import PDF_BYTES
from tests.eforms.test_wizard_journey import STEP1, STEP2
from tests.eforms.wizard_client import Wizard

pytestmark = pytest.mark.django_db

THAI_MESSAGE = "ขณะนี้ระบบไม่สามารถจัดเก็บไฟล์ของท่านได้"


def upload(name="บัตร.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def fill_in(client, service, with_file=True):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    files = {"id_card_copy": upload()} if with_file else {}
    response = wizard.post("documents_step", {"consent": "on"}, files=files)
    return wizard, response


def test_uploads_downloads_purge_and_erasure_go_through_the_private_bucket(
    client, service, buckets, administrator
):
    wizard, _response = fill_in(client, service)
    [tmp] = buckets.keys(buckets.private)
    assert tmp.startswith("eforms/tmp/")
    wizard.post("review", {"website": ""})
    record = SubmissionFile.objects.get()
    assert buckets.keys(buckets.private) == [f"eforms/{record.file.name}"]  # the waiting copy is gone
    assert buckets.read(buckets.private, f"eforms/{record.file.name}") == PDF_BYTES
    assert buckets.keys(buckets.public) == []
    with pytest.raises(NotImplementedError):
        record.file.url  # noqa: B018 — no URL of any kind, not even a signed one

    client.force_login(administrator)
    response = client.get(f"/eforms/files/{record.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert "no-store" in response["Cache-Control"]

    # A second request, erased at the citizen's request; the first, purged after its retention.
    client.logout()
    client.cookies.clear()
    fill_in(client, service)[0].post("review", {"website": ""})
    first, second = Submission.objects.order_by("pk")
    second_key = f"eforms/{second.files.get().file.name}"
    Submission.objects.filter(pk=second.pk).update(status="completed", completed_at=timezone.now())
    anonymise_case(second.pk)
    assert second_key not in buckets.keys(buckets.private)

    long_ago = timezone.now() - datetime.timedelta(days=365 * 10)
    Submission.objects.filter(pk=first.pk).update(status="completed", completed_at=long_ago)
    call_command("purge_expired_submissions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert buckets.keys(buckets.private) == []


def test_abandoned_uploads_are_cleaned_from_the_bucket(client, service, buckets):
    fill_in(client, service)
    assert len(buckets.keys(buckets.private, "eforms/tmp/")) == 1
    assert services.delete_expired(now=timezone.now())["temporary_files"] == 0  # still fresh
    later = timezone.now() + datetime.timedelta(days=2)
    assert services.delete_expired(now=later)["temporary_files"] == 1
    assert buckets.keys(buckets.private) == []


def test_images_and_renditions_go_to_the_public_bucket_with_plain_urls(buckets):
    image = Image.objects.create(title="ภาพ", file=get_test_image_file())
    rendition = image.get_rendition("fill-40x30|format-webp")
    keys = buckets.keys(buckets.public)
    assert image.file.name in keys and rendition.file.name in keys
    assert rendition.url.startswith(f"{buckets.endpoint}/{buckets.public}/")
    assert "Signature" not in rendition.url and "X-Amz" not in rendition.url
    assert buckets.keys(buckets.private) == []


def test_s3_down_refuses_an_upload_in_the_citizens_language_and_keeps_nothing(client, service, buckets):
    buckets.down()
    wizard, response = fill_in(client, service)
    assert response.status_code == 503
    assert THAI_MESSAGE in response.content.decode()
    assert wizard.current_step() == "documents_step"  # the step was not passed
    session = client.session[f"wizard_{wizard.prefix}"]
    assert not session["extra_data"].get("files")
    buckets.up()
    assert buckets.keys(buckets.private) == []


def test_s3_down_when_sending_makes_no_request_and_the_citizen_can_send_again(client, service, buckets):
    wizard, _response = fill_in(client, service)
    counters = list(ReferenceCounter.objects.values_list("last_number", flat=True))
    buckets.down()
    response = wizard.post("review", {"website": ""})
    assert response.status_code == 503 and THAI_MESSAGE in response.content.decode()
    assert Submission.objects.count() == 0 and SubmissionFile.objects.count() == 0
    assert list(ReferenceCounter.objects.values_list("last_number", flat=True)) == counters
    buckets.up()
    [tmp] = buckets.keys(buckets.private)  # the waiting file is still there, nothing else
    assert tmp.startswith("eforms/tmp/")
    wizard.post("review", {"website": ""})
    record = SubmissionFile.objects.get()
    assert buckets.keys(buckets.private) == [f"eforms/{record.file.name}"]
