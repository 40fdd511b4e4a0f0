"""The citizen's three steps (what, where, photos and contact), the board's filters and the officer's
forms. Every message is in the citizen's language; nothing here trusts the browser's checks."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eforms.forms import MultipleFileField, MultipleFileInput
from problems.constants import MAX_PHOTOS, STATUSES_OF, PublicState
from problems.photos import clean_photo


class CitizenForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = _("Fill in “%(label)s”.") % {"label": field.label}

    def error_summary(self):
        """(input id, message) for the summary at the top of the page."""
        rows = [("", str(e)) for e in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name != "__all__":
                rows += [(self[name].id_for_label, str(e)) for e in errors]
        return rows


class WhatForm(CitizenForm):
    category = forms.ChoiceField(label=_("What is the problem?"), widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("Tell us more (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: the light in front of house 12 has been off for three nights."),
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {str(c.pk): c for c in categories}
        self.fields["category"].choices = [(str(c.pk), c.name) for c in categories]
        self.fields["category"].error_messages["invalid_choice"] = _("Choose one of the problems listed.")
        self.fields["category"].error_messages["required"] = _("Choose what the problem is.")


def _coordinate(limit, label):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(-limit),
        max_value=Decimal(limit),
        max_digits=10,
        decimal_places=6,
        localize=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class WhereForm(CitizenForm):
    village = forms.ChoiceField(label=_("Village (moo)"), required=False)
    road = forms.CharField(label=_("Road or soi"), required=False, max_length=200)
    landmark = forms.CharField(
        label=_("Landmark"),
        required=False,
        max_length=200,
        help_text=_("Something near it that everybody knows: a temple, a school, a shop."),
    )
    latitude = _coordinate(90, _("Latitude"))
    longitude = _coordinate(180, _("Longitude"))
    confirm_far = forms.BooleanField(label=_("Yes, the problem is at this position"), required=False)

    def __init__(self, *args, villages=(), outside=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].choices = [("", _("I do not know"))] + [
            (str(n), _("Moo %(number)s") % {"number": n}) for n in villages
        ]
        self.fields["village"].error_messages["invalid_choice"] = _("Choose a village from the list.")
        for name in ("latitude", "longitude"):
            self.fields[name].error_messages["invalid"] = _(
                "Type a number such as 18.795123, or leave it empty."
            )
            self.fields[name].error_messages["max_value"] = _("This is not a position on Earth.")
            self.fields[name].error_messages["min_value"] = _("This is not a position on Earth.")
            self.fields[name].error_messages["max_digits"] = _("Use at most six decimals.")
            self.fields[name].error_messages["max_decimal_places"] = _("Use at most six decimals.")
        self.outside = outside  # (latitude, longitude) -> bool, the office's area check

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None) and not self.errors:
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if (
            not any(data.get(k) for k in ("village", "road", "landmark"))
            and latitude is None
            and not self.errors
        ):
            raise ValidationError(
                _("Tell us where the problem is: a village, a road, a landmark or a position.")
            )
        if (
            latitude is not None
            and self.outside
            and self.outside(latitude, longitude)
            and not data.get("confirm_far")
        ):
            self.needs_confirmation = True
            raise ValidationError(
                _(
                    "This position is far outside our area. Check it, or tick “Yes, the problem is at "
                    "this position” if it is right."
                )
            )
        return data


class PhotosForm(CitizenForm):
    photos = MultipleFileField(
        label=_("Photos of the problem"),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("1 to 4 photos, JPEG or PNG, at most 10 MB each."),
    )
    use_photo_position = forms.BooleanField(
        label=_("Use the position stored in my photo (then we remove it from the photo)"), required=False
    )
    name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=200)
    phone = forms.CharField(label=_("Phone (optional)"), required=False, max_length=30)
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        max_length=254,
        help_text=_("To get your reference and the answer by email, and to follow it on the status page."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].error_messages["required"] = _("Add at least one photo of the problem.")
        self.fields["email"].error_messages["invalid"] = _("Enter an email address like name@example.com.")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_photos(self):
        files = self.cleaned_data["photos"]
        if not files:
            raise ValidationError(_("Add at least one photo of the problem."))
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("Send at most 4 photos."))
        read = bool(self.data.get("use_photo_position"))
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(clean_photo(upload, read_position=read))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return cleaned


class BoardFilter(forms.Form):
    """The board's filters, for the list and its map alike (a GET form: it works without script)."""

    category = forms.ChoiceField(label=_("Problem"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    village = forms.ChoiceField(label=_("Village (moo)"), required=False)

    def __init__(self, *args, categories=(), villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        self.fields["category"].choices = [("", _("All problems"))] + [(c.code, c.name) for c in categories]
        self.fields["state"].choices = [("", _("All states"))] + list(PublicState.choices)
        self.fields["village"].choices = [("", _("All villages"))] + [
            (str(n), _("Moo %(number)s") % {"number": n}) for n in villages
        ]

    def apply(self, reports):
        """The reports that match the valid filters; an unknown value is ignored, not an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("category"):
            reports = reports.filter(category__code=data["category"])
        if data.get("state"):
            reports = reports.filter(submission__status__in=STATUSES_OF[data["state"]])
        if data.get("village"):
            reports = reports.filter(village=data["village"])
        return reports


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Why hide it from the board?"), max_length=300)


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer in public"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Everyone can read it on the board. Never write the reporter's name or contact."),
    )


class CloseForm(forms.Form):
    """The officer closes a case as fixed: what was done (public) and a photo after the work."""

    text = forms.CharField(
        label=_("What was done (everyone sees it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Never write the reporter's name or contact."),
    )
    photo = forms.FileField(
        label=_("Photo after the work"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG or PNG, at most 10 MB; its position and camera data are removed."),
    )

    def clean_photo(self):
        return clean_photo(self.cleaned_data["photo"])


class VerdictForm(CitizenForm):
    verdict = forms.ChoiceField(
        label=_("Is it fixed?"),
        widget=forms.RadioSelect,
        choices=[("fixed", _("Yes, it is fixed")), ("not_fixed", _("No, it is not fixed"))],
    )
    reason = forms.CharField(
        label=_("If not: what is still wrong?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdict"].error_messages["required"] = _("Choose whether it is fixed.")
        self.fields["verdict"].error_messages["invalid_choice"] = _("Choose whether it is fixed.")

    def clean(self):
        data = super().clean()
        if data.get("verdict") == "not_fixed" and not data.get("reason", "").strip():
            self.add_error("reason", _("Tell us what is still wrong."))
        return data


class FollowForm(CitizenForm):
    code = forms.CharField(
        label=_("Your follow-up code"),
        max_length=40,
        help_text=_("The 16 letters and digits shown when you sent the report, e.g. ABCD-EFGH-JKLM-NPQR."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["required"] = _("Type your follow-up code.")
