"""Personal data in problem reports, for `privacy/` (see `privacy/registry.py`).

The reporter's name, phone and email are the request's (casework declares them), except for a sensitive
category, whose contact is sealed in `SealedContact`: found here by email or phone, exported with the
report, erased with it. A report adds what
can point at a person: the description, the road and landmark (may be a home address), the exact
position and the photos (faces, number plates, a house). The board never shows the request's details;
once the request is anonymised these go too, and the category, village, dates and state stay for the
figures.
"""

import logging
import re

from django.utils.translation import gettext_lazy as _

from eforms.storage import delete_quietly
from problems.models import ProblemPhoto, ProblemReport, SealedContact

logger = logging.getLogger(__name__)


class ProblemReports:
    name = "problem_reports"
    label = _("Problem reports")
    noun = "problem report(s)"
    order = 60
    template = "problems/privacy/reports.html"
    print_template = "problems/privacy/reports_print.html"

    def find(self, person):
        """Reports whose sealed contact names the person (an ordinary report is found through its
        request, by casework)."""
        if person.kind == "email":
            sealed = SealedContact.objects.filter(email__iexact=person.key)
        elif person.kind == "phone":
            wanted = _digits(person.key)
            sealed = [c for c in SealedContact.objects.exclude(phone="") if _digits(c.phone) == wanted]
        else:
            return []
        ids = [c.report_id for c in sealed]
        return list(ProblemReport.objects.filter(pk__in=ids).select_related("category"))

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
                **_sealed(r),
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
        SealedContact.objects.filter(report=report).delete()
        return {"photos": len(photos), "_after": lambda: _delete(stored)}


def _digits(phone):
    digits = re.sub(r"\D", "", phone or "")
    return "0" + digits[2:] if digits.startswith("66") else digits


def _sealed(report):
    contact = SealedContact.objects.filter(report=report).first()
    if contact is None:
        return {}
    return {"sealed_name": contact.name, "sealed_phone": contact.phone, "sealed_email": contact.email}


def _delete(stored):
    for storage, name in stored:
        if not delete_quietly(storage, name):
            logger.error("The photo %s is still stored: delete it by hand", name)


PERSONAL_DATA = [ProblemReports()]
