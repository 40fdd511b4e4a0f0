"""Write an entry in the personal-data audit log. Call it from every staff view or download of
personal data, after the permission check passed."""

import hashlib

from privacy.models import AccessLog

#: The name written for what a scheduled command (no one signed in) did.
SYSTEM_USERNAME = "system"


def client_address(request) -> str:
    """The client's address as the request records it. Behind a proxy, the first middleware
    (`security.client_address`, believing X-Forwarded-For only from TAMBON_TRUSTED_PROXIES) has put
    the real client's address in REMOTE_ADDR."""
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def office_of(obj):
    """The office a record belongs to: its own (a request, a receipt) or its request's (a file, a payment)."""
    for candidate in (obj, getattr(obj, "submission", None)):
        office_id = getattr(candidate, "office_id", None)
        if office_id:
            return office_id
    return None


def _create(
    *, user, username, action, object_type, object_id, label, detail, ip, office_id=None
) -> AccessLog:
    return AccessLog.objects.create(
        office_id=office_id,
        user=user,
        username=username,
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        object_label=str(label)[:255],
        detail=(detail or "")[:255],
        ip_address=ip or None,
    )


def record_access(request, action: str, obj, detail: str = "", office_id=None) -> AccessLog:
    """`action` is an `AccessLog.Action` value; `obj` any model instance (a submission, a file …).
    `office_id`: the office the entry belongs to, for a record that has none of its own (a staff
    account changed by that office's administrator)."""
    user = request.user if request.user.is_authenticated else None
    return _create(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        label=obj,
        detail=detail,
        ip=client_address(request),
        office_id=office_id or office_of(obj),
    )


def record_system(action: str, obj, detail: str = "") -> AccessLog:
    """For a command run by cron (retention): the entry names "system" instead of a staff member."""
    return _create(
        user=None,
        username=SYSTEM_USERNAME,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        label=obj,
        detail=detail,
        ip=None,
        office_id=office_of(obj),
    )


def subject_fingerprint(key: str) -> str:
    """A short hash of a searched email, phone or ID: later searches for the same person can be
    matched in the log without the log itself holding the number."""
    return hashlib.sha256(key.strip().lower().encode()).hexdigest()[:16]


def record_subject(
    request, action: str, kind: str, key: str, masked: str, detail: str = "", office_id=None
) -> AccessLog:
    """A data-subject request (search, export, erase) about a person rather than one record; an
    office's administrator's names their office (it is in that office's log)."""
    user = request.user if request.user.is_authenticated else None
    return _create(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        object_type=f"subject.{kind}",
        object_id=subject_fingerprint(key),
        label=masked,
        detail=detail,
        ip=client_address(request),
        office_id=office_id,
    )
