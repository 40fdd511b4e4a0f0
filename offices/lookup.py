"""The office a site or a request belongs to."""

from wagtail.models import Site

from offices.models import Office


def office_for_site(site):
    """The site's office, or None (no site, or a site the data migration has not seen yet)."""
    if site is None:
        return None
    return Office.objects.filter(site=site).select_related("site").first()


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
