"""Officers' notices on LINE (opt-in): an officer links their own LINE to an office's account from their
account page (a single-use link valid STAFF_LINK_TOKEN_MINUTES, sent from their phone like a citizen's),
chooses which notices they want, and may unlink at any time.

The notices are written when the request's timeline records what they are about (`notify_for_event`,
a receiver of casework's timeline entries: casework does not know LINE): a new request, a citizen's
reply, an overdue notice. They go through the outbox's LINE channel (retries, failure list), from the
account of the request's office, in the officer's admin language, and say only the reference and the
service's name, with a button to the request in the inbox. Nothing else about the citizen.

Who gets what (each only if they chose it, are active and may still see the request):
- a new request: every linked officer of the request's office who may see it (its service's handlers,
  the office's administrators), except the officer who filled it in at the counter;
- a citizen replied: the officer the request is assigned to (as the email);
- overdue: the assigned officer, or when nobody is assigned, every linked officer who may see it.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from casework.access import can_use_inbox, handles_all, service_scope
from casework.constants import EventKind
from casework.models import Submission, SubmissionEvent
from casework.notices import page_of
from eforms.models import EServicePage
from home.site import admin_url
from home.site_pages import in_trees, root_paths
from line import account as accounts
from line.constants import CHANNEL_ID, OFFICER_RECIPIENT, STAFF_LINK_TOKEN_MINUTES, OfficerNotice
from line.models import StaffLink, StaffLinkToken
from offices.models import Office
from offices.scope import offices_of
from outbox import services as outbox

logger = logging.getLogger(__name__)

TOKEN_MARK = "#S"

#: Which timeline entry brings which notice.
NOTICE_OF_EVENT = {
    EventKind.CREATED: OfficerNotice.NEW_REQUEST,
    EventKind.MESSAGE_FROM_CITIZEN: OfficerNotice.CITIZEN_REPLY,
    EventKind.OVERDUE_NOTICE: OfficerNotice.OVERDUE,
}


def language_of(user) -> str:
    return getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "") or "th"


def works_for(user, office) -> bool:
    """`user` handles requests of `office`: one of its staff groups, a service of its site (service
    handlers), or every office (platform administrators)."""
    if handles_all(user) or offices_of(user).filter(pk=office.pk).exists():
        return True
    handled = EServicePage.objects.filter(service_scope(user)).filter(in_trees(root_paths(office.site)))
    return handled.exists()


def linkable_offices(user) -> list:
    """The offices on LINE whose account `user` may link their LINE to: those they work for, if they
    use the inbox at all."""
    if not can_use_inbox(user):
        return []
    offices = Office.objects.select_related("site__root_page").order_by("pk")
    return [office for office in offices if accounts.for_office(office) and works_for(user, office)]


# Linking ---------------------------------------------------------------------------------------------
def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link_token(user, office, now=None) -> str:
    now = now or timezone.now()
    token = secrets.token_urlsafe(12)  # 16 characters
    StaffLinkToken.objects.create(
        user=user,
        office=office,
        token_hash=_hash(token),
        created_at=now,
        expires_at=now + timedelta(minutes=STAFF_LINK_TOKEN_MINUTES),
    )
    return token


def link_text(token: str) -> str:
    """What the officer's phone sends to the account (typed in for them by the link)."""
    return f"{TOKEN_MARK}{token}"


def redeem(office, token: str, line_user_id: str, now=None):
    """Link `line_user_id` to the token's officer: the officer, or None when the token is unknown, of
    another office, used, expired, or its officer is no longer active staff of that office."""
    now = now or timezone.now()
    with transaction.atomic():
        found = (
            StaffLinkToken.objects.filter(office=office, token_hash=_hash(token))
            .select_related("user")
            .first()
        )
        if found is None:
            return None
        used = StaffLinkToken.objects.filter(pk=found.pk, used_at__isnull=True, expires_at__gt=now).update(
            used_at=now
        )
        if not used or office not in linkable_offices(found.user):
            return None
        StaffLink.objects.update_or_create(
            user=found.user, office=office, defaults={"line_user_id": line_user_id, "linked_at": now}
        )
        return found.user


def unlink(user, office) -> bool:
    deleted, _detail = StaffLink.objects.filter(user=user, office=office).delete()
    return bool(deleted)


