"""Carry the existing rows over: a payment's old channel ("stripe", "demo") becomes the channel
"online" and that provider id; refunds take their payment's provider; every `StripeEvent` is copied
into `ProviderEvent` with the same payload, outcome, deliveries and dates."""

from django.db import migrations

OLD_ONLINE_CHANNELS = ("stripe", "demo")


def _event_provider(event):
    if event.payment_id is not None and event.payment.provider:
        return event.payment.provider
    session = ((event.payload or {}).get("data") or {}).get("object") or {}
    return "demo" if str(session.get("id", "")).startswith("cs_demo_") else "stripe"


def forwards(apps, schema_editor):
    Payment = apps.get_model("payments", "Payment")
    Refund = apps.get_model("payments", "Refund")
    StripeEvent = apps.get_model("payments", "StripeEvent")
    ProviderEvent = apps.get_model("payments", "ProviderEvent")
    for channel in OLD_ONLINE_CHANNELS:
        Payment.objects.filter(channel=channel).update(channel="online", provider=channel)
    Payment.objects.filter(channel="counter").update(provider="")
    for refund in Refund.objects.select_related("payment").iterator():
        Refund.objects.filter(pk=refund.pk).update(provider=refund.payment.provider)
    for event in StripeEvent.objects.select_related("payment").order_by("pk").iterator():
        ProviderEvent.objects.create(
            provider=_event_provider(event),
            event_id=event.event_id,
            type=event.type,
            livemode=event.livemode,
            payload=event.payload,
            payment_id=event.payment_id,
            outcome=event.outcome,
            message=event.message,
            deliveries=event.deliveries,
            created=event.created,
            received_at=event.received_at,
            processed_at=event.processed_at,
        )


def backwards(apps, schema_editor):
    Payment = apps.get_model("payments", "Payment")
    StripeEvent = apps.get_model("payments", "StripeEvent")
    ProviderEvent = apps.get_model("payments", "ProviderEvent")
    for provider in OLD_ONLINE_CHANNELS:
        Payment.objects.filter(channel="online", provider=provider).update(channel=provider)
    StripeEvent.objects.all().delete()
    for event in ProviderEvent.objects.filter(provider__in=OLD_ONLINE_CHANNELS).order_by("pk").iterator():
        StripeEvent.objects.create(
            event_id=event.event_id,
            type=event.type,
            livemode=event.livemode,
            payload=event.payload,
            payment_id=event.payment_id,
            outcome=event.outcome,
            message=event.message,
            deliveries=event.deliveries,
            created=event.created,
            received_at=event.received_at,
            processed_at=event.processed_at,
        )
    ProviderEvent.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("payments", "0003_provider_neutral_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
