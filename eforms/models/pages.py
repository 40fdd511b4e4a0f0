"""The service catalogue and the e-service pages under it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from eforms import field_types, pricing
from eforms.catalogue import group_by_category, search_services
from eforms.constants import REFERENCE_PREFIX_PATTERN, FeeDue, PersonalDataBasis, ServiceCategory
from eforms.field_types import split_choices
from eforms.steps import consent_as_the_basis_says, spec_from_field, split_into_steps, step_count
from home.admin_forms import LatinSlugFormMixin
from home.models import LatinSlugMixin, ThaiSearchableMixin


class EServiceAdminForm(LatinSlugFormMixin, WagtailAdminFormPageForm):
    """Checks what the form builder cannot: unique keys, and conditions that point at earlier fields."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        seen = {}
        basis = self.cleaned_data.get("personal_data_basis", self.instance.personal_data_basis)
        asks_consent = basis == PersonalDataBasis.CONSENT
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            instance = form.instance
            key = form.cleaned_data.get("key") or instance.get_field_clean_name()
            field_type = field_types.get(form.cleaned_data.get("field_type", ""))
            if field_type.records_consent and not asks_consent:
                form.add_error(
                    "field_type",
                    _(
                        "The legal basis for personal data (Service tab) is not consent, so the form does not "
                        "ask for it: remove this checkbox, or make consent the basis."
                    ),
                )
            if key in seen:
                form.add_error("key", _("Another field already uses this key."))
            condition = form.cleaned_data.get("condition_field")
            if condition:
                earlier = seen.get(condition)
                if earlier is None:
                    form.add_error(
                        "condition_field", _("Give the key of a field that comes before this one.")
                    )
                elif field_types.get(earlier.get("field_type", "")).is_choice:
                    choices = split_choices(earlier.get("choices", ""))
                    value = form.cleaned_data.get("condition_value", "")
                    if value not in choices and not getattr(self.instance, "is_translation", False):
                        form.add_error("condition_value", _("Write one of that field's choices exactly."))
            seen[key] = form.cleaned_data
        return cleaned_data


