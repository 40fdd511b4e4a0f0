"""The outbox's LINE channel: a message whose `to` is a LINE user id and whose `sender` is the code of
the office whose account sends it. Retries, claims and the failure list are the outbox's.

A message about a request whose binding was stopped after it was queued (the citizen unbound it, or
blocked the account) is not sent: the email went anyway. An officer's notice (`to` is
"officer:<staff link>:<request>", `line.staff`) is not sent either once the officer has unlinked, been
deactivated, no longer wants it or may no longer see the request.
"""

import logging

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from linebot.v3.messaging import ApiException

from casework.models import Submission
from casework.notices import status_url
from line import account as accounts
from line import messages, staff
from line.constants import CHANNEL_ID
from line.models import Binding
from offices.models import Office
from outbox import channels

logger = logging.getLogger(__name__)


class NotConfigured(Exception):
    """The office has no (complete) LINE account any more: tried again, then listed as failed."""


@channels.register(CHANNEL_ID)
class LineChannel:
    failure_label = gettext_lazy("LINE message not delivered")

    def send(self, message, attachments):
        office = Office.objects.select_related("site").filter(code=message.sender).first()
        account = accounts.for_office(office)
        if account is None:
            raise NotConfigured(f"Office {message.sender!r} has no LINE account configured")
        to, url, label = message.to, "", None
        language = message.language or settings.LANGUAGE_CODE
        officer = staff.parse_recipient(message.to)
        if officer is not None:
            wanted = staff.still_wanted(*officer, message.kind.removeprefix("line:officer:"))
            if wanted is None:
                logger.info("LINE notice %s not sent: the officer no longer gets it", message.pk)
                return
            to, submission = wanted
            url = staff.inbox_url(submission, language)
            with translation.override(language):
                label = _("Open in the inbox")
        elif message.submission_id:
            submission = Submission.objects.filter(pk=message.submission_id, office=office).first()
            bound = Binding.objects.active().filter(
                submission_id=message.submission_id, line_user_id=message.to
            )
            if submission is None or not bound.exists():
                logger.info("LINE message %s not sent: the binding has stopped", message.pk)
                return
            url = status_url(submission, message.language)
        content = messages.bubble(
            message.body, title=message.subject, url=url, language=language, label=label
        )
        try:
            account.push(to, [content], retry_key=accounts.retry_key(message))
        except ApiException as error:
            if error.status == 409:  # LINE already accepted this retry key: it was sent
                return
            raise
