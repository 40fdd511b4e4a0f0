"""The offices of tests/offices (two offices offering a building permit) for the public statistics."""

from tests.offices.conftest import _hosts, first_office  # noqa: F401
from tests.offices.test_overview import offices  # noqa: F401
