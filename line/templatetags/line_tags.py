from django import template

from line.views import panel_context

register = template.Library()


@register.inclusion_tag("line/includes/updates.html", takes_context=True)
def line_updates(context, submission, just_sent=False):
    """ "Get updates on LINE" on a request's confirmation or status page; nothing when its office has
    no LINE account."""
    request = context.get("request")
    panel = panel_context(request, submission, just_sent=just_sent) if request is not None else None
    return {"panel": panel, "request": request, "csrf_token": context.get("csrf_token")}
