"""Personal data in requests: the answers, files, names and addresses citizens send, the timeline's
messages, ratings' comments. Discovered by `privacy/` (see `privacy/registry.py`).

A request is anonymised, never deleted: its reference, service, channel, dates, states, deadline and
fee stay, so reports and the payments' reconciliation do not change.
"""

import logging

from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import retention
from casework.constants import FINAL_STATUSES, SubmissionStatus
from casework.models import SatisfactionRating, Submission, SubmissionFile
from eforms import field_types
from eforms.storage import delete_quietly
from privacy.erasure import scrub

#: Years a survey comment tied to no request is kept (the shortest retention of requests).
UNATTACHED_COMMENT_YEARS = min(retention.DEFAULT_RETENTION_YEARS.values())

logger = logging.getLogger(__name__)


class Submissions:
    name = "submissions"
    label = gettext_lazy("Requests")
    noun = "submission(s)"
    order = 10
    keeps_cases = True
    template = "casework/privacy/submissions.html"
    print_template = "casework/privacy/submissions_print.html"

    def _queryset(self):
        return Submission.objects.select_related("service").prefetch_related("files", "events")

    def find(self, person):
        """By the answers (an email, phone or ID typed anywhere in the form) or the applicant's email."""
        texts = Submission.objects.annotate(text=Cast("answers", TextField()))
        candidates = texts.filter(text__icontains=person.key).only("pk", "answers")
        ids = {s.pk for s in candidates if person.named_in(s.answers)}
        condition = Q(pk__in=ids)
        if person.kind == "email":
            condition |= Q(applicant_email__iexact=person.key)
        return list(self._queryset().filter(condition))

    def cases(self, records):
        return {s.pk for s in records}

    def records_of_cases(self, cases):
        return list(self._queryset().filter(pk__in=cases))

    def cases_of_offices(self, cases, offices):
        return set(Submission.objects.filter(pk__in=cases, office__in=offices).values_list("pk", flat=True))

    def export(self, records):
        return [
            {
                "reference": s.reference,
                "service": s.service_title,
                "status": s.status,
                "language": s.language,
                "channel": s.channel,
                "submitted_at": s.submitted_at,
                "completed_at": s.completed_at,
                "applicant_name": s.applicant_name,
                "applicant_email": s.applicant_email,
                "personal_data_erased_at": s.anonymised_at,
                "answers": [
                    {"label": a.get("label"), "step": a.get("step"), "value": a.get("value")}
                    for a in s.answers
                ],
                "files": [
                    {
                        "name": f.original_name,
                        "type": f.file_type,
                        "size": f.size,
                        "uploaded_at": f.uploaded_at,
                    }
                    for f in s.files.all()
                ],
                "timeline": [
                    {"at": e.at, "what": e.kind, "status": e.to_status, "message": e.message}
                    for e in s.events.all()
                    if e.visible_to_citizen
                ],
            }
            for s in records
        ]

    def refusal(self, case):
        submission = Submission.objects.filter(pk=case).only("reference", "status").first()
        if submission is None or submission.status in FINAL_STATUSES:
            return ""
        return _("Request %(reference)s is still in progress (“%(state)s”).") % {
            "reference": submission.reference,
            "state": SubmissionStatus(submission.status).label,
        }

    def anonymise_case(self, case, now):
        """Files (storage and rows), answers' values (labels and order stay), the applicant's name and
        email, the timeline's messages and citizen names, the rating's comment. Safe to call twice."""
        sub = Submission.objects.select_for_update().filter(pk=case).first()
        if sub is None:
            return 0
        files = list(SubmissionFile.objects.filter(submission=sub))
        stored = [(record.file.storage, record.file.name) for record in files if record.file]
        SubmissionFile.objects.filter(submission=sub).delete()
        for event in sub.events.all():
            event.message = ""
            event.data = scrub(event.data)
            if event.actor_id is None:
                event.actor_name = ""
            event.save(update_fields=["message", "data", "actor_name"])
        SatisfactionRating.objects.filter(submission=sub).update(comment="")
        Submission.objects.filter(pk=sub.pk).update(
            answers=field_types.anonymise_answers(sub.answers),
            applicant_email="",
            applicant_name="",
            anonymised_at=sub.anonymised_at or now,
        )
        # The files go once the erasure's transaction has ended: a rollback must not lose a file it keeps.
        return {"files": len(files), "_after": lambda: _delete_files(stored, sub.reference)}

    def purge_unattached(self, now):
        """Comments of the counter's anonymous survey answers (tied to no request) may name someone:
        cleared after the shortest retention, a year; the scores stay for the statistics."""
        cutoff = retention.years_before(now, UNATTACHED_COMMENT_YEARS)
        return (
            SatisfactionRating.objects.filter(submission__isnull=True, created_at__lt=cutoff)
            .exclude(comment="")
            .update(comment="")
        )

    def expired_cases(self, now):
        for submission in retention.expired_submissions(now).select_related("service").iterator():
            years = retention.retention_years(submission.service)
            submission.retention_detail = f"Retention of {years} years passed"
            yield submission


def _delete_files(stored, reference):
    for storage, name in stored:
        if not delete_quietly(storage, name):
            logger.error("The file %s of %s is still stored: delete it by hand", name, reference)


PERSONAL_DATA = [Submissions()]
