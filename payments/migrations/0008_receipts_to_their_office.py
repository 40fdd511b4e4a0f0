"""Receipt books per office, step 2: each receipt goes to the office of its request's service; the
installation's counters go to the default site's office, which issued every receipt so far (another
office that already has receipts in a year continues after its highest number there)."""

from django.db import migrations
from django.db.models import Max


def office_of_service(apps, service_id, default):
    """The office whose Thai or English tree holds the page (historical models have no get_site())."""
    Page = apps.get_model("wagtailcore", "Page")
    Office = apps.get_model("offices", "Office")
    page = Page.objects.filter(pk=service_id).first()
    if page is None:
        return default
    for office in Office.objects.select_related("site__root_page"):
        root = office.site.root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        if any(page.path.startswith(path) for path in roots):
            return office
    return default


def forwards(apps, schema_editor):
    Office = apps.get_model("offices", "Office")
    Receipt = apps.get_model("payments", "Receipt")
    ReceiptCounter = apps.get_model("payments", "ReceiptCounter")
    default = (
        Office.objects.filter(site__is_default_site=True).first() or Office.objects.order_by("pk").first()
    )
    if default is None:  # no site at all: nothing can have been paid
        return
    offices = {}
    for receipt in Receipt.objects.filter(office__isnull=True).select_related("payment__submission"):
        service_id = receipt.payment.submission.service_id
        if service_id not in offices:
            offices[service_id] = office_of_service(apps, service_id, default)
        receipt.office = offices[service_id]
        receipt.save(update_fields=["office"])
    ReceiptCounter.objects.filter(office__isnull=True).update(office=default)
    others = (
        Receipt.objects.exclude(office=default).values("office", "fiscal_year").annotate(last=Max("sequence"))
    )
    for row in others:
        ReceiptCounter.objects.update_or_create(
            office_id=row["office"], fiscal_year=row["fiscal_year"], defaults={"last_number": row["last"]}
        )


class Migration(migrations.Migration):
    dependencies = [("payments", "0007_receipts_per_office"), ("casework", "0003_submission_send_token")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
