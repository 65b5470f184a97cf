"""A prioritisation as PROV data: an assessment with one part per ranked item, so ``sckg diff`` shows how the
ranking changed between two meetings of the steering group.

The whole is a ``sckg:Assessment`` (a ``prov:Activity``) with its date, the method, the weights and who scored
in ``sckg:result``; each ranked item gets its own ``sckg:Assessment`` (``dcterms:isPartOf`` the whole,
``sckg:assessed`` the item) whose ``sckg:result`` states its place, net flow, TOPSIS place and places under weight
changes, and whose ``rdfs:comment`` gives each criterion's value with its reason.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import DataError, Message
from ..formatting import number
from ..words import t
from . import Prioritisation

_CITY = re.compile(r"^(.*/)(?:project|field)/[^/]+$")


def assessment_turtle(result: Prioritisation, *, day: date, lang: str = "de", base: str | None = None) -> str:
    """The ranking of ``result`` on ``day`` as Turtle. IRIs under ``base`` (default: the items' city, e.g.
    ``…/id/musterstadt/``) + ``assessment/prioritisation-<what>``, the same at every meeting, so that two
    meetings' files differ in the results, not in the IRIs."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, XSD

    from ..namespaces import SCKG as SCKG_IRI

    if not result.rows:
        raise DataError(Message("No ranking to write as an assessment: the steering group's scores are missing "
                                "({=scores})"))
    if base is None:
        first = result.rows[0].iri
        found = _CITY.match(first)
        base = found.group(1) if found else first.rsplit("/", 1)[0] + "/"
    sckg = Namespace(SCKG_IRI)
    g = Graph()
    g.bind("sckg", sckg)
    g.bind("prov", PROV)
    g.bind("dcterms", DCTERMS)
    whole = URIRef(f"{base}assessment/prioritisation-{result.what}")
    g.add((whole, RDF.type, sckg.Assessment))
    g.add((whole, RDFS.label, Literal(t("prio.assessment.label", lang, what=result.what, date=day.isoformat()),
                                      lang=lang)))
    g.add((whole, DCTERMS.date, Literal(day.isoformat(), datatype=XSD.date)))
    g.add((whole, sckg.result, Literal(" ".join(str(n) for n in result.notes[1:]), lang=lang)))
    labels = {c.key: c.label for c in result.criteria}
    items = {i.iri: i for i in result.ranked}
    for row in result.rows:
        part = URIRef(f"{whole}/{row.iri.rstrip('/').rsplit('/', 1)[-1]}")
        g.add((part, RDF.type, sckg.Assessment))
        g.add((part, DCTERMS.isPartOf, whole))
        g.add((part, sckg.assessed, URIRef(row.iri)))
        g.add((part, RDFS.label, Literal(f"{row.label}: {row.rank}", lang=lang)))
        g.add((part, sckg.result, Literal(t("prio.assessment.result", lang, rank=row.rank,
                                            flow=number(row.flow, lang, 4), topsis=row.topsis,
                                            within_10=row.within_10, within_25=row.within_25), lang=lang)))
        item = items[row.iri]
        values = "; ".join(f"{labels[k]}: {number(v.value, lang, 2) if v.value is not None else '–'} ({v.reason})"
                           for k, v in item.values.items() if k in labels)
        g.add((part, RDFS.comment, Literal(values, lang=lang)))
    return g.serialize(format="turtle")
