"""A person's data across the apps, for data-subject requests (PDPA §30–33): find, copy, erase."""

import dataclasses
import re

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from privacy import erasure, registry
from privacy.identifiers import THAI_PHONE, normalise_national_id, normalise_phone

EMAIL, PHONE, NATIONAL_ID = "email", "phone", "national_id"
KIND_LABELS = {
    EMAIL: gettext_lazy("Email address"),
    PHONE: gettext_lazy("Phone number"),
    NATIONAL_ID: gettext_lazy("Thai national ID number"),
}


def mask_email(address: str) -> str:
    """s•••@e•••.com: enough for the owner to recognise, too little for anyone else to learn."""
    local, _sep, domain = address.partition("@")
    name, _dot, tld = domain.rpartition(".")
    return f"{local[:1]}•••@{name[:1]}•••.{tld}" if name else f"{local[:1]}•••@{domain}"


@dataclasses.dataclass(frozen=True)
class Person:
    kind: str  # EMAIL, PHONE or NATIONAL_ID
    key: str  # normalised: lower-case address, digits only

    @property
    def masked(self) -> str:
        if self.kind == EMAIL:
            return mask_email(self.key)
        return f"{self.key[:2]}{'•' * (len(self.key) - 4)}{self.key[-2:]}"

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    def matches(self, value) -> bool:
        """Whether a stored value (text, or a list or dict of them) names this person."""
        if isinstance(value, list):
            return any(self.matches(item) for item in value)
        if isinstance(value, dict):
            return any(self.matches(item) for item in value.values())
        if not isinstance(value, str):
            return False
        if self.kind == EMAIL:
            return value.strip().lower() == self.key
        if self.kind == NATIONAL_ID:
            return normalise_national_id(value) == self.key
        return normalise_phone(value) == self.key


def classify(text: str) -> Person | None:
    """The person an email address, a Thai phone number or a national ID names; else None."""
    text = (text or "").strip()
    if "@" in text:
        try:
            forms.EmailField().clean(text)
        except forms.ValidationError:
            return None
        return Person(EMAIL, text.lower())
    digits = normalise_national_id(text)
    if re.fullmatch(r"\d{13}", digits):
        return Person(NATIONAL_ID, digits)
    phone = normalise_phone(text)
    if THAI_PHONE.match(phone):
        return Person(PHONE, phone)
    return None


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
    references: list  # the requests the person's records belong to, sorted
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
        return [reason for reference in self.references for reason in erasure.refusals(reference)]


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
    references = set()
    for declaration in declarations:
        references |= set(registry.call(declaration, "cases", direct[id(declaration)], default=set()))
    references = sorted(references)
    sections = []
    for declaration in declarations:
        of_cases = (
            registry.call(declaration, "records_of_cases", references, default=[]) if references else []
        )
        records = _unique([*direct[id(declaration)], *of_cases])
        sections.append(Section(declaration, records))
    return Findings(person, references, sections)


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
        for reference in found.references:
            for name, count in erasure.anonymise_case(reference, now=now).items():
                counts[name] = counts.get(name, 0) + count
        for declaration in registry.declarations():
            count = registry.call(declaration, "erase_person", found.person, default=0)
            counts[declaration.name] = counts.get(declaration.name, 0) + count
    return counts
