"""Publish English translations of demo pages through wagtail-localize, as an editor would.

The translation is a real wagtail-localize translation (the editor can open it in the translation
editor afterwards); its strings come from the demo's Thai → English dictionary.
"""

import re

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

THAI = re.compile(r"[\u0E00-\u0E7F]")


class MissingDemoTranslation(Exception):
    pass


def translate_page(page, english: dict[str, str]):
    """Create or update the English translation of `page` and publish it.

    One transaction per page: its many small writes commit once (several times faster on PostgreSQL
    than one commit each), and wagtail-localize publishes the translation when it commits, before the
    next page (a child's translation needs its parent's).
    """
    target = Locale.objects.get(language_code="en")
    existing = page.get_translation_or_none(target)
    if existing is not None and existing.live:
        return existing
    with transaction.atomic():
        _write_translation(page, target, english)
    return page.get_translation(target)


def _write_translation(page, target, english):
    # What wagtail-localize's TranslationCreator does, without its first save of an untranslated
    # draft: the page is written once, with its English.
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=target, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in english:
            entry.msgstr = english[entry.msgid]
        elif not THAI.search(entry.msgid):
            entry.msgstr = entry.msgid  # numbers, phone numbers, e-mail addresses
        else:
            missing.append(entry.msgid)
    if missing:
        raise MissingDemoTranslation(f"{page.title}: no English for {missing!r}")
    translation.import_po(po)
    translation.save_target(publish=True)
