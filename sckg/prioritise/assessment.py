"""A prioritisation as PROV data: an assessment with one part per ranked item, so ``sckg diff``
shows how the ranking changed between two meetings of the steering group.

The whole is a ``sckg:Assessment`` (a ``prov:Activity``) with its date, the method, the weights and
who scored in ``sckg:result``; each ranked item gets its own ``sckg:Assessment``
(``dcterms:isPartOf`` the whole, ``sckg:assessed`` the item) with its place (``schema:position``),
net flow (``rdf:value``), TOPSIS place (``sckg:topsisPlace``), the best and worst of the middle 90 %
of its places under weight changes of ±10 % and ±25 % (``sckg:bestPlace10`` … ``sckg:worstPlace25``)
and each criterion's value (``sckg:criterionImpact`` etc., sub-properties of
``sckg:criterionValue``); ``sckg:result`` says the same in words and ``rdfs:comment`` gives each
value's reason. :func:`stored_ranking` reads the newest one back from a graph;
:func:`rank_reversals` compares a new ranking with an earlier meeting's assessment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..errors import DataError
from ..formatting import number
from ..namespaces import SCKG as SCKG_IRI
from ..namespaces import sparql_values
from ..words import error_message, t
from . import Prioritisation
from .criteria import GRAPH_CRITERIA, VOTES
from .rank import SPREADS
from .workbook import PEOPLE_CRITERIA

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

_CITY = re.compile(r"^(.*/)(?:project|field)/[^/]+$")
#: The properties of the best and worst place at each spread of the weights (±10 %, ±25 %).
PLACES = {
    spread: (
        f"{SCKG_IRI}bestPlace{round(spread * 100)}",
        f"{SCKG_IRI}worstPlace{round(spread * 100)}",
    )
    for spread in SPREADS
}
#: The property of each criterion's value: ``impact`` → ``sckg:criterionImpact``.
CRITERIA = {
    key: f"{SCKG_IRI}criterion{key[0].upper()}{key[1:]}"
    for key in (*GRAPH_CRITERIA, VOTES, *PEOPLE_CRITERIA)
}


def assessment_turtle(
    result: Prioritisation, *, day: date, lang: str = "de", base: str | None = None
) -> str:
    """The ranking of ``result`` on ``day`` as Turtle. IRIs under ``base`` (default: the items'
    city, e.g. ``…/id/musterstadt/``) + ``assessment/prioritisation-<what>``, the same at every
    meeting, so that two meetings' files differ in the results, not in the IRIs."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, SDO, XSD

    if not result.rows:
        raise DataError(error_message("error.no_ranking"))
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
    g.add(
        (
            whole,
            RDFS.label,
            Literal(
                t("prio.assessment.label", lang, what=result.what, date=day.isoformat()), lang=lang
            ),
        )
    )
    g.add((whole, DCTERMS.date, Literal(day.isoformat(), datatype=XSD.date)))
    g.add((whole, sckg.result, Literal(" ".join(str(n) for n in result.notes[1:]), lang=lang)))
    comments = _comments(result, lang)
    assert result.sensitivity is not None
    index = {item.iri: n for n, item in enumerate(result.ranked)}
    values = {item.iri: item.values for item in result.ranked}
    for row in result.rows:
        part = URIRef(f"{whole}/{row.iri.rstrip('/').rsplit('/', 1)[-1]}")
        g.add((part, RDF.type, sckg.Assessment))
        g.add((part, DCTERMS.isPartOf, whole))
        g.add((part, sckg.assessed, URIRef(row.iri)))
        g.add((part, RDFS.label, Literal(f"{row.label}: {row.rank}", lang=lang)))
        g.add((part, SDO.position, Literal(row.rank, datatype=XSD.integer)))
        g.add((part, RDF.value, Literal(f"{row.flow:.4f}", datatype=XSD.decimal)))
        g.add((part, sckg.topsisPlace, Literal(row.topsis, datatype=XSD.integer)))
        for spread, band in result.sensitivity.bands.items():
            for prop, place in zip(PLACES[spread], band[index[row.iri]], strict=True):
                g.add((part, URIRef(prop), Literal(place, datatype=XSD.integer)))
        for key, value in values[row.iri].items():
            if value.value is not None and key in CRITERIA:
                decimal = Literal(repr(float(value.value)), datatype=XSD.decimal)
                g.add((part, URIRef(CRITERIA[key]), decimal))
        g.add(
            (
                part,
                sckg.result,
                Literal(
                    t(
                        "prio.assessment.result",
                        lang,
                        rank=row.rank,
                        flow=number(row.flow, lang, 4),
                        topsis=row.topsis,
                        within_10=row.within_10,
                        within_25=row.within_25,
                    ),
                    lang=lang,
                ),
            )
        )
        g.add((part, RDFS.comment, Literal(comments[row.iri], lang=lang)))
    return g.serialize(format="turtle")


@dataclass(frozen=True)
class StoredPlace:
    """A ranked item as an assessment in the graph states it: place, net flow, TOPSIS place, the
    best and worst place at each spread of the weights, each criterion's value, the result text."""

    item: str
    rank: int
    flow: float | None
    topsis: int | None
    result: str
    bands: dict[float, tuple[int, int]] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredRanking:
    """The newest prioritisation in a graph: its IRI, date, summary and places (first place
    first)."""

    iri: str
    date: str
    summary: str
    places: list[StoredPlace]


