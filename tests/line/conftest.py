"""LINE fixtures: the fake LINE platform, an office connected to it, a bound request, signed webhook
deliveries and a browser session that has passed the citizen's code check."""

import re
import time

import pytest
from django.urls import reverse
from django.utils import translation

from line.models import LineSettings
from offices.lookup import default_office
from security.citizen_verification import SESSION_KEY
from tests.line.fake_line import FakeLine

SECRET = "line-test-channel-secret"
TOKEN = "line-test-access-token"
BASIC_ID = "@tambon1"
USER = "U" + "a" * 32
OTHER_USER = "U" + "b" * 32
WEBHOOK_URL = "/line/webhook/"


@pytest.fixture
def fake_line(settings):
    server = FakeLine(tokens=[TOKEN]).start()
    settings.LINE_API_BASE = server.url
    settings.LINE_API_DATA_BASE = server.data_url
    settings.LINE_CHANNEL_SECRET = SECRET
    settings.LINE_CHANNEL_ACCESS_TOKEN = TOKEN
    settings.LINE_TIMEOUT = 2
    yield server
    server.stop()


def connect(office, basic_id=BASIC_ID):
    """What the office's administrator sets in Settings › LINE settings."""
    config = LineSettings.for_office(office)
    config.basic_id, config.channel_id = basic_id, "1234567890"
    config.save()
    return config


@pytest.fixture
def line_office(fake_line, site_pages):
    office = default_office()
    connect(office)
    return office


def deliver(client, fake, *events, secret=SECRET, signature=None, body=None, **headers):
    body = body if body is not None else fake.body(*events)
    return client.post(
        WEBHOOK_URL,
        body.encode("utf-8"),
        content_type="application/json",
        HTTP_X_LINE_SIGNATURE=signature if signature is not None else fake.sign(body, secret),
        **headers,
    )


def verify(client, submission):
    """What passing the one-time code leaves in the session (security.citizen_verification)."""
    session = client.session
    verified = session.get(SESSION_KEY, {})
    verified[str(submission.pk)] = time.time()
    session[SESSION_KEY] = verified
    session.save()


def link_url(submission, language="th"):
    with translation.override(language):
        return reverse("line:link", args=[submission.reference])


def status_url(submission, language="th"):
    with translation.override(language):
        return reverse("status:detail", args=[submission.reference])


def get_link(client, submission, language="th"):
    """The citizen presses "Get updates on LINE" on the status page: the text the LINE link types in."""
    verify(client, submission)
    response = client.post(link_url(submission, language))
    assert response.status_code == 200, response.content.decode()[:2000]
    page = response.content.decode()
    url = re.search(r'href="(https://line\.me/R/oaMessage/[^"]+)"', page)[1]
    from urllib.parse import unquote  # noqa: PLC0415

    return unquote(url.split("/?", 1)[1]), page


def bind(client, fake, submission, user=USER):
    """Link `submission` to the LINE user `user` as a citizen would: the link, then its message sent."""
    text, _page = get_link(client, submission)
    response = deliver(client, fake, fake.text_event(user, text))
    assert response.status_code == 200
    return text


# Sign in with LINE -----------------------------------------------------------------------------------
LOGIN_CHANNEL = "2000000001"
LOGIN_SECRET = "line-login-test-secret"


@pytest.fixture
def line_login(settings, line_office, fake_line):
    settings.LINE_LOGIN_BASE = fake_line.url
    settings.LINE_LOGIN_CHANNEL_SECRET = LOGIN_SECRET
    fake_line.login_channels[LOGIN_CHANNEL] = LOGIN_SECRET
    config = LineSettings.for_office(line_office)
    config.login_channel_id = LOGIN_CHANNEL
    config.save()
    return config


def sign_in(client, fake, user=USER, **consent):
    response = client.get("/th/line/sign-in/")
    assert response.status_code == 302 and response["Location"].startswith(
        fake.url + "/oauth2/v2.1/authorize?"
    )
    return client.get(fake.authorize(response["Location"], user, **consent))
