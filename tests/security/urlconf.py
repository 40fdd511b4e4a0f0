"""Every URL pattern of the site, read from the URLconf, and a way to make a concrete path of one.

Used by the access matrix (which staff URLs exist) and the hostile-path sweep (which URLs take text
from the path), so that a URL added later is covered without anyone remembering to list it.
"""

import dataclasses
import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import translation

# A sample for each converter; a test may give its own per parameter name.
SAMPLES = {"int": "1", "str": "x", "slug": "x", "uuid": str(uuid.UUID(int=1)), "path": "x/y"}
# The few patterns written as regular expressions: a path that matches each, by its regex.
REGEX_SAMPLES = {
    r"^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$": "1/revisions/compare/earliest...latest/",
    r"^.*/$": "x/",
    r"^(\d+)/(.*)$": "1/x.pdf",
    r"^(?P<language>th|en)/(?P<page_path>(?:[\w\-]+/)*)qr\.(?P<kind>svg|png)$": "th/qr.svg",
    r"^((?:[\w\-]+/)*)$": "",
    r"^(?P<rest>.*)\.(?P<fmt>json|xml)$": "nothing.json",  # Open311's spec-format 404 for any other path
    r"^(?P<rest>.*)$": "nothing",
}
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclasses.dataclass
class Url:
    route: str  # e.g. "th/payments/<str:reference>/"; regex parts as written
    name: str  # "namespace:name", or "" for an unnamed pattern
    pattern: URLPattern
    parts: list  # the route pieces, outermost first

    @property
    def view(self):
        return self.pattern.callback

    @property
    def parameters(self) -> dict:
        """{name: converter name} of the route's path parameters."""
        found = {}
        for part in self.parts:
            if isinstance(part, RoutePattern):
                for match in ROUTE_PARAMETER.finditer(str(part)):
                    found[match["name"]] = match["converter"] or "str"
        return found

    def path(self, **values) -> str:
        """A concrete path: each parameter from `values` by name, else a sample for its converter."""
        pieces = []
        for part in self.parts:
            text = str(part)
            if isinstance(part, RegexPattern) and part.regex.groups:
                if text not in REGEX_SAMPLES:
                    raise LookupError(f"add a sample path for the regex {text!r} to REGEX_SAMPLES")
                pieces.append(REGEX_SAMPLES[text])
            elif isinstance(part, RegexPattern):
                pieces.append(text.strip("^$"))
            else:
                pieces.append(
                    ROUTE_PARAMETER.sub(
                        lambda m: str(values.get(m["name"], SAMPLES.get(m["converter"] or "str", "x"))), text
                    )
                )
        return "/" + "".join(pieces)


def all_urls(language="th") -> list[Url]:
    with translation.override(language):
        return list(_walk(get_resolver().url_patterns, [], None))


def _walk(patterns, parts, namespace):
    for entry in patterns:
        here = [*parts, entry.pattern]
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, here, inner)
        else:
            name = entry.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Url(route="".join(str(p) for p in here), name=name, pattern=entry, parts=here)
