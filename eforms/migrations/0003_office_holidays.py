"""Every office starts with the Thai public holidays of 2026 and 2027 (administrators keep the list)."""

from django.db import migrations


def seed_holidays(apps, schema_editor):
    import holidays  # self-contained: the app's own calendar code has moved since (casework.deadlines)

    Holiday = apps.get_model("eforms", "Holiday")
    for day, name in sorted(holidays.Thailand(years=[2026, 2027], language="th").items()):
        Holiday.objects.get_or_create(date=day, defaults={"name": name[:150]})


class Migration(migrations.Migration):
    dependencies = [
        ("eforms", "0002_review_workflow"),
    ]

    operations = [
        migrations.RunPython(seed_holidays, migrations.RunPython.noop),
    ]
