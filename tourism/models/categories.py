"""Attraction categories: a short list editors keep, translated like pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class AttractionCategory(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            'Used in the address of the filter, e.g. "?category=temple". The same in every language.'
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Categories are listed from the smallest number.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("attraction category")
        verbose_name_plural = _("attraction categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="tourism_category_slug_unique_per_locale")
        ]

    def __str__(self):
        return self.name
