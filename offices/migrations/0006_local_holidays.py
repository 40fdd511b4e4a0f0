"""Local holidays per office beside the national ones.

Before offices the one holiday list was the one office's. The days Thailand's public holiday calendar
(the `holidays` package, which seeded the list in 0003) names stay national, shared by every office; any
other day an administrator added (a local festival, a closure) was that office's, so it becomes the
default office's local holiday: its deadlines do not change, and no other office inherits its closures.
"""

import django.db.models.deletion
from django.db import migrations, models


def _public_holidays(years):
    import holidays  # self-contained, as 0003

    return set(holidays.Thailand(years=sorted(years)))


def split_holidays(apps, schema_editor):
    Holiday = apps.get_model("casework", "Holiday")
    LocalHoliday = apps.get_model("offices", "LocalHoliday")
    office = apps.get_model("offices", "Office").objects.filter(site__is_default_site=True).first()
    rows = list(Holiday.objects.all())
    if office is None or not rows:
        return
    public = _public_holidays({row.date.year for row in rows})
    local = [row for row in rows if row.date not in public]
    LocalHoliday.objects.bulk_create(
        LocalHoliday(office=office, date=row.date, name=row.name) for row in local
    )
    Holiday.objects.filter(pk__in=[row.pk for row in local]).delete()


def join_holidays(apps, schema_editor):
    """Back to one list: the default office's local holidays return to it (other offices' are lost)."""
    Holiday = apps.get_model("casework", "Holiday")
    LocalHoliday = apps.get_model("offices", "LocalHoliday")
    for row in LocalHoliday.objects.filter(office__site__is_default_site=True):
        Holiday.objects.get_or_create(date=row.date, defaults={"name": row.name})


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0005_office_administrators"),
        ("casework", "0004_submission_office"),
    ]

    operations = [
        migrations.CreateModel(
            name="LocalHoliday",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="date")),
                ("name", models.CharField(max_length=150, verbose_name="name")),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="local_holidays",
                        to="offices.office",
                        verbose_name="office",
                    ),
                ),
            ],
            options={
                "verbose_name": "local holiday",
                "verbose_name_plural": "local holidays",
                "ordering": ["date", "office"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("office", "date"), name="offices_local_holiday_unique_day"
                    )
                ],
            },
        ),
        migrations.RunPython(split_holidays, join_holidays),
    ]
