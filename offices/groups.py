"""Each office's own staff groups, made from the installation's groups in `home.groups`.

An office's group holds the same model permissions as the installation's group of that role (so what
later migrations grant officers reaches every office), except those that would reach other offices
(users, groups, sites, site settings, offices): a platform administrator keeps those; an office's
administrators manage their own office's staff through the `staff` app (its `manage_office_staff`
permission), never through Django's user and group permissions. An office's administrators get its
officers' and communications staff's powers (`SCOPED_ROLES_FOR`). Page permissions are granted on the office's own home pages (Thai and English trees), and
image/document permissions on a collection of the office's own.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home import groups as g
from offices.models import OfficeGroup

#: Role (the installation's group name) -> the Thai name of the office's group, after its code.
ROLE_NAMES = {
    g.PERMIT_OFFICERS: "เจ้าหน้าที่ผู้รับคำขอ",
    g.COMMUNICATIONS_STAFF: "เจ้าหน้าที่ประชาสัมพันธ์",
    g.JUNIOR_EDITORS: "ผู้ช่วยเจ้าหน้าที่ประชาสัมพันธ์",
    g.ADMINISTRATORS: "ผู้ดูแลระบบ",
}

#: Permissions that act on every office at once: never granted through an office's group.
PLATFORM_ONLY = (
    Q(content_type__app_label="auth")
    | Q(content_type__app_label="offices", content_type__model__in=["office", "officegroup"])
    | Q(content_type__app_label="wagtailcore", content_type__model__in=["site", "locale"])
    | Q(content_type__app_label="home", content_type__model="organisationsettings")
)


#: An office's administrators get the powers of its officers and communications staff, and what they
#: need to run their office (`OFFICE_ADMINISTRATION`) — all scoped to their office (requests through
#: `casework.access`, pages by tree) — not the installation administrators' "every request, every
#: payment, every log" permissions, which would show them other offices' citizens.
SCOPED_ROLES_FOR = {g.ADMINISTRATORS: (g.PERMIT_OFFICERS, g.COMMUNICATIONS_STAFF)}
OFFICE_ADMINISTRATION = {
    g.ADMINISTRATORS: [
        ("payments", "approve_refund"),
        ("privacy", "view_accesslog"),
        ("offices", "view_processingagreement"),
        ("offices", "add_processingagreement"),
        ("offices", "change_processingagreement"),
        ("offices", "delete_processingagreement"),
        # The office's document templates and which services issue them (scoped by office there).
        ("documents", "view_documenttemplate"),
        ("documents", "add_documenttemplate"),
        ("documents", "change_documenttemplate"),
        ("documents", "delete_documenttemplate"),
        ("documents", "view_servicedocument"),
        ("documents", "add_servicedocument"),
        ("documents", "change_servicedocument"),
        ("documents", "delete_servicedocument"),
        # Their own office's staff: invite, put in the office's groups, deactivate (`staff.services`).
        ("staff", "manage_office_staff"),
    ]
}


def _model_permissions(role):
    roles = SCOPED_ROLES_FOR.get(role, (role,))
    templates = Group.objects.filter(name__in=roles)
    extra = Q(pk__in=[])
    for app_label, codename in OFFICE_ADMINISTRATION.get(role, ()):
        extra |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(Q(group__in=templates) | extra).exclude(PLATFORM_ONLY).distinct()


def group_name(office_code, role):
    return f"{office_code}: {ROLE_NAMES[role]}"


def create_office_groups(office, home_pages):
    """The office's groups, with permissions on `home_pages` (its home page in each language)."""
    collection = Collection.get_first_root_node().add_child(name=office.code)
    made = {}
    for role in ROLE_NAMES:
        template = Group.objects.get(name=role)
        group = Group.objects.create(name=group_name(office.code, role))
        OfficeGroup.objects.create(group=group, office=office, role=role)
        group.permissions.set(_model_permissions(role))
        page_permissions = set(
            GroupPagePermission.objects.filter(group=template).values_list("permission_id", flat=True)
        )
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=page, permission_id=permission)
            for page in home_pages
            for permission in page_permissions
        )
        collection_permissions = set(
            GroupCollectionPermission.objects.filter(group=template).values_list("permission_id", flat=True)
        )
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=collection, permission_id=permission)
            for permission in collection_permissions
        )
        made[role] = group
    _approval_workflow(office, made[g.COMMUNICATIONS_STAFF], home_pages)
    return made


def _approval_workflow(office, approvers, home_pages):
    """Junior editors' changes go to the office's own communications staff, not another office's."""
    name = f"{office.code}: {g.APPROVAL_WORKFLOW_NAME}"
    task = GroupApprovalTask.objects.create(name=name, active=True)
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name=name, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in home_pages:
        WorkflowPage.objects.create(page=page, workflow=workflow)
