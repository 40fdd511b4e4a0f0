"""Citizens and officers as a browser without JavaScript drives the site: through nginx, over TLS,
with the CSRF token read from each form and the Referer a browser sends."""

import re
import time

from django_otp.oath import totp

from tests.eforms.factories import PDF_BYTES, VALID_ID

REFERENCE = re.compile(r"\bSH-[0-9A-Z]+-\d{6}\b")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


class Citizen:
    """One citizen from their own address (127.0.0.0/8), filling in the shape's e-service."""

    def __init__(self, stack, number: int, address: str = "127.0.0.1"):
        self.stack, self.number = stack, number
        self.http = stack.session(address)
        self.http.headers["Referer"] = stack.base + stack.seed["service_url"]
        self.url = stack.base + stack.seed["service_url"] + "apply/"
        self.prefix = stack.seed["wizard_prefix"]
        self.email = f"citizen{number}@example.com"
        self.name = f"พลเมือง ทดสอบหมายเลข{number}"
        self.send_token = None

    def _post(self, step, fields, files=None, **extra):
        page = self.http.get(self.url, timeout=30)
        assert page.status_code == 200, (page.status_code, page.text[:500])
        data = {"csrfmiddlewaretoken": csrf_token(page.text), f"{self.prefix}-current_step": step, **extra}
        data.update({f"{step}-{key}": value for key, value in fields.items()})
        files = {f"{step}-{key}": value for key, value in (files or {}).items()}
        response = self.http.post(self.url, data=data, files=files or None, allow_redirects=False, timeout=30)
        assert response.status_code == 302, (step, response.status_code, response.text[:500])
        return response

    def fill_in(self, upload=PDF_BYTES):
        """The three steps, up to the review page; keeps the review form's fields for `send`."""
        self._post(
            "start", {"full_name": self.name, "national_id": VALID_ID, "email": self.email, "phone": ""}
        )
        self._post(
            "details_step",
            {
                "applicant_type": "1",
                "address__house_no": str(self.number),
                "address__village": "หมู่ 1",
                "address__subdistrict": "ดอยงาม",
                "address__district": "แม่ฟ้า",
                "address__province": "เชียงราย",
                "address__postcode": "57240",
            },
        )
        self._post(
            "documents_step",
            {"consent": "on"},
            files={"id_card_copy": ("บัตร.pdf", upload, "application/pdf")},
        )
        review = self.http.get(self.url, timeout=30)
        assert 'value="review"' in review.text, review.text[:500]
        self.send_token = re.search(r'name="send_token" value="([0-9a-f]{32})"', review.text)[1]
        self.review_form = {
            "csrfmiddlewaretoken": csrf_token(review.text),
            f"{self.prefix}-current_step": "review",
            "review-website": "",
            "send_token": self.send_token,
        }
        return review

    def send(self, timeout=60):
        """The review page's Send button (again, the same form: a reload or the back button)."""
        return self.http.post(self.url, data=self.review_form, allow_redirects=False, timeout=timeout)

    def confirmation(self, response):
        """The page the send led to, and the reference it shows (None when it shows none)."""
        assert response.status_code == 302 and "done/?sent=" in response.headers["Location"], (
            response.status_code
        )
        page = self.http.get(self.stack.base + response.headers["Location"], timeout=30)
        found = REFERENCE.search(page.text)
        return page, found[0] if found else None


class Officer:
    def __init__(self, stack, address="127.0.0.1"):
        self.stack = stack
        self.http = stack.session(address)
        self.http.headers["Referer"] = stack.base + "/admin/"
        self.account = stack.seed["officer"]

    def code(self) -> str:
        key = bytes.fromhex(self.account["totp_key"])
        return f"{totp(key, step=30, t0=0, digits=6):06d}"

    def open(self, path):
        """Signs in (password, then the authenticator's code) on the way to `path`; the page."""
        login = self.http.get(self.stack.base + "/admin/login/", params={"next": path}, timeout=30)
        signed_in = self.http.post(
            login.url,
            data={
                "csrfmiddlewaretoken": csrf_token(login.text),
                "username": self.account["username"],
                "password": self.account["password"],
                "next": path,
            },
            timeout=30,
        )
        assert "/admin/two-factor/" in signed_in.url, (signed_in.url, signed_in.status_code)
        for _attempt in range(2):  # a code at the edge of its 30 s may be refused: the next one
            page = self.http.post(
                signed_in.url,
                data={"csrfmiddlewaretoken": csrf_token(signed_in.text), "token": self.code(), "next": path},
                timeout=30,
            )
            if "/admin/two-factor/" not in page.url:
                return page
            time.sleep(1.1)  # django-otp's delay after a failure
        raise AssertionError(f"the second factor was refused: {page.status_code}")
