import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.home.factories import add_information_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(thai_home):
    return add_information_page(thai_home, "เกี่ยวกับเทศบาล", "about")


def settings_url():
    return f"/admin/settings/home/organisationsettings/{Site.objects.get().pk}/"


def test_communications_staff_edit_translate_and_publish_pages(client, communications_user, page):
    client.force_login(communications_user)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200
    permissions = page.permissions_for_user(communications_user)
    assert permissions.can_publish()
    assert communications_user.has_perm("wagtail_localize.submit_translation")


def test_communications_staff_do_not_reach_settings_or_users(client, communications_user, page):
    client.force_login(communications_user)
    assert client.get(settings_url()).status_code in (302, 403)
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/groups/").status_code in (302, 403)


def test_a_junior_editor_edits_but_publishing_needs_approval(
    client, junior_editor, communications_user, page
):
    permissions = page.permissions_for_user(junior_editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    workflow = page.get_workflow()
    assert workflow is not None and workflow.active
    approvers = workflow.tasks.first().specific.groups.all()
    assert [group.name for group in approvers] == ["Communications staff"]


def test_a_junior_editor_submits_for_moderation_and_communications_staff_approve(
    client, junior_editor, communications_user, page
):
    client.force_login(junior_editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        nested_form_data(
            {
                "title": "เกี่ยวกับเทศบาล (แก้ไข)",
                "slug": "about",
                "introduction": "",
                "body": streamfield([]),
                "action-submit": "Submit to moderation",
            }
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "เกี่ยวกับเทศบาล"  # the live page is unchanged until approved
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.current_task_state.task.specific.user_can_access_editor(page, communications_user)


def test_permit_officers_cannot_edit_pages_or_media(client, permit_officer, page):
    client.force_login(permit_officer)
    assert client.get("/admin/").status_code == 200
    assert not page.permissions_for_user(permit_officer).can_edit()
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    assert client.get("/admin/images/").status_code in (302, 403)


def test_administrators_manage_settings_and_users(client, administrator, page):
    client.force_login(administrator)
    assert client.get(settings_url()).status_code == 200
    assert client.get("/admin/users/").status_code == 200
    assert page.permissions_for_user(administrator).can_publish()


def test_the_admin_speaks_thai_by_default(client, communications_user):
    client.force_login(communications_user)
    html = client.get("/admin/").text
    assert '<html lang="th"' in html
    assert "แผงควบคุม" in html  # "Dashboard", from Wagtail's own Thai catalogue
