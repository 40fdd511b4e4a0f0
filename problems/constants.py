"""Choices of problem reports, with translated labels, and how a request's state reads on the board."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from casework.constants import SubmissionStatus

#: The reference prefix of problem reports (counted per office, as e-services' are).
REFERENCE_PREFIX = "RP"

#: Photos a citizen may send with a report, and the largest one accepted.
MAX_PHOTOS = 4
MAX_PHOTO_BYTES = 10 * 1024 * 1024
#: Pictures larger than this (width × height) are refused before they are decoded (a decompression
#: bomb is a small file that would need gigabytes of memory).
MAX_PHOTO_PIXELS = 40_000_000
#: The longest side of a photo as it is kept (phones take 4,000 px; the board needs far less).
KEPT_PHOTO_SIDE = 1600

#: Reports further than this from the office's centre are asked to confirm their position.
DEFAULT_AREA_RADIUS_KM = 25
#: Villages (หมู่) are numbered; an office that set no area offers this many.
DEFAULT_VILLAGES = 20


class PublicState(models.TextChoices):
    """What the board shows; derived from the request's one state (casework.workflow), never stored."""

    RECEIVED = "received", pgettext_lazy("state of a problem report", "Received")
    IN_PROGRESS = "in_progress", pgettext_lazy("state of a problem report", "In progress")
    FIXED = "fixed", pgettext_lazy("state of a problem report", "Fixed")
    CLOSED = "closed", pgettext_lazy("state of a problem report", "Closed")


#: The request's states behind each public state (a withdrawn report leaves the board).
STATUSES_OF = {
    PublicState.RECEIVED: [SubmissionStatus.SUBMITTED],
    PublicState.IN_PROGRESS: [
        SubmissionStatus.IN_REVIEW,
        SubmissionStatus.WAITING,
        SubmissionStatus.APPROVED,
    ],
    PublicState.FIXED: [SubmissionStatus.COMPLETED],
    PublicState.CLOSED: [SubmissionStatus.REJECTED],
}
PUBLIC_STATE_OF = {status: state for state, statuses in STATUSES_OF.items() for status in statuses}
ON_THE_BOARD = list(PUBLIC_STATE_OF)


class PositionSource(models.TextChoices):
    NONE = "", _("No position")
    TYPED = "typed", _("Typed or from the phone")
    PHOTO = "photo", _("From the photo")


class PhotoKind(models.TextChoices):
    BEFORE = "before", _("Before")
    AFTER = "after", _("After")


class Verdict(models.TextChoices):
    """What the reporter said once the office closed the case as fixed (`problems.workflow`)."""

    NONE = "", _("Not said")
    FIXED = "fixed", _("The reporter says it is fixed")
    NOT_FIXED = "not_fixed", _("The reporter says it is not fixed")


#: Days after the office closed a case in which its reporter may say "fixed" or "not fixed".
VERDICT_DAYS = 30
#: A case is reopened by its reporter at most this many times.
MAX_REOPENINGS = 1

#: A new report near an open one of the same category, within these, is offered as a duplicate.
DUPLICATE_METRES = 50
DUPLICATE_DAYS = 30

#: Counts below this are shown as "fewer than 5" on the figures page.
SMALL_COUNT = 5
