"""Which OParl fields the importer maps, and why it leaves the others out (the skip report names
every one).

:data:`MAPPED_FIELDS` lists the fields read per OParl type (besides :data:`COMMON_FIELDS`); every
other field of an imported object is counted in the report with the reason from :data:`REASONS` (or
"not part of the sckg model"). :func:`wkt` turns a GeoJSON geometry into GeoSPARQL WKT.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

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
REASONS: dict[str, str] = {
    "created": "creation time in the council system (the sync uses 'modified')",
    "license": "licence of the data: not modelled per object",
    "licenseValidSince": "licence of the data: not modelled per object",
    "oparlSince": "technical date of the OParl interface",
    "equivalent": "the same object in other systems: not followed",
    "rgs": "regional key (Regionalschlüssel): the AGS identifies the body",
    "contactEmail": "contact data: personal data",
    "contactName": "contact data: personal data",
    "order": "position on the agenda: the number is kept",
    "meetingState": "state of the meeting: not modelled (its results are on the agenda items)",
    "cancelled": "cancelled meetings: not modelled",
    "participant": "persons taking part: personal data",
    "downloadUrl": "a second address of the same document (accessUrl is kept)",
    "size": "technical detail of the file",
    "sha1Checksum": "technical detail of the file",
    "sha512Checksum": "technical detail of the file",
    "text": "full text of the file: not imported (large)",
    "fileLicense": "licence of the file: not modelled per object",
    "derivativeFile": "derived copies of the same document",
    "masterFile": "derived copies of the same document",
    "externalServiceUrl": "a streaming address, not a document",
    "room": "the room: the description of the location is kept",
    "subLocality": "part of the address: the description is kept",
    "post": "posts of persons: personal data",
    "inactive": "inactive flag: the end date is kept",
    "website": "the organisation's own website: not modelled",
    "classification": "the body's classification (e.g. 'Stadt'): every body is a city "
    "administration",
    "mainFile": "a file of the organisation",
    "formOfAddress": "personal data",
    "affix": "personal data",
    "title": "personal data",
    "gender": "personal data",
    "phone": "personal data",
    "email": "personal data",
    "status": "personal data",
    "life": "personal data",
    "lifeSource": "personal data",
    "votingRight": "personal data",
    "onBehalfOf": "personal data",
    "agendaItem": "agenda items of a body's list: imported through their meetings",
    "consultation": "consultations of a body's list: imported through their papers",
    "file": "files of a body's list: imported through their papers and meetings",
    "locationList": "locations of a body's list: imported where they are used",
    "legislativeTermList": "terms of a body's list: imported through the body",
    "vendor": "technical detail of the system",
    "product": "technical detail of the system",
    "oparlVersion": "technical detail of the system",
    "otherOparlVersions": "technical detail of the system",
}
NOT_MODELLED = "not part of the sckg model"


def ignored_fields(kind: str, obj: dict[str, Any]) -> list[str]:
    """The fields of ``obj`` (of OParl type ``kind``) that the importer does not map."""
    mapped = MAPPED_FIELDS.get(kind, frozenset())
    return [key for key in obj if key not in COMMON_FIELDS and key not in mapped]


def reason(field: str) -> str:
    """Why ``field`` is not imported."""
    return REASONS.get(field, NOT_MODELLED)


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
