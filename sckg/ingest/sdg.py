"""The UN's SDG vocabulary as a reference frame: the builder of ``ontology/vocab/sdg.ttl``.

The UN Statistics Division publishes the goals, targets and indicators of the Sustainable
Development Goals as SKOS (github.com/UNStats/LOD4Stats, ``sdg-data/``,
``sdg-kos-goals-targets-indicators.ttl``). This module keeps what sckg needs from it: each concept's
kind (goal, target, indicator), its place in the hierarchy (``skos:broader``), its compact code
(``skos:notation``, e.g. ``11.2.1``) and its English labels; it adds the German titles of the 17
goals as the German federal government publishes them (``GERMAN_GOALS``) and the citation the
source's ``void.ttl`` asks for. The same source always gives the same file.

Rebuild: ``python -m sckg.ingest.sdg SOURCE.ttl ontology/vocab/sdg.ttl --commit SHA``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, SckgError
from ..namespaces import DCTERMS, RDF, SKOS
from ..words import error_message
from . import write_turtle

SDG = "http://metadata.un.org/sdg/"
SDGO = "http://metadata.un.org/sdg/ontology#"
SCHEME = "http://metadata.un.org/sdg"
KINDS = (SDGO + "Goal", SDGO + "Target", SDGO + "Indicator")
REPOSITORY = "https://github.com/UNStats/LOD4Stats"
#: The citation under which the source may be copied and redistributed (``void.ttl``, its licence).
CITATION = (
    "Amit Joshi, Luis Gonzalez Morales, Szymon Klarman, and Aaron Helton. 2019. A Knowledge "
    "Organization System for the United Nations Sustainable Development Goals. New York, NY. "
    "http://metadata.un.org/sdg"
)
#: The German titles of the 17 goals as the federal government publishes them: the pages of the
#: Federal Ministry for Economic Cooperation and Development (bmz.de/de/agenda-2030/sdg-N) for 1-6,
#: 8-10, 12 and 14-17, bundesregierung.de ("Ziele für nachhaltige Entwicklung") for 11, and
#: 17ziele.de (Engagement Global on behalf of the BMZ) for 7 and 13.
GERMAN_GOALS = (
    "Keine Armut",
    "Kein Hunger",
    "Gesundheit und Wohlergehen",
    "Hochwertige Bildung",
    "Geschlechtergleichheit",
    "Sauberes Wasser und Sanitäreinrichtungen",
    "Bezahlbare und saubere Energie",
    "Menschenwürdige Arbeit und Wirtschaftswachstum",
    "Industrie, Innovation und Infrastruktur",
    "Weniger Ungleichheiten",
    "Nachhaltige Städte und Gemeinden",
    "Nachhaltige/r Konsum und Produktion",
    "Maßnahmen zum Klimaschutz",
    "Leben unter Wasser",
    "Leben an Land",
    "Frieden, Gerechtigkeit und starke Institutionen",
    "Partnerschaften zur Erreichung der Ziele",
)
PREFIXES = {"sdg": SDG, "sdgo": SDGO}

_SELECT = f"""
SELECT ?c ?kind ?p ?o WHERE {{
  ?c a ?kind VALUES ?kind {{ <{KINDS[0]}> <{KINDS[1]}> <{KINDS[2]}> }}
  {{ ?c <{SKOS}broader> ?o BIND(<{SKOS}broader> AS ?p) }}
  UNION {{ ?c ?p ?o VALUES ?p {{ <{SKOS}prefLabel> <{SKOS}altLabel> }} FILTER(LANG(?o) = "en") }}
  UNION {{ ?c <{SKOS}notation> ?o FILTER(DATATYPE(?o) = <{SDGO}SDGCodeCompact>)
           BIND(<{SKOS}notation> AS ?p) }}
}}"""


def convert(source: Path | str, commit: str) -> list[ox.Triple]:
    """The reduced vocabulary from the UN's goals-targets-indicators file at ``commit``."""
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        raise DataError(error_message("error.commit_hash", commit=commit))
    store = ox.Store()
    try:
        store.load(path=str(source), format=ox.RdfFormat.TURTLE)
    except (OSError, SyntaxError) as exc:
        raise DataError(error_message("error.sdg_unreadable", source=source, reason=exc)) from None
    scheme = ox.NamedNode(SCHEME)
    in_scheme, plain = ox.NamedNode(SKOS + "inScheme"), ox.NamedNode(SKOS + "notation")
    triples: list[ox.Triple] = []
    for row in store.query(_SELECT):  # type: ignore[union-attr]
        concept, kind, p, o = row["c"], row["kind"], row["p"], row["o"]
        if p == plain:  # the code without the UN's own datatype: "11.2.1"
            o = ox.Literal(o.value)
        triples += [
            ox.Triple(concept, p, o),
            ox.Triple(concept, ox.NamedNode(RDF + "type"), kind),
            ox.Triple(concept, ox.NamedNode(RDF + "type"), ox.NamedNode(SKOS + "Concept")),
            ox.Triple(concept, in_scheme, scheme),
        ]
    goals = {t.subject for t in triples if t.object == ox.NamedNode(KINDS[0])}
    if len(goals) != len(GERMAN_GOALS):
        raise DataError(error_message("error.sdg_goals", source=source, n=len(goals)))
    for number, title in enumerate(GERMAN_GOALS, start=1):
        goal = ox.NamedNode(f"{SDG}{number}")
        triples += [
            ox.Triple(goal, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(title, language="de")),
            ox.Triple(goal, ox.NamedNode(SKOS + "topConceptOf"), scheme),
        ]
    about = (
        (RDF + "type", ox.NamedNode(SKOS + "ConceptScheme")),
        (SKOS + "prefLabel", ox.Literal("Ziele für nachhaltige Entwicklung (SDG)", language="de")),
        (SKOS + "prefLabel", ox.Literal("Sustainable Development Goals Taxonomy", language="en")),
        (DCTERMS + "bibliographicCitation", ox.Literal(CITATION)),
        (
            DCTERMS + "source",
            ox.NamedNode(
                f"{REPOSITORY}/blob/{commit}/sdg-data/sdg-kos-goals-targets-indicators.ttl"
            ),
        ),
    )
    return triples + [ox.Triple(scheme, ox.NamedNode(p), o) for p, o in about]


def main(argv: list[str] | None = None) -> None:
    """``python -m sckg.ingest.sdg SOURCE.ttl OUT.ttl --commit SHA``."""
    parser = argparse.ArgumentParser(
        prog="python -m sckg.ingest.sdg", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "source", help="sdg-data/sdg-kos-goals-targets-indicators.ttl of UNStats/LOD4Stats"
    )
    parser.add_argument("out", help="the Turtle file to write, e.g. ontology/vocab/sdg.ttl")
    parser.add_argument("--commit", required=True, help="the source's full commit hash")
    args = parser.parse_args(argv)
    try:
        write_turtle(convert(args.source, args.commit), args.out, PREFIXES)
    except SckgError as exc:
        raise SystemExit(f"Error: {exc}") from None


if __name__ == "__main__":
    main()
