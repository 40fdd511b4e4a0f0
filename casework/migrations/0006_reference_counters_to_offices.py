"""References per office, step 2: each office counts its own references per prefix and Buddhist Era
year, and a reference is unique within its office (two offices may both have BP-69-000001).

The installation's counters go to the default site's office, which counted every reference so far;
another office that already has references continues, for each prefix and year, after its highest
number there (offices that shared a prefix had interleaved numbers, so no reference is repeated).
"""

from django.db import migrations


def counters_to_offices(apps, schema_editor):
    Office = apps.get_model("offices", "Office")
    ReferenceCounter = apps.get_model("casework", "ReferenceCounter")
    Submission = apps.get_model("casework", "Submission")
    default = (
        Office.objects.filter(site__is_default_site=True).first() or Office.objects.order_by("pk").first()
    )
    if default is None:  # no site, so no office and no request: the counters counted nothing kept
        ReferenceCounter.objects.all().delete()
        return
    ReferenceCounter.objects.filter(office__isnull=True).update(office=default)
    highest = {}
    for office_id, reference in Submission.objects.exclude(office=default).values_list("office", "reference"):
        prefix, year, number = reference.split("-")  # PP-YY-NNNNNN (casework.references)
        key = (office_id, prefix, year)
        highest[key] = max(highest.get(key, 0), int(number))
    for (office_id, prefix, year), number in highest.items():
        ReferenceCounter.objects.update_or_create(
            office_id=office_id, prefix=prefix, year_code=year, defaults={"last_number": number}
        )


class Migration(migrations.Migration):
    dependencies = [("casework", "0005_reference_counter_office")]

    operations = [migrations.RunPython(counters_to_offices, migrations.RunPython.noop)]
