"""The shared service library: model services kept once, their versions, and which office uses which.

A model service's content is a snapshot (`library.content`): the Thai values of an e-service page and
its form, with the English of every Thai text. A version is recorded only when that content changes
(`library.sync`). An adoption is an office's own copy: its page, the version it was copied from, and the
baseline (the copied values), against which the office's own changes are told apart from the library's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModelService(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("model service")
        verbose_name_plural = _("model services")
        ordering = ["code"]

    def __str__(self):
        return self.title_th

    @property
    def newest_version(self):
        """The newest version (read from `prefetch_related("versions")` when the list has it)."""
        return max(self.versions.all(), key=lambda version: version.number, default=None)


class ModelServiceVersion(models.Model):
    model_service = models.ForeignKey(
        ModelService, verbose_name=_("model service"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    content_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("model service version")
        verbose_name_plural = _("model service versions")
        ordering = ["model_service", "number"]
        constraints = [
            models.UniqueConstraint(fields=["model_service", "number"], name="library_unique_version_number")
        ]

    def __str__(self):
        return f"{self.model_service.code} v{self.number}"

    @property
    def values(self):
        return self.content["values"]

    @property
    def english(self):
        return self.content["english"]


class Adoption(models.Model):
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="adoptions"
    )
    model_service = models.ForeignKey(
        ModelService, verbose_name=_("model service"), on_delete=models.PROTECT, related_name="adoptions"
    )
    version = models.ForeignKey(
        ModelServiceVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="adoptions"
    )
    page = models.OneToOneField(
        "eforms.EServicePage",
        verbose_name=_("e-service"),
        on_delete=models.CASCADE,
        related_name="library_adoption",
        help_text=_("The office's own copy (the Thai page; its English translation goes with it)."),
    )
    baseline = models.JSONField(_("values as copied"))
    adopted_at = models.DateTimeField(_("added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("service taken from the library")
        verbose_name_plural = _("services taken from the library")
        ordering = ["office", "model_service"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "model_service"], name="library_one_adoption_per_office"
            )
        ]

    def __str__(self):
        return f"{self.office} · {self.model_service} v{self.version.number}"

    @property
    def is_behind(self):
        newest = self.model_service.newest_version
        return newest is not None and newest.number > self.version.number
