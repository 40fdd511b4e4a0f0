from disclosure.models import DisclosureItem, DisclosureLink

YEAR = 2570  # 1 October 2026 to 30 September 2027


def make_item(office, code, title_th="รายการทดสอบ", year=YEAR, links=(), **extra):
    """An item with links: pages, documents or live-page keys (strings)."""
    item = DisclosureItem.objects.create(
        office=office, fiscal_year=year, code=code, title_th=title_th, **extra
    )
    for order, target in enumerate(links):
        if isinstance(target, str):
            DisclosureLink.objects.create(item=item, live_page=target, sort_order=order)
        elif hasattr(target, "file"):
            DisclosureLink.objects.create(item=item, document=target, sort_order=order)
        else:
            DisclosureLink.objects.create(item=item, page=target, sort_order=order)
    return item
