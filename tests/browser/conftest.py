"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Run them alone with `make test-browser` (or `pytest -m browser`). Without /usr/bin/chromium they are
skipped locally, but fail in CI (TAMBON_REQUIRE_BROWSER=1), where `.ci/run` installs it.

axe-core comes from npm (`make checkers`, pinned in package.json, the version the audits used);
without node_modules locally the copy bundled with axe-playwright-python is used instead.
"""

import functools
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE_CORE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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


@functools.cache
def axe_source():
    if AXE_CORE.exists():
        return AXE_CORE.read_text(encoding="utf-8")
    if os.environ.get("TAMBON_REQUIRE_BROWSER"):
        pytest.fail(f"{AXE_CORE} is missing: run `make checkers` (npm ci)")
    from axe_playwright_python.base import AXE_SCRIPT  # noqa: PLC0415 — the fallback only

    return AXE_SCRIPT


def accessibility_findings(page):
    """Every axe-core finding on the page as it is now: WCAG A/AA and best practice, any impact.

    axe's default rule set (its experimental rules aside). A best-practice finding such as a skipped
    heading level or two search landmarks with one name is a real obstacle to a screen-reader user.
    """
    page.evaluate(axe_source())  # evaluated by DevTools: the site's CSP does not apply
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in violations
    ]


# The name the older tests use; every finding counts now, not only serious and critical ones.
serious_accessibility_violations = accessibility_findings


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
