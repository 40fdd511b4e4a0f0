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
