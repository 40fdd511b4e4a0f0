"""When a field or a step is shown: decided on the server from earlier answers, so no JavaScript is needed.

A hidden field is neither required nor stored.
"""

from django.utils.translation import gettext as _

YES_WORDS = frozenset({"yes", "true", "1", "on", "ใช่"})


def is_met(condition_field: str, condition_choice: int | None, condition_value: str, answers: dict) -> bool:
    """Whether the answer to `condition_field` in `answers` matches the condition.

    Choice answers are compared by the choice's position (`condition_choice`), which stays the same in
    every language; other answers by the written value.
    """
    if not condition_field:
        return True
    if condition_field not in answers:
        return False
    answer = answers[condition_field]
    expected = str(condition_choice) if condition_choice else (condition_value or "").strip()
    if isinstance(answer, bool):
        return answer == (expected.lower() in YES_WORDS)
    if isinstance(answer, list | tuple | set):
        return expected in {str(item) for item in answer}
    if answer in (None, ""):
        return False
    return str(answer).strip() == expected


def describe(target, condition_choice: int | None, condition_value: str) -> str:
    """When a question applies, in the citizen's words and language, from its condition on `target`
    (the spec of the question it depends on): shown under a question whose condition is in its step."""
    question = target.label
    if target.is_choice:
        answer = dict(target.choice_list).get(str(condition_choice or ""), condition_value)
        return _("Answer this only if you chose “%(answer)s” for “%(question)s”.") % {
            "answer": answer,
            "question": question,
        }
    if target.type.records_consent or (condition_value or "").strip().lower() in YES_WORDS:
        return _("Answer this only if you ticked “%(question)s”.") % {"question": question}
    return _("Answer this only if your answer to “%(question)s” is “%(answer)s”.") % {
        "answer": condition_value,
        "question": question,
    }