def forget_line_user(office, line_user_id: str) -> int:
    """The LINE user blocked the office's account: their officer links to it go (nothing could reach them)."""
    deleted, _detail = StaffLink.objects.filter(office=office, line_user_id=line_user_id).delete()
    return deleted


# Notices ---------------------------------------------------------------------------------------------
def may_see(user, submission) -> bool:
    return (
        user.is_active
        and can_use_inbox(user)
        and Submission.objects.visible_to(user).filter(pk=submission.pk).exists()
    )


def recipients(submission, notice, *, actor_id=None) -> list:
    """The staff links that should receive `notice` about `submission` (see the module's docstring)."""
    links = StaffLink.objects.filter(
        office_id=submission.office_id, user__is_active=True, **{str(notice): True}
    ).select_related("user", "user__wagtail_userprofile")
    if notice == OfficerNotice.CITIZEN_REPLY or (notice == OfficerNotice.OVERDUE and submission.assignee_id):
        if not submission.assignee_id:
            return []
        links = links.filter(user_id=submission.assignee_id)
    if actor_id:
        links = links.exclude(user_id=actor_id)
    return [link for link in links if may_see(link.user, submission)]


def inbox_url(submission, language) -> str:
    with translation.override(language):
        return admin_url(reverse("inbox:detail", args=[submission.pk]), page=page_of(submission))


def write(notice, submission, language) -> tuple[str, str]:
    """The title and text of a notice: the reference and the service's name, nothing about the citizen."""
    values = {"reference": submission.reference, "service": submission.service_title}
    with translation.override(language):
        if notice == OfficerNotice.NEW_REQUEST:
            return (
                _("New request %(reference)s") % values,
                _("A new request %(reference)s has arrived for “%(service)s”.") % values,
            )
        if notice == OfficerNotice.CITIZEN_REPLY:
            return (
                _("Reply on %(reference)s") % values,
                _("The citizen replied to request %(reference)s (“%(service)s”).") % values,
            )
        return (
            _("Overdue: %(reference)s") % values,
            _("Request %(reference)s (“%(service)s”) is past its deadline.") % values,
        )


def queue_notices(submission, notice, *, actor_id=None) -> int:
    """Queue `notice` about `submission` for every officer who should get it; how many."""
    account = accounts.for_office(submission.office)
    if account is None:
        return 0
    count = 0
    for link in recipients(submission, notice, actor_id=actor_id):
        language = language_of(link.user)
        title, text = write(notice, submission, language)
        outbox.queue(
            to=f"{OFFICER_RECIPIENT}:{link.pk}:{submission.pk}",
            channel=CHANNEL_ID,
            subject=title,
            body=text,
            kind=f"line:officer:{notice}"[:30],
            language=language,
            sender=submission.office.code,
        )
        count += 1
    return count


def parse_recipient(to: str):
    """(staff link id, request id) of an officer's notice, or None for a LINE user id."""
    parts = to.split(":")
    if len(parts) != 3 or parts[0] != OFFICER_RECIPIENT or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return int(parts[1]), int(parts[2])


def still_wanted(link_id, submission_id, notice):
    """At sending time: (LINE user id, request) when the officer is still linked, active, wants this
    notice and may see the request; else None (they unlinked, were deactivated, changed their mind)."""
    link = StaffLink.objects.select_related("user").filter(pk=link_id).first()
    submission = Submission.objects.filter(pk=submission_id).first()
    if link is None or submission is None or submission.office_id != link.office_id:
        return None
    if (notice and not link.wants(notice)) or not may_see(link.user, submission):
        return None
    return link.line_user_id, submission


@receiver(post_save, sender=SubmissionEvent, dispatch_uid="line.officer_notices")
def notify_for_event(sender, instance, created, raw=False, **kwargs):
    notice = NOTICE_OF_EVENT.get(instance.kind)
    if raw or not created or notice is None:
        return
    if not StaffLink.objects.filter(office_id=instance.submission.office_id).exists():
        return  # the usual case: nobody of this office gets LINE notices
    submission = Submission.objects.select_related("office__site").filter(pk=instance.submission_id).first()
    if submission is None or submission.office is None:
        return
    queue_notices(submission, notice, actor_id=instance.actor_id)
