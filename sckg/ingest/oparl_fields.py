"""Which OParl fields the importer maps, and why it leaves the others out (the skip report names
every one).

:data:`MAPPED_FIELDS` lists the fields read per OParl type (besides :data:`COMMON_FIELDS`); every
other field of an imported object is counted in the report with the reason from :data:`REASONS` (or
"not part of the sckg model"). :func:`wkt` turns a GeoJSON geometry into GeoSPARQL WKT.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import Message
from ..words import error_message

#: Read on every type: identity, type, deletion, the page a reader opens, keywords, and the times
#: the sync uses.
COMMON_FIELDS = frozenset({"id", "type", "deleted", "web", "keyword", "modified"})
MAPPED_FIELDS: dict[str, frozenset[str]] = {
    "System": frozenset({"name", "website", "body"}),
    "Body": frozenset(
        {
            "name",
            "shortName",
            "ags",
            "system",
            "legislativeTerm",
            "organization",
            "meeting",
            "paper",
            "person",
            "membership",
            "location",
        }
    ),
    "LegislativeTerm": frozenset({"name", "startDate", "endDate", "body"}),
    "Organization": frozenset(
        {
            "name",
            "shortName",
            "organizationType",
            "classification",
            "startDate",
            "endDate",
            "body",
            "subOrganizationOf",
            "location",
            "meeting",
            "membership",
        }
    ),
    "Meeting": frozenset(
        {
            "name",
            "start",
            "end",
            "organization",
            "location",
            "agendaItem",
            "invitation",
            "resultsProtocol",
            "verbatimProtocol",
            "auxiliaryFile",
        }
    ),
    "AgendaItem": frozenset(
        {
            "name",
            "number",
            "meeting",
            "public",
            "consultation",
            "result",
            "resolutionText",
            "resolutionFile",
            "auxiliaryFile",
        }
    ),
    "Paper": frozenset(
        {
            "name",
            "reference",
            "date",
            "paperType",
            "originatorOrganization",
            "underDirectionOf",
            "relatedPaper",
            "consultation",
            "mainFile",
            "auxiliaryFile",
            "location",
            "body",
            "originatorPerson",
        }
    ),
    "Consultation": frozenset(
        {"paper", "meeting", "organization", "agendaItem", "authoritative", "role"}
    ),
    "File": frozenset({"name", "fileName", "mimeType", "date", "accessUrl"}),
    "Location": frozenset({"description", "geojson", "streetAddress", "postalCode", "locality"}),
    "Person": frozenset({"name", "givenName", "familyName", "membership", "body"}),
    "Membership": frozenset({"person", "organization", "startDate", "endDate", "role"}),
}
#: Why a field is not imported: field → the reason's name (``oparl.field.NAME`` in the words).
REASONS: dict[str, str] = {
    "created": "created",
    "license": "data_licence",
    "licenseValidSince": "data_licence",
    "oparlSince": "interface_date",
    "equivalent": "equivalent",
    "rgs": "rgs",
    "contactEmail": "contact",
    "contactName": "contact",
    "order": "order",
    "meetingState": "meeting_state",
    "cancelled": "cancelled",
    "participant": "participant",
    "downloadUrl": "download_url",
    "size": "file_detail",
    "sha1Checksum": "file_detail",
    "sha512Checksum": "file_detail",
    "text": "text",
    "fileLicense": "file_licence",
    "derivativeFile": "derived",
    "masterFile": "derived",
    "externalServiceUrl": "stream",
    "room": "room",
    "subLocality": "sub_locality",
    "post": "post",
    "inactive": "inactive",
    "website": "website",
    "classification": "classification",
    "mainFile": "main_file",
    "formOfAddress": "personal",
    "affix": "personal",
    "title": "personal",
    "gender": "personal",
    "phone": "personal",
    "email": "personal",
    "status": "personal",
    "life": "personal",
    "lifeSource": "personal",
    "votingRight": "personal",
    "onBehalfOf": "personal",
    "agendaItem": "agenda_list",
    "consultation": "consultation_list",
    "file": "file_list",
    "locationList": "location_list",
    "legislativeTermList": "term_list",
    "vendor": "system_detail",
    "product": "system_detail",
    "oparlVersion": "system_detail",
    "otherOparlVersions": "system_detail",
}


def ignored_fields(kind: str, obj: dict[str, Any]) -> list[str]:
    """The fields of ``obj`` (of OParl type ``kind``) that the importer does not map."""
    mapped = MAPPED_FIELDS.get(kind, frozenset())
    return [key for key in obj if key not in COMMON_FIELDS and key not in mapped]


def reason(field: str) -> Message:
    """Why ``field`` is not imported (in English, with its German text)."""
    return error_message(f"oparl.field.{REASONS.get(field, 'not_modelled')}")


def wkt(geojson: Any) -> tuple[str | None, bool]:
    """A GeoJSON geometry (or Feature) as WKT, coordinates as given (``None`` when it is none of the
    simple types), and whether some coordinates were numbers written as text (``"8.317490"``, as
    some servers send them), read as the numbers they show."""
    if isinstance(geojson, dict) and geojson.get("type") == "Feature":
        geojson = geojson.get("geometry")
    if not isinstance(geojson, dict):
        return None, False
    kind, coords = geojson.get("type"), geojson.get("coordinates")
    if not isinstance(coords, list):
        return None, False
    as_text = False

    def number(v: Any) -> str:
        nonlocal as_text
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        if not isinstance(v, str):
            raise ValueError(v)
        try:
            value = Decimal(v.strip())
        except InvalidOperation:
            raise ValueError(v) from None
        if not value.is_finite():
            raise ValueError(v)
        as_text = True
        return format(value, "f")

    def point(c: Any) -> str:
        if not (isinstance(c, list) and len(c) >= 2):
            raise ValueError(c)
        return f"{number(c[0])} {number(c[1])}"

    def ring(cs: Any) -> str:
        return "(" + ", ".join(point(c) for c in cs) + ")"

    try:
        if kind == "Point":
            text = f"POINT({point(coords)})"
        elif kind == "LineString":
            text = f"LINESTRING{ring(coords)}"
        elif kind == "Polygon":
            text = "POLYGON(" + ", ".join(ring(r) for r in coords) + ")"
        elif kind == "MultiPoint":
            text = "MULTIPOINT(" + ", ".join(f"({point(c)})" for c in coords) + ")"
        elif kind == "MultiPolygon":
            text = (
                "MULTIPOLYGON("
                + ", ".join("(" + ", ".join(ring(r) for r in p) + ")" for p in coords)
                + ")"
            )
        else:
            return None, False
    except (ValueError, TypeError):
        return None, False
    return text, as_text
    return None
