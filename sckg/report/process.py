"""The framework process in the briefing: the process status ("Prozessstand": what each phase
planned and
what the graph holds for it) and the legal frame (the laws the projects are subject to, the open
legal
points of the shapes ``shapes:Legal*``, the EU thresholds compared with)."""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import long_date, money
from ..kg import KnowledgeGraph
from ..namespaces import OUTPUT
from ..words import Words
from .model import Link, ReportTable, Section

#: What the graph holds for each planned output (``skos:notation`` of the ``output:`` concept): one
#: pattern
#: binding ``?x``, the things counted.
EVIDENCE = {
    "interviews": "?x a sckg:Interview",
    "inventory": "?x a sckg:Project ; sckg:managedBy ?manager",
    "priorities": "{ ?rank dcterms:isPartOf ?x ; schema:position ?position } UNION { ?x "
    "sckg:priority ?p }",
    "legal": "?x a sckg:Project ; sckg:subjectTo ?law",
    "benchmarking": "?x a sckg:BestPracticeExample",
    "vision": "?x a sckg:Vision",
    "goals": "?x a sckg:StrategicGoal",
    "fields": "?x a sckg:FieldOfAction { ?goal a sckg:StrategicGoal ; skos:related ?x } UNION "
    "{ ?x skos:related ?goal . ?goal a sckg:StrategicGoal }",
    "presentation": "?x sckg:classifiedAs output:final-presentation ; dcterms:date ?held",
}
#: The shapes of the legal frame (ontology/shapes.ttl): their warnings are the open legal points.
LEGAL_SHAPES = "shapes:Legal"


@dataclass(frozen=True)
class PlannedOutput:
    """One planned output of a phase and what the graph holds for it (``count`` things of its
    evidence)."""

    phase: str
    order: int
    label: str
    evidence: str
    count: int

    @property
    def done(self) -> bool:
        """True when the graph holds evidence for the output."""
        return self.count > 0


def planned_outputs(kg: KnowledgeGraph, lang: str = "de") -> list[PlannedOutput]:
    """The deliverables classified as a planned output (``output:``) of each process phase, in
    phase order, with
    the number of things the graph holds for each (:data:`EVIDENCE`). A deliverable of the project
    itself (not
    of a phase) comes last, under the project's label."""
    rows = kg.select(
        "SELECT ?phase ?order ?deliverable ?kind ?notation WHERE { "
        "?deliverable a sckg:Deliverable ; sckg:classifiedAs ?kind ; prov:wasGeneratedBy ?phase . "
        f"?kind skos:notation ?notation FILTER(STRSTARTS(STR(?kind), {_literal(OUTPUT)})) "
        "OPTIONAL { ?phase sckg:order ?order } }"
    ).records()
    if not rows:
        return []
    counts = {
        str(r["key"]): int(r["n"])
        for r in kg.select(
            "SELECT ?key (COUNT(DISTINCT ?x) AS ?n) WHERE { "
            + " UNION ".join(
                f'{{ {pattern} BIND("{key}" AS ?key) }}' for key, pattern in EVIDENCE.items()
            )
            + " } GROUP BY ?key"
        ).records()
    }
    labels = kg.labels({r[k] for r in rows for k in ("phase", "deliverable")}, lang)
    found = [
        PlannedOutput(
            labels[r["phase"]],
            int(r["order"]) if r["order"] is not None else 99,
            labels[r["deliverable"]],
            str(r["notation"]),
            counts.get(str(r["notation"]), 0),
        )
        for r in rows
    ]
    kinds = list(EVIDENCE)
    return sorted(found, key=lambda o: (o.order, o.phase, kinds.index(o.evidence), o.label))


def process_section(kg: KnowledgeGraph, lang: str) -> Section | None:
    """The process status: per phase, each planned output, what the graph holds for it, done or
    missing;
    None when the data records no planned outputs."""
    outputs = planned_outputs(kg, lang)
    if not outputs:
        return None
    w = Words("process", lang)
    done = sum(o.done for o in outputs)
    section = Section(
        "process",
        w["heading"],
        [w["intro"], w("summary", done=done, n=len(outputs))],
        facts={"outputs_done": done, "outputs_missing": len(outputs) - done},
    )
    evidence = Words("evidence", lang)
    section.tables.append(
        ReportTable(
            [w["phase"], w["output"], w["evidence"], w["state"]],
            [
                [
                    o.phase,
                    o.label,
                    evidence(o.evidence, n=o.count),
                    w["done"] if o.done else w["missing"],
                ]
                for o in outputs
            ],
            w["table"],
        )
    )
    return section


