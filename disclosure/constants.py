from django.db import models
from django.utils.translation import gettext_lazy as _

#: An item's code as the assessment writes it: a letter or two, a number, maybe a sub-number (O1, O10, O10.1).
CODE_PATTERN = r"^[A-Z]{1,3}[0-9]{1,3}(\.[0-9]{1,2})?$"


class UpdateEvery(models.IntegerChoices):
    """How often the item's content must be renewed, in months; 0: once for the year."""

    YEARLY = 0, _("once for the year")
    MONTHLY = 1, _("every month")
    QUARTERLY = 3, _("every three months")
    HALF_YEARLY = 6, _("every six months")


class Problem(models.TextChoices):
    """What the admin report finds wrong with an item."""

    MISSING = "missing", _("Nothing linked")
    UNPUBLISHED = "unpublished", _("Linked to an unpublished page")
    STALE = "stale", _("Not updated in time")
