"""The office staff screens (Settings → Office staff). The rules are `staff.services`'; a user of another
office, a platform administrator or a missing id answers the same 404."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff import services
from staff.forms import GroupsForm, InviteForm
from staff.tokens import INVITATION_HOURS, invitation_tokens


def _office(request, code):
    return get_object_or_404(services.offices_managed_by(request.user), code=code)


def _member(request, office, user_id):
    return get_object_or_404(services.staff_of(office), pk=user_id)


def _own_account(request, office):
    """Nobody changes their own groups or account here (no self-promotion, no locking oneself out)."""
    messages.error(request, _("You cannot change your own account. Ask another administrator."))
    return redirect("office_staff:list", office.code)


def _state(member):
    if not member.is_active:
        return _("Deactivated")
    if not member.has_usable_password():
        return _("Invited, has not set a password yet")
    return _("Active")


def index(request):
    """The staff of the one office the user manages, or the offices to choose from."""
    offices = list(services.offices_managed_by(request.user).select_related("site"))
    if not offices:
        raise PermissionDenied
    if len(offices) == 1:
        return staff_list(request, offices[0].code)
    return TemplateResponse(request, "staff/offices.html", {"offices": offices})


def staff_list(request, code):
    office = _office(request, code)
    members = list(services.staff_of(office).prefetch_related("groups"))
    own_groups = {group.pk for group in services.office_groups(office)}
    enrolled = set(
        TOTPDevice.objects.filter(user__in=members, confirmed=True).values_list("user_id", flat=True)
    )
    rows = [
        {
            "member": member,
            "groups": [group.name for group in member.groups.all() if group.pk in own_groups],
            "state": _state(member),
            "two_factor": member.pk in enrolled,
            "is_me": member.pk == request.user.pk,
        }
        for member in members
    ]
    return TemplateResponse(request, "staff/list.html", {"office": office, "rows": rows})


def invite(request, code):
    office = _office(request, code)
    form = InviteForm(office, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = services.invite(
                request,
                office,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                groups=data["groups"],
            )
        except ValidationError as error:
            form.add_error("email" if error.code == "exists" else "groups", error)
        else:
            messages.success(
                request,
                _("The invitation is on its way to %(email)s. Its link works once, for %(hours)s hours.")
                % {"email": member.email, "hours": INVITATION_HOURS},
            )
            return redirect("office_staff:list", office.code)
    context = {
        "form": form,
        "title": _("Invite a member of staff"),
        "intro": _(
            "They receive an email in Thai and English with a link to set their password (it works once, "
            "for %(hours)s hours). At their first sign-in they set up two-factor sign-in, as all staff do."
        )
        % {"hours": INVITATION_HOURS},
        "icon": "user",
        "submit_label": _("Send the invitation"),
        "cancel_url": reverse("office_staff:list", args=[office.code]),
    }
    return TemplateResponse(request, "offices/admin_form.html", context)


def member(request, code, user_id):
    """Their groups in this office (GET shows, POST changes), and what else may be done."""
    office = _office(request, code)
    person = _member(request, office, user_id)
    if person.pk == request.user.pk:
        return _own_account(request, office)
    current = person.groups.filter(office_group__office=office)
    form = GroupsForm(office, request.POST or None, initial={"groups": current})
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.set_groups(request, office, person, form.cleaned_data["groups"])
        except ValidationError as error:
            form.add_error("groups", error)
        else:
            if changed:
                messages.success(
                    request, _("%(name)s's groups are saved.") % {"name": services.label(person)}
                )
            return redirect("office_staff:list", office.code)
    context = {
        "office": office,
        "person": person,
        "form": form,
        "state": _state(person),
        "only_here": services.belongs_only_to(person, office),
        "invited": person.is_active and not person.has_usable_password(),
        "two_factor": TOTPDevice.objects.filter(user=person, confirmed=True).exists(),
    }
    return TemplateResponse(request, "staff/member.html", context)


def _act(request, code, user_id, action, done):
    office = _office(request, code)
    person = _member(request, office, user_id)
    if person.pk == request.user.pk:
        return _own_account(request, office)
    try:
        action(request, office, person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("office_staff:member", office.code, person.pk)
    messages.success(request, done % {"name": services.label(person)})
    return redirect("office_staff:list", office.code)


@require_POST
def deactivate(request, code, user_id):
    return _act(
        request,
        code,
        user_id,
        lambda request, office, person: services.set_active(request, office, person, False),
        _("%(name)s's account is deactivated: they can no longer sign in."),
    )


@require_POST
def reactivate(request, code, user_id):
    return _act(
        request,
        code,
        user_id,
        lambda request, office, person: services.set_active(request, office, person, True),
        _("%(name)s's account is active again."),
    )


@require_POST
def remove(request, code, user_id):
    return _act(
        request,
        code,
        user_id,
        services.remove_from_office,
        _("%(name)s is no longer in your office's groups."),
    )


@require_POST
def resend(request, code, user_id):
    return _act(
        request, code, user_id, services.resend_invitation, _("A new invitation is on its way to %(name)s.")
    )


class AcceptInvitationView(auth_views.PasswordResetConfirmView):
    """The invitation's link: the new member chooses their password (the site's password rules), then
    signs in and sets up their second factor. Django's view keeps the token out of the address bar
    (it moves it to the session) and refuses a used, changed or expired link."""

    token_generator = invitation_tokens
    template_name = "staff/accept_invitation.html"
    reset_url_token = "set-password"
    post_reset_login = False
    success_url = reverse_lazy("wagtailadmin_login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, _("Your password is set. Sign in, then set up two-factor sign-in on your phone.")
        )
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "hours": INVITATION_HOURS}


accept_invitation = AcceptInvitationView.as_view()
