from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Offices")

    def ready(self):
        from home.models import OrganisationSettings  # noqa: PLC0415 — models are ready now

        from . import checks, signals  # noqa: F401, PLC0415 — registered once models are ready
        from .permissions import let_office_administrators_edit  # noqa: PLC0415
        from .root_paths import install  # noqa: PLC0415

        let_office_administrators_edit(OrganisationSettings)
        install()  # each page reads its own sites' root paths, not every office's
