"""How a message leaves: one class per channel, registered by id. Email is built in; LINE registers
itself the same way.

A channel's `send(message, attachments)` raises any exception on failure; the outbox keeps the
error and tries again later. Its `failure_label` names a message of this channel that did not arrive
(a request's timeline shows it).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import sanitize_address
from django.utils.translation import gettext_lazy as _

_channels = {}


def register(channel_id):
    def decorator(cls):
        cls.id = channel_id
        _channels[channel_id] = cls()
        return cls

    return decorator


def get(channel_id):
    try:
        return _channels[channel_id]
    except KeyError:
        raise LookupError(f"No message channel {channel_id!r}") from None


def ids() -> list[str]:
    return list(_channels)


def failure_label(channel_id):
    """How the timeline names a message of `channel_id` that could not be delivered."""
    channel = _channels.get(channel_id)
    label = getattr(channel, "failure_label", None)
    return label if label is not None else _("Message not delivered (%(channel)s)") % {"channel": channel_id}


@register("email")
class EmailChannel:
    """Django's mail backend (SMTP in production; set EMAIL_TIMEOUT so a dead server fails fast).
    From the message's sender (the office's name and address), else `DEFAULT_FROM_EMAIL`."""

    failure_label = _("Email not delivered")

    def send(self, message, attachments):
        sender = message.sender or settings.DEFAULT_FROM_EMAIL
        # One Message-ID per message, the same on every try: should a try be sent again after all
        # (the worker killed between sending and recording it), mail programs show one copy.
        headers = {"Message-ID": message_id(message, sender)}
        email = EmailMessage(message.subject, message.body, sender, [message.to], headers=headers)
        for name, content, mimetype in attachments:
            email.attach(name, content, mimetype)
        email.send()


def message_id(message, sender) -> str:
    domain = sanitize_address(sender, "utf-8").rpartition("@")[2].strip(">") or "localhost"
    return f"<tambon.{message.pk}.{message.created_at:%Y%m%d%H%M%S}@{domain}>"
