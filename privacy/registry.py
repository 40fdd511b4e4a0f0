"""The apps' declarations of the personal data they hold, discovered from each app's `privacy.py`.

An app's `privacy.py` lists declarations in `PERSONAL_DATA`. A declaration is a small object that
answers, for its own models only, some of these (what it leaves out counts as "nothing here"):

    name, label, noun, order    section key in a person's copy, its title, the noun of the
                                summary line ("payment(s)"), and its place among the others
    find(person)                records naming the person (`person.kind` is "email", "phone" or
                                "national_id"; `person.key` is normalised)
    cases(records)              the requests (their ids) those records belong to
    records_of_cases(ids)       this app's records of those requests (so a copy is complete)
    export(records)             the person's copy of the records, as JSON-ready dicts
    refusal(case)               why the request's personal data may not be erased yet ("" if it may)
    anonymise_case(case, now)   erase this app's personal data about a finished request; returns a count
    erase_person(person)        erase records naming the person that belong to no request
    expired_cases(now)          requests past their retention, as objects with `.pk` and `.reference`
    purge_unattached(now)       erase personal data of records tied to no request once past their
                                retention (a counter's anonymous survey comments); returns a count
    cases_of_offices(ids, offices)  those requests made to these offices (ids)
                                (these two only the app that keeps requests answers)

A case is a request's id (`casework.Submission.pk`), not its reference: a reference is unique only
within its office, so two offices' requests may share one. No declaration imports another app's
models: the request's id is what they share. Declarations
do not import this module either, so any app may declare without depending on `privacy/`.
"""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

_declarations: list = []


def discover():
    """Read `PERSONAL_DATA` from every installed app's `privacy` module (once, at start-up)."""
    found = []
    for config in apps.get_app_configs():
        if config.name == "privacy" or not module_has_submodule(config.module, "privacy"):
            continue
        module = import_module(f"{config.name}.privacy")
        found.extend(getattr(module, "PERSONAL_DATA", []))
    _declarations[:] = sorted(found, key=lambda d: getattr(d, "order", 100))


def declarations() -> list:
    return list(_declarations)


def call(declaration, method, *args, default=None):
    """The declaration's answer, or `default` when it does not answer that question."""
    function = getattr(declaration, method, None)
    return default if function is None else function(*args)
