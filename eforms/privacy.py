"""Personal data in saved drafts (forms a citizen saved to finish later), for `privacy/`.

A draft belongs to no request yet: it is found by the email it was saved under or by any answer in
it, and erased whole (with its files).
"""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from eforms.models import Draft
from eforms.services import delete_drafts


class Drafts:
    name = "saved_drafts"
    label = _("Saved drafts")
    noun = "draft(s)"
    order = 30
    template = "eforms/privacy/drafts.html"
    print_template = "eforms/privacy/drafts_print.html"

    def find(self, person):
        if person.kind == "email":
            return list(Draft.objects.filter(email__iexact=person.key).select_related("service"))
        texts = Draft.objects.annotate(text=Cast("data", TextField()))
        return list(texts.filter(text__contains=person.key).select_related("service"))

    def export(self, records):
        return [
            {
                "service": str(d.service),
                "email": d.email,
                "created_at": d.created_at,
                "expires_at": d.expires_at,
            }
            for d in records
        ]

    def erase_person(self, person):
        return delete_drafts(Draft.objects.filter(pk__in=[d.pk for d in self.find(person)]))


PERSONAL_DATA = [Drafts()]
