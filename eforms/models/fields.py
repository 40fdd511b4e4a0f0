"""One field of an e-service form, as the editor builds it in the admin."""

import re
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from eforms import field_types
from eforms.field_types import field_type_choices, split_choices

__all__ = ["EFormField", "generate_key", "split_choices"]

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,49}$")


def generate_key(label: str) -> str:
    """A key from an English label (`full_name`), or a random one for a Thai label (`f_3fa9c2`)."""
    candidate = slugify(label or "").replace("-", "_")[:40]
    if KEY_PATTERN.match(candidate) and len(candidate) >= 2:
        return candidate
    return f"f_{secrets.token_hex(3)}"


class EFormField(TranslatableMixin, AbstractFormField):
    """A question, or a step break, of an e-service's form.

    `key` names the answer in every stored submission and never changes with the label or the
    language; the choices are stored by their position ("1", "2" …), so a translated form posts the
    same values as the Thai one.
    """

    page = ParentalKey("eforms.EServicePage", on_delete=models.CASCADE, related_name="form_fields")
    key = models.CharField(
        _("key"),
        max_length=50,
        blank=True,
        validators=[
            RegexValidator(
                KEY_PATTERN,
                _("Use lower-case English letters, digits and underscores, starting with a letter."),
            )
        ],
        help_text=_(
            "The name this answer is stored under. Filled in automatically; do not change it once the "
            "form has submissions."
        ),
    )
    # The choices are the registered types (`eforms.field_types`), read when needed: a new type needs
    # no migration. `clean()` refuses an id no type is registered under.
    field_type = models.CharField(_("field type"), max_length=16, choices=field_type_choices)
    condition_field = models.CharField(
        _("show only if the answer to"),
        max_length=50,
        blank=True,
        help_text=_("The key of an earlier field. Leave empty to always show this field or step."),
    )
    condition_value = models.CharField(
        _("is"),
        max_length=255,
        blank=True,
        help_text=_(
            "One of that field's choices, written exactly as in the Thai version (or 'yes' for a consent box)."
        ),
    )
    condition_choice = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    max_files = models.PositiveSmallIntegerField(
        _("maximum number of files"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    max_file_size_mb = models.PositiveSmallIntegerField(
        _("maximum size of a file (MB)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    accept_pdf = models.BooleanField(_("accept PDF"), default=True)
    accept_jpeg = models.BooleanField(_("accept JPEG photos"), default=True)
    accept_png = models.BooleanField(_("accept PNG images"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("field_type", classname="formbuilder-type")]),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("max_files"), FieldPanel("max_file_size_mb")]),
                FieldRowPanel(
                    [FieldPanel("accept_pdf"), FieldPanel("accept_jpeg"), FieldPanel("accept_png")]
                ),
            ],
            heading=_("File uploads"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("condition_field"), FieldPanel("condition_value")])],
            heading=_("Condition"),
            classname="collapsed",
        ),
        FieldPanel("key"),
    ]

    # Translators change the words; the structure (and so every stored answer's key) stays the Thai one's.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("key"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("condition_field"),
        SynchronizedField("condition_value"),
        SynchronizedField("condition_choice"),
        SynchronizedField("max_files"),
        SynchronizedField("max_file_size_mb"),
        SynchronizedField("accept_pdf"),
        SynchronizedField("accept_jpeg"),
        SynchronizedField("accept_png"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.label

    def get_field_clean_name(self):
        if not self.key:
            self.key = generate_key(self.label)
        return self.key

    def save(self, *args, **kwargs):
        self.clean_name = self.get_field_clean_name()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        # An unknown type gets one clear message from `clean()`, not Django's "not a valid choice" too.
        if self.field_type and not field_types.is_registered(self.field_type):
            exclude = {*(exclude or ()), "field_type"}
        super().clean_fields(exclude=exclude)

    def clean(self):
        super().clean()
        if not self.field_type:
            return  # "This field cannot be blank", from `clean_fields()`
        if not field_types.is_registered(self.field_type):
            raise ValidationError(
                {
                    "field_type": ValidationError(
                        _("“%(type)s” is not a field type of this site: choose one from the list."),
                        code="unknown_field_type",
                        params={"type": self.field_type},
                    )
                }
            )
        self.type.validate_field(self)

    @property
    def type(self) -> field_types.FieldType:
        return field_types.get(self.field_type)

    @property
    def is_step_break(self):
        return self.type.is_step_break

    @property
    def allowed_file_types(self) -> list[str]:
        return [
            name
            for name, flag in (("pdf", self.accept_pdf), ("jpg", self.accept_jpeg), ("png", self.accept_png))
            if flag
        ]
