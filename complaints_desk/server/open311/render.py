"""The GeoReport v2 answer formats: JSON, and XML built from the same value by the specification's Spark
convention (a list is an element holding one element per item, named as the specification names it; null
is an empty element; booleans are true/false), UTF-8 with the XML declaration. Errors are the specified
array of {code, description}: <errors><error><code/><description/></error></errors>."""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import Element, tostring

from fastapi.responses import Response

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# The element each list's items take, by the list's own element name.
XML_ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}
# Characters XML 1.0 cannot carry at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("\ufffd", str(value))


def _element(name: str, value: Any) -> Element:
    element = Element(name)
    if isinstance(value, dict):
        for key, item in value.items():
            element.append(_element(key, item))
    elif isinstance(value, (list, tuple)):
        for item in value:
            element.append(_element(XML_ITEMS[name], item))
    elif value is not None:
        element.text = _text(value)
    return element


def xml_document(root: str, value: Any) -> bytes:
    body = tostring(_element(root, value), encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")


def respond(fmt: str, root: str, value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """`value` in the format asked for; `root` names the XML root (services, service_requests …)."""
    if fmt == "json":
        content = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    else:
        content = xml_document(root, value)
    return Response(content, status_code=status, media_type=CONTENT_TYPES[fmt], headers=headers)


def error_response(fmt: str, status: int, description: str, headers: dict[str, str] | None = None) -> Response:
    """The specified error answer: the HTTP status, and the same code in the body."""
    return respond(fmt, "errors", [{"code": status, "description": description}], status, headers)
