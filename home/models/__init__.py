from .pages import (
    ContactPage,
    HomePage,
    InformationPage,
    LatinSlugMixin,
    NewsIndexPage,
    NewsItemPage,
    ThaiSearchableMixin,
)
from .site_settings import EmergencyNumber, MenuItem, OrganisationSettings

__all__ = [
    "ContactPage",
    "EmergencyNumber",
    "HomePage",
    "InformationPage",
    "LatinSlugMixin",
    "MenuItem",
    "NewsIndexPage",
    "NewsItemPage",
    "OrganisationSettings",
    "ThaiSearchableMixin",
]
