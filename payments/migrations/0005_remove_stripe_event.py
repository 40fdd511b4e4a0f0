"""`StripeEvent`'s rows are in `ProviderEvent` (0004): the old table goes. A provider's references are
unique per provider, as the old Stripe ids were unique."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("payments", "0004_copy_to_provider_fields")]

    operations = [
        migrations.DeleteModel(name="StripeEvent"),
        migrations.AddConstraint(
            model_name="payment",
            constraint=models.UniqueConstraint(
                fields=("provider", "provider_reference"), name="payments_unique_provider_reference"
            ),
        ),
        migrations.AddConstraint(
            model_name="payment",
            constraint=models.UniqueConstraint(
                fields=("provider", "provider_payment_reference"),
                name="payments_unique_provider_payment_reference",
            ),
        ),
        migrations.AddConstraint(
            model_name="refund",
            constraint=models.UniqueConstraint(
                fields=("provider", "provider_reference"), name="payments_unique_provider_refund"
            ),
        ),
    ]