@dataclass(frozen=True)
class LawUse:
    """A law of the legal frame, its official address and the projects recorded as subject to it."""

    iri: str
    label: str
    notation: str
    url: str | None
    projects: int


def laws_in_use(kg: KnowledgeGraph, lang: str = "de") -> list[LawUse]:
    """The laws projects are recorded as subject to (``sckg:subjectTo``), most projects first."""
    rows = kg.select(
        "SELECT ?law (SAMPLE(?n) AS ?notation) (SAMPLE(?u) AS ?url) (COUNT(DISTINCT ?p) AS "
        "?projects) "
        "WHERE { ?p a sckg:Project ; sckg:subjectTo ?law "
        "OPTIONAL { ?law skos:notation ?n } OPTIONAL { ?law schema:url ?u } } GROUP BY ?law"
    ).records()
    labels = kg.labels({r["law"] for r in rows}, lang)
    found = [
        LawUse(
            r["law"],
            labels[r["law"]],
            str(r["notation"] or ""),
            str(r["url"]) if r["url"] else None,
            int(r["projects"]),
        )
        for r in rows
    ]
    return sorted(found, key=lambda u: (-u.projects, u.label))


def legal_section(kg: KnowledgeGraph, lang: str) -> Section:
    """The legal frame: the laws recorded and their official addresses, the open legal points as
    questions,
    the EU thresholds compared with. Facts and questions, no legal advice."""
    from ..validate import validate

    w = Words("legal", lang)
    points = [
        f for f in validate(kg, lang=lang).warnings if f.shape.startswith(LEGAL_SHAPES)
    ]  # (the validation is cached with the graph's queries)
    laws = laws_in_use(kg, lang)
    section = Section(
        "legal",
        w["heading"],
        [w["intro"]],
        facts={"legal_points": len(points), "laws": len(laws)},
    )
    if not laws:
        section.paragraphs.append(w["no_laws"])
    else:
        section.tables.append(
            ReportTable(
                [w["law"], w["short"], w["projects"], w["address"]],
                [
                    [u.label, u.notation, u.projects, Link(u.url, u.url) if u.url else w["no_url"]]
                    for u in laws
                ],
                w["laws_table"],
            )
        )
    if points:
        section.paragraphs.append(w("points", n=len(points)))
        section.tables.append(
            ReportTable(
                [w["project"], w["question"], w["fix"]],
                [[f.label, f.message, f.fix] for f in points],
                w["points_table"],
            )
        )
    elif laws:
        section.paragraphs.append(w["no_points"])
    thresholds = kg.select(
        "SELECT ?t ?value ?start ?end WHERE { ?t sckg:contractType ?type ; schema:price ?value ; "
        "<https://schema.org/validFrom> ?start OPTIONAL { ?t schema:validThrough ?end } }"
    ).records()
    if thresholds and kg.ask("ASK { ?p a sckg:Project ; sckg:contractValue ?v }"):
        labels = kg.labels({r["t"] for r in thresholds}, lang)
        section.tables.append(
            ReportTable(
                [w["threshold"], w["value"], w["valid"]],
                [
                    [
                        labels[r["t"]],
                        money(r["value"], lang, 0),
                        w(
                            "validity",
                            start=long_date(str(r["start"]), lang),
                            end=long_date(str(r["end"]), lang) if r["end"] else "…",
                        ),
                    ]
                    for r in sorted(thresholds, key=lambda r: str(r["t"]))
                ],
                w["thresholds_table"],
            )
        )
    return section


def legal_points_count(kg: KnowledgeGraph, lang: str = "de") -> int:
    """How many open legal points the shapes find (warnings of ``shapes:Legal*``)."""
    from ..validate import validate

    return sum(f.shape.startswith(LEGAL_SHAPES) for f in validate(kg, lang=lang).warnings)


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
