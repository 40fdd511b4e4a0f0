"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Run them alone with `make test-browser` (or `pytest -m browser`). Without /usr/bin/chromium they are
skipped locally, but fail in CI (TAMBON_REQUIRE_BROWSER=1), where `.ci/run` installs it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def chromium(live_server):
    """Chromium for one test, started after the database is ready and stopped before the next test.

    Function-scoped on purpose: Playwright's sync API runs its event loop in greenlets, and while
    it is running Django's per-context database connections are not the test's, so a browser
    kept across tests makes later tests see an empty database.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("TAMBON_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 — only once Chromium is known to be there

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh phone-sized page (a cheap Android phone's viewport) with Thai as its language."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
    page = context.new_page()
    yield page
    context.close()


def serious_accessibility_violations(page):
    """axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA rules)."""
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 — loads axe-core's script

    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
    results = Axe().run(page, options=options)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
