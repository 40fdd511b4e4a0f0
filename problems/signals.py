"""Every office starts with the default categories (however it was made: create_office, the demo, a
site added in the admin), without offices knowing this app."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from offices.models import Office
from problems.services import create_default_categories


@receiver(post_save, sender=Office, dispatch_uid="problems-default-categories")
def give_a_new_office_categories(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        create_default_categories(instance)
