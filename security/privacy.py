"""Personal data in citizens' one-time-code devices (the address a code was sent to), for `privacy/`."""

from django.utils.translation import gettext_lazy as _

from security.models import CitizenDevice


class CodeDevices:
    name = "code_devices"
    label = _("One-time codes")
    order = 50

    def find(self, person):
        if person.kind != "email":
            return []
        return list(CitizenDevice.objects.filter(address__iexact=person.key))

    def anonymise_case(self, case, now):
        deleted, _detail = CitizenDevice.objects.filter(submission_id=case).delete()
        return deleted

    def erase_person(self, person):
        if person.kind != "email":
            return 0
        deleted, _detail = CitizenDevice.objects.filter(address__iexact=person.key).delete()
        return deleted


PERSONAL_DATA = [CodeDevices()]
