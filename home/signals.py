from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache
from home.menus import clear_menu_cache
from home.models import OrganisationSettings

page_published.connect(clear_menu_cache, dispatch_uid="menus-page-published")
page_unpublished.connect(clear_menu_cache, dispatch_uid="menus-page-unpublished")
post_page_move.connect(clear_menu_cache, dispatch_uid="menus-page-moved")


@receiver([post_save, post_delete], sender=OrganisationSettings, dispatch_uid="menus-settings")
def settings_changed(**kwargs):
    # After commit, so the menu items saved with the settings are in the rebuilt menu.
    transaction.on_commit(clear_menu_cache)


# The page cache: any change that can show on a public page makes every stored page stale.
page_published.connect(page_cache.bump, dispatch_uid="page-cache-published")
page_unpublished.connect(page_cache.bump, dispatch_uid="page-cache-unpublished")
post_page_move.connect(page_cache.bump, dispatch_uid="page-cache-moved")
post_save.connect(page_cache.model_changed, dispatch_uid="page-cache-saved")
post_delete.connect(page_cache.model_changed, dispatch_uid="page-cache-deleted")
page_published.connect(page_cache.purge_cdn_listings, dispatch_uid="cdn-purge-published")
page_unpublished.connect(page_cache.purge_cdn_listings, dispatch_uid="cdn-purge-unpublished")
