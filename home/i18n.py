"""Language helpers shared by templates and views."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def localized_attribute(obj, field_name):
    """Value of `<field>_<lang>` for the active language, falling back to Thai when it is empty."""
    if obj is None:
        return ""
    value = getattr(obj, f"{field_name}_{current_language()}", "")
    return value or getattr(obj, f"{field_name}_{settings.LANGUAGE_CODE}", "")


def language_links(request, page=None):
    """One entry per language: code, name, URL of this same page in that language, and if current.

    A Wagtail page links to its live translation (or the other language's home page when it has
    none yet); any other view keeps its path under the other language prefix.
    """
    current = current_language()
    links = []
    translations = {}
    if page is not None and getattr(page, "pk", None) and hasattr(page, "get_translations"):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    for code, name in settings.LANGUAGES:
        if page is not None and translations:
            target = translations.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
