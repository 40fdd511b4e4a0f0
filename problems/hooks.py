"""What this app gives casework at start-up (`ProblemsConfig.ready`): the division's share of the
access rule, and the report's summary on the inbox's and the status page's request pages."""

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from problems.models import Category, ProblemReport


class DivisionScope:
    """Members of a category's division handle that category's reports (besides the office's
    administrators and platform administrators, whom casework's own rule already lets in)."""

    def condition(self, user):
        return Q(problem__category__division__user=user)

    def handles_any(self, user):
        return Category.objects.filter(division__user=user).exists()


def summary(submission):
    """The category, the place and the first-answer date of a problem report, or None."""
    report = ProblemReport.objects.filter(submission_id=submission.pk).select_related("category").first()
    if report is None:
        return None
    place = ", ".join(p for p in (report.village_label, report.road, report.landmark) if p)
    return {
        "label": _("Problem report: %(category)s") % {"category": report.category.name},
        "state": _("Place: %(place)s. First answer due %(date)s.")
        % {"place": place or "–", "date": date_format(report.respond_by, "j F Y")},
        "url": reverse("problems_admin:manage", args=[report.pk]),
    }
