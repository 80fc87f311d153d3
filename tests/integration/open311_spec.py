"""A small checker of Open311 GeoReport v2 answers against the specification's field definitions
(http://wiki.open311.org/GeoReport_v2 and its Service Discovery page): the fields each resource has, which
are required, their types and formats, the allowed values, and nothing else. One checker for both formats:
an XML answer is first read with xml.etree into the same shape (the Spark convention the specification's
JSON follows), its leaves as text, and the types are then checked as the text XML can carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

W3_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
XML_DECLARATION = re.compile(rb'^<\?xml version="1\.0" encoding="utf-8"\?>', re.IGNORECASE)
LISTS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


@dataclass(frozen=True)
class F:
    """A field: its type (string, boolean, number, integer, datetime, uri, list), whether it must be there
    with a value, the values it may take, and for a list the fields of its items."""

    type: str
    required: bool = False
    allowed: tuple[str, ...] = ()
    items: dict[str, F] | None = None
    max_length: int | None = None
    item_type: str = ""


SERVICE = {
    "service_code": F("string", True),
    "service_name": F("string", True),
    "description": F("string"),
    "metadata": F("boolean", True),
    "type": F("string", True, ("realtime", "batch", "blackbox")),
    "keywords": F("string"),
    "group": F("string"),
}
ATTRIBUTE = {
    "variable": F("boolean", True),
    "code": F("string", True),
    "datatype": F("string", True, ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")),
    "required": F("boolean", True),
    "datatype_description": F("string"),
    "order": F("integer"),
    "description": F("string"),
    "values": F("list", items={"key": F("string", True), "name": F("string", True)}),
}
SERVICE_DEFINITION = {"service_code": F("string", True), "attributes": F("list", True, items=ATTRIBUTE)}
REQUEST = {
    "service_request_id": F("string", True),
    "status": F("string", True, ("open", "closed")),
    "status_notes": F("string"),
    "service_name": F("string"),
    "service_code": F("string", True),
    "description": F("string", max_length=4000),
    "agency_responsible": F("string"),
    "service_notice": F("string"),
    "requested_datetime": F("datetime", True),
    "updated_datetime": F("datetime"),
    "expected_datetime": F("datetime"),
    "address": F("string"),
    "address_id": F("string"),
    "zipcode": F("string"),
    "lat": F("number"),
    "long": F("number"),
    "media_url": F("uri"),
}
POSTED = {
    "service_request_id": F("string"),
    "token": F("string"),
    "service_notice": F("string"),
    "account_id": F("string"),
}
TOKEN = {"service_request_id": F("string", True), "token": F("string", True)}
ENDPOINT = {
    "specification": F("uri", True),
    "url": F("uri", True),
    "changeset": F("string", True),
    "type": F("string", True, ("production", "test")),
    "formats": F("list", True, item_type="string"),
}
DISCOVERY = {
    "changeset": F("string", True),
    "contact": F("string", True),
    "key_service": F("string", True),
    "endpoints": F("list", True, items=ENDPOINT),
}
ERROR = {"code": F("integer", True), "description": F("string", True)}


def read_xml(body: bytes) -> tuple[str, Any]:
    """An XML answer as (root tag, value): elements in LISTS are lists of their items, others dicts, leaves
    text (None when empty). Fails unless it is UTF-8 with the XML declaration and has no namespace."""
    assert XML_DECLARATION.match(body), body[:80]
    root = ElementTree.fromstring(body)
    assert "}" not in root.tag, "no namespace"

    def convert(element: ElementTree.Element) -> Any:
        children = list(element)
        if element.tag in LISTS:
            assert all(child.tag == LISTS[element.tag] for child in children), element.tag
            return [convert(child) for child in children]
        if children:
            tags = [child.tag for child in children]
            assert len(tags) == len(set(tags)), f"repeated element in {element.tag}: {tags}"
            return {child.tag: convert(child) for child in children}
        return element.text if element.text else None

    return root.tag, convert(root)


def _check_value(path: str, spec: F, value: Any, xml: bool) -> None:
    if value is None:
        assert not spec.required, f"{path} is required"
        return
    kind = spec.type
    if kind == "list":
        assert isinstance(value, list), f"{path} is a list"
        for index, item in enumerate(value):
            if spec.items is not None:
                check_fields(f"{path}[{index}]", spec.items, item, xml)
            else:
                _check_value(f"{path}[{index}]", F(spec.item_type, True), item, xml)
        return
    if kind == "boolean":
        assert value in ("true", "false") if xml else isinstance(value, bool), f"{path}: boolean, got {value!r}"
    elif kind == "integer":
        if xml:
            assert re.fullmatch(r"-?\d+", value), f"{path}: integer, got {value!r}"
        else:
            assert isinstance(value, int) and not isinstance(value, bool), f"{path}: integer, got {value!r}"
    elif kind == "number":
        if xml:
            float(value)
        else:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), (
                f"{path}: number, got {value!r}"
            )
    else:
        assert isinstance(value, str), f"{path}: text, got {value!r}"
        if kind == "datetime":
            assert W3_DATETIME.match(value), f"{path}: a W3C date-time with its offset, got {value!r}"
        if kind == "uri":
            parts = urlsplit(value)
            assert parts.scheme in ("http", "https") and parts.netloc, f"{path}: a URL, got {value!r}"
    if spec.allowed:
        assert value in spec.allowed, f"{path}: one of {spec.allowed}, got {value!r}"
    if spec.max_length is not None:
        assert len(value) <= spec.max_length, f"{path}: at most {spec.max_length} characters"


def check_fields(path: str, fields: dict[str, F], value: Any, xml: bool) -> None:
    assert isinstance(value, dict), f"{path} is an object, got {type(value).__name__}"
    unknown = set(value) - set(fields)
    assert not unknown, f"{path} has fields the specification does not: {sorted(unknown)}"
    for name, spec in fields.items():
        _check_value(f"{path}.{name}", spec, value.get(name), xml)


ROOTS = {
    "discovery": ("discovery", DISCOVERY, False),
    "services": ("services", SERVICE, True),
    "service_definition": ("service_definition", SERVICE_DEFINITION, False),
    "requests": ("service_requests", REQUEST, True),
    "posted": ("service_requests", POSTED, True),
    "tokens": ("service_requests", TOKEN, True),
    "errors": ("errors", ERROR, True),
}


def check(resource: str, body: bytes | Any, *, xml: bool) -> Any:
    """Check one answer (`body`: the XML bytes, or the parsed JSON) as the resource the specification
    defines; returns its value (from XML: its leaves as text). Raises AssertionError naming the field."""
    root, fields, many = ROOTS[resource]
    if xml:
        tag, value = read_xml(body)
        assert tag == root, f"root element {tag}, expected {root}"
    else:
        value = body
    if many:
        assert isinstance(value, list), f"{resource}: a list"
        for index, item in enumerate(value):
            check_fields(f"{resource}[{index}]", fields, item, xml)
    else:
        check_fields(resource, fields, value, xml)
    if resource == "posted":
        for item in value:
            assert ("service_request_id" in item and item["service_request_id"]) != (
                "token" in item and item["token"]
            ), "a service_request_id or a token, never both"
    if resource == "service_definition":
        orders = [a["order"] for a in value["attributes"] if a.get("order") is not None]
        assert len(orders) == len(set(orders)) and all(int(o) > 0 for o in orders), "orders: positive, unique"
    return value
