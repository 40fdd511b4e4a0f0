"""What an office's administrators may do with their own office's staff, and the only code that does it.

The rules, in one place (the views only call these functions):
- Who manages which office: `offices_managed_by` — an office's administrators whose administrators'
  group holds `staff.manage_office_staff`, for that office only; platform administrators for every
  office (they also have Wagtail's own user screens).
- Whom they see: `staff_of(office)` — the users in the office's groups, never a superuser or a platform
  administrator (who hold "change office"), even one who is in the office's groups as well.
- What they change: only the office's own groups (`OfficeGroup`). A user who also works for another
  office or the installation keeps every other group; only an account whose every group is this
  office's (`belongs_only_to`) can be deactivated or reactivated here.
- Never their own account (no one removes, promotes or deactivates themselves), never superuser, staff
  or any permission outside the office's groups.
- Every change is written to the personal-data access log (`privacy.AccessLog`) with who, what, when,
  from where and the office, in the same transaction as the change.

New staff are invited: the account has no usable password until they set one through a single-use
link (`staff.tokens`) that lasts `tokens.INVITATION_HOURS`; they then sign in and set up their second
factor as all staff do (`security.middleware`), nothing here skips it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from home import groups as g
from home.site import email_sender
from offices.models import Office
from offices.scope import is_platform_administrator
from outbox import services as outbox
from privacy.audit import record_access
from privacy.models import AccessLog
from staff.tokens import INVITATION_HOURS, invitation_tokens

User = get_user_model()
PERMISSION = "manage_office_staff"


def offices_managed_by(user):
    """The offices whose staff `user` manages, as a queryset."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Office.objects.none()
    if is_platform_administrator(user):
        return Office.objects.all()
    return Office.objects.filter(
        groups__role=g.ADMINISTRATORS,
        groups__group__user=user,
        groups__group__permissions__content_type__app_label="staff",
        groups__group__permissions__codename=PERMISSION,
    ).distinct()


def platform_accounts():
    """Accounts no office's administrator sees or touches: superusers and platform administrators."""
    change_office = Permission.objects.filter(
        content_type__app_label="offices", content_type__model="office", codename="change_office"
    )
    return User.objects.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__in=change_office)
        | Q(user_permissions__in=change_office)
    )


def office_groups(office):
    """The office's own groups, in the order of `offices.groups.ROLE_NAMES`."""
    order = {role: index for index, role in enumerate(ROLE_ORDER)}
    return sorted(
        Group.objects.filter(office_group__office=office).select_related("office_group"),
        key=lambda group: (order.get(group.office_group.role, len(order)), group.name),
    )


ROLE_ORDER = [g.ADMINISTRATORS, g.PERMIT_OFFICERS, g.COMMUNICATIONS_STAFF, g.JUNIOR_EDITORS]


