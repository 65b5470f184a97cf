"""HTML documentation of the ontology: classes, properties, SKOS vocabularies and SHACL shapes in
words, in German and English, with examples from a dataset. One self-contained offline file (no
script, nothing loaded).

Generic over the files it is given (by default ``ontology/``): whatever classes, properties, concept
schemes and shapes they hold are documented. ``make docs`` writes ``docs/ontology/index.html``:

    python -m sckg.ontodoc docs/ontology
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from . import resources
from .fileio import write_atomic
from .namespaces import DCTERMS, OWL, RDF, RDFS, SH, SKOS, shorten

LANGS = ("de", "en")
_CLASS_TYPES = (OWL + "Class", RDFS + "Class")
_PROPERTY_TYPES = (
    OWL + "ObjectProperty",
    OWL + "DatatypeProperty",
    OWL + "AnnotationProperty",
    RDF + "Property",
)
_FACTS = (
    RDFS + "subClassOf",
    RDFS + "subPropertyOf",
    RDFS + "domain",
    RDFS + "range",
    OWL + "inverseOf",
    OWL + "disjointWith",
    OWL + "equivalentClass",
    RDFS + "seeAlso",
)
#: The page's own words: key → (German, English).
_PHRASES: dict[str, tuple[str, str]] = {
    RDFS + "subClassOf": ("Unterklasse von", "subclass of"),
    RDFS + "subPropertyOf": ("Untereigenschaft von", "subproperty of"),
    RDFS + "domain": ("Definitionsbereich", "domain"),
    RDFS + "range": ("Wertebereich", "range"),
    OWL + "inverseOf": ("invers zu", "inverse of"),
    OWL + "disjointWith": ("disjunkt mit", "disjoint with"),
    OWL + "equivalentClass": ("äquivalent zu", "equivalent to"),
    RDFS + "seeAlso": ("siehe auch", "see also"),
    OWL + "versionInfo": ("Version", "version"),
    DCTERMS + "license": ("Lizenz", "licence"),
    "classes": ("Klassen", "Classes"),
    "properties": ("Eigenschaften", "Properties"),
    "schemes": ("Vokabulare (SKOS)", "Vocabularies (SKOS)"),
    "shapes": ("Regeln (SHACL)", "Rules (SHACL)"),
    "examples": ("Beispiele", "Examples"),
    "concepts": ("Begriffe", "Concepts"),
    "applies": ("Gilt für", "Applies to"),
    "every": ("jede Instanz von", "every instance of"),
    "subjects": ("jede Ressource mit", "every resource with"),
    "objects": ("jeden Wert von", "every value of"),
    "or": ("oder", "or"),
    "min": ("mindestens {n} Wert(e) für {p}", "at least {n} value(s) for {p}"),
    "max": ("höchstens {n} Wert(e) für {p}", "at most {n} value(s) for {p}"),
    "datatype": (
        "Werte von {p} sind Literale vom Typ {t}",
        "values of {p} are literals of type {t}",
    ),
    "in": ("Werte von {p} sind eines von: {v}", "values of {p} are one of: {v}"),
    "class": ("Werte von {p} sind Instanzen von {c}", "values of {p} are instances of {c}"),
    "node_class": ("die Ressource ist eine Instanz von {c}", "the resource is an instance of {c}"),
    "violation": ("Verstoß", "violation"),
    "warning": ("Warnung", "warning"),
    "info": ("Hinweis", "info"),
    "fix": ("Behebung", "fix"),
    "severity": ("Schwere", "severity"),
    "parts": ("Teilregeln", "part rules"),
}
_WORDS = {lang: {key: texts[i] for key, texts in _PHRASES.items()} for i, lang in enumerate(LANGS)}


@dataclass
class Term:
    """One documented term: its IRI, labels and definitions per language, facts and examples."""

    iri: str
    labels: dict[str, str]
    definitions: dict[str, str]
    facts: list[tuple[str, list[str]]] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    members: list[Term] = field(default_factory=list)  # the concepts of a scheme
    rules: dict[str, list[str]] = field(default_factory=dict)  # a shape in words, per language


def build_docs(
    model: Sequence[Path] | None = None, shapes: Path | None = None, examples: Path | None = None
) -> str:
    """The documentation page of the ``model`` files (default: the bundled ontology and
    vocabularies), the ``shapes`` and examples from the dataset ``examples`` (default:
    Musterstadt)."""
    import rdflib

    graph = rdflib.Graph()
    for path in model if model is not None else resources.model_files():
        graph.parse(path, format="turtle")
    shapes_graph = rdflib.Graph().parse(shapes or resources.shapes_file(), format="turtle")
    terms = _Terms(graph)
    classes = terms.of_types(_CLASS_TYPES)
    properties = terms.of_types(_PROPERTY_TYPES)
    schemes = terms.schemes()
    rules = _shapes(shapes_graph)
    _add_examples(classes, properties, examples or resources.dataset("musterstadt"))
    return _page(terms.header(), classes, properties, schemes, rules)


def write_docs(out_dir: Path | str, **options: Any) -> Path:
    """Write ``index.html`` into ``out_dir`` (atomically) and return its path; options as for
    :func:`build_docs`."""
    return write_atomic(Path(out_dir) / "index.html", build_docs(**options))


class _Terms:
    """Reading terms from an rdflib graph of the model."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    def iris(self, subject: Any, predicate: str) -> list[str]:
        from rdflib import URIRef

        return sorted(
            str(o) for o in self.graph.objects(subject, URIRef(predicate)) if isinstance(o, URIRef)
        )

    def texts(self, subject: Any, predicates: Iterable[str]) -> dict[str, str]:
        from rdflib import URIRef

        found: dict[str, str] = {}
        for predicate in predicates:
            for value in sorted(self.graph.objects(subject, URIRef(predicate)), key=str):
                lang = getattr(value, "language", None) or ""
                found.setdefault(lang, str(value))
        return found

    def term(self, subject: Any) -> Term:
        from rdflib import URIRef

        term = Term(
            str(subject),
            self.texts(subject, (SKOS + "prefLabel", RDFS + "label", DCTERMS + "title")),
            self.texts(subject, (SKOS + "definition", RDFS + "comment", DCTERMS + "description")),
        )
        for predicate in _FACTS:
            values = self.iris(subject, predicate)
            for node in self.graph.objects(
                subject, URIRef(predicate)
            ):  # owl:unionOf ( A B ) as "A or B"
                union = self.graph.value(node, URIRef(OWL + "unionOf"))
                if union is not None:
                    from rdflib.collection import Collection

                    values.append(" | ".join(sorted(str(m) for m in Collection(self.graph, union))))
            if values:
                term.facts.append((predicate, values))
        return term

    def of_types(self, types: Sequence[str]) -> list[Term]:
        from rdflib import URIRef

        subjects = {s for t in types for s in self.graph.subjects(URIRef(RDF + "type"), URIRef(t))}
        return [
            self.term(s) for s in sorted((s for s in subjects if isinstance(s, URIRef)), key=str)
        ]

    def schemes(self) -> list[Term]:
        from rdflib import URIRef

        schemes = self.of_types((SKOS + "ConceptScheme",))
        for scheme in schemes:
            iri = URIRef(scheme.iri)
            members = set(self.graph.subjects(URIRef(SKOS + "inScheme"), iri))
            members |= set(self.graph.subjects(URIRef(SKOS + "topConceptOf"), iri))
            members |= set(self.graph.objects(iri, URIRef(SKOS + "hasTopConcept")))
            scheme.members = [self.term(m) for m in sorted(members, key=str)]
        return schemes

    def header(self) -> Term:
        from rdflib import URIRef

        ontologies = sorted(
            self.graph.subjects(URIRef(RDF + "type"), URIRef(OWL + "Ontology")), key=str
        )
        if not ontologies:
            return Term("", {"": "Ontology"}, {})
        term = self.term(ontologies[0])
        for predicate in (OWL + "versionInfo", DCTERMS + "license"):
            value = self.graph.value(ontologies[0], URIRef(predicate))
            if value is not None:
                term.facts.append((predicate, [str(value)]))
        return term


