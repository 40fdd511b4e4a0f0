from django import forms
from django.utils.translation import gettext_lazy as _

from payments.constants import PaymentMethod
from payments.fields import BahtFormField


class RefundForm(forms.Form):
    amount = BahtFormField(label=_("Amount to refund (baht)"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class CounterPaymentForm(forms.Form):
    amount = BahtFormField(label=_("Amount received (baht)"))
    method = forms.ChoiceField(
        label=_("Paid by"),
        choices=[
            (PaymentMethod.CASH, PaymentMethod.CASH.label),
            (PaymentMethod.TRANSFER, PaymentMethod.TRANSFER.label),
        ],
    )
    note = forms.CharField(label=_("Note (transfer reference, cashier …)"), required=False, max_length=255)


class AssessFeeForm(forms.Form):
    amount = BahtFormField(label=_("Fee (baht)"))
    note = forms.CharField(label=_("Note for the citizen"), required=False, max_length=255)


class ReportFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
