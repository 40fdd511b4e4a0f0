"""Personal data in `line/`: which LINE user (an opaque id of the office's account) receives a
request's updates, and since when. Found through the request (a LINE user id names nobody by email,
phone or national ID); erased with it. The messages sent to LINE are the outbox's (its declaration).

Officers' own LINE (`StaffLink`) is staff's personal data: found by the officer's email, exported and
erased with it. Records tied to no request go after a short retention (`purge_unattached`): used and
expired link tokens (only hashes) and the ids of webhook events already handled.

Discovered by `privacy/` (see `privacy/registry.py`).
"""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from line.constants import TOKEN_RETENTION_DAYS, WEBHOOK_EVENT_RETENTION_DAYS
from line.models import Binding, LinkToken, StaffLink, StaffLinkToken, WebhookEvent


class LineBindings:
    name = "line_bindings"
    label = _("LINE updates")
    noun = "LINE binding(s)"
    order = 45
    template = "line/privacy/bindings.html"

    def records_of_cases(self, cases):
        return list(Binding.objects.filter(submission_id__in=cases)) if cases else []

    def cases(self, records):
        return {r.submission_id for r in records}

    def export(self, records):
        return [
            {
                "line_user_id": r.line_user_id,
                "state": r.state,
                "created_at": r.created_at,
                "changed_at": r.changed_at,
            }
            for r in records
        ]

    def anonymise_case(self, case, now):
        LinkToken.objects.filter(submission_id=case).delete()
        deleted, _detail = Binding.objects.filter(submission_id=case).delete()
        return deleted

    def purge_unattached(self, now):
        """Link tokens used or expired more than TOKEN_RETENTION_DAYS ago (a late message still gets
        "already used" until then), citizens' and officers' alike, and webhook event ids older than
        WEBHOOK_EVENT_RETENTION_DAYS (LINE redelivers for about a day)."""
        cutoff = now - timedelta(days=TOKEN_RETENTION_DAYS)
        old = Q(expires_at__lt=cutoff) | Q(used_at__lt=cutoff)
        count = LinkToken.objects.filter(old).delete()[0] + StaffLinkToken.objects.filter(old).delete()[0]
        events = now - timedelta(days=WEBHOOK_EVENT_RETENTION_DAYS)
        return count + WebhookEvent.objects.filter(received_at__lt=events).delete()[0]


class OfficerLinks:
    """An officer's own LINE user id, linked for their notices: found by the officer's account email."""

    name = "line_officer_links"
    label = _("LINE notices for staff")
    noun = "officer LINE link(s)"
    order = 46
    template = "line/privacy/officer_links.html"

    def find(self, person):
        if person.kind != "email":
            return []
        return list(StaffLink.objects.filter(user__email__iexact=person.key).select_related("office"))

    def export(self, records):
        return [
            {
                "office": r.office.code,
                "line_user_id": r.line_user_id,
                "new_request": r.new_request,
                "citizen_reply": r.citizen_reply,
                "overdue": r.overdue,
                "linked_at": r.linked_at,
            }
            for r in records
        ]

    def erase_person(self, person):
        if person.kind != "email":
            return 0
        deleted, _detail = StaffLink.objects.filter(user__email__iexact=person.key).delete()
        return deleted


PERSONAL_DATA = [LineBindings(), OfficerLinks()]
