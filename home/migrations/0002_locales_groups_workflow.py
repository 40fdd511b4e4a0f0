"""The English locale, the staff groups and the page approval workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import groups as g


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Locale = apps.get_model("wagtailcore.Locale")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    ContentType = apps.get_model("contenttypes.ContentType")

    Locale.objects.get_or_create(language_code="th")
    Locale.objects.get_or_create(language_code="en")

    for old, new in g.WAGTAIL_DEFAULT_GROUPS.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    submit_translation = Permission.objects.filter(codename="submit_translation").first()
    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    def grant_pages(group, codenames):
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    def grant_collections(group):
        for app_label, codename in g.COLLECTION_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    communications, _ = Group.objects.get_or_create(name=g.COMMUNICATIONS_STAFF)
    juniors, _ = Group.objects.get_or_create(name=g.JUNIOR_EDITORS)
    officers, _ = Group.objects.get_or_create(name=g.PERMIT_OFFICERS)
    administrators, _ = Group.objects.get_or_create(name=g.ADMINISTRATORS)

    for group in (communications, juniors, officers, administrators):
        group.permissions.add(access_admin)
    for group in (communications, juniors):
        if submit_translation:
            group.permissions.add(submit_translation)
        grant_collections(group)
    grant_pages(communications, g.PAGE_PERMISSIONS)
    grant_pages(juniors, ["add_page", "change_page", "lock_page"])
    grant_pages(administrators, g.PAGE_PERMISSIONS)
    grant_collections(administrators)
    administrators.permissions.set(Permission.objects.all())

    # Pages a junior editor changes go to communications staff for approval before publishing.
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(groups=communications, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=g.APPROVAL_WORKFLOW_NAME, content_type=task_type, active=True
        )
        task.groups.set([communications])
    else:
        GroupApprovalTask.objects.filter(pk=task.pk).update(name=g.APPROVAL_WORKFLOW_NAME)
    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=g.APPROVAL_WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:
        Workflow.objects.filter(pk=workflow.pk).update(name=g.APPROVAL_WORKFLOW_NAME)
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
