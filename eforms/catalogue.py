"""The service catalogue: services grouped by category, and a search that works for Thai."""

from eforms.constants import ServiceCategory


def group_by_category(services):
    """[(category value, label, [services])] in the catalogue's fixed order, empty groups left out."""
    groups = {value: [] for value in ServiceCategory.values}
    for service in services:
        groups.setdefault(service.category, []).append(service)
    return [(value, ServiceCategory(value).label, items) for value, items in groups.items() if items]


def _normalise(text):
    return "".join(str(text or "").lower().split())


def search_services(services, query):
    """Services whose name, introduction or category contains every word of the query.

    Thai is written without spaces, so matching is by substring with spaces removed ("ขอ ใบอนุญาต"
    finds "ขอใบอนุญาตก่อสร้าง").
    """
    words = [_normalise(word) for word in query.split() if word.strip()]
    found = []
    for service in services:
        haystack = _normalise(
            f"{service.title} {service.introduction} {ServiceCategory(service.category).label}"
        )
        if all(word in haystack for word in words):
            found.append(service)
    return found
