"""The checklist item's admin form: the office is one the user keeps, and each link points at something
of that office (a page of its own site)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from disclosure.models import DisclosureItem
from disclosure.permissions import offices_for
from home.site_pages import root_paths
from national.figures import FiscalYear
from offices.models import Office


class DisclosureItemForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields["office"]
        field.queryset = offices_for(for_user, ["add", "change"]) if for_user else Office.objects.none()
        if len(field.queryset) == 1:
            field.initial = field.queryset[0].pk
            field.empty_label = None
        if not self.instance.pk:
            self.fields["fiscal_year"].initial = FiscalYear.of(timezone.localdate()).number

    def clean_office(self):
        office = self.cleaned_data["office"]
        if office not in self.fields["office"].queryset:
            raise forms.ValidationError(_("Choose one of your offices."))
        return office

    def clean_code(self):
        return (self.cleaned_data.get("code") or "").strip().upper()

    def clean(self):
        cleaned_data = super().clean()
        office = cleaned_data.get("office")
        code, year = cleaned_data.get("code"), cleaned_data.get("fiscal_year")
        if office and code and year:
            same = DisclosureItem.objects.filter(office=office, fiscal_year=year, code=code)
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "code", _("This office's list for that year already has an item with this code.")
                )
        return cleaned_data

    def is_valid(self):
        """After the links' own checks (which run after `clean`): each linked page is the office's."""
        valid = super().is_valid()
        office = self.cleaned_data.get("office") if hasattr(self, "cleaned_data") else None
        formset = self.formsets.get("links")
        if office is None or formset is None:
            return valid
        paths = root_paths(office.site)
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            page = data.get("page")
            if page is not None and not any(page.path.startswith(path) for path in paths):
                form.add_error("page", _("Choose a page of this office's own site."))
                valid = False
        return valid
