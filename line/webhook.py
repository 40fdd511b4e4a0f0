"""The office's webhook: signature checked with the office's channel secret (the SDK's parser), each
event handled once (its id, `WebhookEvent`), handlers by event type, the reply sent after the commit.

A reply LINE does not take (down, rate-limited) is queued in the outbox as a push message instead,
tried again like any message; the webhook still answers 200 so LINE does not deliver it again.
"""

import logging

from django.db import IntegrityError, transaction
from linebot.v3.webhooks import FollowEvent, MessageEvent, TextMessageContent, UnfollowEvent

from casework.notices import status_url
from line import bindings, messages, replies, richmenu, staff
from line.constants import CHANNEL_ID
from line.models import WebhookEvent
from outbox import services as outbox

logger = logging.getLogger(__name__)

_handlers = {}


def handles(event_type):
    def decorator(function):
        _handlers[event_type] = function
        return function

    return decorator


def user_id(event) -> str:
    return getattr(event.source, "user_id", None) or ""


@handles(MessageEvent)
def on_message(account, event):
    if not isinstance(event.message, TextMessageContent) or not user_id(event):
        return None
    reply = replies.answer(account.office, user_id(event), event.message.text)
    if reply is not None and reply.bound and reply.language == "en":
        # A request made in English: its citizen gets the English menu too.
        transaction.on_commit(lambda: richmenu.link_language(account, user_id(event), "en"))
    return reply


@handles(UnfollowEvent)
def on_unfollow(account, event):
    if user_id(event):
        bindings.block_user(account.office, user_id(event))
        staff.forget_line_user(account.office, user_id(event))
    return None


@handles(FollowEvent)
def on_follow(account, event):
    """A user added the account: one whose LINE is in English gets the English menu (after the commit:
    LINE's answer must not hold the event's transaction)."""
    if user_id(event):
        transaction.on_commit(lambda: richmenu.menu_for_follower(account, user_id(event)))
    return None


def handle(account, events) -> int:
    """Handle each new event; returns how many were new."""
    new = 0
    for event in events:
        handler = _handlers.get(type(event))
        event_id = getattr(event, "webhook_event_id", None)
        if handler is None or not event_id:
            continue
        try:
            with transaction.atomic():
                WebhookEvent.objects.create(office=account.office, event_id=event_id[:64])
                reply = handler(account, event)
        except IntegrityError:
            logger.info("LINE event %s already handled", event_id)
            continue
        new += 1
        if reply is not None and getattr(event, "reply_token", None):
            send_reply(account, event, reply)
    return new


def _content(reply):
    url = status_url(reply.submission, reply.language) if reply.submission is not None else ""
    return messages.bubble(reply.text, title=reply.title, url=url, language=reply.language)


def send_reply(account, event, reply):
    try:
        account.reply(event.reply_token, [_content(reply)])
    except Exception as error:  # LINE down or limiting: the outbox pushes it and tries again
        logger.warning("LINE reply failed (%s); queued as a push message", error)
        outbox.queue(
            to=user_id(event),
            channel=CHANNEL_ID,
            subject=reply.title,
            body=reply.text,
            kind="line:reply",
            language=reply.language,
            reference=reply.submission.reference if reply.submission is not None else "",
            submission_id=reply.submission.pk if reply.submission is not None else None,
            sender=account.office.code,
        )
