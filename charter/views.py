"""`/th/charter/`: the host's office's citizen's charter."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from charter.services import charter as charter_sections
from offices.lookup import office_for_request


@require_GET
def charter(request):
    office = office_for_request(request)
    if office is None:
        raise Http404
    sections = charter_sections(office, get_language(), request)
    return render(
        request,
        "charter/charter.html",
        {
            "sections": sections,
            "service_count": sum(len(items) for _value, _label, items in sections),
            "today": timezone.localdate(),
        },
    )
