"""Provider-neutral columns: a payment keeps the id of the provider that took it and that provider's
references (Stripe's session and PaymentIntent ids move into them); refunds likewise; one
`ProviderEvent` table, unique per (provider, event id), will replace `StripeEvent` (rows are copied in
0004, the old table goes in 0005). The administrator's choice of providers goes on `PaymentSettings`."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("payments", "0003_submissions_in_casework")]

    operations = [
        # The old table keeps its rows until 0005; its reverse name makes way for ProviderEvent's.
        migrations.AlterField(
            model_name="stripeevent",
            name="payment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="payments.payment",
            ),
        ),
        migrations.CreateModel(
            name="ProviderEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("provider", models.CharField(max_length=30, verbose_name="provider")),
                ("event_id", models.CharField(max_length=255)),
                ("type", models.CharField(db_index=True, max_length=100)),
                ("livemode", models.BooleanField(default=False)),
                ("payload", models.JSONField()),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("received", "Received"),
                            ("applied", "Applied"),
                            ("ignored", "Ignored (nothing to change)"),
                            ("flagged", "Flagged for an administrator"),
                            ("deferred", "Deferred (payment not known yet)"),
                            ("error", "Error"),
                        ],
                        default="received",
                        max_length=10,
                    ),
                ),
                ("message", models.TextField(blank=True)),
                ("deliveries", models.PositiveIntegerField(default=1)),
                (
                    "created",
                    models.DateTimeField(
                        blank=True, help_text="When the provider created the event.", null=True
                    ),
                ),
                ("received_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ("processed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "payment",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="events",
                        to="payments.payment",
                    ),
                ),
            ],
            options={
                "verbose_name": "provider event",
                "ordering": ["-received_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("provider", "event_id"), name="payments_unique_provider_event"
                    )
                ],
            },
        ),
        migrations.RenameField(
            model_name="payment", old_name="stripe_session_id", new_name="provider_reference"
        ),
        migrations.AlterField(
            model_name="payment",
            name="provider_reference",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="provider's reference"
            ),
        ),
        migrations.RenameField(
            model_name="payment", old_name="stripe_payment_intent_id", new_name="provider_payment_reference"
        ),
        migrations.AlterField(
            model_name="payment",
            name="provider_payment_reference",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="provider's payment reference"
            ),
        ),
        migrations.AddField(
            model_name="payment",
            name="provider",
            field=models.CharField(
                blank=True, db_index=True, default="", max_length=30, verbose_name="provider"
            ),
        ),
        migrations.AlterField(
            model_name="payment",
            name="channel",
            field=models.CharField(
                choices=[("online", "Online card / PromptPay"), ("counter", "At the office")],
                max_length=10,
                verbose_name="channel",
            ),
        ),
        migrations.AlterField(
            model_name="payment",
            name="last_checked_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last checked with the provider"),
        ),
        migrations.AlterField(
            model_name="paymentlog",
            name="source",
            field=models.CharField(
                choices=[
                    ("webhook", "Provider webhook"),
                    ("sync", "Scheduled check with the provider"),
                    ("return", "Citizen's return (checked with the provider)"),
                    ("statement", "Bank statement"),
                    ("officer", "Officer"),
                    ("citizen", "Citizen"),
                    ("system", "System"),
                ],
                max_length=10,
                verbose_name="source",
            ),
        ),
        migrations.RenameField(
            model_name="refund", old_name="stripe_refund_id", new_name="provider_reference"
        ),
        migrations.AlterField(
            model_name="refund",
            name="provider_reference",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="provider's refund reference"
            ),
        ),
        migrations.AddField(
            model_name="refund",
            name="provider",
            field=models.CharField(blank=True, default="", max_length=30, verbose_name="provider"),
        ),
        migrations.AlterField(
            model_name="refund",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting_approval", "Awaiting a second officer's approval"),
                    ("processing", "Being sent to the payment provider"),
                    ("succeeded", "Refunded"),
                    ("failed", "Failed"),
                    ("rejected", "Rejected"),
                ],
                db_index=True,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="paymentsettings",
            name="online_providers",
            field=models.JSONField(blank=True, default=None, null=True, verbose_name="ways to pay online"),
        ),
        migrations.AddField(
            model_name="paymentsettings",
            name="provider_options",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
