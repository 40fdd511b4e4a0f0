import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from config.security.audit import record_system
from config.security.erasure import anonymise_submission
from config.security.models import AccessLog
from eforms.retention import expired_submissions, retention_years

logger = logging.getLogger("eforms.retention")


class Command(BaseCommand):
    help = (
        "Erase the personal data of finished requests past their service's retention (run daily). "
        "Submissions already anonymised are skipped, so running it again does nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be erased; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        totals = {"submissions": 0, "files": 0, "payments": 0}
        for submission in self.batches(expired_submissions(now).select_related("service")):
            years = retention_years(submission.service)
            if dry_run:
                logger.info(
                    "Would erase %s (finished %s, kept %s years)",
                    submission.reference,
                    submission.finished,
                    years,
                )
                self.stdout.write(
                    f"Would erase {submission.reference} (finished {submission.finished:%Y-%m-%d})"
                )
                totals["submissions"] += 1
                continue
            done = anonymise_submission(submission, now=now)
            record_system(
                AccessLog.Action.ERASE,
                submission,
                detail=f"Retention of {years} years passed: {done['files']} file(s) deleted, answers anonymised",
            )
            logger.info(
                "Erased %s (finished %s, kept %s years): %s file(s), %s payment(s)",
                done["reference"],
                submission.finished,
                years,
                done["files"],
                done["payments"],
            )
            totals["submissions"] += 1
            totals["files"] += done["files"]
            totals["payments"] += done["payments"]
        verb = "Would erase" if dry_run else "Erased"
        summary = (
            f"{verb} the personal data of {totals['submissions']} submission(s): "
            f"{totals['files']} file(s), {totals['payments']} payment(s) anonymised."
        )
        logger.info(summary)
        self.stdout.write(summary)

    @staticmethod
    def batches(queryset, size=200):
        """The submissions, read a batch at a time (each one is written to before the next is read)."""
        ids = list(queryset.values_list("pk", flat=True))
        for start in range(0, len(ids), size):
            yield from queryset.filter(pk__in=ids[start : start + size])
