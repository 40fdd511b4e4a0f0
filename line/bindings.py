"""A request's LINE bindings: made from a single-use link token, stopped by the citizen, stopped when
the LINE user blocks the office's account. Every change goes through `transition` (the table is
`line.constants.TRANSITIONS`), in a transaction with the row locked, and is recorded."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from line.constants import LINK_TOKEN_MINUTES, TRANSITIONS, BindingAction, BindingState
from line.models import Binding, BindingChange, LinkToken

TOKEN_MARK = "#L"


class BindingError(Exception):
    pass


def transition(binding, action, *, by: str, now=None) -> Binding:
    """Apply `action` to `binding` (an instance or a pk); refused (`BindingError`) if the table has no
    such move from its current state."""
    now = now or timezone.now()
    with transaction.atomic():
        binding = Binding.objects.select_for_update().get(pk=getattr(binding, "pk", binding))
        target = TRANSITIONS.get((action, binding.state))
        if target is None:
            raise BindingError(f"{action} is not allowed from {binding.state}")
        BindingChange.objects.create(
            binding=binding, action=action, from_state=binding.state, to_state=target, by=by[:40], at=now
        )
        Binding.objects.filter(pk=binding.pk).update(state=target, changed_at=now)
        binding.state, binding.changed_at = target, now
    return binding


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link_token(submission, now=None) -> str:
    """A token for one binding of `submission`, valid LINK_TOKEN_MINUTES; only its hash is kept."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(12)  # 16 characters
    LinkToken.objects.create(
        office=submission.office,
        submission=submission,
        token_hash=_hash(token),
        created_at=now,
        expires_at=now + timedelta(minutes=LINK_TOKEN_MINUTES),
    )
    return token


def link_text(submission, token: str) -> str:
    """What the citizen sends to the account (typed in for them by the link): the token is what binds."""
    return f"{submission.reference} {TOKEN_MARK}{token}"


def redeem(office, token: str, line_user_id: str, now=None):
    """Bind the token's request to `line_user_id`: the request, or None when the token is unknown, of
    another office, used or expired (the one conditional UPDATE decides, so it works once)."""
    now = now or timezone.now()
    with transaction.atomic():
        found = LinkToken.objects.filter(office=office, token_hash=_hash(token)).first()
        if found is None:
            return None
        used = LinkToken.objects.filter(pk=found.pk, used_at__isnull=True, expires_at__gt=now).update(
            used_at=now
        )
        if not used:
            return None
        bind(found.submission, line_user_id, by="line:link", now=now)
        return found.submission


def bind(submission, line_user_id: str, *, by: str, now=None) -> Binding:
    binding, _created = Binding.objects.get_or_create(
        submission=submission,
        line_user_id=line_user_id,
        defaults={"office": submission.office, "state": "", "created_at": now or timezone.now()},
    )
    if binding.state == BindingState.ACTIVE:
        return binding
    return transition(binding, BindingAction.BIND, by=by, now=now)


def unbind_request(submission, *, by: str) -> int:
    """Stop every active LINE binding of a request (the citizen on its status page)."""
    stopped = 0
    for binding in Binding.objects.active().filter(submission=submission):
        transition(binding, BindingAction.UNBIND, by=by)
        stopped += 1
    return stopped


def unbind_user(office, line_user_id: str, *, by: str) -> list:
    """Stop every active binding of a LINE user in one office (the user typed "stop"); the requests."""
    stopped = []
    for binding in (
        Binding.objects.active().filter(office=office, line_user_id=line_user_id).select_related("submission")
    ):
        transition(binding, BindingAction.UNBIND, by=by)
        stopped.append(binding.submission)
    return stopped


def block_user(office, line_user_id: str) -> int:
    """The user blocked the office's account: their bindings stop, email carries on alone."""
    count = 0
    for binding in Binding.objects.active().filter(office=office, line_user_id=line_user_id):
        transition(binding, BindingAction.BLOCK, by="line:unfollow")
        count += 1
    return count
