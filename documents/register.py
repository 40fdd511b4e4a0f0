"""The register of issued documents for staff (`/admin/issued-documents/`): filters by type, state and
expiry (within 30/60/90 days), CSV export. Each member of staff sees the documents of the requests
they may see (`Submission.objects.visible_to`): an office's staff only their office's."""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from casework.access import can_use_inbox
from casework.inbox.views import safe_cell
from casework.models import Submission
from documents.constants import EXPIRED, EXPIRED_LABEL, DocumentState, DocumentType
from documents.models import IssuedDocument
from privacy.audit import record_access
from privacy.models import AccessLog
from security.middleware import staff_view

EXPIRING_DAYS = (30, 60, 90)


class RegisterFilter(forms.Form):
    document_type = forms.ChoiceField(
        label=gettext_lazy("Type"), required=False, choices=[("", "—"), *DocumentType.choices]
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", "—"), *DocumentState.choices, (EXPIRED, EXPIRED_LABEL)],
    )
    expiring = forms.TypedChoiceField(
        label=gettext_lazy("Expiring within"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + [(d, gettext_lazy("%(days)s days") % {"days": d}) for d in EXPIRING_DAYS],
    )

    def apply(self, queryset, today):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["document_type"]:
            queryset = queryset.filter(document_type=data["document_type"])
        in_force = Q(state=DocumentState.VALID) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        if data["state"] == EXPIRED:
            queryset = queryset.filter(state=DocumentState.VALID, valid_until__lt=today)
        elif data["state"] == DocumentState.VALID:
            queryset = queryset.filter(in_force)
        elif data["state"]:
            queryset = queryset.filter(state=data["state"])
        if data["expiring"]:
            queryset = queryset.filter(
                in_force, valid_until__lte=today + datetime.timedelta(days=data["expiring"])
            )
        return queryset


def documents_for(user):
    return IssuedDocument.objects.filter(submission__in=Submission.objects.visible_to(user).values("pk"))


@staff_view
@never_cache
def register(request):
    if not can_use_inbox(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    form = RegisterFilter(request.GET or None)
    queryset = form.apply(documents_for(request.user), today).select_related("submission", "office")
    if request.GET.get("export") == "csv":
        return _csv(request, queryset, today)
    page = Paginator(queryset.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "documents/register.html",
        {
            "form": form,
            "page": page,
            "rows": [(d, d.status(today)) for d in page.object_list],
            "query": query.urlencode(),
            "today": today,
        },
    )


class _Echo:
    def write(self, value):
        return value


def _status_label(status):
    return str(EXPIRED_LABEL if status == EXPIRED else DocumentState(status).label)


def _csv(request, queryset, today):
    record_access(
        request,
        AccessLog.Action.EXPORT,
        IssuedDocument(pk=0, number="register"),
        request.GET.urlencode()[:255],
    )
    header = [
        _("Type"),
        _("Number"),
        _("Holder"),
        _("Request reference"),
        _("Date of issue"),
        _("Valid until"),
        _("State"),
        _("Office"),
    ]
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(header)  # the BOM lets spreadsheets read Thai as UTF-8
        for d in queryset.order_by("office_id", "document_type", "fiscal_year", "sequence").iterator(
            chunk_size=2000
        ):
            yield writer.writerow(
                [
                    safe_cell(v)
                    for v in (
                        d.get_document_type_display(),
                        d.number,
                        d.holder,
                        d.submission.reference,
                        d.issued_on.isoformat(),
                        d.valid_until.isoformat() if d.valid_until else "",
                        _status_label(d.status(today)),
                        d.office.code,
                    )
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="issued-documents-{today:%Y-%m-%d}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
