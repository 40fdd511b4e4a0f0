from django import template

from home.menus import resolved_items
from home.models import OrganisationSettings

register = template.Library()


def _items(context, relation):
    request = context["request"]
    org = OrganisationSettings.for_request(request)
    items = getattr(org, relation).select_related("link_page")
    return resolved_items(items, request)


@register.simple_tag(takes_context=True)
def header_menu(context):
    return _items(context, "header_menu_items")


@register.simple_tag(takes_context=True)
def footer_menu(context):
    return _items(context, "footer_menu_items")
