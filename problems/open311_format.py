"""How Open311 GeoReport v2 answers are written: UTF-8 XML with its declaration, or JSON with Thai as
characters, in the shapes the spec gives (a list of items, or one object such as a service definition),
and every error as the spec's list of {code, description}.

The XML follows the spec's element names: a list is an element holding one child per item, named by
`ITEM_NAMES` (`<attributes><attribute>…`, `<formats><format>…`); True and False are written `true` and
`false`; None is an empty element. Text goes through the XML writer, so markup in it stays text.
"""

from xml.etree import ElementTree

from django.http import HttpResponse, JsonResponse

#: The element of each item of a list, by the list's element (the spec's names).
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}
FORMATS = ("json", "xml")


class ApiError(Exception):
    """An answer in the spec's error format: `status` is the HTTP status and the error's code."""

    def __init__(self, status, description, headers=None):
        super().__init__(str(description))
        self.status, self.description, self.headers = status, description, headers or {}


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


def _fill(element, value):
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ElementTree.SubElement(element, key), child)
    elif isinstance(value, list | tuple):
        item_name = ITEM_NAMES[element.tag]
        for item in value:
            _fill(ElementTree.SubElement(element, item_name), item)
    else:
        element.text = _text(value)


def xml_bytes(root_name, content) -> bytes:
    root = ElementTree.Element(root_name)
    _fill(root, content)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode").encode()
    )


def respond(fmt, root_name, content, status=200, headers=None):
    """`content`: a list (of dicts) or a dict, written as XML under `root_name` or as JSON."""
    if fmt == "xml":
        response = HttpResponse(
            xml_bytes(root_name, content), status=status, content_type="text/xml; charset=utf-8"
        )
    else:
        response = JsonResponse(
            content,
            status=status,
            safe=False,
            json_dumps_params={"ensure_ascii": False},
            content_type="application/json; charset=utf-8",
        )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error(fmt, api_error: ApiError):
    """The spec's error list: one {code, description}, the code being the HTTP status."""
    body = [{"code": api_error.status, "description": str(api_error.description)}]
    return respond(fmt if fmt in FORMATS else "json", "errors", body, api_error.status, api_error.headers)
