"""Fixtures shared by every app's tests.

`site_pages` builds the smallest real site: a Thai home page as the site root and its English
translation, as `load_demo` and wagtail-localize leave them.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from home.groups import ADMINISTRATORS, COMMUNICATIONS_STAFF, JUNIOR_EDITORS, PERMIT_OFFICERS
from home.models import HomePage

# Each app's fixtures, for every test that needs them (a conftest.py applies only to its own folder).
pytest_plugins = ["tests.eforms.fixtures", "tests.casework.fixtures"]


def pytest_collection_modifyitems(items):
    """Every test that commits (live server, transactional db) restores the migrated data first.

    Such tests flush the database afterwards. Without serialized rollback the next one would start
    without the locales, groups and root page that migrations create; and mixing serialized with
    non-serialized flushes makes content types collide. So all of them are serialized.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = getattr(item, "fixturenames", ())
        if (marker and marker.kwargs.get("transaction")) or {"live_server", "transactional_db"} & set(
            fixtures
        ):
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's set-up, but each worker's database is a copy of one migrated template
    (`tests/database_template.py`) instead of migrated again; dropped at the end."""
    from django.test.utils import setup_databases, teardown_databases  # noqa: PLC0415
    from pytest_django.fixtures import _get_databases_for_setup  # noqa: PLC0415

    from tests import database_template  # noqa: PLC0415

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    with django_db_blocker.unblock():
        cloned = database_template.clone_for_this_worker() or database_template.fill_memory_database()
        config = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=cloned,  # the clone is complete: migrate finds nothing to do
        )
    yield
    with django_db_blocker.unblock():
        database_template.close_other_sessions()  # a server or worker a test started may linger
        try:
            teardown_databases(config, verbosity=request.config.option.verbose)
        except Exception as error:  # noqa: BLE001 — as pytest-django: a warning, not a failed test
            request.node.warn(pytest.PytestWarning(f"The test database was not removed: {error!r}"))


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(transactional_db):
    """The demo municipality as `manage.py load_demo` leaves it, copied from a snapshot made once per
    run (`tests/demo_snapshot.py`). For transactional tests only."""
    from tests import demo_snapshot  # noqa: PLC0415

    demo_snapshot.restore()


@pytest.fixture
def thai():
    return Locale.objects.get(language_code="th")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def publish_translation(page, locale, **english_fields):
    """An English copy of `page`, with the given fields changed, published (what an editor does)."""
    translated = page.copy_for_translation(locale)
    for name, value in english_fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def build_thai_home(site_name="Test"):
    """A published Thai home page as the root of the only site, in place of whatever was there.

    For fixtures of any kind, transactional (browser tests) and not, and for benchmarks.
    """
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePage(
        title="เทศบาลตำบลทดสอบ",
        slug="home",
        locale=Locale.objects.get(language_code="th"),
        hero_title="ยินดีต้อนรับ",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name
    )
    return home


@pytest.fixture
def site_pages(db, thai, english):
    """(Thai home page, English home page), the Thai one the root of the default site."""
    home = build_thai_home()
    english_home = publish_translation(home, english, title="Test Municipality", hero_title="Welcome")
    return home.specific, english_home.specific


@pytest.fixture
def thai_home(site_pages):
    return site_pages[0]


@pytest.fixture
def english_home(site_pages):
    return site_pages[1]


def make_staff(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(username=username, password="a-long-test-password", **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def communications_user(db, django_user_model):
    return make_staff(django_user_model, "comms", COMMUNICATIONS_STAFF)


@pytest.fixture
def junior_editor(db, django_user_model):
    return make_staff(django_user_model, "junior", JUNIOR_EDITORS)


@pytest.fixture
def permit_officer(db, django_user_model):
    return make_staff(django_user_model, "officer", PERMIT_OFFICERS)


@pytest.fixture
def administrator(db, django_user_model):
    return make_staff(django_user_model, "administrator", ADMINISTRATORS)
