"""Every request carries its office: the office whose trees hold its service page, else the default
site's office (a request whose service page was deleted)."""

import django.db.models.deletion
from django.db import migrations, models


def fill_office(apps, schema_editor):
    Submission = apps.get_model("casework", "Submission")
    Office = apps.get_model("offices", "Office")
    Page = apps.get_model("wagtailcore", "Page")
    offices = list(Office.objects.select_related("site__root_page"))
    default = next((o for o in offices if o.site.is_default_site), offices[0] if offices else None)
    # A page's office: the site whose root (in any language of the same translation key) it is under.
    roots = []
    for office in offices:
        root = office.site.root_page
        for path in Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True):
            roots.append((path, office))
    roots.sort(key=lambda item: -len(item[0]))
    for service_id in Submission.objects.values_list("service_id", flat=True).distinct():
        office = default
        path = (
            Page.objects.filter(pk=service_id).values_list("path", flat=True).first() if service_id else None
        )
        if path:
            office = next((o for root, o in roots if path.startswith(root)), default)
        if office is not None:
            Submission.objects.filter(service_id=service_id).update(office=office)


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0003_submission_send_token"),
        ("offices", "0003_office_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="office",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="submissions",
                to="offices.office",
                verbose_name="office",
            ),
        ),
        migrations.RunPython(fill_office, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="submission",
            name="office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="submissions",
                to="offices.office",
                verbose_name="office",
            ),
        ),
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                fields=["office", "status", "expected_completion"], name="casework_sub_office_state"
            ),
        ),
    ]
