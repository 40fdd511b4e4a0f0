"""A person's data across the apps, for data-subject requests (PDPA §30–33): find, copy, erase."""

import dataclasses

from django.db import transaction
from django.utils import timezone

from eforms import field_types
from privacy import erasure, registry

EMAIL = "email"


def mask_email(address: str) -> str:
    """s•••@e•••.com: enough for the owner to recognise, too little for anyone else to learn."""
    local, _sep, domain = address.partition("@")
    name, _dot, tld = domain.rpartition(".")
    return f"{local[:1]}•••@{name[:1]}•••.{tld}" if name else f"{local[:1]}•••@{domain}"


@dataclasses.dataclass(frozen=True)
class Person:
    """Whom a data-subject request is about: an identifier of a kind some e-form field type holds
    ("email", "phone", "national_id"), normalised as that type compares it."""

    kind: str
    key: str

    @property
    def masked(self) -> str:
        if self.kind == EMAIL:
            return mask_email(self.key)
        return f"{self.key[:2]}{'•' * (len(self.key) - 4)}{self.key[-2:]}"

    @property
    def kind_label(self):
        return field_types.identifier_kinds().get(self.kind, self.kind)

    def named_in(self, answers: list) -> bool:
        """Whether a request's stored answers name this person (each answer as its type compares)."""
        return any(field_types.matches(item, self.kind, self.key) for item in answers or [])


def classify(text: str) -> Person | None:
    """The person an email address, a Thai phone number or a national ID names; else None. The field
    types that hold such identifiers recognise and normalise them."""
    found = field_types.recognise_identifier((text or "").strip())
    return Person(*found) if found else None


@dataclasses.dataclass
class Section:
    declaration: object
    records: list

    @property
    def name(self):
        return self.declaration.name

    @property
    def label(self):
        return getattr(self.declaration, "label", self.declaration.name)


@dataclasses.dataclass
class Findings:
    person: Person
    cases: list  # the ids of the requests the person's records belong to, sorted
    sections: list  # one Section per declaration, in order
    offices: list | None = None  # searched within these offices' requests only; None: everywhere

    @property
    def masked(self):
        return self.person.masked

    @property
    def empty(self) -> bool:
        return not any(section.records for section in self.sections)

    def records(self, name) -> list:
        return next((s.records for s in self.sections if s.name == name), [])

    def summary(self) -> str:
        """ "1 submission(s), 1 payment(s), 0 draft(s), 0 email(s)": for the access log."""
        return ", ".join(
            f"{len(s.records)} {s.declaration.noun}"
            for s in self.sections
            if getattr(s.declaration, "noun", "")
        )

    def refusals(self) -> list[str]:
        return [reason for case in self.cases for reason in erasure.refusals(case)]


def _unique(records):
    seen, result = set(), []
    for record in records:
        key = (type(record), getattr(record, "pk", id(record)))
        if key not in seen:
            seen.add(key)
            result.append(record)
    return result


def find(person: Person, *, offices=None) -> Findings:
    """Everything the apps hold about the person, and everything of the requests it belongs to.

    `offices` (ids): an office's administrator's search, limited to the person's requests made to
    those offices and their records. What belongs to no request (a saved draft, a code device, an email
    about nothing sent) is not tied to an office: only the installation's administrators see it."""
    declarations = registry.declarations()
    direct = {id(d): registry.call(d, "find", person, default=[]) for d in declarations}
    cases = set()
    for declaration in declarations:
        cases |= set(registry.call(declaration, "cases", direct[id(declaration)], default=set()))
    if offices is not None:
        cases = _of_offices(cases, offices)
        direct = {key: [] for key in direct}
    cases = sorted(cases)
    sections = []
    for declaration in declarations:
        of_cases = registry.call(declaration, "records_of_cases", cases, default=[]) if cases else []
        records = _unique([*direct[id(declaration)], *of_cases])
        sections.append(Section(declaration, records))
    return Findings(person, cases, sections, offices=None if offices is None else list(offices))


def _of_offices(cases, offices) -> set:
    """Those of `cases` made to `offices`, as the app that keeps requests answers."""
    kept = set()
    for declaration in registry.declarations():
        kept |= set(registry.call(declaration, "cases_of_offices", cases, offices, default=set()))
    return kept


def export(found: Findings) -> dict:
    """The person's copy: every record found, as plain JSON, one key per app's section."""
    data = {
        "searched_for": {"kind": found.person.kind, "value": found.person.key},
        "generated_at": timezone.now(),
    }
    for section in found.sections:
        if hasattr(section.declaration, "export"):
            data[section.name] = section.declaration.export(section.records)
    return data


def erase(found: Findings, *, now=None) -> dict:
    """Erase what the law allows. The caller checks `found.refusals()` first. An office's search
    erases its requests only (records tied to no request are the installation's)."""
    now = now or timezone.now()
    counts = {}
    with transaction.atomic():
        for case in found.cases:
            for name, count in erasure.anonymise_case(case, now=now).items():
                counts[name] = counts.get(name, 0) + count
        for declaration in registry.declarations() if found.offices is None else []:
            count = registry.call(declaration, "erase_person", found.person, default=0)
            counts[declaration.name] = counts.get(declaration.name, 0) + count
    return counts
