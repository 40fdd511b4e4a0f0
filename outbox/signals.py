"""Signals other apps listen to (the outbox knows no request or timeline)."""

from django.dispatch import Signal

#: Sent once a message has failed for good, inside the transaction that marks it failed (so a receiver's
#: record of it is kept or lost with that change); `message` is the `Message`.
message_failed = Signal()
