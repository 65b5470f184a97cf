"""SHACL validation against ``ontology/shapes.ttl``: violations (wrong structure) and warnings (open
points)."""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import resources
from .choices import ValidationEngine
from .errors import ParameterError
from .kg import KnowledgeGraph, quiet_rdflib
from .namespaces import SH, shorten
from .words import Words, choice, error_message, t

WARNING = SH + "Warning"
SEVERITIES = {SH + "Violation": "violation", WARNING: "warning", SH + "Info": "info"}
_ORDER = {"violation": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One validation result, phrased for people: which entity, which rule, what is wrong, how to
    fix it."""

    severity: str
    focus: str
    label: str
    rule: str
    shape: str
    message: str
    fix: str
    path: str | None = None
    value: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dictionary."""
        return asdict(self)


@dataclass
class ValidationReport:
    """All findings, violations first; ``conforms`` when there is no violation."""

    findings: list[Finding]
    #: The language of the findings' texts (and of the notebook display's words).
    lang: str = "de"
    #: Findings shown by :meth:`_repr_html_`.
    HTML_ROWS = 50

    @property
    def violations(self) -> list[Finding]:
        """Findings that break the structure."""
        return [f for f in self.findings if f.severity == "violation"]

    @property
    def warnings(self) -> list[Finding]:
        """Findings that mark an incomplete inventory (the open points)."""
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings allowed)."""
        return not self.violations

    def to_json(self) -> str:
        """The report as JSON: ``conforms``, the number of violations and warnings, and every
        finding."""
        import json

        doc = {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.findings],
        }
        return json.dumps(doc, ensure_ascii=False, indent=2)

    def text_lines(self, lang: str = "de") -> list[str]:
        """The report for people: the counts, then each finding with its rule and how to fix it."""
        words = Words("validate", lang)
        counts = (
            words("violations", n=len(self.violations)),
            words("warnings", n=len(self.warnings)),
        )
        lines = [", ".join(counts)]
        if not self.findings:
            lines.append(words["none"])
        for f in self.findings:
            lines += [
                "",
                f"{words[f.severity]:9} {f.label}: {f.message}",
                f"          {words['rule']}: {f.rule} ({f.shape})  <{f.focus}>",
            ]
            if f.fix:
                lines.append(f"          {words['fix']}: {f.fix}")
        return lines

    def _repr_html_(self) -> str:
        """The report in Jupyter: whether the graph conforms, the counts, and the first HTML_ROWS
        findings as a table (text escaped, the entity's IRI and the shape as tooltips)."""
        from html import escape

        words = Words("validate", self.lang)
        verdict = words["conforms" if self.conforms else "not_conforms"]
        head = (
            f'<p class="sckg-validation"><strong>{escape(verdict)}</strong>: '
            f"{self.text_lines(self.lang)[0]}</p>"
        )
        if not self.findings:
            return f"{head}<p>{escape(words['none'])}</p>"
        columns = ["severity", "entity", "message", "fix", "rule"]
        rows = "".join(
            f"<tr><td>{f.severity}</td>"
            f'<td title="{escape(f.focus)}">{escape(f.label)}</td>'
            f"<td>{escape(f.message)}</td><td>{escape(f.fix)}</td>"
            f'<td title="{escape(f.shape)}">{escape(f.rule)}</td></tr>'
            for f in self.findings[: self.HTML_ROWS]
        )
        more = len(self.findings) - self.HTML_ROWS
        note = f"<p>{words('more', n=more)}</p>" if more > 0 else ""
        return (
            f'{head}<table class="sckg-table"><thead><tr>'
            + "".join(f"<th>{c}</th>" for c in columns)
            + f"</tr></thead><tbody>{rows}</tbody></table>{note}"
        )

    def table(self, lang: str | None = None) -> tuple[list[str], list[list[str]]]:
        """Columns and one row per finding. With ``lang`` for people (Markdown and table output):
        the columns and severities in that language, as the text report names them; without it
        for programs (CSV): the same codes in every language (``severity``, ``violation``)."""
        columns = ["severity", "entity", "rule", "message", "fix", "iri"]
        if lang is None:
            rows = [[f.severity, f.label, f.rule, f.message, f.fix, f.focus] for f in self.findings]
            return columns, rows
        words = Words("validate", lang)
        rows = [
            [words[f.severity], f.label, f.rule, f.message, f.fix, f.focus] for f in self.findings
        ]
        return [words[f"column.{column}"] for column in columns], rows


def validate(
    kg: KnowledgeGraph, *, lang: str = "de", shapes: Path | None = None, engine: str = "auto"
) -> ValidationReport:
    """Validate the graph (data and model) against the SHACL shapes.

    ``engine``: ``sparql`` runs the shapes as SPARQL queries on the store (:mod:`sckg.shacl_sparql`;
    fast, and nothing is copied from a remote endpoint), ``pyshacl`` copies the graph into rdflib
    and runs pySHACL, the reference; ``auto`` takes SPARQL when the shapes allow it. Within
    :meth:`KnowledgeGraph.cached <sckg.kg.KnowledgeGraph.cached>` the graph is validated once.
    """
    return _remembered(kg, lang, shapes, engine, warnings_only=False)


def open_points(
    kg: KnowledgeGraph, *, lang: str = "de", shapes: Path | None = None, engine: str = "auto"
) -> list[Finding]:
    """The open points of ``kg``: the warnings of :func:`validate`, found by the warning shapes
    alone (no violation looked for, no literal checked against its datatype: on a council system's
    million triples that is seconds). What the report asks of an older snapshot."""
    return _remembered(kg, lang, shapes, engine, warnings_only=True).warnings


def _remembered(
    kg: KnowledgeGraph, lang: str, shapes: Path | None, engine: str, *, warnings_only: bool
) -> ValidationReport:
    choice(engine, ValidationEngine, "engine", "choice.engine")
    path = Path(shapes or resources.shapes_file())
    modified = path.stat().st_mtime_ns
    return kg.remembered(
        ("validate", lang, path, modified, engine, warnings_only),
        lambda: _validate(kg, lang, path, modified, engine, warnings_only),
    )


def _validate(
    kg: KnowledgeGraph, lang: str, path: Path, modified: int, engine: str, warnings_only: bool
) -> ValidationReport:
    import rdflib

    from .shacl_sparql import run_checks

    shapes_graph, compiled = _shapes(path, modified)
    checks = None
    if engine != "pyshacl":
        if isinstance(compiled, str):
            if engine == "sparql":
                raise ParameterError(error_message("error.shapes_uncompiled", compiled=compiled))
        else:
            checks = [c for c in compiled if not warnings_only or c.severity == WARNING]
    if checks is None:
        found = [f for f in _pyshacl(kg, shapes_graph) if not warnings_only or f[1] == WARNING]
    else:
        found = [
            (
                _text_of(focus),
                severity,
                rdflib.URIRef(shape),
                path,
                _text_of(value) if value is not None else None,
            )
            for focus, severity, shape, path, value in run_checks(kg, checks)
        ]
    labels = kg.labels([focus for focus, *_ in found if not focus.startswith("_:")], lang)
    findings = {
        Finding(
            severity=SEVERITIES.get(severity, "info"),
            focus=focus,
            label=labels.get(focus, focus),
            rule=_text(shapes_graph, shape, "name", lang) or shorten(str(shape)),
            shape=shorten(str(shape)),
            message=_text(shapes_graph, shape, "message", lang),
            fix=_text(shapes_graph, shape, "description", lang),
            path=shorten(str(path)) if path is not None else None,
            value=str(value) if value is not None else None,
        )
        for focus, severity, shape, path, value in found
    }
    if not warnings_only:
        findings |= _ill_typed_findings(kg, lang, _datatype_paths(shapes_graph))
    return ValidationReport(sorted(findings, key=_reading_order), lang)


@functools.lru_cache(maxsize=4)
def _shapes(path: Path, modified: int) -> tuple[Any, Any]:
    """The shapes of ``path`` (an rdflib graph, read-only) and their SPARQL checks, or what they use
    that does not compile: parsed once per version of the file (a report with ``--since`` validates
    three times)."""
    import rdflib

    from .shacl_sparql import NotCompiled, compile_shapes

    graph = rdflib.Graph().parse(path, format="turtle")
    try:
        return graph, compile_shapes(graph)
    except NotCompiled as exc:
        return graph, str(exc)


def _datatype_paths(shapes_graph: Any) -> set[str]:
    """The properties whose values a shape checks for their datatype (``sh:datatype``, or ``sh:or``
    of them)."""
    import rdflib

    sh = rdflib.Namespace(SH)
    return {
        str(shapes_graph.value(shape, sh.path))
        for constraint in (sh.datatype, getattr(sh, "or"))
        for shape in shapes_graph.subjects(constraint, None)
        if shapes_graph.value(shape, sh.path) is not None
    }


def _ill_typed_findings(kg: KnowledgeGraph, lang: str, checked: set[str]) -> set[Finding]:
    """A violation for every ill-typed literal of the data on a property no shape checks for its
    datatype (the shapes check a few properties; a literal such as ``"bad-decimal"^^xsd:decimal`` is
    wrong anywhere)."""
    from .shacl_sparql import ill_typed

    rows = [(s, p, o) for s, p, o in ill_typed(kg) if p.value not in checked]
    labels = kg.labels([s.value for s, _, _ in rows if not isinstance(s, ox.BlankNode)], lang)
    return {
        Finding(
            severity="violation",
            focus=_text_of(s),
            label=labels.get(s.value, _text_of(s)),
            rule=t("validate.ill_typed_rule", lang),
            shape=shorten(o.datatype.value),
            message=t(
                "validate.ill_typed_message",
                lang,
                value=o.value,
                datatype=shorten(o.datatype.value),
            ),
            fix=t("validate.ill_typed_fix", lang),
            path=shorten(p.value),
            value=o.value,
        )
        for s, p, o in rows
    }


def _reading_order(f: Finding) -> tuple[int, str, str, str, str, str, str]:
    """Violations first, then by entity and rule; the rest makes the order total (the same on every
    run)."""
    return _ORDER[f.severity], f.label, f.rule, f.focus, f.shape, f.path or "", f.value or ""


def _pyshacl(kg: KnowledgeGraph, shapes_graph: Any) -> list[tuple[str, str, Any, Any, Any]]:
    import pyshacl
    import rdflib

    normalize, rdflib.NORMALIZE_LITERALS = (
        rdflib.NORMALIZE_LITERALS,
        False,
    )  # values as written ("TRUE", not "true")
    try:
        data = kg.to_rdflib(include_model=True)
        with quiet_rdflib():
            _, results, _ = pyshacl.validate(
                data, shacl_graph=shapes_graph, inference="none", allow_warnings=True
            )
    finally:
        rdflib.NORMALIZE_LITERALS = normalize
    rows = results.query(
        """SELECT ?focus ?severity ?shape ?path ?value WHERE {
             ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:resultSeverity ?severity ;
                sh:sourceShape ?shape .
             OPTIONAL { ?r sh:resultPath ?path } OPTIONAL { ?r sh:value ?value } }""",
        initNs={"sh": rdflib.Namespace(SH)},
    )
    return [(str(r.focus), str(r.severity), r.shape, r.path, r.value) for r in rows]


def _text_of(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A pyoxigraph term as pySHACL's results give it: the IRI, ``_:id`` or the lexical form."""
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _text(shapes_graph: Any, shape: Any, prop: str, lang: str) -> str:
    """``sh:<prop>`` of a shape in ``lang`` (then English, then any)."""
    import rdflib

    values = list(shapes_graph.objects(shape, rdflib.URIRef(SH + prop)))
    for wanted in (lang, "en", None):
        for value in values:
            if getattr(value, "language", None) == wanted:
                return str(value)
    return str(values[0]) if values else ""
