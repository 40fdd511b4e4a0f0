"""Problem reports: an office's categories, and each report beside the request (casework.Submission)
that carries its reference, state, deadline, timeline and status page."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from casework.constants import OPEN_STATUSES, SubmissionStatus
from eforms.storage import private_storage
from problems.constants import (
    DEFAULT_AREA_RADIUS_KM,
    DEFAULT_VILLAGES,
    ON_THE_BOARD,
    PUBLIC_STATE_OF,
    PhotoKind,
    PositionSource,
    PublicState,
    Verdict,
)


def _localized(obj, field):
    thai = getattr(obj, f"{field}_th")
    if translation.get_language() == "en":
        return getattr(obj, f"{field}_en") or thai
    return thai


class CategoryQuerySet(models.QuerySet):
    def of(self, office):
        return self.filter(office=office, active=True).order_by("sort_order", "pk")


class Category(models.Model):
    """What can be reported to one office, who handles it and in how many working days."""

    office = models.ForeignKey(
        "offices.Office",
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="problem_categories",
    )
    code = models.SlugField(_("code"), max_length=40, help_text=_("A short Latin key, e.g. “street-light”."))
    name_th = models.CharField(_("name (Thai)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    description_th = models.CharField(
        _("description (Thai)"), max_length=255, blank=True, help_text=_("In plain words, for citizens.")
    )
    description_en = models.CharField(_("description (English)"), max_length=255, blank=True)
    icon = models.CharField(
        _("icon"), max_length=8, blank=True, help_text=_("One emoji shown beside the name, e.g. 💡.")
    )
    picture = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    division = models.ForeignKey(
        "auth.Group",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problem_categories",
        help_text=_(
            "The staff group whose inbox receives these reports (the office's administrators always do)."
        ),
    )
    identity_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("who may see the reporter's contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Sensitive categories only: the staff group that may open the reporter's name and contact "
            "(each opening is logged). Empty: nobody in the office."
        ),
    )
    response_days = models.PositiveSmallIntegerField(
        _("response time (working days)"), default=1, help_text=_("A first answer to the citizen within.")
    )
    resolution_days = models.PositiveSmallIntegerField(
        _("resolution time (working days)"), default=7, help_text=_("The request's deadline in the inbox.")
    )
    sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_(
            "Corruption and other sensitive complaints: never on the public board, seen only by the "
            "division (without one, by the office's administrators), and the reporter's contact sealed."
        ),
    )
    active = models.BooleanField(_("offered to citizens"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Open311's discovery `changeset`: clients refresh their copy of the services when it moves.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")
        ordering = ["office", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="problems_category_code")]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return _localized(self, "name")

    @property
    def description(self):
        return _localized(self, "description")


class OfficeArea(models.Model):
    """Where an office's reports are expected: a centre and a radius (a position further away is
    asked to be confirmed). Without it no position is questioned."""

    office = models.OneToOneField(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="problem_area"
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    radius_km = models.PositiveSmallIntegerField(_("radius (km)"), default=DEFAULT_AREA_RADIUS_KM)
    village_count = models.PositiveSmallIntegerField(
        _("number of villages (moo)"), default=DEFAULT_VILLAGES, help_text=_("Villages are numbered from 1.")
    )
    # No map unless the office names a tile server it may use: nothing is loaded from elsewhere by default.
    tile_url = models.URLField(
        _("map tile server"),
        max_length=300,
        blank=True,
        help_text=_(
            "A tile server the office may use, as https://…/{z}/{x}/{y}.png. Empty: no map is shown, "
            "only the village, road and landmark fields and a link to open a map."
        ),
    )
    tile_attribution = models.CharField(
        _("map attribution"), max_length=200, blank=True, help_text=_("E.g. © OpenStreetMap contributors.")
    )

    class Meta:
        verbose_name = _("reporting area")
        verbose_name_plural = _("reporting areas")

    def __str__(self):
        return f"{self.office}: {self.latitude}, {self.longitude} ({self.radius_km} km)"

    def clean(self):
        url = self.tile_url
        if url and (not url.startswith("https://") or any(p not in url for p in ("{z}", "{x}", "{y}"))):
            raise ValidationError({"tile_url": _("Give an https:// address with {z}, {x} and {y} in it.")})

    @property
    def tile_origin(self):
        """The tile server's scheme and host, for the page's Content-Security-Policy."""
        if not self.tile_url:
            return ""
        parts = urlsplit(self.tile_url.replace("{s}", "a"))
        return f"{parts.scheme}://{parts.netloc}"


class ReportQuerySet(models.QuerySet):
    def on_board(self, office):
        """What the public board may show: the office's reports of categories that are not sensitive,
        not hidden, in a state the board names."""
        return self.filter(
            office=office,
            hidden=False,
            category__sensitive=False,
            submission__status__in=ON_THE_BOARD,
        )


class ProblemReport(models.Model):
    """A citizen's report. Its reference, state, deadline and timeline are its request's
    (`submission`); who may handle it is casework's rule with the category's division added."""

    submission = models.OneToOneField(
        "casework.Submission", verbose_name=_("request"), on_delete=models.CASCADE, related_name="problem"
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="problem_reports"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="reports"
    )
    description = models.TextField(_("what is wrong"), max_length=2000, blank=True)
    village = models.CharField(_("village (moo)"), max_length=4, blank=True, help_text=_("Its number."))
    road = models.CharField(_("road or soi"), max_length=200, blank=True)
    landmark = models.CharField(_("landmark"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    position_source = models.CharField(
        _("position from"), max_length=8, choices=PositionSource.choices, blank=True, default=""
    )
    respond_by = models.DateField(_("first answer due"))
    hidden = models.BooleanField(_("hidden from the board"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    # The follow-up code given at the end (its SHA-256; the code itself is shown once, never kept).
    follow_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    supporters = models.PositiveIntegerField(_("supporters"), default=0)
    verdict = models.CharField(
        _("the reporter's verdict"), max_length=10, choices=Verdict.choices, blank=True, default=""
    )
    verdict_at = models.DateTimeField(_("verdict given at"), null=True, blank=True)
    verdict_reason = models.TextField(_("why it is not fixed"), max_length=2000, blank=True)
    reopenings = models.PositiveSmallIntegerField(_("times reopened by the reporter"), default=0)
    # The office's first answer the reporter can see (a public answer, a message, a change of state by
    # staff): set once, from the request's timeline (`problems.overdue.record_first_response`).
    first_response_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    # When the division was told that the first answer is late (once), and that the fix is late (again
    # with each of casework's overdue notices, every 7 days).
    response_late_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    resolution_late_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["office", "hidden", "-created_at"], name="problems_board"),
            # The board's and Open311's pages: newest first, ties by id, read in index order.
            models.Index(fields=["office", "-created_at", "-id"], name="problems_board_order"),
            # Reports still owed a first answer, by due day (flags and the division's notices).
            models.Index(
                fields=["respond_by"],
                name="problems_unanswered",
                condition=models.Q(first_response_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.submission.reference

    @property
    def village_label(self):
        return _("Moo %(number)s") % {"number": self.village} if self.village else ""

    @property
    def public_state(self):
        return PublicState(PUBLIC_STATE_OF.get(self.submission.status, PublicState.CLOSED))

    def response_late(self, today=None):
        """Whether the first answer is past its day (only while the office still owes one)."""
        today = today or timezone.localdate()
        return (
            self.first_response_at is None
            and self.respond_by < today
            and self.submission.status in OPEN_STATUSES
        )

    @property
    def is_public(self):
        return (
            not self.hidden
            and not self.category.sensitive
            and self.submission.status != SubmissionStatus.WITHDRAWN
        )


def _photo_path(instance, filename):
    now = timezone.now()
    return f"problems/{now:%Y/%m}/{instance.pk}.jpg"


class ProblemPhoto(models.Model):
    """A photo, re-encoded as JPEG without its metadata, in private storage: served by the board's view
    only while its report is public, and to staff who handle it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(ProblemReport, on_delete=models.CASCADE, related_name="photos")
    kind = models.CharField(_("kind"), max_length=8, choices=PhotoKind.choices, default=PhotoKind.BEFORE)
    file = models.FileField(storage=private_storage, upload_to=_photo_path, max_length=255)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.report_id}: {self.kind}"


