"""Admin screens of shared processing agreements (rules in `offices.agreements`)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateInput

from offices import agreements
from offices.models import Office, ProcessingAgreement
from offices.scope import is_platform_administrator


def _require_viewer(user):
    if not (is_platform_administrator(user) or user.has_perm("offices.view_processingagreement")):
        raise PermissionDenied


class AgreementForm(forms.Form):
    service = forms.ModelChoiceField(label=gettext_lazy("Your e-service"), queryset=None)
    handled_by = forms.ModelChoiceField(label=gettext_lazy("Handled by the office"), queryset=None)
    starts_on = forms.DateField(label=gettext_lazy("From"), widget=AdminDateInput)
    ends_on = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=AdminDateInput,
        help_text=gettext_lazy("Empty: until ended."),
    )  # fmt: skip
    note = forms.CharField(
        label=gettext_lazy("Agreement (title, number, date)"), max_length=255, required=False
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = agreements.shareable_services(user)
        self.fields["handled_by"].queryset = Office.objects.select_related("site")
        self.fields["handled_by"].label_from_instance = lambda office: f"{office} ({office.site.hostname})"


def index(request):
    _require_viewer(request.user)
    owned = set(agreements.shareable_services(request.user).values_list("pk", flat=True))
    today = timezone.localdate()
    rows = []
    for agreement in agreements.visible_agreements(request.user):
        running = agreement.ends_on is None or agreement.ends_on >= today
        rows.append(
            {
                "agreement": agreement,
                "in_force": agreement.starts_on <= today and running,
                "can_end": agreement.service_id in owned and running,
            }
        )
    return TemplateResponse(request, "offices/agreements.html", {"rows": rows, "can_add": bool(owned)})


def add(request):
    _require_viewer(request.user)
    if not agreements.shareable_services(request.user).exists():
        raise PermissionDenied
    form = AgreementForm(request.user, request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            agreements.record(user=request.user, **form.cleaned_data)
        except forms.ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(request, _("The agreement is recorded."))
            return redirect("offices_agreements:index")
    context = {
        "form": form,
        "title": _("Record an agreement"),
        "icon": "group",
        "submit_label": _("Record"),
        "cancel_url": reverse("offices_agreements:index"),
    }
    return TemplateResponse(request, "offices/admin_form.html", context)


@require_POST
def end(request, pk):
    _require_viewer(request.user)
    owned = agreements.shareable_services(request.user)
    agreement = get_object_or_404(ProcessingAgreement.objects.filter(service__in=owned), pk=pk)
    if agreement.ends_on is not None and agreement.ends_on < timezone.localdate():
        raise Http404
    agreements.end(agreement)
    messages.success(request, _("The agreement has ended: the other office no longer sees these requests."))
    return redirect("offices_agreements:index")
