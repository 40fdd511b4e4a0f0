from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    """The national overview: every office's figures for platform administrators.

    An app of its own because it reads requests (casework) across offices, and casework already
    depends on offices: inside `offices` it would make the two apps import each other.
    """

    name = "national"
    verbose_name = _("National overview")
