"""`/admin/library/…`: the service library in the admin (registered by library/wagtail_hooks.py).

Thin: who may do what is `library.permissions`, what changes is `library.services`.
"""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from library import permissions, services
from library.models import Adoption, ModelService
from offices.scope import is_platform_administrator


def _check(request):
    if not permissions.can_use_library(request.user):
        raise PermissionDenied


def _visible_adoptions(user):
    """Every office's adoptions for platform administrators, their own offices' for office staff."""
    adoptions = Adoption.objects.select_related("office__site", "version", "model_service", "page")
    if is_platform_administrator(user):
        return adoptions
    return adoptions.filter(office__in=permissions.offices_for(user))


@never_cache
def index(request):
    _check(request)
    adoptions = {}
    for adoption in _visible_adoptions(request.user):
        adoptions.setdefault(adoption.model_service_id, []).append(adoption)
    rows = [
        {"service": service, "newest": service.newest_version, "adoptions": adoptions.get(service.pk, [])}
        for service in ModelService.objects.prefetch_related("versions")
    ]
    context = {"rows": rows, "is_platform_admin": is_platform_administrator(request.user)}
    return TemplateResponse(request, "library/index.html", context)


@never_cache
def detail(request, code):
    _check(request)
    service = get_object_or_404(ModelService, code=code)
    newest = service.newest_version
    if newest is None:
        raise Http404
    adoptions = list(_visible_adoptions(request.user).filter(model_service=service))
    using = {adoption.office_id for adoption in Adoption.objects.filter(model_service=service)}
    context = {
        "service": service,
        "newest": newest,
        "page": newest.values["page"],
        "form_fields": newest.values["fields"],
        "versions": service.versions.order_by("-number"),
        "adoptions": adoptions,
        "offices": [office for office in permissions.offices_for(request.user) if office.pk not in using],
        "is_platform_admin": is_platform_administrator(request.user),
    }
    return TemplateResponse(request, "library/detail.html", context)


@require_POST
def adopt(request, code):
    _check(request)
    service = get_object_or_404(ModelService, code=code)
    # Another office than the user's own is refused exactly as one that does not exist.
    office = get_object_or_404(permissions.offices_for(request.user), pk=request.POST.get("office") or 0)
    try:
        adoption = services.adopt(office, service, user=request.user)
    except services.LibraryError as error:
        flash.error(request, str(error))
        return HttpResponseRedirect(reverse("library:detail", args=[code]))
    flash.success(
        request,
        _(
            "“%(service)s” is now in the catalogue of %(office)s: adapt its fee, division and contact as you need."
        )
        % {"service": adoption.page.title, "office": office},
    )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[adoption.page_id]))


def _own_adoption(request, pk):
    _check(request)
    return get_object_or_404(_visible_adoptions(request.user), pk=pk)


@never_cache
def compare(request, pk):
    adoption = _own_adoption(request, pk)
    comparison = services.compare(adoption)
    context = {"adoption": adoption, "comparison": comparison}
    return TemplateResponse(request, "library/compare.html", context)


@require_POST
def take_newest(request, pk):
    adoption = _own_adoption(request, pk)
    try:
        comparison = services.take_newest(adoption, user=request.user)
    except services.LibraryError as error:
        flash.error(request, str(error))
        return HttpResponseRedirect(reverse("library:compare", args=[adoption.pk]))
    flash.success(
        request,
        _("Version %(number)s taken: %(taken)s fields updated, %(kept)s of your own changes kept.")
        % {
            "number": comparison.newest.number,
            "taken": len(comparison.taken),
            "kept": len(comparison.kept),
        },
    )
    return HttpResponseRedirect(reverse("library:compare", args=[adoption.pk]))
