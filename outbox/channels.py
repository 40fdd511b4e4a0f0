"""How a message leaves: one class per channel, registered by id. Email is built in; LINE registers
itself the same way.

A channel's `send(message, attachments)` raises any exception on failure; the outbox keeps the
error and tries again later.
"""

from django.core.mail import EmailMessage

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


@register("email")
class EmailChannel:
    """Django's mail backend (SMTP in production; set EMAIL_TIMEOUT so a dead server fails fast).
    From the message's sender (the office's name and address), else `DEFAULT_FROM_EMAIL`."""

    def send(self, message, attachments):
        email = EmailMessage(message.subject, message.body, message.sender or None, [message.to])
        for name, content, mimetype in attachments:
            email.attach(name, content, mimetype)
        email.send()
