"""The production shape (tests/shape/stack.py), started once for every test here.

These tests run only when asked: `TAMBON_SHAPE=1` on PostgreSQL (CI's `.ci/run` runs them once, on a
database of their own, after the suite); `make test` skips them. With TAMBON_SHAPE=1 a missing piece
(nginx, moto, Redis) is a failure, not a skip.
"""

import os

import pytest

from tests.shape.stack import Stack, missing


@pytest.fixture(scope="session")
def django_db_setup():
    """Not pytest-django's test database: the stack's own, which every process of the shape shares
    and which the stack makes afresh (tests/shape/stack.py)."""


@pytest.fixture(autouse=True)
def _database(django_db_blocker):
    """The tests read what the stack's processes committed (no transaction around a test)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def stack(django_db_blocker):
    lacking = missing()
    if lacking:
        pytest.fail("the production shape needs: " + ", ".join(lacking))
    shape = Stack(os.environ["DATABASE_URL"])
    with django_db_blocker.unblock():
        shape.start()
    print(
        "\nshape started: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in shape.timings.items())
    )
    yield shape
    shape.stop()
    if os.environ.get("TAMBON_SHAPE_KEEP"):
        print(f"shape files kept in {shape.work}")
    else:
        shape.cleanup()
