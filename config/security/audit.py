"""Write an entry in the personal-data audit log. Call it from every staff view or download of
personal data, after the permission check passed."""

from config.security.models import AccessLog
from config.security.throttle import client_ip


def record_access(request, action: str, obj, detail: str = "") -> AccessLog:
    """`action` is an `AccessLog.Action` value; `obj` any model instance (a submission, a file …)."""
    user = request.user if request.user.is_authenticated else None
    return AccessLog.objects.create(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_label=str(obj)[:255],
        detail=detail[:255],
        ip_address=client_ip(request) or None,
    )