_ASSESSMENT = """SELECT ?whole ?date ?summary ?item ?part ?position ?flow ?result ?topsis WHERE {
  ?whole a sckg:Assessment ; dcterms:date ?date .
  ?part dcterms:isPartOf ?whole ; sckg:assessed ?item ; schema:position ?position .
  OPTIONAL { ?part sckg:result ?result }
  OPTIONAL { ?whole sckg:result ?summary }
  OPTIONAL { ?part rdf:value ?flow }
  OPTIONAL { ?part sckg:topsisPlace ?topsis }
}"""


def stored_ranking(kg: KnowledgeGraph) -> StoredRanking | None:
    """The newest prioritisation stored in ``kg`` (the latest ``dcterms:date``), read from its
    values (:func:`assessment_turtle`); None when the graph holds none. A place without its
    sensitivity or criterion values (written by hand) has empty ``bands`` and ``values``."""
    rows = kg.select(_ASSESSMENT).records()
    if not rows:
        return None
    newest = max(rows, key=lambda r: (str(r["date"]), r["whole"]))
    mine = [r for r in rows if r["whole"] == newest["whole"]]
    place_of = {p: (spread, n) for spread, pair in PLACES.items() for n, p in enumerate(pair)}
    criterion_of = {p: key for key, p in CRITERIA.items()}
    bands: dict[str, dict[float, list[int]]] = {r["part"]: {} for r in mine}
    values: dict[str, dict[str, float]] = {r["part"]: {} for r in mine}
    for part, prop, value in kg.select(
        f"SELECT ?part ?p ?v WHERE {{ VALUES ?part {{ {sparql_values(bands)} }} "
        f"VALUES ?p {{ {sparql_values([*place_of, *criterion_of])} }} ?part ?p ?v }}"
    ).rows:
        assert part is not None and prop is not None and value is not None
        if prop.value in place_of:
            spread, n = place_of[prop.value]
            bands[part.value].setdefault(spread, [0, 0])[n] = int(value.value)
        else:
            values[part.value][criterion_of[prop.value]] = float(value.value)
    places = [
        StoredPlace(
            r["item"],
            int(r["position"]),
            None if r["flow"] is None else float(r["flow"]),
            None if r["topsis"] is None else int(r["topsis"]),
            str(r["result"] or ""),
            {s: (low, high) for s, (low, high) in bands[r["part"]].items() if low and high},
            values[r["part"]],
        )
        for r in mine
    ]
    places.sort(key=lambda p: (p.rank, p.item))
    summary = str(newest["summary"] or "")
    return StoredRanking(newest["whole"], str(newest["date"])[:10], summary, places)


def rank_reversals(
    previous: str | bytes, result: Prioritisation, lang: str = "de", *, name: str = "previous"
) -> list[str]:
    """Pairs of items whose order changed since the ``previous`` assessment (Turtle, as text or
    the file's bytes) although neither item's values changed, while items were added or removed:
    PROMETHEE II and TOPSIS compare items with each other, so another item can swap two (rank
    reversal). One sentence per pair, in ``lang``. ``previous`` that is no text (a workbook) or
    holds no assessment (a data file) is a :class:`DataError` naming the file as ``name``."""
    from rdflib import RDFS, Graph, Namespace
    from rdflib.namespace import SDO

    from ..network.common import names

    not_one = error_message("error.not_an_assessment", name=name)
    if isinstance(previous, bytes):
        try:
            previous = previous.decode("utf-8")
        except UnicodeDecodeError:
            raise DataError(not_one) from None
    sckg = Namespace(SCKG_IRI)
    g = Graph()
    try:
        g.parse(data=previous, format="turtle")
    except Exception as exc:  # rdflib raises many types for broken Turtle
        raise DataError(error_message("error.previous_assessment", reason=exc)) from None
    before: dict[str, tuple[int, str]] = {}
    for part, item in g.subject_objects(sckg.assessed):
        place = g.value(part, SDO.position)
        if place is not None:
            before[str(item)] = (int(str(place)), str(g.value(part, RDFS.comment) or ""))
    if not before:
        raise DataError(not_one)
    now = {r.iri: r for r in result.rows}
    labels = {r.iri: r.label for r in result.rows}
    comments = _comments(result, lang)
    added = sorted(labels[i] for i in now if i not in before)
    removed = sorted(i.rsplit("/", 1)[-1] for i in before if i not in now)
    if not added and not removed:
        return []
    same = sorted(
        (i for i in now if i in before and before[i][1] == comments[i]), key=lambda i: now[i].rank
    )
    found = []
    for n, a in enumerate(same):
        for b in same[n + 1 :]:
            if now[a].rank < now[b].rank and before[a][0] > before[b][0]:
                found.append(
                    t(
                        "prio.reversal",
                        lang,
                        a=labels[a],
                        b=labels[b],
                        old_a=before[a][0],
                        old_b=before[b][0],
                        new_a=now[a].rank,
                        new_b=now[b].rank,
                        added=names(added, lang) or "–",
                        removed=names(removed, lang) or "–",
                    )
                )
    return found


def _comments(result: Prioritisation, lang: str) -> dict[str, str]:
    labels = {c.key: c.label for c in result.criteria}
    return {
        i.iri: "; ".join(
            f"{labels[k]}: {number(v.value, lang, 2) if v.value is not None else '–'} ({v.reason})"
            for k, v in i.values.items()
            if k in labels
        )
        for i in result.ranked
    }
