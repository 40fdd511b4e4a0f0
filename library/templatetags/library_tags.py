from django import template

from library import content

register = template.Library()


@register.simple_tag
def describe(unit, value):
    return content.describe(unit, value)


@register.simple_tag
def unit_label(unit):
    return content.unit_label(unit)
