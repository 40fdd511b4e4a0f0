"""An officer's own page for LINE notices (`/admin/line/notices/`, from their account page): link their
LINE to an office's account with a single-use QR code, choose the notices, unlink. Only their own link:
nobody sets up another officer's LINE, and linking never signs anyone in.

And the office's rich menu (`/admin/line/menu/`, Settings): its administrators publish it again after
the office's pages change, as `manage.py line_rich_menu` does."""

import logging

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from casework.access import can_use_inbox
from line import account as accounts
from line import richmenu, staff
from line.constants import STAFF_LINK_TOKEN_MINUTES, OfficerNotice
from line.models import LineSettings, RichMenu, StaffLink
from offices.models import Office

logger = logging.getLogger(__name__)

ACTIONS = ("link", "save", "unlink")


def _office(request, offices):
    """The office the form names, if the officer may link to it; None for anything else."""
    wanted = request.POST.get("office", "")
    return next((office for office in offices if str(office.pk) == wanted), None)


def office_name(office) -> str:
    """The office's name in the admin's language, else its code."""
    return office.organisation.name or office.code


def _render(request, offices, **extra):
    links = {link.office_id: link for link in StaffLink.objects.filter(user=request.user)}
    rows = [
        {
            "office": office,
            "name": office_name(office),
            "link": links.get(office.pk),
            "choices": [
                {
                    "name": str(n),
                    "label": n.label,
                    "on": bool(links.get(office.pk) and links[office.pk].wants(n)),
                }
                for n in OfficerNotice
            ],
        }
        for office in offices
    ]
    context = {"rows": rows, "minutes": STAFF_LINK_TOKEN_MINUTES, **extra}
    response = TemplateResponse(request, "line/admin/notices.html", context)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def notices(request):
    if not can_use_inbox(request.user):
        raise PermissionDenied
    offices = staff.linkable_offices(request.user)
    if request.method == "GET":
        return _render(request, offices)
    office = _office(request, offices)
    action = request.POST.get("action", "")
    if office is None or action not in ACTIONS:
        messages.error(request, _("That office's LINE account is not available to you. Choose one below."))
        return redirect("line_admin:notices")
    if action == "link":
        token = staff.new_link_token(request.user, office)
        url = accounts.for_office(office).message_url(staff.link_text(token))
        qr = segno.make(url, error="m").svg_inline(scale=4, border=2, title=_("QR code to link your LINE"))
        return _render(request, offices, linking={"name": office_name(office), "url": url, "qr": qr})
    if action == "unlink":
        if staff.unlink(request.user, office):
            messages.success(request, _("Your LINE is unlinked: you will get no more notices on LINE."))
        return redirect("line_admin:notices")
    updated = StaffLink.objects.filter(user=request.user, office=office).update(
        **{str(n): request.POST.get(str(n)) == "on" for n in OfficerNotice}
    )
    if updated:
        messages.success(request, _("Your choice of LINE notices is saved."))
    else:
        messages.error(request, _("Your LINE is not linked to this office yet: link it first."))
    return redirect("line_admin:notices")


# The office's rich menu ----------------------------------------------------------------------------------
def menu_offices(user) -> list:
    """The offices on LINE whose LINE settings `user` may change (their own office's administrators,
    the platform's administrators): they may publish its menu."""
    policy = LineSettings.get_permission_policy()
    sites = policy.sites_user_has_any_permission_for(user, ["change"])
    offices = Office.objects.filter(site__in=sites).select_related("site__root_page").order_by("pk")
    return [office for office in offices if accounts.for_office(office)]


def may_publish_menus(user) -> bool:
    return LineSettings.get_permission_policy().user_has_any_permission(user, ["change"])


@never_cache
@require_http_methods(["GET", "POST"])
def rich_menu(request):
    """Publish (again) the rich menu of an office's LINE account: what `manage.py line_rich_menu` does."""
    if not may_publish_menus(request.user):
        raise PermissionDenied
    offices = menu_offices(request.user)
    if request.method == "POST":
        office = _office(request, offices)
        if office is None:
            messages.error(
                request, _("That office's LINE account is not available to you. Choose one below.")
            )
            return redirect("line_admin:rich_menu")
        try:
            richmenu.publish(accounts.for_office(office))
        except richmenu.RichMenuError as error:
            logger.warning("Rich menu of %s not published: %s", office.code, error)
            messages.error(
                request,
                _(
                    "LINE did not take the new menu (%(error)s). The menu in use has not changed; try again later."
                )
                % {"error": error},
            )
        else:
            logger.info("Rich menu of %s published by %s", office.code, request.user.pk)
            messages.success(
                request, _("The LINE menu of %(office)s is published.") % {"office": office_name(office)}
            )
        return redirect("line_admin:rich_menu")
    published = {(m.office_id, m.language): m for m in RichMenu.objects.filter(office__in=offices)}
    rows = [
        {
            "office": office,
            "name": office_name(office),
            "published": published.get((office.pk, "th")),
            "items": richmenu.items(office, get_language() or "th"),
        }
        for office in offices
    ]
    response = TemplateResponse(request, "line/admin/rich_menu.html", {"rows": rows})
    response["Cache-Control"] = "no-store"
    return response
