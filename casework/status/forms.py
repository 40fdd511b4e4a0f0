"""Forms of the citizen's status page and of the officer's actions that carry files."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from casework.satisfaction import QUESTIONS, SHORT_NAMES
from eforms import conf
from eforms.constants import AllowedFileType
from eforms.forms import MultipleFileField
from eforms.validators import validate_upload

MAX_REPLY_FILES = 5


class LookupForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        max_length=30,
        help_text=_("As in the email we sent you, for example BP-69-000123."),
    )
    email = forms.EmailField(label=_("The email address you gave on the form"), max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].widget.attrs.update({"autocapitalize": "characters", "spellcheck": "false"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        for field in self.fields.values():
            field.error_messages["required"] = _("Fill in “%(label)s”.") % {"label": field.label}
        self.fields["email"].error_messages["invalid"] = _("Enter an email address like name@example.com.")

    def clean_reference(self):
        return "".join(self.cleaned_data["reference"].split()).upper()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def error_summary(self):
        return _summary(self)


class ReplyForm(forms.Form):
    """The citizen's answer to a request for information: text and up to five files."""

    message = forms.CharField(
        label=_("Your reply"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    files = MultipleFileField(
        label=_("Documents (optional)"),
        required=False,
        help_text=_("Up to 5 files: PDF, JPEG or PNG."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].error_messages["required"] = _("Write your reply.")
        self.fields["files"].widget.attrs["accept"] = (
            ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        )

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_REPLY_FILES:
            raise ValidationError(_("Send at most %(count)s files.") % {"count": MAX_REPLY_FILES})
        allowed = [t.value for t in AllowedFileType]
        return [(upload, validate_upload(upload, allowed, conf.max_upload_bytes())) for upload in files]

    def error_summary(self):
        return _summary(self)


class SurveyForm(forms.Form):
    """The satisfaction survey (`casework.satisfaction.QUESTIONS`): five questions on 1 to 5 and a comment.
    Used on the status page's link and on the counter's tablet."""

    SCORES = [
        (5, _("5 – Very satisfied")),
        (4, _("4 – Satisfied")),
        (3, _("3 – Neither satisfied nor dissatisfied")),
        (2, _("2 – Dissatisfied")),
        (1, _("1 – Very dissatisfied")),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, question in QUESTIONS:
            self.fields[name] = forms.TypedChoiceField(
                label=question,
                choices=self.SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose a score from 1 to 5 for “%(question)s”.")
                    % {"question": SHORT_NAMES[name]}
                },
            )
        self.fields["comment"] = forms.CharField(
            label=_("Anything you would like to tell us (optional)"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def questions(self):
        """The bound fields of the five questions, in the order asked (for the template)."""
        return [self[name] for name, _question in QUESTIONS]

    def answers(self) -> dict:
        return {name: self.cleaned_data[name] for name, _question in QUESTIONS}

    def error_summary(self):
        return _summary(self, {name: f"id_{name}_0" for name, _question in QUESTIONS})


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(label=_("Yes, withdraw my request. This cannot be undone."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].error_messages["required"] = _("Tick the box to confirm.")


def _summary(form, ids=None):
    """(input id, message) pairs for the error summary; form-wide errors have no input."""
    ids = ids or {}
    return [
        ("" if name == "__all__" else ids.get(name) or form[name].id_for_label, str(error))
        for name, errors in form.errors.items()
        for error in errors
    ]
