"""Which requests' payments a member of staff sees, and for which offices they work.

Every payments screen starts here (the list, a request's payments, refunds and their approval, counter
payments, receipts, the reconciliation report, bank statements). What is outside is answered exactly as
a missing request, payment or receipt: a 404.

- Platform administrators (superusers, and the installation's administrators, who hold
  `casework.handle_all_submissions`): every office.
- An office's administrators: every request of their own office.
- Officers: the requests of the services their group handles, as in the inbox
  (`Submission.objects.visible_to`).
"""

from django.db.models import Q

from casework.access import handles_all
from casework.models import Submission
from offices.models import Office
from offices.scope import offices_of


def visible_submissions(user):
    """The requests whose payments `user` sees: the inbox's rule (`casework.access`), which already
    gives an office's administrators every request of their office."""
    return Submission.objects.visible_to(user)


def staff_offices(user):
    """The offices whose payments `user` works on: all for a platform administrator; else the offices
    of their groups and of the requests they handle."""
    if handles_all(user):
        return Office.objects.select_related("site").order_by("code")
    own = Q(pk__in=offices_of(user).values("pk")) | Q(pk__in=visible_submissions(user).values("office"))
    if not offices_of(user).exists():
        # The installation's own groups (not an office's) were the default office's staff before
        # there were offices, and still serve it.
        own |= Q(site__is_default_site=True)
    return Office.objects.filter(own).select_related("site").order_by("code")
