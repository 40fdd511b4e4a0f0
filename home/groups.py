"""The staff groups every office starts with. Their names are stable keys used in code and tests."""

from django.contrib.auth.models import Group, Permission

COMMUNICATIONS_STAFF = "Communications staff"
JUNIOR_EDITORS = "Junior editors"
PERMIT_OFFICERS = "Permit officers"
ADMINISTRATORS = "Administrators"

# Wagtail's own migrations create these two; we rename them rather than keep look-alike groups.
WAGTAIL_DEFAULT_GROUPS = {"Moderators": COMMUNICATIONS_STAFF, "Editors": JUNIOR_EDITORS}
# Staff see it in Thai: "ส่งให้ฝ่ายประชาสัมพันธ์ตรวจอนุมัติ" on the junior editor's submit button.
APPROVAL_WORKFLOW_NAME = "ฝ่ายประชาสัมพันธ์ตรวจอนุมัติ"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"), ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"), ("wagtaildocs", "delete_document"),
]  # fmt: skip


def grant_all_permissions_to_administrators(sender=None, **kwargs):
    """post_migrate: administrators hold every permission, including those of apps added later."""
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.set(Permission.objects.all())
