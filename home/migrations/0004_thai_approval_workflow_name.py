"""The approval workflow and its task get a Thai name: staff read "ส่งให้ฝ่ายประชาสัมพันธ์ตรวจอนุมัติ"
on the submit button instead of "Submit to Approval by communications staff"."""

from django.db import migrations

OLD = "Approval by communications staff"
NEW = "ฝ่ายประชาสัมพันธ์ตรวจอนุมัติ"


def rename(apps, old, new):
    for model in (apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "Task")):
        model.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_personal_data"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunPython(
            lambda apps, schema: rename(apps, OLD, NEW), lambda apps, schema: rename(apps, NEW, OLD)
        )
    ]
