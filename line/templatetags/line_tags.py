from django import template

from line import login
from line.views import panel_context
from offices.lookup import office_for_request

register = template.Library()


@register.inclusion_tag("line/includes/updates.html", takes_context=True)
def line_updates(context, submission, just_sent=False):
    """ "Get updates on LINE" on a request's confirmation or status page; nothing when its office has
    no LINE account."""
    request = context.get("request")
    panel = panel_context(request, submission, just_sent=just_sent) if request is not None else None
    return {"panel": panel, "request": request, "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("line/includes/sign_in.html", takes_context=True)
def line_sign_in(context):
    """ "Sign in with LINE" (or "my requests" once signed in) where an office has LINE Login."""
    request = context.get("request")
    office = office_for_request(request) if request is not None else None
    if login.for_office(office) is None:
        return {"show": False}
    return {"show": True, "signed_in": bool(login.signed_in_user(request.session, office))}
