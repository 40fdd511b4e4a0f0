"""Settings of the office that runs the site, edited by administrators under Settings in the admin.

One site serves both languages, so the organisation's own texts carry a Thai and an English field.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

from home import page_cache
from home.i18n import current_language, localized_attribute


@register_setting(icon="site")
class OrganisationSettings(ClusterableModel, BaseSiteSetting):
    name_th = models.CharField(_("name (Thai)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address_th = models.TextField(_("address (Thai)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    email_sender = models.EmailField(
        _("sender address of emails"),
        blank=True,
        help_text=_(
            "The address the office's emails to citizens come from, with the office's name. Leave empty to "
            "send from the installation's address; an address of the office's own must be allowed to send "
            "through the installation's mail server."
        ),
    )
    opening_hours_th = models.CharField(_("opening hours (Thai)"), max_length=200, blank=True)
    opening_hours_en = models.CharField(_("opening hours (English)"), max_length=200, blank=True)
    line_url = models.URLField(_("LINE official account link"), blank=True)
    facebook_url = models.URLField(_("Facebook page link"), blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every e-service, where personal data is collected."),
    )
    satisfaction_target = models.PositiveSmallIntegerField(
        _("satisfaction target (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "The share of citizens satisfied (4 or 5 of 5) the office aims at; shown on its public statistics."
        ),
    )
    is_demo = models.BooleanField(
        _("demo site"),
        default=False,
        help_text=_(
            "Shows a banner on every page saying that this site is a demonstration with fictional content."
        ),
    )

    organisation_panels = [
        MultiFieldPanel(
            [FieldPanel("name_th"), FieldPanel("name_en"), FieldPanel("logo")], heading=_("Name")
        ),
        MultiFieldPanel(
            [
                FieldPanel("address_th"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("email"),
                # The installation's mail server must allow the address: its administrators set it.
                FieldPanel("email_sender", permission="offices.change_office"),
                FieldPanel("opening_hours_th"),
                FieldPanel("opening_hours_en"),
                FieldPanel("map_url"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("line_url"), FieldPanel("facebook_url")], heading=_("Social media")),
        FieldPanel("privacy_page"),
        FieldPanel("satisfaction_target"),
        FieldPanel("is_demo", permission="offices.change_office"),
        InlinePanel("emergency_numbers", label=_("Emergency numbers")),
    ]
    menu_panels = [
        InlinePanel("header_menu_items", label=_("Header menu")),
        InlinePanel("footer_menu_items", label=_("Footer menu")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(organisation_panels, heading=_("Organisation")),
            ObjectList(menu_panels, heading=_("Menus")),
        ]
    )

    class Meta:
        verbose_name = _("organisation")

    def __str__(self):
        return self.name_th or str(_("Organisation"))

    @classmethod
    def for_request(cls, request):
        """Wagtail's, but kept in the cache between requests until the content changes: every page
        shows the office's name. For reading only (templates); the admin edits what `for_site` gives."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = page_cache.remember(f"organisation-settings:{site.pk}", lambda: cls.for_site(site))
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    @property
    def name(self):
        return localized_attribute(self, "name")


class EmergencyNumber(Orderable):
    settings = ParentalKey(OrganisationSettings, related_name="emergency_numbers", on_delete=models.CASCADE)
    label_th = models.CharField(_("label (Thai)"), max_length=100)
    label_en = models.CharField(_("label (English)"), max_length=100, blank=True)
    number = models.CharField(_("number"), max_length=30)

    panels = [FieldPanel("label_th"), FieldPanel("label_en"), FieldPanel("number")]

    class Meta(Orderable.Meta):
        verbose_name = _("emergency number")

    @property
    def label(self):
        return localized_attribute(self, "label")


class MenuItem(Orderable):
    """A link in the header or footer menu. It follows the visitor's language to the translated page."""

    label_th = models.CharField(
        _("label (Thai)"), max_length=100, blank=True, help_text=_("Leave empty to use the page's title.")
    )
    label_en = models.CharField(_("label (English)"), max_length=100, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("link_page"), FieldPanel("label_th"), FieldPanel("label_en")]

    class Meta(Orderable.Meta):
        abstract = True

    def resolve(self, request):
        """The (label, URL) of this link for the active language, or None if the page is not live."""
        page = self.link_page.localized
        if not page.live:
            return None
        label = getattr(self, f"label_{current_language()}", "") or page.title
        return {"label": label, "url": page.get_url(request)}


class HeaderMenuItem(MenuItem):
    settings = ParentalKey(OrganisationSettings, related_name="header_menu_items", on_delete=models.CASCADE)


class FooterMenuItem(MenuItem):
    settings = ParentalKey(OrganisationSettings, related_name="footer_menu_items", on_delete=models.CASCADE)
