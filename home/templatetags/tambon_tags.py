from django import template
from django.conf import settings
from django.utils.translation import get_language

from home.dates import format_date
from home.i18n import language_links, localized_attribute
from home.thai_text import keep_together, thai_words
from home.thai_text import typeset as typeset_html

register = template.Library()


@register.filter(needs_autoescape=True)
def local_date(value, style="", autoescape=True):
    """`{{ page.date|local_date }}`: BE year and Thai month names on Thai pages; `:"short"` abbreviates.

    In HTML the date never breaks across lines ("27 | พฤศจิกายน 2569"); plain-text emails get it as is.
    """
    text = format_date(value, get_language(), short=style == "short")
    return keep_together(text) if autoescape and text else text


@register.filter
def localized(obj, field_name):
    """`{{ settings.home.OrganisationSettings|localized:"name" }}` picks `name_th` or `name_en`."""
    return localized_attribute(obj, field_name)


@register.simple_tag(takes_context=True)
def other_languages(context):
    """Links to the current page in every language, for the switch and the hreflang alternates."""
    return language_links(context["request"], context.get("page"))


@register.filter(is_safe=True)
def typeset(html):
    """`{% filter typeset %}…{% endfilter %}` (base.html): no line break inside a Thai word in headings,
    buttons, labels and menus, nor inside a phone number (see home.thai_text.typeset).

    `TAMBON_TYPESET = False` turns it off: the test settings do, so tests can look for plain text in
    the HTML; the browser tests of typography and accessibility turn it back on.
    """
    if not getattr(settings, "TAMBON_TYPESET", True):
        return html
    return typeset_html(html)


@register.filter(name="thai_words", is_safe=True)
def thai_words_filter(text):
    """`{{ org_name|thai_words }}`: a short Thai text outside headings, buttons and menus that must
    not break inside a word either (the office's name beside the logo)."""
    if not getattr(settings, "TAMBON_TYPESET", True):
        return text
    return thai_words(text)
