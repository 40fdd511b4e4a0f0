from django.db import models
from django.utils.translation import gettext_lazy as _


class BindingState(models.TextChoices):
    ACTIVE = "active", _("Receives updates on LINE")
    UNBOUND = "unbound", _("Stopped by the citizen")
    BLOCKED = "blocked", _("LINE account blocked the office")


class BindingAction(models.TextChoices):
    BIND = "bind", _("Linked on LINE")
    UNBIND = "unbind", _("Stopped by the citizen")
    BLOCK = "block", _("Blocked on LINE")


#: The one table of a binding's moves: (action, from state) -> to state. Anything else is refused.
TRANSITIONS = {
    (BindingAction.BIND, ""): BindingState.ACTIVE,  # a binding just made
    (BindingAction.BIND, BindingState.UNBOUND): BindingState.ACTIVE,
    (BindingAction.BIND, BindingState.BLOCKED): BindingState.ACTIVE,
    (BindingAction.UNBIND, BindingState.ACTIVE): BindingState.UNBOUND,
    (BindingAction.BLOCK, BindingState.ACTIVE): BindingState.BLOCKED,
}

#: How long a "get updates on LINE" link works, and how often.
LINK_TOKEN_MINUTES = 15

#: The channel id in the outbox (`outbox.channels`).
CHANNEL_ID = "line"

#: How long an officer's "link my LINE" link works (shown as a QR code on their account page).
STAFF_LINK_TOKEN_MINUTES = 10

#: How long used and expired link tokens (only hashes) and handled webhook event ids are kept: long
#: enough to answer "already used" and to refuse LINE's redeliveries (which stop after about a day).
TOKEN_RETENTION_DAYS = 7
WEBHOOK_EVENT_RETENTION_DAYS = 7


class OfficerNotice(models.TextChoices):
    """What an officer may choose to be told on LINE about their office's requests."""

    NEW_REQUEST = "new_request", _("A new request in my services")
    CITIZEN_REPLY = "citizen_reply", _("A citizen replied to a request assigned to me")
    OVERDUE = "overdue", _("A request I handle is past its deadline")


#: The outbox's `to` of an officer's notice: "officer:<staff link id>:<request id>" (the channel finds
#: the LINE user when it sends, so an officer unlinked or deactivated meanwhile gets nothing).
OFFICER_RECIPIENT = "officer"
