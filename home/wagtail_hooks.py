"""Admin wiring of the site's content: the translation editor's heading and dates in the admin's language."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def translation_editor_heading():
    return format_html('<script src="{}" defer></script>', static("home/translation-editor.js"))
