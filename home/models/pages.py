"""Content page types edited by communications staff."""

import functools
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.admin_forms import NewsItemPageForm, PageForm
from home.blocks import ContentStreamBlock, ShortcutBlock
from home.slugs import available_slug, latin_slug
from home.thai_text import segment


def publicly_visible(pages):
    """`pages` without those in a private section (a view restriction on them or an ancestor).

    Wagtail's `.public()` does the same with a query of its own for the restrictions; this is one
    subquery inside the page query.
    """
    restricted = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return pages.exclude(Exists(restricted))


class LatinSlugMixin:
    """Every page type of the site: a Latin slug made from a Thai title (see `home.slugs`).

    Wagtail fills an empty slug from the title, which gives nothing for Thai with unicode slugs off;
    here the title is romanised instead. The admin form (`PageForm`) also repairs a dash-only or Thai
    slug and shows slug errors where the editor is.
    """

    base_form_class = PageForm

    def full_clean(self, *args, **kwargs):
        # Only when the parent is known (as Wagtail does): the slug must be free among the siblings.
        if not self.slug and (self.path or getattr(self, "_cached_parent_obj", None)):
            base = latin_slug(self.title)
            if base:
                self.slug = available_slug(base, self.get_parent(), self)
        super().full_clean(*args, **kwargs)


class ThaiSearchableMixin:
    """Indexes a word-segmented copy of the page's text, so a Thai word is found inside a sentence.

    Override `searchable_parts` to add a page type's own fields.
    """

    search_fields = Page.search_fields + [
        index.SearchField("segmented_text"),
        index.FilterField("locale"),
    ]

    def searchable_parts(self):
        parts = [self.title, self.search_description]
        body = getattr(self, "body", None)
        if body is not None and hasattr(body, "stream_block"):
            parts.extend(body.stream_block.get_searchable_content(body))
        return parts

    def segmented_text(self):
        return segment(" ".join(strip_tags(str(part)) for part in self.searchable_parts() if part))


