from eforms.conditions import is_met


def test_no_condition_always_shown():
    assert is_met("", None, "", {})


def test_choice_compared_by_position():
    assert is_met("applicant_type", 2, "นิติบุคคล", {"applicant_type": "2"})
    assert not is_met("applicant_type", 2, "นิติบุคคล", {"applicant_type": "1"})


def test_checkboxes_contain_the_choice():
    assert is_met("needs", 3, "", {"needs": ["1", "3"]})
    assert not is_met("needs", 2, "", {"needs": ["1", "3"]})


def test_consent_and_text():
    assert is_met("agree", None, "yes", {"agree": True})
    assert not is_met("agree", None, "yes", {"agree": False})
    assert is_met("code", None, "A1", {"code": "A1"})


def test_missing_or_empty_answer_hides():
    assert not is_met("applicant_type", 1, "", {})
    assert not is_met("code", None, "A1", {"code": ""})
