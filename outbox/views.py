"""Administrators' list of messages that could not be sent (and those still being retried)."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from outbox import services
from outbox.constants import MessageState
from outbox.models import Message

PERMISSION = "outbox.view_message"


def can_see(user) -> bool:
    """Administrators (who hold every permission) and those given the messages' view permission."""
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _check(request):
    if not can_see(request.user):
        raise PermissionDenied


@never_cache
def failed(request):
    _check(request)
    context = {
        "failed": Message.objects.filter(state=MessageState.FAILED)[:200],
        "pending": Message.objects.filter(state=MessageState.PENDING, attempts__gt=0)[:200],
    }
    return TemplateResponse(request, "outbox/failed.html", context)


@require_POST
def retry(request, pk):
    _check(request)
    message = get_object_or_404(Message, pk=pk, state=MessageState.FAILED)
    if services.retry(message):
        flash.success(request, _("The message to %(to)s will be sent again.") % {"to": message.to})
    else:
        flash.error(
            request, _("This message held a one-time code or link; the citizen asks for a new one instead.")
        )
    return HttpResponseRedirect(reverse("outbox:failed"))
