"""Citizens' files are stored outside the public media and served only to staff allowed to see them."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from casework.models import ServiceHandler, SubmissionFile
from tests.eforms.factories import PDF_BYTES

from .test_wizard_journey import STEP1, STEP2
from .wizard_client import Wizard

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_file(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    upload = SimpleUploadedFile("บัตร.pdf", PDF_BYTES, content_type="application/pdf")
    wizard.post("documents_step", {"consent": "on"}, files={"id_card_copy": upload})
    wizard.post("review", {"website": ""})
    client.logout()
    return SubmissionFile.objects.get()


def test_file_is_outside_media_root(stored_file):
    path = stored_file.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert stored_file.original_name == "บัตร.pdf"
    assert stored_file.file_type == "pdf"


def test_anonymous_user_is_refused(client, stored_file):
    response = client.get(f"/eforms/files/{stored_file.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_without_permission_is_refused(client, stored_file, communications_user):
    client.force_login(communications_user)
    assert client.get(f"/eforms/files/{stored_file.pk}/").status_code == 403


def test_staff_with_permission_gets_the_file(client, stored_file, django_user_model):
    """Only staff whose group handles the service (or administrators): the model permission alone is
    not enough (see docs/inbox.md)."""

    officer = django_user_model.objects.create_user("reviewer", password="x" * 12)
    officer.user_permissions.add(Permission.objects.get(codename="view_submission"))
    client.force_login(officer)
    assert client.get(f"/eforms/files/{stored_file.pk}/").status_code == 403
    group = Group.objects.create(name="Reviewers")
    ServiceHandler.objects.create(service=stored_file.submission.service, group=group)
    officer.groups.add(group)
    response = client.get(f"/eforms/files/{stored_file.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"


def test_temporary_files_are_removed_after_submission(stored_file):
    tmp = settings.PRIVATE_MEDIA_ROOT / "eforms" / "tmp"
    assert not tmp.exists() or not any(p.is_file() for p in tmp.rglob("*"))
