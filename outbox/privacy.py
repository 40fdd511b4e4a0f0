"""Personal data in the outbox: messages carry the recipient's address and what was said to them.

Discovered by `privacy/` (see `privacy/registry.py` for what a declaration may answer).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from outbox.models import Message


class Messages:
    name = "emails"
    label = _("Messages sent")
    noun = "email(s)"
    order = 40
    template = "outbox/privacy/messages.html"
    print_template = "outbox/privacy/messages_print.html"

    def find(self, person):
        if person.kind != "email":
            return []
        return list(Message.objects.filter(to__iexact=person.key))

    def records_of_cases(self, cases):
        return list(Message.objects.filter(submission_id__in=cases)) if cases else []

    def export(self, records):
        return [
            {
                "to": m.to,
                "subject": m.subject,
                "created_at": m.created_at,
                "state": m.state,
                "channel": m.channel,
            }
            for m in records
        ]

    def anonymise_case(self, case, now):
        deleted, _detail = Message.objects.filter(submission_id=case).delete()
        return deleted

    def erase_person(self, person):
        if person.kind != "email":
            return 0
        deleted, _detail = Message.objects.filter(Q(to__iexact=person.key)).delete()
        return deleted


PERSONAL_DATA = [Messages()]
