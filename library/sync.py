"""Loading the library's definitions into the database: a new version only when the content changed."""

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction

from eforms.demo import page_values
from eforms.models import EFormField, EServicePage
from library import catalogue
from library.content import snapshot, texts
from library.models import ModelService, ModelServiceVersion


def content_of(definition, english=None) -> dict:
    """A definition as a version's content: the page's values read as an office's page is read, the
    slug the office's copy gets, and the English of each of its Thai texts (by default the builders',
    which record a text's English when the page's values are made from the definition)."""
    page = EServicePage(**page_values(definition))
    english = catalogue.english() if english is None else english
    page.form_fields = [
        EFormField(sort_order=order, **spec) for order, spec in enumerate(definition["fields"])
    ]
    values = snapshot(page)
    return {
        "slug": definition["slug"],
        "values": values,
        "english": {text: english[text] for text in texts(values) if text in english},
    }


def content_hash(content) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class SyncResult:
    created: list[str] = field(default_factory=list)  # new model services (version 1)
    updated: list[str] = field(default_factory=list)  # a new version recorded
    unchanged: list[str] = field(default_factory=list)


def sync_library(definitions=None, english=None) -> SyncResult:
    """Record each definition: a model service the first time, a new version when its content differs
    from its newest version's, nothing otherwise. Safe to run again and again."""
    definitions = catalogue.definitions() if definitions is None else definitions
    result = SyncResult()
    with transaction.atomic():
        for code, definition in definitions.items():
            content = content_of(definition, english)
            digest = content_hash(content)
            title_th = content["values"]["page"]["title"]
            title_en = content["english"].get(title_th, "")
            service, created = ModelService.objects.select_for_update().get_or_create(
                code=code, defaults={"title_th": title_th, "title_en": title_en}
            )
            newest = service.newest_version
            if newest is not None and newest.content_hash == digest:
                result.unchanged.append(code)
                continue
            ModelServiceVersion.objects.create(
                model_service=service,
                number=(newest.number + 1) if newest else 1,
                content=content,
                content_hash=digest,
            )
            service.title_th, service.title_en = title_th, title_en
            service.save(update_fields=["title_th", "title_en"])
            (result.created if created else result.updated).append(code)
    return result
