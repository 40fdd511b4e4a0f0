"""An office that has received citizens' requests cannot be deleted (`offices.protection`)."""

from django.utils.translation import ngettext

from casework.models import Submission
from offices import protection


@protection.register
def submissions_refusal(office) -> str:
    count = Submission.objects.filter(office=office).count()
    if not count:
        return ""
    return ngettext(
        "The office “%(office)s” has %(count)d request from citizens, which must be kept: it cannot be deleted.",
        "The office “%(office)s” has %(count)d requests from citizens, which must be kept: it cannot be deleted.",
        count,
    ) % {"office": office, "count": count}
