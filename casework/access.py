"""Who may see and handle which requests: the one rule every inbox view, download, payment and report
starts from (`Submission.objects.visible_to`).

- Platform administrators (superusers, holders of `handle_all_submissions`): every office's requests.
- An office's administrators: every request made to their own office.
- Other staff: the services one of their groups is given ("Service handlers"), and the services
  another office shares with their office under an agreement in force (`ProcessingAgreement`).
- Everyone else: nothing.
"""

from django.db.models import Q

from casework.models.records import ServiceHandler
from home import groups as roles
from home.site_pages import in_trees, root_paths
from offices.models import OfficeGroup, ProcessingAgreement
from offices.scope import administered_offices, offices_of

#: Roles of an office whose members handle the services other offices share with it.
SHARED_WITH_ROLES = (roles.PERMIT_OFFICERS, roles.ADMINISTRATORS)


#: Permission that lets a user see and handle the submissions of every office (platform administrators).
HANDLE_ALL_PERMISSION = "casework.handle_all_submissions"

#: Other apps' rules that add requests a member of staff handles (`register_scope`).
_scopes = []


def register_scope(scope):
    """Add a rule from a higher app (problems routes a report to its category's division). `scope` has
    `condition(user) -> Q | None` on submissions, and `handles_any(user) -> bool` for the inbox's door.
    It may also have `restriction(user) -> Q | None`: a condition every request `user` sees must meet,
    whoever they are (platform administrators too) — problems keeps a sensitive category's reports to
    its named group this way."""
    _scopes.append(scope)


def restrictions(user) -> list[Q]:
    """The narrowing conditions of the registered scopes for `user` (see `register_scope`)."""
    found = []
    for scope in _scopes:
        restriction = getattr(scope, "restriction", None)
        condition = restriction(user) if restriction is not None else None
        if condition is not None:
            found.append(condition)
    return found


def is_staff_member(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def handles_all(user) -> bool:
    return is_staff_member(user) and (user.is_superuser or user.has_perm(HANDLE_ALL_PERMISSION))


def shared_services(user):
    """Ids of the (Thai) services other offices let `user`'s office handle today."""
    offices = offices_of(user).filter(groups__role__in=SHARED_WITH_ROLES, groups__group__user=user)
    return ProcessingAgreement.objects.in_force().filter(handled_by__in=offices).values("service_id")


def submission_scope(user) -> Q:
    """The condition on submissions that `user` may see (for staff who do not handle all)."""
    handled = ServiceHandler.objects.filter(group__user=user).values("service_id")
    condition = (
        Q(service_id__in=handled)
        | Q(office_id__in=administered_offices(user).values("pk"))
        | Q(service_id__in=shared_services(user))
    )
    for scope in _scopes:
        extra = scope.condition(user)
        if extra is not None:
            condition |= extra
    return condition


def can_use_inbox(user) -> bool:
    """Staff who handle at least one service, an office's administrators, and platform administrators.
    Communications staff do not."""
    if not is_staff_member(user):
        return False
    return (
        handles_all(user)
        or ServiceHandler.objects.filter(group__user=user).exists()
        or administered_offices(user).exists()
        or shared_services(user).exists()
        or any(scope.handles_any(user) for scope in _scopes)
    )


def service_scope(user) -> Q:
    """The condition on (Thai) e-service pages whose requests `user` handles (not for `handles_all`)."""
    condition = Q(handlers__group__user=user) | Q(pk__in=shared_services(user))
    for office in administered_offices(user).select_related("site__root_page"):
        condition |= in_trees(root_paths(office.site))
    return condition


def handlers_of(services) -> Q:
    """The condition on users who may handle requests of `services` (page ids or a subquery of them)."""
    from casework.models import Submission  # noqa: PLC0415 — the models module reads this one

    offices = Submission.objects.filter(service__in=services).values("office_id")
    sharing = ProcessingAgreement.objects.in_force().filter(service__in=services).values("handled_by")
    groups = OfficeGroup.objects.filter(
        Q(role=roles.ADMINISTRATORS, office__in=offices) | Q(role__in=SHARED_WITH_ROLES, office__in=sharing)
    ).values("group_id")
    return (
        Q(groups__servicehandler__service__in=services)
        | Q(is_superuser=True)
        | Q(groups__permissions__codename="handle_all_submissions")
        | Q(groups__in=groups)
    )
