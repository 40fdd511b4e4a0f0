from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from casework.status import verify
from charter import views as charter_views
from home import views as home_views
from home.sitemap import BilingualSitemap
from performance import views as performance_views
from staff import views as staff_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("eforms.urls")),
    path("", include("casework.urls")),
    path("payments/", include("payments.urls")),
    path("open311/v2/", include("problems.urls_open311")),
    path("line/", include("line.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("payments/", include("payments.urls_citizen")),
    path("status/", include("casework.status.urls")),
    path("reports/", include("problems.urls")),
    path("line/", include("line.urls_citizen")),
    path("", include("documents.urls")),
    path("verify/<str:reference>/", verify.verify, name="citizen_verify"),
    path("statistics/", performance_views.statistics, name="public_statistics"),
    path("charter/", charter_views.charter, name="charter"),
    path("staff/invitation/<uidb64>/<token>/", staff_views.accept_invitation, name="staff_invitation"),
    path("", include("disclosure.urls")),
    path("", include(wagtail_urls)),
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
