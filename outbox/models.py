"""The outbox: one row per message, whatever its channel."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outbox.constants import MessageState


class Message(models.Model):
    """A message to send. Written in the recipient's language when the change happens; the worker
        sends it, retried with growing delays; an administrator sees failed ones and can send them
        again. `submission_id` is the request it concerns (for erasure and the request's timeline);
    `reference` is that request's reference, for people reading the failure list — unique only within
    its office, so code never finds a request by it."""

    channel = models.CharField(_("channel"), max_length=20, default="email")
    kind = models.CharField(_("kind"), max_length=30)
    to = models.CharField(_("to"), max_length=254)
    # The office that writes: "Name <address>" (`home.site.email_sender`); empty: the installation's.
    sender = models.CharField(_("from"), max_length=320, blank=True)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    reference = models.CharField(_("request"), max_length=40, blank=True, db_index=True)
    # Not a foreign key: the outbox sits below casework (tests/test_architecture.py).
    submission_id = models.PositiveBigIntegerField(_("request id"), null=True, blank=True, db_index=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    sensitive = models.BooleanField(
        _("holds a secret"),
        default=False,
        help_text=_(
            "The text (a one-time code, a resume link) is removed once the message is sent or fails."
        ),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MessageState.choices, default=MessageState.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # A worker claims a message before it sends it, so no other worker sends it too; a claim that
    # outlives its worker (killed mid-send) lapses at `claimed_until`.
    claimed_by = models.CharField(_("claimed by"), max_length=40, blank=True, editable=False)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["to"], name="outbox_message_to")]

    def __str__(self):
        return f"{self.kind} → {self.to}"
