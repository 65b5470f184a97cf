"""A prioritisation as PROV data: an assessment with one part per ranked item, so ``sckg diff``
shows how the ranking changed between two meetings of the steering group.

The whole is a ``sckg:Assessment`` (a ``prov:Activity``) with its date, the method, the weights and
who scored in ``sckg:result``; each ranked item gets its own ``sckg:Assessment``
(``dcterms:isPartOf`` the whole, ``sckg:assessed`` the item) whose ``sckg:result`` states its place,
net flow, TOPSIS place and places under weight changes (its place also as ``schema:position``, its
net flow as ``rdf:value``), and whose ``rdfs:comment`` gives each criterion's value with its reason.
:func:`rank_reversals` compares a new ranking with an earlier meeting's assessment.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import DataError, Message
from ..formatting import number
from ..namespaces import SCKG as SCKG_IRI
from ..words import t
from . import Prioritisation

_CITY = re.compile(r"^(.*/)(?:project|field)/[^/]+$")
_BAND = re.compile(r"\d+(?:–\d+)?")


def assessment_turtle(
    result: Prioritisation, *, day: date, lang: str = "de", base: str | None = None
) -> str:
    """The ranking of ``result`` on ``day`` as Turtle. IRIs under ``base`` (default: the items'
    city, e.g. ``…/id/musterstadt/``) + ``assessment/prioritisation-<what>``, the same at every
    meeting, so that two meetings' files differ in the results, not in the IRIs."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, SDO, XSD

    if not result.rows:
        raise DataError(
            Message(
                "No ranking to write as an assessment: the steering group's scores are missing "
                "({=scores})"
            )
        )
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
    for row in result.rows:
        part = URIRef(f"{whole}/{row.iri.rstrip('/').rsplit('/', 1)[-1]}")
        g.add((part, RDF.type, sckg.Assessment))
        g.add((part, DCTERMS.isPartOf, whole))
        g.add((part, sckg.assessed, URIRef(row.iri)))
        g.add((part, RDFS.label, Literal(f"{row.label}: {row.rank}", lang=lang)))
        g.add((part, SDO.position, Literal(row.rank, datatype=XSD.integer)))
        g.add((part, RDF.value, Literal(f"{row.flow:.4f}", datatype=XSD.decimal)))
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


def result_places(text: str) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """The place and the places at ±10 % and ±25 % (lowest, highest) in a part's ``sckg:result`` as
    :func:`assessment_turtle` writes it (in either language); None for any other text."""
    for pattern in _result_patterns():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        rank, near, far = found["rank"], found["within_10"], found["within_25"]
        if rank.isdigit() and _BAND.fullmatch(near) and _BAND.fullmatch(far):
            return int(rank), _band(near), _band(far)
    return None


def _result_patterns() -> list[re.Pattern[str]]:
    from ..words import CATALOGUE

    templates = CATALOGUE["prio.assessment.result"]
    assert isinstance(templates, dict)
    return [
        re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(str(template))))
        for template in templates.values()
    ]


def _band(text: str) -> tuple[int, int]:
    low, _, high = text.partition("–")
    return int(low), int(high or low)


def rank_reversals(previous: str, result: Prioritisation, lang: str = "de") -> list[str]:
    """Pairs of items whose order changed since the ``previous`` assessment (Turtle) although
    neither item's values changed, while items were added or removed: PROMETHEE II and TOPSIS
    compare items with each other, so another item can swap two (rank reversal). One sentence per
    pair, in ``lang``."""
    from rdflib import RDFS, Graph, Namespace
    from rdflib.namespace import SDO

    from ..network.common import names

    sckg = Namespace(SCKG_IRI)
    g = Graph()
    try:
        g.parse(data=previous, format="turtle")
    except Exception as exc:  # rdflib raises many types for broken Turtle
        raise DataError(f"the previous assessment is no readable Turtle ({exc})") from None
    before: dict[str, tuple[int, str]] = {}
    for part, item in g.subject_objects(sckg.assessed):
        place = g.value(part, SDO.position)
        if place is not None:
            before[str(item)] = (int(str(place)), str(g.value(part, RDFS.comment) or ""))
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
