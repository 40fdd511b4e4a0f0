import logging

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from home.search import search_pages
from home.site_pages import request_root_paths

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    results = search_pages(query, request_root_paths(request), Locale.get_active()) if query else []
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        results_page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        results_page = paginator.page(1)
    return render(request, "home/search_results.html", {"query": query, "results_page": results_page})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /*/search/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# Error pages: the site's own, in the visitor's language (the one in the address; both, Thai first,
# where the address has none). 400, 403, 404 and the CSRF failure use the site's layout; if that cannot
# be drawn (its header needs the database, which may be what failed) they fall back to the plain
# layout the 500 page always uses.
ERRORS = {
    400: (
        _("Your request could not be handled"),
        _(
            "Something in your request was not right, or the connection was interrupted. Go back, reload "
            "the page and try again. If you were sending a form, sending it again is safe: it will not be "
            "sent twice."
        ),
    ),
    403: (
        _("You cannot open this page"),
        _("If you work for the office, sign in with your own account. Otherwise, go back to the home page."),
    ),
    404: (
        _("Page not found"),
        _("We could not find the page you asked for. It may have moved, or the address may be mistyped."),
    ),
    "csrf": (
        _("This form has expired"),
        _(
            "For your safety, a form can only be sent from a page opened recently, with cookies allowed. "
            "Go back, reload the page and send the form again. If you were sending a request, it will "
            "not be sent twice."
        ),
    ),
    500: (
        _("Sorry, something went wrong"),
        _(
            "There was an error on our server. Anything you had already sent is safe. Please try again in "
            "a moment, or call the office."
        ),
    ),
}


def _languages(request):
    in_address = translation.get_language_from_path(request.path_info)
    return [in_address] if in_address else [code for code, _name in settings.LANGUAGES]


def plain_page(request, *, title, message, status, home_link=True):
    """A page in the language of the address (else in every language, Thai first) drawn without the
    database: the error pages, and the platform's answer to a host that names no office. `home_link`
    off where there is no home to go to."""
    context = {
        "status": status,
        "title": title,
        "message": message,
        "languages": _languages(request),
        "home_link": home_link,
    }
    return HttpResponse(render_to_string("errors/plain.html", context), status=status)


def _plain(request, kind, status):
    """Drawn without the request or the database: nothing here can fail again."""
    title, message = ERRORS[kind]
    return plain_page(request, title=title, message=message, status=status)


def _error_page(request, kind, status, template="errors/page.html"):
    title, message = ERRORS[kind]
    with translation.override(_languages(request)[0]):
        try:
            context = {"status": status, "title": title, "message": message}
            return HttpResponse(render_to_string(template, context, request=request), status=status)
        except Exception:  # noqa: BLE001 — an error page must not fail; the plain one cannot
            logger.warning("Error page %s drawn without the site's layout", status, exc_info=True)
            return _plain(request, kind, status)


def bad_request(request, exception=None):
    return _error_page(request, 400, 400)


def permission_denied(request, exception=None):
    return _error_page(request, 403, 403)


def page_not_found(request, exception=None):
    return _error_page(request, 404, 404, template="404.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: usually a form left open too long, or a browser refusing cookies."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    return _error_page(request, "csrf", 403)


def server_error(request):
    # Drawn without a request context: the database or a context processor may be what failed.
    return _plain(request, 500, 500)
