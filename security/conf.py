"""Security settings with their defaults; override them in settings."""

from django.conf import settings


def staff_two_factor_required() -> bool:
    return getattr(settings, "TAMBON_STAFF_2FA_REQUIRED", True)


LOGIN_FAILURES_PER_ACCOUNT = 8  # then the account waits, whoever tries
LOGIN_FAILURES_PER_IP = 30  # per client address: slows one machine trying many accounts
LOGIN_FAILURE_WINDOW = 15 * 60  # seconds: a locked account unlocks by itself after this

STAFF_IDLE_TIMEOUT = 15 * 60
STAFF_ABSOLUTE_TIMEOUT = 12 * 60 * 60

# Citizens' one-time codes (status page, payment step).
CITIZEN_CODE_LENGTH = 6
CITIZEN_CODE_VALID = 10 * 60
CITIZEN_CODE_COOLDOWN = 60
CITIZEN_CODE_MAX_WRONG = 5
CITIZEN_CODES_PER_HOUR_PER_ADDRESS = 5
# Per client address: the per-email limit protects each mailbox, this one only stops one machine
# making the office mail many citizens (references are sequential). See docs/security.md.
CITIZEN_CODES_PER_HOUR_PER_IP = 30
CITIZEN_VERIFIED_FOR = 60 * 60  # a verified citizen stays verified this long in their session
