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


def find(person: Person) -> Findings:
    """Everything the apps hold about the person, and everything of the requests it belongs to."""
    declarations = registry.declarations()
    direct = {id(d): registry.call(d, "find", person, default=[]) for d in declarations}
    cases = set()
    for declaration in declarations:
        cases |= set(registry.call(declaration, "cases", direct[id(declaration)], default=set()))
    cases = sorted(cases)
    sections = []
    for declaration in declarations:
        of_cases = registry.call(declaration, "records_of_cases", cases, default=[]) if cases else []
        records = _unique([*direct[id(declaration)], *of_cases])
        sections.append(Section(declaration, records))
    return Findings(person, cases, sections)


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
    """Erase what the law allows. The caller checks `found.refusals()` first."""
    now = now or timezone.now()
    counts = {}
    with transaction.atomic():
        for case in found.cases:
            for name, count in erasure.anonymise_case(case, now=now).items():
                counts[name] = counts.get(name, 0) + count
        for declaration in registry.declarations():
            count = registry.call(declaration, "erase_person", found.person, default=0)
            counts[declaration.name] = counts.get(declaration.name, 0) + count
    return counts
