from django import forms
from django.utils.translation import gettext_lazy as _

from payments.fields import BahtFormField


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=_("Bank statement (CSV)"),
        help_text=_("The bill-payment report or account statement exported from the bank, as a CSV file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class TransferForm(forms.Form):
    """One transfer an officer read off the bank's statement or app."""

    ref1 = forms.CharField(
        label=_("Ref1"), max_length=30, help_text=_("The request's reference, with or without dashes.")
    )
    amount = BahtFormField(label=_("Amount received (baht)"))
    paid_on = forms.DateField(label=_("Date of the transfer"), widget=forms.DateInput(attrs={"type": "date"}))
    transaction_id = forms.CharField(
        label=_("Bank transaction id (optional)"),
        required=False,
        max_length=100,
        help_text=_("Give it if the bank shows one: a transfer with the same id is never counted twice."),
    )
