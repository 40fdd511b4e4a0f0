"""Every site that exists already becomes an office, its code from its host name (or office-<id>)."""

from django.db import migrations

from offices.codes import code_for_site


def forwards(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Office = apps.get_model("offices", "Office")
    taken = set(Office.objects.values_list("code", flat=True))
    for site in Site.objects.filter(office__isnull=True).order_by("pk"):
        code = code_for_site(site.hostname, site.pk, taken)
        taken.add(code)
        Office.objects.create(site=site, code=code)


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_office")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
