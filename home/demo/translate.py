"""Publish English translations of demo pages through wagtail-localize, as an editor would.

The translation is a real wagtail-localize translation (the editor can open it in the translation
editor afterwards); its strings come from the demo's Thai → English dictionary.
"""

import re

from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

THAI = re.compile(r"[\u0E00-\u0E7F]")


class MissingDemoTranslation(Exception):
    pass


def translate_page(page, english: dict[str, str]):
    """Create or update the English translation of `page` and publish it."""
    target = Locale.objects.get(language_code="en")
    existing = page.get_translation_or_none(target)
    if existing is not None and existing.live:
        return existing
    creator = TranslationCreator(user=None, target_locales=[target])
    creator.create_translations(page, include_related_objects=False)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=target)
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
    return page.get_translation(target)