class PublicAnswer(models.Model):
    """What the office says about a report in public (on the board); never the reporter's details."""

    report = models.ForeignKey(ProblemReport, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("public answer")
        verbose_name_plural = _("public answers")
        ordering = ["at", "pk"]

    def __str__(self):
        return self.text[:50]


class SealedContact(models.Model):
    """The reporter's name and contact for a report of a sensitive category: kept out of the request
    (the inbox, its search and exports never show it) and opened only by the category's identity
    group, each opening logged."""

    report = models.OneToOneField(ProblemReport, on_delete=models.CASCADE, related_name="sealed_contact")
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("sealed contact")
        verbose_name_plural = _("sealed contacts")

    def __str__(self):
        return f"{self.report_id}"


class Support(models.Model):
    """ "This is my problem too": one per report and citizen session (its key hashed, no personal data)."""

    report = models.ForeignKey(ProblemReport, on_delete=models.CASCADE, related_name="supports")
    supporter = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "supporter"], name="problems_support_once")]

    def __str__(self):
        return f"{self.report_id}"


class ApiKey(models.Model):
    """An Open311 client's key for one office (made by its administrators; only its hash is kept)."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="open311_keys"
    )
    name = models.CharField(_("client"), max_length=100, help_text=_("Who uses it, e.g. the LINE bot."))
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        ordering = ["office", "-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
