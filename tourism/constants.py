"""Choices shared by the tourism models, forms and templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tourism import event_dates


class Weekday(models.IntegerChoices):
    MONDAY = 0, pgettext_lazy("weekday", "Monday")
    TUESDAY = 1, pgettext_lazy("weekday", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("weekday", "Wednesday")
    THURSDAY = 3, pgettext_lazy("weekday", "Thursday")
    FRIDAY = 4, pgettext_lazy("weekday", "Friday")
    SATURDAY = 5, pgettext_lazy("weekday", "Saturday")
    SUNDAY = 6, pgettext_lazy("weekday", "Sunday")


# schema.org's names for the weekdays, for openingHoursSpecification.
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Access(models.TextChoices):
    """How well a place serves visitors with a given need. Empty means nobody has checked."""

    YES = "yes", pgettext_lazy("access", "Yes")
    PARTLY = "partly", pgettext_lazy("access", "Partly")
    NO = "no", pgettext_lazy("access", "No")


class EventDateKind(models.TextChoices):
    SINGLE = event_dates.SINGLE, _("One day")
    RANGE = event_dates.RANGE, _("Several days")
    YEARLY = event_dates.YEARLY, _("Every year on the same dates")


class EventsFilter(models.TextChoices):
    UPCOMING = "", _("Coming soon")
    MONTH = "month", _("This month")
    ALL = "all", _("All upcoming")


# Image renditions. Cards fill a third of a wide screen, half of a tablet, and a whole phone.
# The templates write the same specs as `{% srcset_image … fill-{400x225,640x360,960x540} format-webp %}`.
CARD_IMAGE_SPECS = ["fill-400x225|format-webp", "fill-640x360|format-webp", "fill-960x540|format-webp"]
CARD_IMAGE_SIZES = "(min-width: 64rem) 21rem, (min-width: 40rem) 45vw, 94vw"
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"  # LINE and Facebook previews: JPEG is read everywhere

UPCOMING_EVENTS_SHOWN = 6
NEARBY_COUNT = 3