def _shapes(shapes: Any) -> list[Term]:
    """Every shape with an IRI and a name, with its rule in words (targets, constraints, severity)
    per language."""
    from rdflib import BNode, URIRef
    from rdflib.collection import Collection

    terms = _Terms(shapes)

    def one(subject: Any, name: str) -> Any:
        return shapes.value(subject, URIRef(SH + name))

    parents = {p: n for n, p in shapes.subject_objects(URIRef(SH + "property"))}
    named = sorted(
        {s for s in shapes.subjects(URIRef(SH + "name"), None) if not isinstance(s, BNode)}, key=str
    )
    result = []
    for shape in named:
        term = Term(
            str(shape), terms.texts(shape, (SH + "name",)), terms.texts(shape, (SH + "message",))
        )
        fixes = terms.texts(shape, (SH + "description",))
        path = one(shape, "path")
        p = shorten(str(path)) if path is not None else ""
        severity = str(one(shape, "severity") or SH + "Violation").removeprefix(SH).lower()
        for lang in LANGS:
            words = _WORDS[lang]
            targets = []
            for owner in [shape, *([parents[shape]] if shape in parents else [])]:
                for key, name in (
                    ("every", "targetClass"),
                    ("subjects", "targetSubjectsOf"),
                    ("objects", "targetObjectsOf"),
                ):
                    targets += [
                        f"{words[key]} {shorten(str(v))}"
                        for v in shapes.objects(owner, URIRef(SH + name))
                    ]
            sentences = [f"{words['applies']}: {', '.join(sorted(targets))}"] if targets else []
            for constraint, value in sorted(
                shapes.predicate_objects(shape), key=lambda cv: str(cv[0])
            ):
                key = str(constraint).removeprefix(SH)
                if key == "minCount":
                    sentences.append(words["min"].format(n=value, p=p))
                elif key == "maxCount":
                    sentences.append(words["max"].format(n=value, p=p))
                elif key == "datatype":
                    sentences.append(words["datatype"].format(p=p, t=shorten(str(value))))
                elif key == "or":
                    types = [shorten(str(one(a, "datatype"))) for a in Collection(shapes, value)]
                    sentences.append(
                        words["datatype"].format(p=p, t=f" {words['or']} ".join(types))
                    )
                elif key == "in":
                    sentences.append(
                        words["in"].format(
                            p=p, v=", ".join(m.n3() for m in Collection(shapes, value))
                        )
                    )
                elif key == "class":
                    text = words["class"] if path is not None else words["node_class"]
                    sentences.append(text.format(p=p, c=shorten(str(value))))
            parts = sorted(shorten(str(o)) for o in shapes.objects(shape, URIRef(SH + "property")))
            if parts:
                sentences.append(f"{words['parts']}: {', '.join(parts)}")
            sentences.append(f"{words['severity']}: {words.get(severity, severity)}")
            if fixes.get(lang):
                sentences.append(f"{words['fix']}: {fixes[lang]}")
            term.rules[lang] = sentences
        result.append(term)
    return result


