"""Tourism pages: the index (with its map), attractions and events. Edited by communications staff."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import ContentStreamBlock
from home.models import LatinSlugMixin, ThaiSearchableMixin
from tourism import event_dates, hours
from tourism.blocks import GalleryBlock
from tourism.constants import Access, EventDateKind, Weekday


def local_now() -> datetime.datetime:
    """The site's wall-clock time (Asia/Bangkok), naive, as opening hours are written."""
    return timezone.localtime().replace(tzinfo=None)


class GalleryMixin:
    """Pages with a `gallery` StreamField of photos; the first photo stands for the page."""

    def first_gallery_item(self):
        """(image id, alt text) of the first photo, read from the stored JSON without a query."""
        for item in self.gallery.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "image" and value.get("image"):
                return value["image"], value.get("alt_text", "")
        return None, ""


def _tabs(content, details_heading, details):
    return TabbedInterface(
        [
            ObjectList(content, heading=pgettext_lazy("admin tab", "Content")),
            ObjectList(details, heading=details_heading),
            ObjectList(Page.promote_panels, heading=pgettext_lazy("admin tab", "Promote")),
            ObjectList(
                Page.settings_panels, heading=pgettext_lazy("admin tab", "Settings"), classname="settings"
            ),
        ]
    )


class TourismIndexPage(LatinSlugMixin, RoutablePageMixin, ThaiSearchableMixin, Page):
    """Lists attractions (filtered, paginated) and events, and has a map of every attraction at `map/`.

    Override `per_page` to change how many attraction cards a page of results shows.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    map_introduction = models.TextField(
        _("map introduction"), blank=True, help_text=_("Shown above the map of all attractions.")
    )
    per_page = 12
    # home.page_cache: "open now" changes by the minute; the filters and the map are the same for all.
    page_cache_seconds = 60
    page_cache_query_params = ("category", "open", "events", "page")
    page_cache_routes = ("map_view",)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("map_introduction")]
    subpage_types = ["tourism.AttractionPage", "tourism.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tourism index")

    def searchable_parts(self):
        return super().searchable_parts() + [self.introduction]

    def get_context(self, request, *args, **kwargs):
        from tourism.views import index_context  # noqa: PLC0415 — the views import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("map/", name="map")
    def map_view(self, request):
        from tourism.views import map_context  # noqa: PLC0415 — the views import these models

        return self.render(
            request, template="tourism/tourism_map_page.html", context_overrides=map_context(self, request)
        )

    def map_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("map")


class AttractionPage(LatinSlugMixin, GalleryMixin, ThaiSearchableMixin, Page):
    page_cache_seconds = 60  # home.page_cache: "open now" changes by the minute
    category = models.ForeignKey(
        "tourism.AttractionCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attractions",
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown on cards and in link previews."),
    )
    gallery = StreamField(
        GalleryBlock(),
        verbose_name=_("photos"),
        blank=True,
        help_text=_("The first photo is shown on cards and in link previews."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "In decimal degrees, e.g. 19.910500. In a map app, hold a finger on the place to copy it."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In decimal degrees, e.g. 99.840600."),
    )
    address = models.TextField(_("address"), blank=True)

    always_open = models.BooleanField(
        _("always open"), default=False, help_text=_("Open day and night, e.g. a viewpoint or a trail.")
    )
    opening_hours_note = models.CharField(
        _("note on opening hours"),
        max_length=250,
        blank=True,
        help_text=_("E.g. “Closed on Buddhist holy days”. Add the dates themselves below as closed days."),
    )
    entry_fee = models.CharField(
        _("entry fee"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Thai visitors 20 baht, others 50 baht”."),
    )
    free_entry = models.BooleanField(_("free entry"), default=False)
    best_season = models.CharField(
        _("best time to visit"), max_length=200, blank=True, help_text=_("E.g. “November to February”.")
    )

    wheelchair_access = models.CharField(
        _("wheelchair access"), max_length=10, choices=Access.choices, blank=True
    )
    accessible_toilet = models.CharField(
        _("accessible toilet"), max_length=10, choices=Access.choices, blank=True
    )
    parking = models.CharField(_("parking"), max_length=10, choices=Access.choices, blank=True)
    accessibility_notes = models.TextField(_("more about access"), blank=True)

    phone = models.CharField(_("phone"), max_length=50, blank=True)
    line_url = models.URLField(_("LINE link"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("gallery"),
        FieldPanel("body"),
    ]
    visit_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("address")],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("always_open"),
                InlinePanel("opening_periods", label=_("Opening hours")),
                InlinePanel("closed_dates", label=_("Closed days")),
                FieldPanel("opening_hours_note"),
            ],
            heading=_("Opening hours"),
        ),
        MultiFieldPanel(
            [FieldPanel("entry_fee"), FieldPanel("free_entry"), FieldPanel("best_season")],
            heading=_("Visiting"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("parking"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("line_url"), FieldPanel("facebook_url"), FieldPanel("website")],
            heading=_("Contact"),
        ),
    ]
    edit_handler = _tabs(content_panels, _("Visiting"), visit_panels)

    # A phone number is the same in every language; the translation must not be able to break it.
    override_translatable_fields = [SynchronizedField("phone")]
    search_fields = ThaiSearchableMixin.search_fields + [index.FilterField("category")]
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("attraction")
        verbose_name_plural = _("attractions")

    def searchable_parts(self):
        category = self.category.name if self.category_id and self.category else ""
        return super().searchable_parts() + [self.summary, self.address, category, self.best_season]

    # Opening hours -------------------------------------------------------------------------------
    def periods(self):
        return [hours.Period(p.weekday, p.opens, p.closes) for p in self.opening_periods.all()]

    def closed_days(self):
        return [closed.date for closed in self.closed_dates.all()]

    @property
    def has_hours(self):
        return hours.has_hours(self.periods(), self.always_open)

    def hours_status(self, at=None):
        """Open now or not, and when that changes; None when the hours are not known."""
        periods = self.periods()
        if not hours.has_hours(periods, self.always_open):
            return None
        return hours.status_at(at or local_now(), periods, self.closed_days(), self.always_open)

    def weekly_hours(self):
        return hours.weekly_table(self.periods())

    def upcoming_closed_dates(self, today=None):
        today = today or local_now().date()
        return sorted(day for day in self.closed_days() if day >= today)

    def get_context(self, request, *args, **kwargs):
        from tourism.views import attraction_context  # noqa: PLC0415 — the views import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(attraction_context(self, request))
        return context


class OpeningPeriod(Orderable):
    """One opening of a weekday. Closing at or before the opening time means after midnight."""

    page = ParentalKey(AttractionPage, related_name="opening_periods", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"), help_text=_("A time before the opening time means the next day, e.g. 17:00 to 01:00.")
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class ClosedDate(Orderable):
    """A day the place is closed although its weekday has hours (a holiday, a ceremony)."""

    page = ParentalKey(AttractionPage, related_name="closed_dates", on_delete=models.CASCADE)
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")

    def __str__(self):
        return self.date.isoformat()


class EventPage(LatinSlugMixin, GalleryMixin, ThaiSearchableMixin, Page):
    page_cache_seconds = 60  # home.page_cache: "on now" starts and ends with the event
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown on cards and in link previews."),
    )
    date_kind = models.CharField(
        _("dates"), max_length=10, choices=EventDateKind.choices, default=EventDateKind.SINGLE
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    date_note = models.CharField(
        _("note on dates"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Full moon of the twelfth lunar month”."),
    )
    place_page = models.ForeignKey(
        "tourism.AttractionPage",
        verbose_name=_("at an attraction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place_name = models.CharField(
        _("or at another place"), max_length=200, blank=True, help_text=_("When it is not at an attraction.")
    )
    place_address = models.TextField(_("address of the other place"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    entry_fee = models.CharField(_("entry fee"), max_length=200, blank=True)
    free_entry = models.BooleanField(_("free entry"), default=True)
    gallery = StreamField(
        GalleryBlock(),
        verbose_name=_("photos"),
        blank=True,
        help_text=_("The first photo is shown on cards and in link previews."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("gallery"), FieldPanel("body")]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldPanel("date_kind"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("date_note"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("place_page"), FieldPanel("place_name"), FieldPanel("place_address")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("organiser_url"),
                FieldPanel("entry_fee"),
                FieldPanel("free_entry"),
            ],
            heading=_("Organiser and entry"),
        ),
    ]
    edit_handler = _tabs(content_panels, _("When and where"), detail_panels)

    search_fields = ThaiSearchableMixin.search_fields + [index.FilterField("start_date")]
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    PROBLEM_MESSAGES = {
        "end_before_start": ("end_date", _("The last day cannot be before the first day.")),
        "range_needs_end": ("end_date", _("Give the last day of an event that lasts several days.")),
        "yearly_too_long": ("end_date", _("A yearly festival must last less than a year.")),
    }

    def clean(self):
        super().clean()
        errors = {}
        if self.date_kind == EventDateKind.SINGLE:
            self.end_date = None
        if self.start_date:
            for problem in self.rule.problems():
                field, message = self.PROBLEM_MESSAGES[problem]
                errors.setdefault(field, []).append(message)
        if not self.place_page_id and not self.place_name:
            errors.setdefault("place_name", []).append(
                _("Choose an attraction or give the name of the place.")
            )
        if errors:
            raise ValidationError(errors)

    def searchable_parts(self):
        return super().searchable_parts() + [self.summary, self.place_name, self.organiser, self.date_note]

    @property
    def rule(self) -> event_dates.DateRule:
        end = None if self.date_kind == EventDateKind.SINGLE else self.end_date
        return event_dates.DateRule(self.date_kind, self.start_date, end)

    def next_occurrence(self, today=None):
        return self.rule.next_occurrence(today or local_now().date())

    @property
    def is_yearly(self):
        return self.date_kind == EventDateKind.YEARLY

    def get_context(self, request, *args, **kwargs):
        from tourism.views import event_context  # noqa: PLC0415 — the views import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context
