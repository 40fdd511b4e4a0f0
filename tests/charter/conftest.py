from tests.offices.conftest import _hosts, first_office, second_office  # noqa: F401
