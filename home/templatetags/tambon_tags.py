from django import template
from django.utils.translation import get_language

from home.dates import format_date
from home.i18n import language_links, localized_attribute

register = template.Library()


@register.filter
def local_date(value, style=""):
    """`{{ page.date|local_date }}`: BE year and Thai month names on Thai pages; `:"short"` abbreviates."""
    return format_date(value, get_language(), short=style == "short")


@register.filter
def localized(obj, field_name):
    """`{{ settings.home.OrganisationSettings|localized:"name" }}` picks `name_th` or `name_en`."""
    return localized_attribute(obj, field_name)


@register.simple_tag(takes_context=True)
def other_languages(context):
    """Links to the current page in every language, for the switch and the hreflang alternates."""
    return language_links(context["request"], context.get("page"))
