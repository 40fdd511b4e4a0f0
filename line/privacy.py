"""Personal data in `line/`: which LINE user (an opaque id of the office's account) receives a
request's updates, and since when. Found through the request (a LINE user id names nobody by email,
phone or national ID); erased with it. The messages sent to LINE are the outbox's (its declaration).

Discovered by `privacy/` (see `privacy/registry.py`).
"""

from django.utils.translation import gettext_lazy as _

from line.models import Binding, LinkToken


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


PERSONAL_DATA = [LineBindings()]
