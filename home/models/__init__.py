from .pages import ContactPage, HomePage, InformationPage, NewsIndexPage, NewsItemPage, ThaiSearchableMixin
from .site_settings import EmergencyNumber, MenuItem, OrganisationSettings

__all__ = [
    "ContactPage",
    "EmergencyNumber",
    "HomePage",
    "InformationPage",
    "MenuItem",
    "NewsIndexPage",
    "NewsItemPage",
    "OrganisationSettings",
    "ThaiSearchableMixin",
]
