"""E-forms fixtures (registered for the whole suite in tests/conftest.py)."""

import pytest

from eforms.constants import PersonalDataBasis
from tests.eforms.factories import add_catalogue, make_service, three_step_fields


@pytest.fixture
def catalogue(thai_home):
    return add_catalogue(thai_home)


@pytest.fixture
def service(catalogue):
    # Consent is the basis, so the consent tick of `three_step_fields` is asked.
    return make_service(
        catalogue,
        fields=three_step_fields(),
        reference_prefix="BS",
        fee_amount=None,
        personal_data_basis=PersonalDataBasis.CONSENT,
    )
