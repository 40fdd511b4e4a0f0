"""Personal data in problem reports, for `privacy/` (see `privacy/registry.py`).

The reporter's name, phone and email are the request's (casework declares them). A report adds what
can point at a person: the description, the road and landmark (may be a home address), the exact
position and the photos (faces, number plates, a house). The board never shows the request's details;
once the request is anonymised these go too, and the category, village, dates and state stay for the
figures.
"""

import logging

from django.utils.translation import gettext_lazy as _

from eforms.storage import delete_quietly
from problems.models import ProblemPhoto, ProblemReport

logger = logging.getLogger(__name__)


class ProblemReports:
    name = "problem_reports"
    label = _("Problem reports")
    noun = "problem report(s)"
    order = 60
    template = "problems/privacy/reports.html"
    print_template = "problems/privacy/reports_print.html"

    def records_of_cases(self, cases):
        return list(ProblemReport.objects.filter(submission_id__in=cases).select_related("category"))

    def cases(self, records):
        return {r.submission_id for r in records}

    def export(self, records):
        return [
            {
                "category": r.category.name_th,
                "description": r.description,
                "village": r.village,
                "road": r.road,
                "landmark": r.landmark,
                "latitude": str(r.latitude) if r.latitude is not None else "",
                "longitude": str(r.longitude) if r.longitude is not None else "",
                "photos": r.photos.count(),
                "reported_at": r.created_at,
            }
            for r in records
        ]

    def anonymise_case(self, case, now):
        """The description, road, landmark, position and photos go; the category and village stay."""
        report = ProblemReport.objects.select_for_update().filter(submission_id=case).first()
        if report is None:
            return 0
        photos = list(ProblemPhoto.objects.filter(report=report))
        stored = [(p.file.storage, p.file.name) for p in photos if p.file]
        ProblemPhoto.objects.filter(report=report).delete()
        ProblemReport.objects.filter(pk=report.pk).update(
            description="", road="", landmark="", latitude=None, longitude=None
        )
        return {"photos": len(photos), "_after": lambda: _delete(stored)}


def _delete(stored):
    for storage, name in stored:
        if not delete_quietly(storage, name):
            logger.error("The photo %s is still stored: delete it by hand", name)


PERSONAL_DATA = [ProblemReports()]
