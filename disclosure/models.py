"""The office's disclosure checklist for one Thai fiscal year: the assessment's items and their links."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from disclosure import live_pages
from disclosure.constants import CODE_PATTERN, UpdateEvery

CODE_VALIDATOR = RegexValidator(
    CODE_PATTERN, _("Write the code as the assessment does, e.g. O1, O10 or O10.1.")
)


def code_order(code: str):
    """The assessment's order: O2 before O10 (a plain text sort would put O10 first)."""
    match = re.match(r"^([A-Z]*)([0-9]*)(?:\.([0-9]+))?", code or "")
    letters, number, sub = match.groups() if match else ("", "", "")
    return (letters, int(number or 0), int(sub or 0), code)


class DisclosureItemQuerySet(models.QuerySet):
    def in_order(self) -> list:
        return sorted(self, key=lambda item: code_order(item.code))


class DisclosureItem(ClusterableModel):
    """One item of the year's list (O1 โครงสร้าง …): what to publish and where it is on the site."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="disclosure_items"
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        validators=[MinValueValidator(2560), MaxValueValidator(2700)],
        help_text=_(
            "The Thai fiscal year the item applies to, e.g. 2570 (1 October 2026 to 30 September 2027)."
        ),
    )
    code = models.CharField(_("code"), max_length=10, validators=[CODE_VALIDATOR])
    title_th = models.CharField(_("item title (Thai)"), max_length=255)
    title_en = models.CharField(_("item title (English)"), max_length=255, blank=True)
    what_to_publish_th = models.TextField(_("what to publish (Thai)"), blank=True)
    what_to_publish_en = models.TextField(_("what to publish (English)"), blank=True)
    update_every = models.PositiveSmallIntegerField(
        _("to be updated"),
        choices=UpdateEvery.choices,
        default=UpdateEvery.YEARLY,
        help_text=_("The report marks the item when nothing linked to it has changed for longer."),
    )

    objects = DisclosureItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("disclosure item")
        verbose_name_plural = _("disclosure items")
        ordering = ["office", "-fiscal_year", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "code"], name="one_disclosure_item_per_code"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title_th} ({self.fiscal_year})"

    def _in_language(self, name):
        """(text, language of the text): English on English pages where given, else the Thai."""
        english = getattr(self, f"{name}_en") if get_language() == "en" else ""
        return (english, "en") if english else (getattr(self, f"{name}_th"), "th")

    @property
    def title(self) -> str:
        return self._in_language("title")[0]

    @property
    def title_language(self) -> str:
        return self._in_language("title")[1]

    @property
    def what_to_publish(self) -> str:
        return self._in_language("what_to_publish")[0]

    @property
    def what_to_publish_language(self) -> str:
        return self._in_language("what_to_publish")[1]


class DisclosureLink(Orderable):
    """Where an item is published: exactly one of a page, a document or a live page of Tambon."""

    item = ParentalKey(DisclosureItem, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    live_page = models.CharField(_("page of Tambon"), max_length=40, blank=True, choices=live_pages.choices)

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def clean(self):
        super().clean()
        chosen = [bool(self.page_id), bool(self.document_id), bool(self.live_page)]
        if sum(chosen) != 1:
            raise ValidationError(_("Choose exactly one: a page, a document or a page of Tambon."))

    @property
    def target(self):
        """The page (specific), document or `LivePage` linked, or None when it is gone."""
        if self.page_id:
            return self.page
        if self.document_id:
            return self.document
        return live_pages.get(self.live_page) if self.live_page else None
