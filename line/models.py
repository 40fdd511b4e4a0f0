"""LINE per office: the office's Official Account settings, requests bound to LINE users, the short-lived
link tokens that bind them, the webhook events already handled, the rich menus published, and the
officers who chose to get their notices on LINE."""

from django.conf import settings
from django.db import models
from django.db.models import CASCADE
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from line.constants import BindingAction, BindingState, OfficerNotice
from offices.permissions import OfficeSitePermissionPolicy


@register_setting(icon="mail")
class LineSettings(BaseSiteSetting):
    """An office's LINE Official Account. Only what is not secret is kept here: the channel secret and
    access token come from the server's environment (`line.credentials`), so neither the database,
    its backups nor the admin ever hold them. Empty = no LINE anywhere on the office's pages."""

    basic_id = models.CharField(
        _("LINE ID of the Official Account"),
        max_length=40,
        blank=True,
        help_text=_("The account's basic ID with its @, e.g. “@123abcde” (LINE Official Account Manager)."),
    )
    channel_id = models.CharField(
        _("Messaging API channel ID"),
        max_length=20,
        blank=True,
        help_text=_(
            "From the LINE Developers console. The channel secret and access token are set on the server."
        ),
    )

    login_channel_id = models.CharField(
        _("LINE Login channel ID"),
        max_length=20,
        blank=True,
        help_text=_(
            "Optional: lets citizens sign in with LINE to see their requests. Its channel secret is set "
            "on the server. Create it under the same provider as the Messaging API channel."
        ),
    )

    class Meta:
        verbose_name = _("LINE settings")

    @classmethod
    def for_office(cls, office):
        return cls.for_site(office.site)

    @classmethod
    def get_permission_policy(cls):
        """The office's administrators change their own office's settings."""
        return OfficeSitePermissionPolicy(cls)


class BindingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state=BindingState.ACTIVE)


class Binding(models.Model):
    """One request bound to one LINE user of its office's account: the citizen's LINE receives the
    request's messages while the binding is active. Changed only by `line.bindings.transition`."""

    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=CASCADE, related_name="+"
    )
    submission = models.ForeignKey(
        "casework.Submission", verbose_name=_("request"), on_delete=CASCADE, related_name="line_bindings"
    )
    line_user_id = models.CharField(_("LINE user"), max_length=64)
    state = models.CharField(_("state"), max_length=10, choices=BindingState.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    objects = BindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("LINE binding")
        verbose_name_plural = _("LINE bindings")
        constraints = [
            models.UniqueConstraint(fields=["submission", "line_user_id"], name="line_one_binding_per_user")
        ]
        indexes = [models.Index(fields=["office", "line_user_id"], name="line_binding_office_user")]

    def __str__(self):
        return f"{self.submission_id} → LINE ({self.get_state_display()})"


class BindingChange(models.Model):
    """Who changed a binding, when and why: written by `line.bindings.transition` only."""

    binding = models.ForeignKey(Binding, on_delete=CASCADE, related_name="changes")
    action = models.CharField(_("action"), max_length=10, choices=BindingAction.choices)
    from_state = models.CharField(_("from"), max_length=10, blank=True)
    to_state = models.CharField(_("to"), max_length=10)
    by = models.CharField(_("by"), max_length=40)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.action}: {self.from_state or '-'} → {self.to_state}"


class LinkToken(models.Model):
    """A "get updates on LINE" link: single use, short-lived, for one request. Only its hash is kept."""

    office = models.ForeignKey("offices.Office", on_delete=CASCADE, related_name="+")
    submission = models.ForeignKey("casework.Submission", on_delete=CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"link for {self.submission_id} until {self.expires_at:%Y-%m-%d %H:%M}"


class WebhookEvent(models.Model):
    """A webhook event already handled: LINE delivers again on a timeout, and a captured delivery can
    be replayed; its id is handled once per office (the unique constraint decides, not a look-up)."""

    office = models.ForeignKey("offices.Office", on_delete=CASCADE, related_name="+")
    event_id = models.CharField(max_length=64)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "event_id"], name="line_event_once")]

    def __str__(self):
        return self.event_id


class RichMenu(models.Model):
    """A rich menu published on the office's account (`manage.py line_rich_menu`): one per language;
    the Thai one is every user's default, the English one is linked to users whose LINE is in English."""

    office = models.ForeignKey("offices.Office", on_delete=CASCADE, related_name="+")
    language = models.CharField(max_length=5)
    rich_menu_id = models.CharField(max_length=100)
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "language"], name="line_one_rich_menu_per_language")
        ]

    def __str__(self):
        return f"{self.rich_menu_id} ({self.language})"


class StaffLink(models.Model):
    """An officer's own LINE, linked to one office's account from their account page, for the notices
    they chose about that office's requests. Never a way to sign in: staff sign in with their password
    and second factor only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("officer"), on_delete=CASCADE, related_name="line_links"
    )
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("office"), on_delete=CASCADE, related_name="+"
    )
    line_user_id = models.CharField(_("LINE user"), max_length=64)
    new_request = models.BooleanField(OfficerNotice.NEW_REQUEST.label, default=True)
    citizen_reply = models.BooleanField(OfficerNotice.CITIZEN_REPLY.label, default=True)
    overdue = models.BooleanField(OfficerNotice.OVERDUE.label, default=True)
    linked_at = models.DateTimeField(_("linked at"), default=timezone.now)

    class Meta:
        verbose_name = _("officer's LINE")
        verbose_name_plural = _("officers' LINE")
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="line_one_staff_link_per_office")
        ]

    def __str__(self):
        return f"{self.user_id} → LINE ({self.office_id})"

    def wants(self, notice) -> bool:
        return bool(getattr(self, str(notice), False))


class StaffLinkToken(models.Model):
    """An officer's "link my LINE" link: single use, short-lived, for one officer and one office's
    account. Only its hash is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=CASCADE, related_name="+")
    office = models.ForeignKey("offices.Office", on_delete=CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"staff link for {self.user_id} until {self.expires_at:%Y-%m-%d %H:%M}"
