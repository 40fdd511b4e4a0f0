"""Client addresses behind the reverse proxy (issue 11): X-Forwarded-For is believed only from the
trusted proxies; every limit, the one-time codes and the personal-data log count the real client; a
limit that protects one request counts per reference too; a counter officer is never limited per
address."""

import pytest
from django.core import checks, mail
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from casework.models import ServiceHandler, Submission
from casework.status import views as status_views
from privacy.models import AccessLog
from security import client_address, conf
from security.citizen_verification import verification_url
from tests.casework.factories import make_submission
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # nginx on the same machine: trusted by default
OUTSIDER = "198.51.100.7"  # a client reaching the application directly


def behind_proxy(client_ip):
    """A browser whose requests reach the application through nginx."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_ip)


def resolve(peer, forwarded=None):
    meta = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address.resolve(meta)


# The rule ---------------------------------------------------------------------------------------------
def test_forwarded_for_is_believed_only_from_a_trusted_proxy(settings):
    settings.TAMBON_TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
    assert resolve(OUTSIDER, "203.0.113.5") == OUTSIDER  # forged: ignored
    assert resolve(PROXY, "203.0.113.5") == "203.0.113.5"
    # The client wrote the left part itself; nginx appended the address it saw.
    assert resolve(PROXY, "1.2.3.4, 203.0.113.5") == "203.0.113.5"
    # Two proxies of ours (a load balancer, then nginx): the right-most untrusted address.
    assert resolve(PROXY, "1.2.3.4, 203.0.113.5, 10.0.0.2") == "203.0.113.5"
    assert resolve("::1", "2001:db8::7") == "2001:db8::7"
    assert resolve(PROXY, "[2001:db8::7]:5123") == "2001:db8::7"
    assert resolve(PROXY, "203.0.113.5:443") == "203.0.113.5"
    assert resolve(PROXY, "unknown") == PROXY  # nothing readable: the proxy itself
    assert resolve(PROXY, "") == PROXY and resolve(PROXY) == PROXY
    assert resolve("::ffff:203.0.113.5") == "203.0.113.5"
    settings.TAMBON_TRUSTED_PROXIES = []  # trusting no proxy: the header is never believed
    assert resolve(PROXY, "203.0.113.5") == PROXY


def test_a_count_of_proxy_hops_instead_of_their_addresses(settings):
    settings.TAMBON_TRUSTED_PROXY_HOPS = 2  # a CDN, then nginx
    assert resolve("10.1.2.3", "1.2.3.4, 203.0.113.5, 192.0.2.80") == "203.0.113.5"
    assert resolve("10.1.2.3", "203.0.113.5") == "203.0.113.5"  # fewer hops: the furthest one seen
    assert resolve("10.1.2.3") == "10.1.2.3"
    settings.TAMBON_TRUSTED_PROXY_HOPS = 1
    assert resolve("10.1.2.3", "1.2.3.4, 203.0.113.5") == "203.0.113.5"


def test_limits_count_an_ipv6_client_by_its_64_network():
    """A phone or household picks new IPv6 addresses inside its /64 at will: they count as one."""

    def key(address):
        return client_address.address_key(RequestFactory().get("/", REMOTE_ADDR=address))

    assert key("2001:db8:1:2::a") == key("2001:db8:1:2:ffff::1") == "2001:db8:1:2::/64"
    assert key("2001:db8:1:3::a") != key("2001:db8:1:2::a")
    assert key("203.0.113.5") == "203.0.113.5" and key("") == ""


def test_the_middleware_replaces_remote_addr_once_and_keeps_the_proxys(client):
    response = behind_proxy("203.0.113.5").get("/th/status/")
    request = response.wsgi_request
    assert request.META["REMOTE_ADDR"] == "203.0.113.5"
    assert request.META[client_address.PROXY_ADDR] == PROXY
    assert client_address.client_ip(request) == "203.0.113.5"  # not resolved a second time
    bare = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert client_address.client_ip(bare) == "203.0.113.6"  # also without the middleware


def test_a_proxy_left_untrusted_is_named_in_the_log(settings, caplog):
    settings.TAMBON_TRUSTED_PROXIES = []
    client_address._warned = False
    Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.5").get("/th/status/")
    assert "10.0.0.5, which is not in TAMBON_TRUSTED_PROXIES" in caplog.text


# Limits -----------------------------------------------------------------------------------------------
def look_up(client, reference, email="nobody@example.com"):
    return client.post("/th/status/", {"reference": reference, "email": email})


def test_status_look_ups_two_clients_behind_the_proxy_are_limited_separately(site_pages, monkeypatch):
    monkeypatch.setattr(status_views, "LOOKUP_RATE", "3/h")
    first, second = behind_proxy("203.0.113.1"), behind_proxy("203.0.113.2")
    for number in range(3):
        assert look_up(first, f"BS-69-00010{number}").status_code == 400  # no such request
    assert look_up(first, "BS-69-000104").status_code == 429
    assert look_up(second, "BS-69-000104").status_code == 400  # the neighbour is not locked out


def test_a_forged_forwarded_for_from_an_untrusted_address_is_ignored(site_pages, monkeypatch):
    monkeypatch.setattr(status_views, "LOOKUP_RATE", "3/h")
    for number in range(3):
        forged = Client(REMOTE_ADDR=OUTSIDER, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
        assert look_up(forged, f"BS-69-00010{number}").status_code == 400
    forged = Client(REMOTE_ADDR=OUTSIDER, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert look_up(forged, "BS-69-000104").status_code == 429


def test_one_requests_email_cannot_be_guessed_from_many_addresses(site_pages, monkeypatch):
    monkeypatch.setattr(status_views, "LOOKUP_RATE_PER_REFERENCE", "3/h")
    for number in range(3):
        assert (
            look_up(behind_proxy(f"203.0.113.{number}"), "BS-69-000100", f"guess{number}@x.th").status_code
            == 400
        )
    assert look_up(behind_proxy("203.0.113.50"), "bs-69-000100 ").status_code == 429  # however typed
    assert look_up(behind_proxy("203.0.113.50"), "BS-69-000101").status_code == 400  # another request


@override_settings(EFORMS_SUBMIT_RATE="2/h")
def test_submissions_are_limited_per_client_but_never_at_the_counter(
    catalogue, permit_officer, officers_group
):
    page = make_service(
        catalogue,
        slug="quick",
        title="คำร้องทั่วไป",
        reference_prefix="QK",
        fields=[field("email", "email", "อีเมล")],
    )
    ServiceHandler.objects.create(service=page, group=officers_group)

    def send(client):
        wizard = Wizard(client, page)
        assert wizard.post(wizard.current_step(), {"email": "somsri@example.com"}).status_code == 302
        return wizard.post("review", {"website": ""}).status_code

    village = behind_proxy("203.0.113.1")
    assert [send(village), send(village), send(village)] == [302, 302, 429]
    assert send(behind_proxy("203.0.113.2")) == 302  # another household behind the same proxy

    officer = behind_proxy("203.0.113.1")  # the counter, on the village's own address
    officer.force_login(permit_officer)
    for _ in range(3):
        assert officer.post(reverse("inbox:counter_start", args=[page.pk])).status_code == 302
        assert send(officer) == 302
    assert Submission.objects.filter(channel="counter").count() == 3
    assert Submission.objects.count() == 6


def test_save_for_later_links_to_one_mailbox_are_limited_whoever_asks(catalogue):
    """The link goes to any address typed in: each mailbox is protected by its own limit (3 an hour),
    so the per-address limit can let a whole village save its forms."""
    page = make_service(catalogue, slug="drafts", fields=[field("name", "singleline", "ชื่อ")])

    def save(client, email):
        wizard = Wizard(client, page)
        response = wizard.post(wizard.current_step(), {"name": "สมศรี"}, wizard_save="1")
        return client.post(response["Location"], {"email": email}).status_code

    statuses = [save(behind_proxy(f"203.0.113.{n}"), "somsri@example.com") for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert save(behind_proxy("203.0.113.9"), "another@example.com") == 200
    assert len(mail.outbox) == 4


def test_one_time_codes_count_the_real_client(catalogue, monkeypatch):
    monkeypatch.setattr(conf, "CITIZEN_CODES_PER_HOUR_PER_IP", 2)
    service = make_service(catalogue, slug="codes")
    submissions = [make_submission(service, applicant_email=f"person{n}@example.com") for n in range(4)]

    def ask(client, submission):
        client.post(verification_url(submission, "/th/status/"), {"action": "send", "next": "/th/status/"})

    village = behind_proxy("203.0.113.1")
    for submission in submissions[:3]:
        ask(village, submission)
    assert len(mail.outbox) == 2
    ask(behind_proxy("203.0.113.2"), submissions[3])
    assert [m.to for m in mail.outbox] == [
        ["person0@example.com"],
        ["person1@example.com"],
        ["person3@example.com"],
    ]


def test_failed_sign_ins_count_the_real_client_on_both_login_forms(permit_officer, site_pages, monkeypatch):
    monkeypatch.setattr(conf, "LOGIN_FAILURES_PER_IP", 3)
    attacker = behind_proxy("203.0.113.66")
    for number in range(3):
        login = "/th/_util/login/" if number % 2 else "/admin/login/"
        attacker.post(login, {"username": f"guess{number}", "password": "wrong-password"})
    good = {"username": "officer", "password": "a-long-test-password"}
    assert attacker.post("/admin/login/", good).status_code == 429
    assert attacker.post("/th/_util/login/", good).status_code == 429
    assert behind_proxy("203.0.113.67").post("/admin/login/", good).status_code == 302


# The personal-data log ----------------------------------------------------------------------------------
def test_the_audit_log_records_the_real_client(handled_service, permit_officer):
    submission = make_submission(handled_service)
    url = reverse("inbox:detail", args=[submission.pk])
    officer = behind_proxy("203.0.113.77")
    officer.force_login(permit_officer)
    assert officer.get(url).status_code == 200
    assert AccessLog.objects.latest("pk").ip_address == "203.0.113.77"
    forged = Client(REMOTE_ADDR=OUTSIDER, HTTP_X_FORWARDED_FOR="203.0.113.78")
    forged.force_login(permit_officer)
    assert forged.get(url).status_code == 200
    assert AccessLog.objects.latest("pk").ip_address == OUTSIDER


def test_a_mistyped_trusted_proxy_is_a_system_check_error(settings):
    settings.TAMBON_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/33", "nginx"]
    errors = [m for m in checks.run_checks(tags=["security"]) if m.id == "security.E101"]
    assert ["10.0.0.0/33" in errors[0].msg, "'nginx'" in errors[1].msg] == [True, True]
    settings.TAMBON_TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8", "2001:db8::/32"]
    assert not [m for m in checks.run_checks(tags=["security"]) if m.id == "security.E101"]