def staff_of(office):
    """The users in the office's groups (active or not), without the platform's accounts."""
    return (
        User.objects.filter(groups__office_group__office=office)
        .exclude(pk__in=platform_accounts().values("pk"))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def belongs_only_to(user, office) -> bool:
    """Whether every group of `user` is one of `office`'s and nothing else gives them rights."""
    if user.is_superuser or user.is_staff or user.user_permissions.exists():
        return False
    return not user.groups.exclude(office_group__office=office).exists()


def other_workplaces(user, office) -> list[str]:
    """The names of the user's groups that are not `office`'s (another office's, the installation's)."""
    return list(
        user.groups.exclude(office_group__office=office).order_by("name").values_list("name", flat=True)
    )


def _check(actor, office, member=None):
    if not offices_managed_by(actor).filter(pk=office.pk).exists():
        raise PermissionDenied
    if member is not None:
        if member.pk == actor.pk:
            raise PermissionDenied(_("You cannot change your own account. Ask another administrator."))
        if not staff_of(office).filter(pk=member.pk).exists():
            raise PermissionDenied


def _clean_groups(office, groups):
    """`groups` must all be the office's own (a crafted form naming another office's is refused)."""
    allowed = {group.pk for group in office_groups(office)}
    chosen = list(groups)
    if any(group.pk not in allowed for group in chosen):
        raise ValidationError(_("Choose only your office's groups."), code="foreign_group")
    return chosen


def _names(groups):
    return ", ".join(sorted(group.name for group in groups)) or "-"


def _log(request, action, member, office, detail):
    return record_access(request, action, member, detail=detail, office_id=office.pk)


def label(member) -> str:
    name = member.get_full_name()
    return f"{name} ({member.get_username()})" if name else member.get_username()


def find_account(email):
    return User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()


def invite(request, office, *, first_name, last_name, email, groups):
    """A new account in `groups` (the office's), without a password, and the invitation email."""
    actor = request.user
    _check(actor, office)
    groups = _clean_groups(office, groups)
    if not groups:
        raise ValidationError(_("Choose at least one group."), code="no_group")
    email = email.strip().lower()
    with transaction.atomic():
        if find_account(email) is not None:
            raise ValidationError(
                _(
                    "An account with this email address already exists. A platform administrator can add "
                    "it to your office."
                ),
                code="exists",
            )
        member = User(username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip())
        member.set_unusable_password()
        member.save()
        member.groups.add(*groups)
        _log(request, AccessLog.Action.STAFF_INVITE, member, office, f"groups: {_names(groups)}")
        send_invitation(office, member, actor)
    return member


def resend_invitation(request, office, member):
    """A new link; the earlier ones stop working (the unusable password they were made from changes)."""
    _check(request.user, office, member)
    if member.has_usable_password() or not member.is_active:
        raise ValidationError(_("This member of staff has already set a password."), code="not_invited")
    with transaction.atomic():
        member.set_unusable_password()
        member.save(update_fields=["password"])
        _log(request, AccessLog.Action.STAFF_INVITE, member, office, "invitation sent again")
        send_invitation(office, member, request.user)


def set_groups(request, office, member, groups):
    """`member`'s groups in `office` become `groups`; their other offices' groups stay as they are."""
    _check(request.user, office, member)
    groups = _clean_groups(office, groups)
    if not groups:
        raise ValidationError(
            _(
                "Choose at least one group. To take them off your office's staff, use “Remove from the office”."
            ),
            code="no_group",
        )
    with transaction.atomic():
        mine = set(member.groups.filter(office_group__office=office))
        added, removed = set(groups) - mine, mine - set(groups)
        if not (added or removed):
            return False
        member.groups.remove(*removed)
        member.groups.add(*added)
        _log(
            request,
            AccessLog.Action.STAFF_GROUPS,
            member,
            office,
            f"added: {_names(added)}; removed: {_names(removed)}",
        )
    return True


def remove_from_office(request, office, member):
    """Out of every group of `office`. An account that belonged to this office only is deactivated as
    well: it would otherwise keep a password that opens nothing, and no office would see it."""
    _check(request.user, office, member)
    with transaction.atomic():
        only_here = belongs_only_to(member, office)
        mine = list(member.groups.filter(office_group__office=office))
        member.groups.remove(*mine)
        detail = f"removed: {_names(mine)}"
        if only_here and member.is_active:
            member.is_active = False
            member.save(update_fields=["is_active"])
            detail += "; account deactivated"
        _log(request, AccessLog.Action.STAFF_REMOVE, member, office, detail)
    return only_here


def set_active(request, office, member, active: bool):
    """Deactivate (or reactivate) an account that belongs to `office` only."""
    _check(request.user, office, member)
    if not belongs_only_to(member, office):
        raise ValidationError(
            _(
                "This account also works for another office or for the whole installation: only a platform "
                "administrator can deactivate it. You can remove them from your office."
            ),
            code="shared_account",
        )
    if member.is_active == active:
        return False
    with transaction.atomic():
        member.is_active = active
        member.save(update_fields=["is_active"])
        action = AccessLog.Action.STAFF_REACTIVATE if active else AccessLog.Action.STAFF_DEACTIVATE
        _log(request, action, member, office, "")
    return True


# The invitation email --------------------------------------------------------------------------------
def invitation_links(office, member) -> dict:
    """The set-password link in each language, on the office's own address."""
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    token = invitation_tokens.make_token(member)
    links = {}
    for language in ("th", "en"):
        with translation.override(language):
            links[language] = office.site.root_url + reverse("staff_invitation", args=[uid, token])
    return links


def send_invitation(office, member, actor):
    """One email in Thai and English (the new member's language is not known yet); the link is removed
    from the outbox once sent (`sensitive`)."""
    organisation = office.organisation
    links = invitation_links(office, member)
    parts = {}
    for language in ("th", "en"):
        with translation.override(language):
            context = {
                "member": member,
                "office_name": (organisation.name if organisation else "") or office.code,
                "link": links[language],
                "hours": INVITATION_HOURS,
                "inviter": actor.get_full_name() or actor.get_username(),
                "admin_url": office.site.root_url + reverse("wagtailadmin_home"),
            }
            parts[language] = {
                "subject": render_to_string("staff/email/invitation_subject.txt", context).strip(),
                "body": render_to_string("staff/email/invitation.txt", context).strip(),
            }
    with translation.override("th"):
        sender = email_sender(organisation)
    return outbox.queue(
        to=member.email,
        subject=f"{parts['th']['subject']} / {parts['en']['subject']}",
        body=f"{parts['th']['body']}\n\n-- English --\n\n{parts['en']['body']}\n",
        kind="staff_invitation",
        language="th",
        sensitive=True,
        sender=sender,
    )