class HomePage(LatinSlugMixin, ThaiSearchableMixin, Page):
    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shortcuts = StreamField(
        [("shortcut", ShortcutBlock())],
        verbose_name=_("shortcuts"),
        blank=True,
        help_text=_("The most used services, shown as large buttons."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("shortcuts"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def searchable_parts(self):
        return super().searchable_parts() + [self.hero_title, self.hero_text]

    def latest_news(self, count=3):
        return publicly_visible(
            NewsItemPage.objects.live()
            .descendant_of(self)  # this office's news only, not another office's in the same language
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )[:count]

    def shortcut_links(self, request):
        """The shortcuts as title, description and URL, each in its live translation, in one query.

        An editor may pick a page of either language tree; the visitor gets it in this page's language.
        The page ids are read from the stream's raw data: turning the blocks into pages would cost
        a query of its own.
        """
        blocks = [
            item["value"]
            for item in self.shortcuts.raw_data
            if item["type"] == "shortcut" and item["value"].get("page")
        ]
        ids = [block["page"] for block in blocks]
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        found = Page.objects.filter(
            Q(pk__in=ids) | Q(live=True, locale_id=self.locale_id, translation_key__in=keys)
        )
        key_of, translated = {}, {}
        for page in found:
            key_of[page.pk] = page.translation_key
            if page.live and page.locale_id == self.locale_id:
                translated[page.translation_key] = page
        links = []
        for block in blocks:
            page = translated.get(key_of.get(block["page"]))
            if page is not None:
                links.append(
                    {
                        "title": block.get("title") or page.title,
                        "description": block.get("description", ""),
                        "url": page.get_url(request),
                    }
                )
        return links

    def news_index(self):
        # This home page's own: another office's news index in the same language is not this one's.
        return NewsIndexPage.objects.live().descendant_of(self).order_by("path").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shortcut_links"] = self.shortcut_links(request)
        context["latest_news"] = self.latest_news()
        # Called by the template inside a cached fragment: no query once the fragment is warm.
        context["news_index"] = functools.cache(self.news_index)
        return context


class InformationPage(LatinSlugMixin, ThaiSearchableMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    class Meta:
        verbose_name = _("information page")

    def searchable_parts(self):
        return super().searchable_parts() + [self.introduction]


class NewsIndexPage(LatinSlugMixin, ThaiSearchableMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    per_page = 10
    page_cache_query_params = ("kind", "page")  # home.page_cache: the filters and page number

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["home.NewsItemPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = (
            NewsItemPage.objects.child_of(self)
            .live()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )
        items = publicly_visible(items)
        kind = request.GET.get("kind")
        if kind in NewsItemPage.Kind.values:
            items = items.filter(kind=kind)
            context["kind"] = kind
        paginator = Paginator(items, self.per_page)
        try:
            news_page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            news_page = paginator.page(1)
        context["news_page"] = news_page
        context["kinds"] = NewsItemPage.Kind.choices
        return context


class ProcurementMethod(models.TextChoices):
    """Methods of the Public Procurement Act B.E. 2560 (sections 55–56)."""

    E_BIDDING = "e_bidding", _("Electronic bidding (e-bidding)")
    E_MARKET = "e_market", _("Electronic market (e-market)")
    SELECTION = "selection", _("Selection")
    SPECIFIC = "specific", _("Specific method")


class NewsItemPage(LatinSlugMixin, ThaiSearchableMixin, Page):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ANNOUNCEMENT = "announcement", _("Announcement")
        PROCUREMENT = "procurement", _("Procurement notice")

    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    summary = models.TextField(_("summary"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(_("image alternative text"), max_length=250, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    # A procurement notice's facts, for the yearly summary the disclosure rules ask for (`disclosure/`).
    procurement_method = models.CharField(
        _("procurement method"), max_length=20, choices=ProcurementMethod.choices, blank=True
    )
    procurement_budget = models.DecimalField(
        _("budget (baht)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    procurement_winner = models.CharField(
        _("winner"), max_length=255, blank=True, help_text=_("Once the winner is announced.")
    )
    procurement_price = models.DecimalField(
        _("agreed price (baht)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    procurement_date = models.DateField(_("date of the contract"), null=True, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("kind")], heading=_("Details")),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("procurement_method"), FieldPanel("procurement_budget")]),
                FieldPanel("procurement_winner"),
                FieldRowPanel([FieldPanel("procurement_price"), FieldPanel("procurement_date")]),
            ],
            heading=_("Procurement (procurement notices only)"),
        ),
    ]
    search_fields = ThaiSearchableMixin.search_fields + [index.FilterField("date")]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "procurement_method",
            "procurement_budget",
            "procurement_winner",
            "procurement_price",
            "procurement_date",
        )
    ]

    PROCUREMENT_FIELDS = (
        "procurement_method",
        "procurement_budget",
        "procurement_winner",
        "procurement_price",
        "procurement_date",
    )
    RESULT_FIELDS = ("procurement_winner", "procurement_price", "procurement_date")

    base_form_class = NewsItemPageForm

    class Meta:
        verbose_name = _("news item")

    def clean(self):
        """Facts that contradict each other are refused on every save; a notice without its method and
        budget only in the admin (`NewsItemPageForm`), so notices made before these fields still save."""
        super().clean()
        errors = {}
        given = {name for name in self.PROCUREMENT_FIELDS if getattr(self, name) not in (None, "")}
        if self.kind != self.Kind.PROCUREMENT:
            for name in given:
                errors[name] = _("Only a procurement notice has this: choose that kind, or leave it empty.")
            if errors:
                raise ValidationError(errors)
            return
        result = [name for name in self.RESULT_FIELDS if name in given]
        if result and len(result) < len(self.RESULT_FIELDS):
            for name in self.RESULT_FIELDS:
                if name not in given:
                    errors[name] = _(
                        "An announced result needs the winner, the agreed price and the date of the contract."
                    )
        if (
            self.procurement_price is not None
            and self.procurement_budget is not None
            and self.procurement_price > self.procurement_budget
        ):
            errors["procurement_price"] = _("The agreed price cannot be more than the budget.")
        if errors:
            raise ValidationError(errors)

    def searchable_parts(self):
        return super().searchable_parts() + [self.summary]


class ContactPage(LatinSlugMixin, ThaiSearchableMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    address = models.TextField(_("address"), blank=True)
    opening_hours = RichTextField(_("opening hours"), features=["bold", "ul"], blank=True)
    phones = RichTextField(_("phones"), features=["bold", "ul", "link"], blank=True)
    email = models.EmailField(_("email"), blank=True)
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("A link that opens the office in a map app.")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("more information"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("phones"),
        FieldPanel("email"),
        FieldPanel("map_url"),
        FieldPanel("body"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def searchable_parts(self):
        return super().searchable_parts() + [self.introduction, self.address, self.opening_hours, self.phones]