class ServiceCataloguePage(LatinSlugMixin, ThaiSearchableMixin, Page):
    """Every e-service of the office, by category, with a search box: `/th/services/`."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["eforms.EServicePage"]
    max_count_per_parent = 1
    template = "eforms/service_catalogue_page.html"

    class Meta:
        verbose_name = _("service catalogue")

    def searchable_parts(self):
        return super().searchable_parts() + [self.introduction]

    def services(self):
        return (
            EServicePage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .only(
                "title",
                "slug",
                "url_path",
                "path",
                "depth",
                "locale_id",
                "translation_key",
                "introduction",
                "category",
                "processing_days",
                "fee_amount",
                "fee_note",
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = (request.GET.get("q") or "").strip()[:100]
        services = list(self.services())
        if query:
            services = search_services(services, query)
        pricing.prepare(services)
        context["query"] = query
        context["groups"] = group_by_category(services)
        context["result_count"] = len(services)
        return context


class EServicePage(LatinSlugMixin, RoutablePageMixin, FormMixin, ThaiSearchableMixin, Page):
    """An e-service: the citizen's manual, then a multi-step form citizens fill in on their phone.

    The form is built from `form_fields` (see `EFormField`); step breaks split it into steps. The
    wizard, confirmation, QR code and poster are sub-URLs of the page.
    """

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Who the service is for, in one or two sentences.")
    )
    category = models.CharField(
        _("category"), max_length=20, choices=ServiceCategory.choices, default=ServiceCategory.REQUESTS
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=4,
        default="ES",
        help_text=_(
            "2 to 4 capital letters that start this service's reference numbers, e.g. BP for building permits."
        ),
    )
    # The citizen's manual (Licensing Facilitation Act B.E. 2558).
    legal_basis = models.TextField(
        _("legal basis"), blank=True, help_text=_("One law or regulation per line.")
    )
    procedure_steps = models.TextField(
        _("steps of the procedure"), blank=True, help_text=_("One step per line.")
    )
    documents_required = models.TextField(
        _("documents required"), blank=True, help_text=_("One document per line.")
    )
    fee_amount = models.DecimalField(
        _("fee (baht)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty if there is no fee."),
    )
    fee_note = models.CharField(_("about the fee"), max_length=255, blank=True)
    fee_due = models.CharField(
        _("the fee is paid"),
        max_length=20,
        choices=FeeDue.choices,
        default=FeeDue.ON_SUBMIT,
        help_text=_(
            "After approval: the citizen is asked for the fee with the decision (after an inspection, "
            "for example) and pays it from the status page."
        ),
    )
    receipt_answers = models.CharField(
        _("answers printed on the receipt"),
        max_length=255,
        blank=True,
        help_text=_(
            "Keys of the answers that say what was paid for, separated by spaces, e.g. “house_no moo "
            "period”. Leave empty for the answer that sets the fee and any address."
        ),
    )
    processing_days = models.PositiveSmallIntegerField(_("processing time (working days)"), default=15)
    # The office's own service standard, posted on the citizen's charter (`charter/`).
    promised_days = models.PositiveSmallIntegerField(
        _("our promise (working days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Optional: the office's own promise when it is shorter than the processing time the law "
            "allows. The citizen's charter shows it beside the legal time."
        ),
    )
    responsible_division = models.CharField(_("responsible division"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    # Personal data (PDPA): shown before the citizen starts and again before they send.
    personal_data_purpose = models.TextField(
        _("what the personal data is used for"),
        blank=True,
        help_text=_("Leave empty for: “We use the information in this form only to handle your request.”"),
    )
    personal_data_basis = models.CharField(
        _("legal basis for using personal data"),
        max_length=20,
        choices=PersonalDataBasis.choices,
        default=PersonalDataBasis.PUBLIC_TASK,
    )
    # After submitting.
    retention_years = models.PositiveSmallIntegerField(
        _("keep finished requests for (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_(
            "Leave empty for the usual period of the category (5 years for licences, 1 year for requests). "
            "After it, the request's personal data is erased; the reference, dates and payments stay."
        ),
    )
    confirmation_text = models.TextField(
        _("what happens next"),
        blank=True,
        help_text=_("Shown on the confirmation page and in the acknowledgement email."),
    )

    base_form_class = EServiceAdminForm
    template = "eforms/eservice_page.html"
    landing_page_template = "eforms/confirmation.html"
    parent_page_types = ["eforms.ServiceCataloguePage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("reference_prefix")]),
        MultiFieldPanel(
            [
                FieldPanel("legal_basis"),
                FieldPanel("procedure_steps"),
                FieldPanel("documents_required"),
                FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("fee_note")]),
                FieldRowPanel([FieldPanel("fee_due"), FieldPanel("receipt_answers")]),
                FieldRowPanel([FieldPanel("processing_days"), FieldPanel("promised_days")]),
                FieldPanel("responsible_division"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading=_("Citizen's manual"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("personal_data_purpose"),
                FieldPanel("personal_data_basis"),
                FieldPanel("retention_years"),
            ],
            heading=_("Personal data"),
        ),
    ]
    form_panels = [
        InlinePanel("form_fields", label=_("Form fields and step breaks")),
        FieldPanel("confirmation_text"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Service")),
            ObjectList(form_panels, heading=_("Form")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = ThaiSearchableMixin.search_fields + [index.FilterField("category")]
    override_translatable_fields = [
        SynchronizedField("category"),
        SynchronizedField("reference_prefix"),
        SynchronizedField("fee_amount"),
        SynchronizedField("fee_due"),
        SynchronizedField("receipt_answers"),
        SynchronizedField("processing_days"),
        SynchronizedField("promised_days"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_email"),
        SynchronizedField("retention_years"),
        SynchronizedField("personal_data_basis"),
    ]

    class Meta:
        verbose_name = _("e-service")

    def clean(self):
        super().clean()
        if not REFERENCE_PREFIX_PATTERN.match(self.reference_prefix or ""):
            raise ValidationError({"reference_prefix": _("Use 2 to 4 capital English letters.")})
        if self.promised_days and self.processing_days and self.promised_days >= self.processing_days:
            raise ValidationError(
                {
                    "promised_days": _(
                        "A promise must be shorter than the processing time (%(days)s working days), "
                        "or leave it empty."
                    )
                    % {"days": self.processing_days}
                }
            )

    def save(self, *args, **kwargs):
        self._resolve_conditions()
        return super().save(*args, **kwargs)

    def _resolve_conditions(self):
        """Store each condition as the position of the choice, which translations keep."""
        fields = list(self.form_fields.all())
        by_key = {f.get_field_clean_name(): f for f in fields}
        for field in fields:
            target = by_key.get(field.condition_field) if field.condition_field else None
            if target is None:
                field.condition_choice = None
                continue
            choices = split_choices(target.choices)
            if field.condition_value in choices:
                field.condition_choice = choices.index(field.condition_value) + 1
            elif getattr(self, "locale_id", None) == self._default_locale_id():
                field.condition_choice = None

    @staticmethod
    def _default_locale_id():
        return (
            Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True).first()
        )

    def searchable_parts(self):
        return super().searchable_parts() + [
            self.introduction,
            self.procedure_steps,
            self.documents_required,
            self.responsible_division,
        ]

    # The manual, as lists for templates.
    def lines(self, name):
        return [line.strip() for line in (getattr(self, name) or "").splitlines() if line.strip()]

    @property
    def legal_basis_lines(self):
        return self.lines("legal_basis")

    @property
    def procedure_step_lines(self):
        return self.lines("procedure_steps")

    @property
    def document_lines(self):
        return self.lines("documents_required")

    @cached_property
    def source_page(self):
        """The Thai (source) version: submissions through any language belong to it."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            EServicePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            or self
        )

    @property
    def asks_consent(self) -> bool:
        """Whether the citizen is asked to consent: the legal basis decides, for the notice and the form."""
        return self.personal_data_basis == PersonalDataBasis.CONSENT

    @property
    def fee_after_approval(self) -> bool:
        return self.fee_due == FeeDue.AFTER_APPROVAL

    @property
    def shorter_promise(self):
        """The office's promise in working days, only where it is shorter than the legal time."""
        if self.promised_days and self.promised_days < self.processing_days:
            return self.promised_days
        return None

    @property
    def has_fee(self) -> bool:
        return pricing.has_fee(self)

    @property
    def fee_text(self) -> str:
        """The fee as the manual says it: what the payment step will ask (`eforms.pricing`)."""
        return pricing.fee_text(self)

    @cached_property
    def field_specs(self):
        """The form's fields as plain specs, read once per request (one query, however many fields),
        with a consent checkbox exactly when consent is the legal basis."""
        specs = [spec_from_field(field) for field in self.form_fields.all()]
        return consent_as_the_basis_says(specs, self.asks_consent)

    @cached_property
    def form_steps(self):
        steps = split_into_steps(self.field_specs)
        prices = pricing.choice_prices(self)
        for step in steps:
            step.choice_prices = {spec.key: prices[spec.key] for spec in step.fields if spec.key in prices}
        return steps

    @property
    def step_count(self) -> int:
        """The number of steps the service page announces: the wizard's "step 1 of N" (`step_count`)."""
        return step_count(self.form_steps)

    @property
    def asks_for_documents(self) -> bool:
        """Whether the form requires an upload (only then can a document be missing)."""
        return any(spec.type.holds_files and spec.required for spec in self.field_specs)

    def subpage_url(self, name):
        """The sub-page's address without the host. The form and its sub-pages are always reached on
        the page's own site, and with several offices `page.url` names the site's host, which is not
        the one in the browser when a development host (localhost) falls back to the default site."""
        parts = self.get_url_parts()
        return (parts[2] if parts else "") + self.reverse_subpage(name)

    @property
    def apply_url(self):
        return self.subpage_url("apply")

    @property
    def poster_url(self):
        return self.subpage_url("poster")

    # Sub-URLs: the wizard, the confirmation and the poster (QR codes: see eforms/urls.py).
    @path("")
    def manual(self, request):
        return self.render(request)

    @path("apply/")
    def apply(self, request):
        from eforms.wizard import serve_wizard  # noqa: PLC0415 — views import this model

        return serve_wizard(self, request)

    @path("save/")
    def save_for_later(self, request):
        from eforms.views import save_for_later  # noqa: PLC0415 — views import this model

        return save_for_later(self, request)

    @path("done/")
    def done(self, request):
        from eforms.views import confirmation  # noqa: PLC0415 — views import this model

        return confirmation(self, request)

    @path("poster/")
    def poster(self, request):
        from eforms.views import poster  # noqa: PLC0415 — views import this model

        return poster(self, request)

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin's serve, not FormMixin's single-form serve.
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        return Page.serve_preview(self, request, mode_name)

    preview_modes = Page.DEFAULT_PREVIEW_MODES
