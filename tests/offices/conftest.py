import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import OrganisationSettings
from offices.models import Office

SECOND_HOST = "nongbua.example"
SECOND_TH = "องค์การบริหารส่วนตำบลหนองบัว"
SECOND_EN = "Nong Bua Subdistrict Administrative Organisation"
FIRST_TH = "เทศบาลตำบลทดสอบ"
FIRST_EN = "Test Municipality"


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, SECOND_HOST, "nowhere.example", "third.example"]


@pytest.fixture
def first_office(site_pages):
    """The office of the test site (localhost), with its names in its organisation settings."""
    site = Site.objects.get()
    organisation = OrganisationSettings.for_site(site)
    organisation.name_th, organisation.name_en = FIRST_TH, FIRST_EN
    organisation.save()
    return Office.objects.get(site=site)


def create_second_office(**extra):
    options = {"domain": SECOND_HOST, "code": "nongbua", "name_th": SECOND_TH, "name_en": SECOND_EN, **extra}
    call_command("create_office", **options, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Office.objects.get(code=options["code"])


@pytest.fixture
def second_office(first_office):
    return create_second_office()
