from .categories import AttractionCategory
from .pages import AttractionPage, ClosedDate, EventPage, OpeningPeriod, TourismIndexPage, local_now

__all__ = [
    "AttractionCategory",
    "AttractionPage",
    "ClosedDate",
    "EventPage",
    "OpeningPeriod",
    "TourismIndexPage",
    "local_now",
]
