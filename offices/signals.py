"""Every site is an office's, and an office holding citizens' data is never deleted."""

from django.core.cache import cache
from django.db.models import ProtectedError
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Site

from home.demo.signals import demo_loaded, demo_staff_wanted
from offices import codes, demo, lookup, protection
from offices.models import Office


@receiver(post_save, sender=Site, dispatch_uid="offices-site-office")
def give_every_site_an_office(sender, instance, created, raw=False, **kwargs):
    """A site made outside `create_office` (the demo, the admin's Sites screen) gets an office too, with a
    code from its host name; `create_office` then sets the code it was asked for."""
    if raw or Office.objects.filter(site=instance).exists():
        return
    taken = set(Office.objects.values_list("code", flat=True))
    Office.objects.create(site=instance, code=codes.code_for_site(instance.hostname, instance.pk, taken))


@receiver(pre_delete, sender=Office, dispatch_uid="offices-refuse-delete")
def refuse_deleting_an_office_in_use(sender, instance, **kwargs):
    reason = protection.refusal_reason(instance)
    if reason:
        raise ProtectedError(reason, [instance])


DEMO_OFFICE_CODE = "doingam"


@receiver(demo_loaded, dispatch_uid="offices-demo-code")
def name_the_demo_office(sender, home_page, stdout=None, **kwargs):
    """The demo's office is "doingam" rather than the "office-<id>" its address (127.0.0.1) gives."""
    office = Office.objects.filter(site__root_page=home_page).first()
    if office is None or not office.code.startswith("office-"):
        return
    if not Office.objects.filter(code=DEMO_OFFICE_CODE).exists():
        office.code = DEMO_OFFICE_CODE
        office.save(update_fields=["code"])


@receiver(demo_loaded, dispatch_uid="offices-demo-second-office")
def load_the_second_office(sender, home_page, stdout=None, **kwargs):
    """The demo's second office, on the same port as the first (see `offices/demo.py`)."""
    site = Site.objects.filter(root_page=home_page).first()
    if site is not None:
        demo.load(port=site.port, stdout=stdout)


@receiver(demo_staff_wanted, dispatch_uid="offices-demo-office-staff")
def add_the_second_offices_staff(sender, password, port, stdout=None, **kwargs):
    """The second office's administrator and permit officer, to see what one office's staff see."""
    demo.add_staff(password=password, port=port, stdout=stdout)


@receiver(post_save, sender=Office, dispatch_uid="offices-forget-office")
@receiver(post_delete, sender=Office, dispatch_uid="offices-forget-deleted-office")
@receiver(post_save, sender=Site, dispatch_uid="offices-forget-site")
@receiver(post_delete, sender=Site, dispatch_uid="offices-forget-deleted-site")
def forget_cached_office(sender, instance, **kwargs):
    """`offices.lookup.office_for_site` reads the office again (its code or its site's host changed)."""
    cache.delete(lookup.cache_key(instance.site_id if isinstance(instance, Office) else instance.pk))
