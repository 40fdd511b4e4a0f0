"""What this app gives casework at start-up (`ProblemsConfig.ready`): the division's share of the
access rule, and the report's summary on the inbox's and the status page's request pages."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from offices.scope import administered_offices
from problems.models import Category, ProblemReport


class DivisionScope:
    """Members of a category's division handle that category's reports (besides the office's
    administrators and platform administrators, whom casework's own rule already lets in).

    A sensitive category's reports are narrowed to its division alone, platform administrators and the
    office's administrators included (a corruption complaint may be about them); a sensitive category
    without a division is seen by its office's administrators only."""

    def condition(self, user):
        return Q(problem__category__division__user=user)

    def handles_any(self, user):
        return Category.objects.filter(division__user=user).exists()

    def restriction(self, user):
        closed_to_user = (
            ProblemReport.objects.filter(category__sensitive=True)
            .exclude(category__division__user=user)
            .exclude(category__division__isnull=True, office__in=administered_offices(user))
        )
        return ~Q(pk__in=closed_to_user.values("submission_id"))


def summary(submission):
    """The category, the place and the first-answer date of a problem report, or None."""
    report = ProblemReport.objects.filter(submission_id=submission.pk).select_related("category").first()
    if report is None:
        return None
    place = ", ".join(p for p in (report.village_label, report.road, report.landmark) if p)
    state = _("Place: %(place)s. First answer due %(date)s.") % {
        "place": place or "–",
        "date": date_format(report.respond_by, "j F Y"),
    }
    report.submission = submission
    if report.response_late():
        state += " " + _("Late: nobody has answered the reporter yet.")
    elif report.first_response_at:
        state += " " + _("First answered %(date)s.") % {
            "date": date_format(timezone.localtime(report.first_response_at), "j F Y")
        }
    return {
        "label": _("Problem report: %(category)s") % {"category": report.category.name},
        "state": state,
        "url": reverse("problems_admin:manage", args=[report.pk]),
    }
