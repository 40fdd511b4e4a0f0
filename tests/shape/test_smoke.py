"""The production shape, once through nginx: a citizen sends a form with an upload, the worker emails
the acknowledgement, an officer past the second factor opens the file, a page comes from the cache and
is new after a publish, and two clients are limited each on their own."""

import re
import secrets
import time

from casework.models import Submission, SubmissionFile
from tests.eforms.factories import PDF_BYTES
from tests.shape import shape_only
from tests.shape.visitors import Citizen, Officer, csrf_token
from tests.text import without_marks

pytestmark = shape_only


def wait_for(condition, seconds, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


def test_a_citizens_request_its_email_and_the_officer_opening_its_file(stack):
    upload = PDF_BYTES + secrets.token_hex(8).encode()  # this citizen's own file
    citizen = Citizen(stack, 1, address="127.0.0.11")
    citizen.fill_in(upload=upload)
    page, reference = citizen.confirmation(citizen.send())
    assert page.status_code == 200 and reference
    submission = Submission.objects.get(reference=reference)
    assert submission.applicant_email == citizen.email and submission.send_token == citizen.send_token
    [stored] = SubmissionFile.objects.filter(submission=submission)
    assert (
        stack.s3.list_objects_v2(Bucket="tambon-private", Prefix=f"eforms/{stored.file.name}")["KeyCount"]
        == 1
    )

    # The acknowledgement, sent by the worker process to the mail server.
    def acknowledgement():
        return [m for to, _subject, m in stack.smtp.received if citizen.email in to]

    [message] = wait_for(acknowledgement, 30) or [None]
    assert message is not None, (
        f"no email for {citizen.email}: {stack.smtp.subjects}\n{stack.log_tail('worker')}"
    )
    assert reference in message.get_body(("plain",)).get_content()

    # The officer signs in with password and authenticator code, finds the request, opens its file.
    officer = Officer(stack, address="127.0.0.12")
    detail = officer.open(f"/admin/inbox/{submission.pk}/")
    assert detail.status_code == 200 and reference in detail.text
    link = re.search(r'href="(/admin/inbox/files/[0-9a-f-]{36}/)"', detail.text)[1]
    download = officer.http.get(stack.base + link, timeout=30)
    assert download.status_code == 200 and download.content == upload
    assert "no-store" in download.headers["Cache-Control"]
    # The same link without a session: the sign-in page, not the file.
    anonymous = stack.session("127.0.0.13").get(stack.base + link, timeout=30)
    assert anonymous.content != upload and "/admin/login/" in anonymous.url


def test_a_page_from_the_cache_is_new_after_a_publish(stack):
    visitor = stack.session("127.0.0.21")

    def home():
        visitor.cookies.clear()  # an anonymous visitor each time
        return visitor.get(stack.base + "/th/", timeout=30)

    first, second = home(), home()
    assert first.status_code == second.status_code == 200
    assert second.headers.get("X-Page-Cache") == "hit", second.headers
    assert "public" in second.headers["Cache-Control"] and "Set-Cookie" not in second.headers

    title = f"ข่าวใหม่ {secrets.token_hex(3)}"
    assert title not in without_marks(second.text)
    stack.run("-m", "tests.shape.seed", "publish", title)  # an editor, in another process
    # Each gunicorn worker checks Redis for changes every 2 s (TAMBON_PAGE_CACHE_LOCAL_SECONDS).
    fresh = wait_for(lambda: (page := home()).ok and title in without_marks(page.text) and page, 10, 0.5)
    assert fresh, "the published change is not shown"
    again = home()
    assert title in without_marks(again.text) and again.headers.get("X-Page-Cache") == "hit"  # stored again


def test_two_clients_behind_nginx_are_limited_each_on_their_own(stack):
    """Status look-ups are limited to 60 an hour per address; nginx passes each client's own address."""
    lookup = "/th/status/"

    def try_once(client):
        form = client.get(stack.base + lookup, timeout=30)
        # A different reference each time: only the per-address limit can be reached.
        data = {
            "csrfmiddlewaretoken": csrf_token(form.text),
            "reference": f"SH-69-{secrets.randbelow(999999):06d}",
            "email": "nobody@example.com",
        }
        return client.post(stack.base + lookup, data=data, allow_redirects=False, timeout=30).status_code

    first, second = stack.session("127.0.0.31"), stack.session("127.0.0.32")
    for client in (first, second):
        client.headers["Referer"] = stack.base + lookup
        # A client's own X-Forwarded-For is replaced by nginx, so it cannot pose as another.
        client.headers["X-Forwarded-For"] = "127.0.0.99"
    answers = []
    while 429 not in answers and len(answers) < 125:  # two hour-windows at most (django-ratelimit)
        answers.append(try_once(first))
    assert answers[-1] == 429 and set(answers[:-1]) == {400} and len(answers) > 60, (
        answers
    )  # not found, then limited
    assert try_once(second) == 400  # the other client is not limited
    assert try_once(first) == 429
