"""Where a prefilled form came from (`eforms.prefill`): the app that starts such forms registers what
its origin means — lines for the review page, and what to do once the request is made."""

import dataclasses
from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class Origin:
    #: Lines shown above "Check your answers", in the active language: (origin dict) -> list[str]
    describe: Callable
    #: Called in the request's transaction once it is made: (submission, origin dict) -> None
    received: Callable


_origins: dict[str, Origin] = {}


def register(kind: str, origin: Origin) -> None:
    _origins[kind] = origin


def get(origin: dict | None) -> Origin | None:
    return _origins.get((origin or {}).get("kind", ""))


def describe(origin: dict | None) -> list[str]:
    handler = get(origin)
    return [str(line) for line in handler.describe(origin)] if handler else []
