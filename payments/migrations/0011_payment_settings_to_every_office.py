"""Payment settings per office, step 2: the installation's one row becomes the default site's, and every other
existing site gets a copy, so no office's payments change on the day of the upgrade. Provider events
and bank statement imports get their office (the office of the payment they were applied to, else the
default office, which held every account until now); a bank statement line's id is kept per office
(`<office code>:<line id>`), so two offices' banks cannot collide on a transaction id."""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

SETTINGS_FIELDS = [
    "online_providers",
    "provider_options",
    "refund_approval_threshold",
    "receipt_note_th",
    "receipt_note_en",
]


def _default_office(apps):
    Office = apps.get_model("offices", "Office")
    return Office.objects.filter(site__is_default_site=True).first() or Office.objects.order_by("pk").first()


def per_office(apps, schema_editor):
    PaymentSettings = apps.get_model("payments", "PaymentSettings")
    Site = apps.get_model("wagtailcore", "Site")
    rows = list(PaymentSettings.objects.order_by("pk"))
    sites = list(Site.objects.order_by("-is_default_site", "pk"))
    if rows:
        # A generic setting was read with `.first()`: the lowest row is the one in force.
        kept, unread = rows[0], rows[1:]
        for row in unread:
            row.delete()
        if not sites:
            kept.delete()
        else:
            kept.site = sites[0]
            kept.save()
            values = {name: getattr(kept, name) for name in SETTINGS_FIELDS}
            for site in sites[1:]:
                PaymentSettings.objects.create(site=site, **values)

    Office = apps.get_model("offices", "Office")
    ProviderEvent = apps.get_model("payments", "ProviderEvent")
    for office in Office.objects.all():
        ProviderEvent.objects.filter(payment__submission__office=office).update(office=office)
    default = _default_office(apps)
    if default is not None:
        ProviderEvent.objects.filter(office__isnull=True).update(office=default)
        apps.get_model("payments", "StatementImport").objects.update(office=default)
    for office in Office.objects.all():
        ProviderEvent.objects.filter(provider="promptpay_qr", office=office).update(
            event_id=Concat(Value(f"{office.code}:"), F("event_id"))
        )


def back_to_one(apps, schema_editor):
    PaymentSettings = apps.get_model("payments", "PaymentSettings")
    kept = PaymentSettings.objects.order_by("-site__is_default_site", "pk").first()
    PaymentSettings.objects.exclude(pk=getattr(kept, "pk", None)).delete()
    Office = apps.get_model("offices", "Office")
    ProviderEvent = apps.get_model("payments", "ProviderEvent")
    for office in Office.objects.all():
        prefix = f"{office.code}:"
        ProviderEvent.objects.filter(
            provider="promptpay_qr", office=office, event_id__startswith=prefix
        ).update(event_id=Substr("event_id", len(prefix) + 1))


class Migration(migrations.Migration):
    dependencies = [("payments", "0010_payment_settings_per_office")]

    operations = [migrations.RunPython(per_office, back_to_one)]
