"""The office a site or a request belongs to."""

from django.core.cache import cache
from wagtail.models import Site

from offices.models import Office


def cache_key(site_id) -> str:
    return f"offices:for-site:v1:{site_id}"


def office_for_site(site):
    """The site's office, or None (no site, or a site the data migration has not seen yet). Cached:
    every public page asks (the payments notice), and offices change rarely (`offices.signals`
    forgets an office when it or its site is saved or deleted)."""
    if site is None:
        return None
    key = cache_key(site.pk)
    office = cache.get(key)
    if office is None:
        office = Office.objects.filter(site=site).select_related("site").first()
        if office is not None:
            cache.set(key, office, 3600)
    return office


def office_for_request(request):
    """The office of the Wagtail Site the request is for (see `offices.middleware` for unknown hosts)."""
    cached = getattr(request, "_tambon_office", False)
    if cached is not False:
        return cached
    office = office_for_site(Site.find_for_request(request))
    request._tambon_office = office
    return office


def default_office():
    """The office of the default site: where data made before offices existed was put."""
    return Office.objects.filter(site__is_default_site=True).select_related("site").first()


def office_for_page(page):
    """The office whose trees hold `page` (an English page sits beside its office's Thai tree, so its
    Thai source version names the site), else the default office (no page: a deleted service)."""
    if page is not None:
        for candidate in (page, *page.get_translations().order_by("pk")):
            office = office_for_site(candidate.get_site())
            if office is not None:
                return office
    return default_office()
