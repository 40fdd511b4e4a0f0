"""The outbox's LINE channel: a message whose `to` is a LINE user id and whose `sender` is the code of
the office whose account sends it. Retries, claims and the failure list are the outbox's.

A message about a request whose binding was stopped after it was queued (the citizen unbound it, or
blocked the account) is not sent: the email went anyway.
"""

import logging

from django.conf import settings
from linebot.v3.messaging import ApiException

from casework.models import Submission
from casework.notices import status_url
from line import account as accounts
from line import messages
from line.constants import CHANNEL_ID
from line.models import Binding
from offices.models import Office
from outbox import channels

logger = logging.getLogger(__name__)


class NotConfigured(Exception):
    """The office has no (complete) LINE account any more: tried again, then listed as failed."""


@channels.register(CHANNEL_ID)
class LineChannel:
    def send(self, message, attachments):
        office = Office.objects.select_related("site").filter(code=message.sender).first()
        account = accounts.for_office(office)
        if account is None:
            raise NotConfigured(f"Office {message.sender!r} has no LINE account configured")
        url = ""
        if message.submission_id:
            submission = Submission.objects.filter(pk=message.submission_id, office=office).first()
            bound = Binding.objects.active().filter(
                submission_id=message.submission_id, line_user_id=message.to
            )
            if submission is None or not bound.exists():
                logger.info("LINE message %s not sent: the binding has stopped", message.pk)
                return
            url = status_url(submission, message.language)
        content = messages.bubble(
            message.body, title=message.subject, url=url, language=message.language or settings.LANGUAGE_CODE
        )
        try:
            account.push(message.to, [content], retry_key=accounts.retry_key(message))
        except ApiException as error:
            if error.status == 409:  # LINE already accepted this retry key: it was sent
                return
            raise