def _add_examples(classes: list[Term], properties: list[Term], dataset: Path) -> None:
    """Up to three instances of each class and two statements of each property from ``dataset``."""
    from .kg import KnowledgeGraph

    kg = KnowledgeGraph.open([dataset])
    try:
        for term in classes:
            rows = kg.select(
                f"SELECT DISTINCT ?x WHERE {{ ?x a <{term.iri}> FILTER(isIRI(?x)) }} ORDER BY ?x "
                "LIMIT 3"
            )
            iris = [row[0].value for row in rows.rows if row[0] is not None]
            labels = kg.labels(iris, "de")
            term.examples = [f"{labels[i]} ({shorten(i)})" for i in iris]
        for term in properties:
            rows = kg.select(
                f"SELECT ?s ?o WHERE {{ ?s <{term.iri}> ?o FILTER(isIRI(?s)) }} ORDER BY ?s ?o "
                "LIMIT 2"
            )
            for s, o in rows.rows:
                if s is None or o is None:
                    continue
                value = (
                    shorten(o.value)
                    if hasattr(o, "value") and not hasattr(o, "datatype")
                    else f'"{o.value}"'
                )
                term.examples.append(f"{shorten(s.value)} {shorten(term.iri)} {value}")
    finally:
        kg.close()


# --- the page -------------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2730;background:#fafbfc}
header{background:#1f4e79;color:#fff;padding:1.2em 2em}header h1{margin:0 0 .3em}
nav{padding:.6em 2em;background:#e8eef4;position:sticky;top:0}nav a{margin-right:1.2em}
main{padding:0 2em 3em;max-width:80em}.term,h2{scroll-margin-top:3em}h2{border-bottom:2px solid\
 #1f4e79;margin-top:2em}
.term{background:#fff;border:1px solid #d5dde5;border-radius:6px;padding:.6em 1em;margin:.8em 0}
.term h3{margin:.1em 0;font-size:1.05em}.iri{font-family:monospace;color:#51606d;font-size:.85em}
.langs{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}.langs>div{min-width:0}
.lang{font-size:.75em;color:#7a8792;text-transform:uppercase}dl{margin:.3em 0}dt{font-weight:600}
dd{margin:0 0 .2em 1em}ul{margin:.2em 0}.examples{color:#3c4a56;font-size:.9em}
"""


def _page(
    header: Term,
    classes: list[Term],
    properties: list[Term],
    schemes: list[Term],
    rules: list[Term],
) -> str:
    defined = {
        t.iri for t in [*classes, *properties, *schemes, *(m for s in schemes for m in s.members)]
    }
    title = header.labels.get("en") or header.labels.get("") or "Ontology"
    sections = [
        ("classes", classes),
        ("properties", properties),
        ("schemes", schemes),
        ("shapes", rules),
    ]
    nav = "".join(
        f'<a href="#{key}">{escape(_WORDS["de"][key])} · {escape(_WORDS["en"][key])} '
        f"({len(items)})</a>"
        for key, items in sections
    )
    body = [f'<section id="overview">{_texts(header)}{_facts(header, defined)}</section>']
    for key, items in sections:
        body.append(
            f'<h2 id="{key}">{escape(_WORDS["de"][key])} · {escape(_WORDS["en"][key])}</h2>'
        )
        body += [_term(t, defined) for t in items]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src '
        "'unsafe-inline'\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>"
        f'<header><h1>{escape(title)}</h1><div class="iri">{escape(header.iri)}</div></header>'
        f"<nav>{nav}</nav>\n<main>\n" + "\n".join(body) + "\n</main></body></html>\n"
    )


def anchor(iri: str) -> str:
    """The id of a term's section in the page (its prefixed name, made safe for an id)."""
    return re.sub(r"[^A-Za-z0-9_.:-]", "-", shorten(iri))


def _ref(iri: str, defined: set[str]) -> str:
    if iri in defined:
        return f'<a href="#{escape(anchor(iri))}">{escape(shorten(iri))}</a>'
    return f'<span class="iri" title="{escape(iri)}">{escape(shorten(iri))}</span>'


def _texts(term: Term) -> str:
    columns = []
    for lang in LANGS:
        label = term.labels.get(lang, "")
        definition = term.definitions.get(lang, "")
        rules = "".join(f"<li>{escape(r)}</li>" for r in term.rules.get(lang, []))
        columns.append(
            f'<div lang="{lang}"><span class="lang">{lang}</span> <strong>{escape(label)}</strong>'
            f"<p>{escape(definition)}</p>{f'<ul>{rules}</ul>' if rules else ''}</div>"
        )
    return f'<div class="langs">{"".join(columns)}</div>'


def _facts(term: Term, defined: set[str]) -> str:
    if not term.facts:
        return ""
    rows = []
    for predicate, values in term.facts:
        name = " · ".join(
            dict.fromkeys(_WORDS[lang].get(predicate, shorten(predicate)) for lang in LANGS)
        )
        shown = [
            " | ".join(_ref(v, defined) for v in value.split(" | "))
            if "://" in value
            else escape(value)
            for value in values
        ]
        rows.append(f"<dt>{escape(name)}</dt><dd>{', '.join(shown)}</dd>")
    return f"<dl>{''.join(rows)}</dl>"


def _term(term: Term, defined: set[str]) -> str:
    parts = [
        f'<section class="term" id="{escape(anchor(term.iri))}">',
        f'<h3>{escape(shorten(term.iri))}</h3><div class="iri">{escape(term.iri)}</div>',
        _texts(term),
        _facts(term, defined),
    ]
    if term.examples:
        items = "".join(f"<li>{escape(e)}</li>" for e in term.examples)
        parts.append(
            f'<div class="examples">{_WORDS["de"]["examples"]} · {_WORDS["en"]["examples"]}'
            f"<ul>{items}</ul></div>"
        )
    if term.members:
        items = "".join(
            f'<li id="{escape(anchor(m.iri))}"><strong>{escape(shorten(m.iri))}</strong> — '
            f'<span lang="de">{escape(m.labels.get("de", ""))}</span> · '
            f'<span lang="en">{escape(m.labels.get("en", ""))}</span>'
            f'<div lang="en" class="examples">{escape(m.definitions.get("en", ""))}</div></li>'
            for m in term.members
        )
        parts.append(
            f"<div>{_WORDS['de']['concepts']} · {_WORDS['en']['concepts']}<ul>{items}</ul></div>"
        )
    return "".join(parts) + "</section>"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sckg.ontodoc OUT_DIR``: write the documentation page into OUT_DIR."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m sckg.ontodoc OUT_DIR", file=sys.stderr)
        return 2
    print(write_docs(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
