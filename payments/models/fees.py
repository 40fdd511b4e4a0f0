"""What a service costs: none, a fixed amount, an amount per chosen option, or assessed by an officer."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from payments.constants import FeeKind
from payments.fields import SatangField


class ServiceFee(ClusterableModel):
    """The fee of one e-service (its Thai source page; the English version shares it).

    Without one, a service whose citizen's manual gives a fee charges that fixed fee.
    """

    service = models.OneToOneField(
        "eforms.EServicePage",
        verbose_name=_("e-service"),
        on_delete=models.CASCADE,
        related_name="payment_fee",
        help_text=_("The Thai version of the e-service page."),
    )
    kind = models.CharField(_("kind of fee"), max_length=20, choices=FeeKind.choices, default=FeeKind.FIXED)
    amount = SatangField(
        _("amount (baht)"),
        default=0,
        help_text=_("For a fixed fee. Also shown for an assessed fee as a guide."),
    )
    option_field_key = models.CharField(
        _("key of the field whose choice sets the amount"),
        max_length=50,
        blank=True,
        help_text=_("For an amount per chosen option: the key of a dropdown or radio-button field."),
    )

    panels = [
        FieldPanel("service"),
        FieldPanel("kind"),
        FieldPanel("amount"),
        MultiFieldPanel(
            [FieldPanel("option_field_key"), InlinePanel("options", label=_("Amount per choice"))],
            heading=_("Amount per chosen option"),
        ),
    ]

    class Meta:
        verbose_name = _("service fee")
        verbose_name_plural = _("service fees")

    def __str__(self):
        return f"{self.service.title if self.service_id else '-'} ({self.get_kind_display()})"

    def clean(self):
        super().clean()
        if self.kind == FeeKind.FIXED and not self.amount:
            raise ValidationError({"amount": _("Give the amount of the fixed fee.")})
        if self.kind == FeeKind.PER_OPTION and not self.option_field_key:
            raise ValidationError(
                {"option_field_key": _("Give the key of the field whose choice sets the fee.")}
            )


class FeeOption(Orderable):
    """The amount for one choice of the option field. Choices are stored by position (1, 2, …), which
    the page's translations keep."""

    fee = ParentalKey(ServiceFee, on_delete=models.CASCADE, related_name="options")
    choice = models.PositiveSmallIntegerField(
        _("choice number"), help_text=_("1 for the first choice, 2 for the second …")
    )
    amount = SatangField(_("amount (baht)"))

    panels = [FieldPanel("choice"), FieldPanel("amount")]

    class Meta(Orderable.Meta):
        verbose_name = _("amount per choice")
        constraints = [models.UniqueConstraint(fields=["fee", "choice"], name="payments_unique_fee_choice")]

    def __str__(self):
        return f"{self.choice}: {self.amount}"


class FeeAssessment(models.Model):
    """The amount an officer set after reviewing a submission whose service has an assessed fee."""

    submission = models.OneToOneField(
        "casework.Submission",
        on_delete=models.CASCADE,
        related_name="fee_assessment",
        verbose_name=_("submission"),
    )
    amount = SatangField(_("amount (baht)"))
    note = models.CharField(_("note for the citizen"), max_length=255, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now)

    class Meta:
        verbose_name = _("fee assessment")

    def __str__(self):
        return f"{self.submission_id}: {self.amount}"
