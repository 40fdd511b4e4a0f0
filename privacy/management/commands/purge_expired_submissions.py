import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from privacy import erasure
from privacy.audit import record_system
from privacy.models import AccessLog

logger = logging.getLogger("privacy.retention")


class Command(BaseCommand):
    help = (
        "Erase the personal data of finished requests past their service's retention (run daily). "
        "Requests already anonymised are skipped, so running it again does nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be erased; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        totals = {"submissions": 0, "files": 0, "payments": 0}
        for case in erasure.expired_cases(now):
            if dry_run:
                logger.info("Would erase %s (%s)", case.reference, case.retention_detail)
                self.stdout.write(f"Would erase {case.reference} (finished {case.finished:%Y-%m-%d})")
                totals["submissions"] += 1
                continue
            done = erasure.anonymise_case(case.pk, now=now)
            files = done.get("files", 0)
            record_system(
                AccessLog.Action.ERASE,
                case,
                detail=f"{case.retention_detail}: {files} file(s) deleted, answers anonymised",
            )
            logger.info("Erased %s (%s): %s", case.reference, case.retention_detail, done)
            totals["submissions"] += 1
            totals["files"] += files
            totals["payments"] += done.get("payments", 0)
        if not dry_run:
            unattached = erasure.purge_unattached(now)
            if unattached:
                # Survey comments of the counter's anonymous answers, LINE's used links and event ids…
                logger.info("Cleared %s record(s) tied to no request", unattached)
                self.stdout.write(f"Cleared {unattached} record(s) tied to no request past their retention.")
        verb = "Would erase" if dry_run else "Erased"
        summary = (
            f"{verb} the personal data of {totals['submissions']} submission(s): "
            f"{totals['files']} file(s), {totals['payments']} payment(s) anonymised."
        )
        logger.info(summary)
        self.stdout.write(summary)
