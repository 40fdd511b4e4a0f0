"""Creating an office from the admin (platform administrators): the same `create_office` as the command."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from offices.services import OfficeError, create_office, service_choices


class NewOfficeForm(forms.Form):
    name_th = forms.CharField(label=gettext_lazy("Name in Thai"), max_length=255)
    name_en = forms.CharField(label=gettext_lazy("Name in English"), max_length=255, required=False)
    domain = forms.CharField(
        label=gettext_lazy("Address (host name)"),
        max_length=255,
        help_text=gettext_lazy("e.g. nongbua.go.th — its DNS must point at this installation."),
    )
    port = forms.IntegerField(label=gettext_lazy("Port"), initial=80, min_value=1, max_value=65535)
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=40,
        help_text=gettext_lazy(
            "A short Latin name for the office, used in staff group names, e.g. “doingam”."
        ),
    )
    services = forms.MultipleChoiceField(
        label=gettext_lazy("Services from the library"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Each becomes the office's own copy in its catalogue, which its staff then adapt."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].choices = service_choices()
        if not self.fields["services"].choices:
            del self.fields["services"]


def add(request):
    if not request.user.has_perm("offices.add_office"):
        raise PermissionDenied
    form = NewOfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            office = create_office(
                hostname=data["domain"], port=data["port"], code=data["code"].strip(),
                name_th=data["name_th"].strip(), name_en=data["name_en"].strip(),
                services=data.get("services") or (),
            )  # fmt: skip
        except OfficeError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(
                request,
                _("The office %(name)s is ready at %(url)s. Its staff groups are named “%(code)s: …”.")
                % {"name": office, "url": office.site.root_url + "/", "code": office.code},
            )
            return redirect("offices:index")
    context = {
        "form": form,
        "title": _("New office"),
        "icon": "home",
        "intro": _(
            "The office is made ready to serve in one step: its site, a home page and a service catalogue "
            "in Thai and English, its settings and its staff groups. Nothing is created if a step fails."
        ),
        "submit_label": _("Create the office"),
        "cancel_url": reverse("offices:index"),
    }
    return TemplateResponse(request, "offices/admin_form.html", context)
