from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.menus import clear_menu_cache
from home.models import OrganisationSettings

page_published.connect(clear_menu_cache, dispatch_uid="menus-page-published")
page_unpublished.connect(clear_menu_cache, dispatch_uid="menus-page-unpublished")
post_page_move.connect(clear_menu_cache, dispatch_uid="menus-page-moved")


@receiver([post_save, post_delete], sender=OrganisationSettings, dispatch_uid="menus-settings")
def settings_changed(**kwargs):
    # After commit, so the menu items saved with the settings are in the rebuilt menu.
    transaction.on_commit(clear_menu_cache)
