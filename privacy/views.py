"""The data-subject request tool (PDPA §30–33): an administrator finds everything the site holds
about an email address, phone number or national ID, gives the person a copy, and erases it where
the law allows.

Everything is posted, never put in a URL (addresses and ID numbers would end up in server logs), and
every search, export and erasure is written to the personal-data audit log. Erasure is the
retention's anonymisation (`privacy.erasure`), so a request keeps its reference, dates, states and
payments' amounts and receipt numbers.
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from home.pdf import FONTS, html_to_pdf
from offices.scope import administered_offices, is_platform_administrator
from privacy import subjects
from privacy.audit import record_access, record_subject
from privacy.models import AccessLog


def _whole_installation(user) -> bool:
    """The installation's administrators: who manage staff accounts or offices (or superusers)."""
    return user.has_perm("auth.change_user") or is_platform_administrator(user)


def can_handle(user) -> bool:
    """The installation's administrators, and an office's administrators (for their office)."""
    return user.is_active and (_whole_installation(user) or administered_offices(user).exists())


def offices_searched(user) -> list | None:
    """The offices (ids) whose requests `user` searches; None: the whole installation."""
    if _whole_installation(user):
        return None
    return list(administered_offices(user).order_by("pk").values_list("pk", flat=True))


def _find(request, person):
    return subjects.find(person, offices=offices_searched(request.user))


def _record(request, action, found, detail):
    """The entry about the person; an office's search goes in its office's log."""
    office_id = found.offices[0] if found.offices else None
    person = found.person
    record_subject(request, action, person.kind, person.key, found.masked, detail, office_id=office_id)


def administrators_only(view):
    def wrapped(request, *args, **kwargs):
        if not can_handle(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


class SubjectRequestForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Email address, phone number or national ID"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_q(self):
        person = subjects.classify(self.cleaned_data["q"])
        if person is None:
            raise forms.ValidationError(
                _("Enter an email address, a Thai phone number or a 13-digit national ID number.")
            )
        return person


class EraseForm(SubjectRequestForm):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the person's identity and their request to erase their data.")
    )


def _log_cases(request, action, found, detail):
    """One entry per request the person's data belongs to, beside the entry about the person."""
    for section in found.sections:
        if getattr(section.declaration, "keeps_cases", False):
            for record in section.records:
                record_access(request, action, record, detail=detail)


@administrators_only
def search(request):
    """The search form (GET), and what was found (POST)."""
    form = SubjectRequestForm(request.POST or None)
    context = {"form": form, "found": None}
    if request.method == "POST" and form.is_valid():
        found = _find(request, form.cleaned_data["q"])
        _record(request, AccessLog.Action.SEARCH, found, found.summary())
        context.update(
            found=found,
            query=request.POST["q"],
            refusals=found.refusals(),
            erase_form=EraseForm(initial={"q": request.POST["q"]}),
        )
    return render(request, "privacy/subject_request.html", context)


def _valid_or_back(request, form_class):
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return None
    return form


@administrators_only
@require_POST
def export(request):
    """The person's copy: a JSON file, a PDF, or (`format=html`) a page to print."""
    form = _valid_or_back(request, SubjectRequestForm)
    if form is None:
        return redirect("privacy_subject_requests:search")
    found = _find(request, form.cleaned_data["q"])
    output = request.POST.get("format")
    output = output if output in ("html", "pdf") else "json"
    detail = f"{ {'html': 'printable page', 'pdf': 'PDF', 'json': 'JSON'}[output] }: {found.summary()}"
    _record(request, AccessLog.Action.EXPORT, found, detail)
    _log_cases(request, AccessLog.Action.EXPORT, found, "Data-subject request: copy for the person")
    data = subjects.export(found)
    if output == "html":
        return render(request, "privacy/subject_request_print.html", {"found": found, "data": data})
    if output == "pdf":
        context = {"found": found, "data": data, "fonts_url": FONTS.as_uri()}
        html = render_to_string("privacy/subject_request_print.html", context, request=request)
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="personal-data.pdf"'
        return response
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@administrators_only
@require_POST
def erase(request):
    """Erase what the law allows; refused as a whole while a request or a payment is still open."""
    form = _valid_or_back(request, EraseForm)
    if form is None:
        return redirect("privacy_subject_requests:search")
    found = _find(request, form.cleaned_data["q"])
    if found.empty:
        messages.error(request, _("Nothing was erased: nothing is held about this person."))
        return redirect("privacy_subject_requests:search")
    reasons = found.refusals()
    if reasons:
        messages.error(request, _("Nothing was erased. %(reasons)s") % {"reasons": " ".join(reasons)})
        return redirect("privacy_subject_requests:search")
    with transaction.atomic():
        subjects.erase(found)
        _record(request, AccessLog.Action.ERASE, found, found.summary())
        _log_cases(request, AccessLog.Action.ERASE, found, "Data-subject request: personal data erased")
    messages.success(
        request,
        _(
            "The personal data of %(count)s request(s) was erased. References, dates, states and payments' "
            "amounts and receipt numbers are kept as the law requires."
        )
        % {"count": len(found.cases)},
    )
    return redirect("privacy_subject_requests:search")
