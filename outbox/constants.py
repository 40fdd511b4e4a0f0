from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


#: Minutes to wait before each retry; after the last one the message is marked failed.
RETRY_MINUTES = (1, 5, 30, 120)

#: What a sensitive message's body becomes once it has been sent or has failed (it held a code).
REMOVED_BODY = "—"
