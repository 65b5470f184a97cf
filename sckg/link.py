"""Proposing links from council papers to projects and fields of action, scored with their evidence.

The keywords live in the graph as SKOS, so a city can edit them (``ontology/vocab/fields.ttl``, the
template's Keywords column): a field's or project's ``skos:hiddenLabel`` is a *match word*; a
project's ``skos:altLabel`` and its title of at most three words are match words too (the Projects
sheet's columns Other names and Keywords); a longer title matches a text that holds at least half of
its significant words, and at least two (:class:`sckg.wordmatch.Name`: "Glasfaserausbau in den
Gewerbegebieten Nord und Süd" ~ "Sachstand Glasfaserausbau in den Gewerbegebieten");
``sckg:contextKeyword`` is an ambiguous *context word* (Feuerwehr, Tourismus) that needs another
hint; ``sckg:excludedKeyword`` keeps a paper whose title contains it from the field or project.
Context and excluded words of a concept scheme (``digital``, ``online``, ``Jahresabschluss``) hold
for every field and project. A reference field's words point to the city's field that
``skos:exactMatch``-es it, if there is one. Words are matched in German (:mod:`sckg.wordmatch`:
inflections and compounds).

Where a word is found weighs: the title 1, the paper type, the committees of its consultations, its
originator and its other texts ½ each. A proposal's score is the sum of its match words (each at its
best place) plus the best context word (½ of the place's weight) plus the best general context word
(the same); proposals below the threshold (default 1) are not shown. So a match word in the title is
enough, a context word needs a general one ("Digitalisierung der Feuerwehr") and a match word only
in the committee's name needs one more hint.

A person decides in a review file (CSV or xlsx); an accepted proposal becomes ``<paper>
dcterms:subject <project or field>``, a rejected one ``<paper> sckg:rejectedSubject <project or
field>``, in one Turtle file loaded with the data: pairs with either are not proposed again. Another
project or field in the column ``other_target`` sends the paper there and rejects the proposed one.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .choices import ReviewDecision
from .entities import resolve
from .errors import DataError, ParameterError, UsageError
from .fileio import write_atomic
from .formatting import number
from .ingest import write_turtle
from .namespaces import DCTERMS, MODEL_GRAPH, SCKG, as_iri
from .output import csv_safe
from .wordmatch import Keyword, Name, Token, tokens
from .words import error_message, t

if TYPE_CHECKING:
    from collections.abc import Callable

    from .errors import Message
    from .kg import KnowledgeGraph

SUBJECT = DCTERMS + "subject"
REJECTED = SCKG + "rejectedSubject"
TITLE_WORDS = 3  #: a project title of at most this many words is a match word, a longer one a Name
THRESHOLD = 1.0
_CONTEXT = 40
#: Where a word is found and how much that place weighs, in the order evidence is listed.
PLACES = {"title": 1.0, "type": 0.5, "committee": 0.5, "originator": 0.5, "text": 0.5}
#: How much a word of each strength counts (times the place's weight); excluded words veto.
STRENGTHS = {"match": 1.0, "title": 1.0, "context": 0.5, "general": 0.5}
#: The strengths of words that are enough on their own.
MATCHES = ("match", "title")

#: The properties of a field's or project's keywords and how strong a hint each is.
KEYWORD_PROPERTIES = (
    "VALUES (?p ?strength) { (skos:hiddenLabel 'match') (sckg:contextKeyword 'context') "
    "(sckg:excludedKeyword 'exclude') }"
)
RULES_QUERY = f"""
SELECT DISTINCT ?target ?kind ?strength ?keyword WHERE {{
  {{
    {KEYWORD_PROPERTIES}
    ?concept a sckg:FieldOfAction ; ?p ?keyword .
    OPTIONAL {{ GRAPH ?g {{ ?city skos:exactMatch ?concept ; a sckg:FieldOfAction }} FILTER(?g !=\
 <{MODEL_GRAPH}>) }}
    BIND(COALESCE(?city, ?concept) AS ?target)
    BIND("field" AS ?kind)
  }} UNION {{
    {{ {KEYWORD_PROPERTIES} }} UNION {{ VALUES (?p ?strength) {{ (skos:altLabel 'match')\
 (dcterms:title 'title') }} }}
    ?target a sckg:Project ; ?p ?keyword .
    BIND("project" AS ?kind)
  }} UNION {{
    VALUES (?p ?strength) {{ (sckg:contextKeyword 'general') (sckg:excludedKeyword 'exclude') }}
    ?scheme a skos:ConceptScheme ; ?p ?keyword .
    BIND("" AS ?target)
    BIND("any" AS ?kind)
  }}
}}"""
#: The texts of a paper that are searched (title: the first of the title properties found), by
#: place.
PAPERS_QUERY = """
SELECT ?paper ?place ?text WHERE {
  ?paper a oparl:Paper .
  {
    VALUES (?p ?place) { (dcterms:title 'title') (rdfs:label 'label') (sckg:paperType 'type')
                         (dcterms:description 'text') (dcterms:abstract 'text')\
 (sckg:resolutionText 'text') }
    ?paper ?p ?text .
  } UNION {
    ?consultation sckg:paper ?paper ; sckg:committee ?text . BIND("committee" AS ?place)
  } UNION {
    ?paper sckg:originator ?text . BIND("originator" AS ?place)
  }
}"""
DECIDED_QUERY = """
SELECT ?paper ?target WHERE { ?paper a oparl:Paper ; dcterms:subject|sckg:rejectedSubject ?target\
 }"""


@dataclass(frozen=True)
class Rule:
    """A keyword, how strong a hint it is (match, title: a project's long title, context, general,
    exclude) and for what."""

    target: str
    kind: str
    strength: str
    keyword: str


@dataclass(frozen=True)
class Evidence:
    """One keyword found in a paper: where, as which word, and the points it gave."""

    keyword: str
    strength: str
    place: str
    found: str
    points: float

    def text(self, lang: str = "de") -> str:
        """``Titel: „Ladestationen“ ~ Ladestation +1``."""
        values = {
            "place": t(f"link.place.{self.place}", lang),
            "found": self.found,
            "keyword": self.keyword,
            "points": number(
                self.points, lang, 2 if self.points % 0.5 else 1 if self.points % 1 else 0
            ),
        }
        if self.strength in MATCHES:
            return t("link.evidence", lang, **values)
        return t("link.evidence_context", lang, **values)


@dataclass(frozen=True)
class LinkProposal:
    """A proposed link from a paper to a project or field, with its score, evidence and the matching
    text."""

    paper: str
    paper_label: str
    target: str
    target_label: str
    kind: str
    score: float
    evidence: tuple[Evidence, ...]
    text: str

    def evidence_text(self, lang: str = "de") -> str:
        """The evidence as one line."""
        return "; ".join(e.text(lang) for e in self.evidence)


def keyword_rules(kg: KnowledgeGraph) -> list[Rule]:
    """The keyword rules of the graph (see the module description), sorted."""
    rules = set()
    for row in kg.select(RULES_QUERY).rows:
        target, kind, strength, keyword = (term.value if term else "" for term in row)
        word = " ".join(keyword.split())
        if strength == "title" and len(word.split()) <= TITLE_WORDS:
            strength = "match"
        if word:
            rules.add(Rule(target, kind, strength, word))
    return sorted(rules, key=lambda r: (r.kind, r.target, r.strength, r.keyword.casefold()))


def _paper_texts(kg: KnowledgeGraph, lang: str) -> dict[str, dict[str, list[str]]]:
    """Paper → place → its texts (committee and originator names in ``lang``)."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    organizations: set[str] = set()
    for paper, place, value in kg.select(PAPERS_QUERY).rows:
        if paper is None or place is None or value is None:
            continue
        if isinstance(value, ox.NamedNode):
            organizations.add(value.value)
        found[paper.value][place.value].append(value.value)
    names = kg.labels(organizations, lang)
    for places in found.values():
        for body in ("committee", "originator"):
            if body in places:
                places[body] = [names[iri] for iri in places[body]]
        label = places.pop("label", [])
        if not places.get("title"):
            places["title"] = label[:1]
        for name, texts in places.items():
            places[name] = sorted(set(texts))[: 1 if name == "title" else None]
    return found


class _Matcher:
    """Finds the rules' keywords in texts, each text tokenised once."""

    def __init__(self, rules: list[Rule]) -> None:
        self.keywords: dict[tuple[str, bool], Keyword | Name] = {
            (r.keyword, r.strength == "title"): Name.of(r.keyword)
            if r.strength == "title"
            else Keyword.of(r.keyword)
            for r in rules
        }
        self.clues = {key: keyword.clue for key, keyword in self.keywords.items()}
        self._tokens: dict[str, list[Token]] = {}

    def tokens(self, text: str) -> list[Token]:
        if text not in self._tokens:
            self._tokens[text] = tokens(text)
        return self._tokens[text]

    def find(self, keyword: str, strength: str, text: str) -> tuple[int, int] | None:
        return self.keywords[(keyword, strength == "title")].find(self.tokens(text))


def propose_paper_links(
    kg: KnowledgeGraph, lang: str = "de", threshold: float = THRESHOLD
) -> list[LinkProposal]:
    """Proposals scoring at least ``threshold`` for every paper, except pairs already decided in the
    graph."""
    if not threshold > 0:  # NaN too
        raise ParameterError(error_message("error.threshold"))
    rules = keyword_rules(kg)
    matcher = _Matcher(rules)
    general = [r for r in rules if r.kind == "any"]
    by_target: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        if rule.kind != "any":
            by_target[rule.target].append(rule)
    decided = {(p.value, t.value) for p, t in kg.select(DECIDED_QUERY).rows if p and t}
    found = []
    for paper, places in sorted(_paper_texts(kg, lang).items()):
        folded = " ".join(
            t.word for texts in places.values() for text in texts for t in matcher.tokens(text)
        )
        hits = {
            rule: hit
            for rule in rules
            if matcher.clues[(rule.keyword, rule.strength == "title")] in folded
            and (hit := _best_place(matcher, rule, places))
        }
        if any(
            rule.strength == "exclude" and hit[0] == "title"
            for rule, hit in hits.items()
            if rule.kind == "any"
        ):
            continue
        general_rules = [r for r in general if r in hits and r.strength == "general"]
        for target, target_rules in by_target.items():
            if (paper, target) in decided:
                continue
            own = [(r, hits[r]) for r in target_rules if r in hits]
            if not own or any(r.strength == "exclude" and hit[0] == "title" for r, hit in own):
                continue
            evidence: list[Evidence] = []
            used: set[tuple[str, str]] = set()  # a word of the paper counts once, at its strongest
            for rule, hit in own:
                if rule.strength in MATCHES and _new(hit, used):
                    evidence.append(_evidence(rule, hit))
                    used.add(hit[:2])
            if context := _strongest(
                [(r, hit) for r, hit in own if r.strength == "context" and _new(hit, used)]
            ):
                evidence.append(context)
                used.add((context.place, context.found))
            general_hit = _strongest([(r, hits[r]) for r in general_rules if _new(hits[r], used)])
            if general_hit and general_hit.keyword.casefold() not in {
                e.keyword.casefold() for e in evidence
            }:
                evidence.append(general_hit)  # nor does a keyword that is one of the target's own
            score = sum(e.points for e in evidence)
            if score >= threshold and any(e.strength != "general" for e in evidence):
                evidence.sort(
                    key=lambda e: (list(PLACES).index(e.place), -e.points, e.keyword.casefold())
                )
                first = evidence[0]
                text = (
                    places[first.place][0]
                    if first.place == "title"
                    else _first_text(matcher, first, places)
                )
                found.append((paper, target, target_rules[0].kind, score, tuple(evidence), text))
    labels = kg.labels({iri for item in found for iri in item[:2]}, lang)
    proposals = [
        LinkProposal(paper, labels[paper], target, labels[target], kind, score, evidence, text)
        for paper, target, kind, score, evidence, text in found
    ]
    return sorted(
        proposals,
        key=lambda p: (p.paper_label.casefold(), p.paper, p.kind, p.target_label.casefold()),
    )


def _best_place(
    matcher: _Matcher, rule: Rule, places: dict[str, list[str]]
) -> tuple[str, str, str] | None:
    """(place, word found, whole text) of the weightiest place where the rule's keyword is found."""
    for place in PLACES:
        for text in places.get(place, ()):
            if span := matcher.find(rule.keyword, rule.strength, text):
                return place, text[span[0] : span[1]], text
    return None


def _new(hit: tuple[str, str, str], used: set[tuple[str, str]]) -> bool:
    """The words found by ``hit`` are not among the words that already count (``Smart`` in ``Smart
    City``)."""
    words = {t.word for t in tokens(hit[1])}
    return not any(
        place == hit[0] and words & {t.word for t in tokens(found)} for place, found in used
    )


def _evidence(rule: Rule, hit: tuple[str, str, str]) -> Evidence:
    return Evidence(
        rule.keyword, rule.strength, hit[0], hit[1], STRENGTHS[rule.strength] * PLACES[hit[0]]
    )


def _strongest(hits: list[tuple[Rule, tuple[str, str, str]]]) -> Evidence | None:
    """The context word that gives the most points (the first by keyword among equals)."""
    found = [_evidence(rule, hit) for rule, hit in hits]
    return min(found, key=lambda e: (-e.points, e.keyword.casefold()), default=None)


def _first_text(matcher: _Matcher, evidence: Evidence, places: dict[str, list[str]]) -> str:
    """The text around the first evidence found outside the title."""
    for text in places[evidence.place]:
        if span := matcher.find(evidence.keyword, evidence.strength, text):
            return _snippet(text, *span)
    return ""


def _snippet(text: str, start_at: int, end_at: int) -> str:
    start, end = max(0, start_at - _CONTEXT), min(len(text), end_at + _CONTEXT)
    if start and (space := text.find(" ", start, start_at)) >= 0:  # whole words only
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", end_at, end)) >= 0:
        end = space
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def select_proposals(proposals: list[LinkProposal], spec: str) -> list[LinkProposal]:
    """The proposals named by ``spec``: ``all`` or numbers and ranges as listed, e.g.
    ``1,3,5-7``."""
    if spec.strip().lower() == "all":
        return list(proposals)
    chosen: dict[int, LinkProposal] = {}  # by number: each once, in the order named
    for part in filter(None, (p.strip() for p in spec.split(","))):
        match = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        first, last = (
            (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, 0)
        )
        if not match or not 1 <= first <= last <= len(proposals):
            raise UsageError(error_message("error.accept_range", part=part, n=len(proposals)))
        for place in range(first, last + 1):
            chosen.setdefault(place, proposals[place - 1])
    return list(chosen.values())


# --- the review file and the decisions ---

#: The columns of a review file; a person fills in ``decision``, or ``other_target``: the project or
#: field (IRI, ID or name) the paper belongs to instead of the proposed one.
REVIEW_COLUMNS = (
    "decision",
    "score",
    "paper",
    "target",
    "kind",
    "evidence",
    "text",
    "paper_iri",
    "target_iri",
    "other_target",
)
#: What a person may write in the decision column (case-insensitive); an empty cell leaves it
#: undecided.
DECISION_WORDS = {
    **dict.fromkeys(("accept", "yes", "y", "ja", "j", "x", "annehmen"), ReviewDecision.accept),
    **dict.fromkeys(("reject", "no", "n", "nein", "ablehnen"), ReviewDecision.reject),
}


@dataclass(frozen=True)
class Decision:
    """A person's decision on one proposal."""

    paper: str
    target: str
    decision: ReviewDecision


def review_rows(proposals: list[LinkProposal], lang: str = "de") -> list[list[Any]]:
    """The rows of a review file (``REVIEW_COLUMNS``), the decision column empty."""
    return [
        [
            "",
            round(p.score, 2),
            p.paper_label,
            p.target_label,
            p.kind,
            p.evidence_text(lang),
            p.text,
            p.paper,
            p.target,
            "",
        ]
        for p in proposals
    ]


def write_review(proposals: list[LinkProposal], path: Path | str, lang: str = "de") -> Path:
    """Write the review file ``path`` of paper links (:func:`write_review_table`)."""
    return write_review_table(REVIEW_COLUMNS, review_rows(proposals, lang), path)


def write_review_table(columns: tuple[str, ...], rows: list[list[Any]], path: Path | str) -> Path:
    """Write a review file ``path`` (``.csv`` or ``.xlsx``) of any proposals: ``columns`` start with
    ``decision`` (empty in ``rows``, a drop-down in xlsx); cells a spreadsheet would run as formulas
    are neutralised in both."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([csv_safe(v) for v in row] for row in rows)
        return write_atomic(path, buffer.getvalue())
    if suffix != ".xlsx":
        raise UsageError(error_message("error.review_suffix", name=path.name))
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "review"
    sheet.append(list(columns))
    for number_, row in enumerate(rows, start=2):
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=number_, column=index, value=value)
            if cell.data_type == "f":  # text starting with '=' stays text, never a formula
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    choices = DataValidation(
        type="list", formula1=f'"{",".join(ReviewDecision)}"', allow_blank=True
    )
    sheet.add_data_validation(choices)
    choices.add(f"A2:A{max(2, len(rows) + 1)}")
    for index, name in enumerate(columns, start=1):
        longest = max((len(str(row[index - 1])) for row in rows), default=0)
        sheet.column_dimensions[get_column_letter(index)].width = min(
            60, max(len(name), longest, 7) + 2
        )
    sheet.freeze_panes = "A2"
    content = io.BytesIO()
    workbook.save(content)
    return write_atomic(path, content.getvalue())


def read_review_table(
    path: Path | str,
    iri_columns: tuple[str, ...],
    *,
    undecided: bool = False,
    written_by: str = "sckg link papers --review",
    other_kind: Callable[[list[str]], Message | None] | None = None,
) -> list[dict[str, str]]:
    """The rows of a filled-in review file (CSV or xlsx, its first sheet) as column → text, with
    ``decision`` as ``accept`` or ``reject`` (the words of :data:`DECISION_WORDS`) and ``row`` its
    row number; rows without a decision are left out unless ``undecided``. ``iri_columns`` must hold
    IRIs: one that is not is a
    :class:`DataError` naming row and column (and the command ``written_by`` that wrote the
    file). A file without them is a :class:`DataError` saying so, or the message ``other_kind``
    gives for its header (the file being a review of another kind)."""
    from .ingest.cells import read_sheets, shown

    path = Path(path)
    if not path.is_file():
        raise DataError(error_message("error.no_review_file", path=path))
    sheet = read_sheets(path)[0]
    header = [str(c or "").strip().lower() for c in (sheet.rows[0][1] if sheet.rows else ())]
    missing = [c for c in ("decision", *iri_columns) if c not in header]
    other = other_kind(header) if missing and other_kind is not None else None
    if other is not None:
        raise DataError(other)
    if missing:
        raise DataError(
            error_message(
                "error.review_columns", path=path, columns=", ".join(missing), writer=written_by
            )
        )
    rows = []
    for line, record in sheet.rows[1:]:
        cells = {
            name: str(record[i] if i < len(record) and record[i] is not None else "").strip()
            for i, name in enumerate(header)
        }
        word = cells["decision"].casefold()
        if word and word not in DECISION_WORDS:
            raise DataError(
                error_message(
                    "error.review_decision",
                    path=path,
                    row=line,
                    decision=cells["decision"],
                    words=", ".join(DECISION_WORDS),
                )
            )
        if not word and not undecided:
            continue
        for name in iri_columns:
            try:
                ox.NamedNode(cells[name])
                valid = "://" in cells[name]
            except ValueError:
                valid = False
            if not valid:
                raise DataError(
                    error_message(
                        "error.review_iri",
                        path=path,
                        row=line,
                        column=sheet.column(header.index(name), name),
                        value=shown(cells[name]),
                        writer=written_by,
                    )
                )
        rows.append(
            {**cells, "decision": DECISION_WORDS[word].value if word else "", "row": str(line)}
        )
    return rows


def read_review(
    path: Path | str,
    kg: KnowledgeGraph | None = None,
    other_kind: Callable[[list[str]], Message | None] | None = None,
) -> list[Decision]:
    """The decisions in a filled-in review file of paper links; rows without a decision are left
    out. A row with ``other_target`` rejects the proposed target and accepts that one instead (found
    by name in ``kg``). ``other_kind`` as for :func:`read_review_table`."""
    decisions = []
    for cells in read_review_table(
        path, ("paper_iri", "target_iri"), undecided=True, other_kind=other_kind
    ):
        word, other = cells["decision"], cells.get("other_target", "")
        if other:
            where = f"{path}: row {cells['row']}: other_target"
            target = _other_target(other, kg, where)
            if target != cells["target_iri"]:
                decisions.append(
                    Decision(cells["paper_iri"], cells["target_iri"], ReviewDecision.reject)
                )
            decisions.append(Decision(cells["paper_iri"], target, ReviewDecision.accept))
        elif word:
            decisions.append(
                Decision(cells["paper_iri"], cells["target_iri"], ReviewDecision(word))
            )
    return decisions


def _other_target(value: str, kg: KnowledgeGraph | None, where: str) -> str:
    """The IRI of the project or field a person wrote into a review file's other_target column."""
    if (iri := as_iri(value)) is not None:
        return iri
    if kg is None:
        raise DataError(error_message("error.other_target", where=where, value=value))
    try:
        return resolve(
            value,
            kg=kg,
            what="project or field",
            param=where,
            classes=(SCKG + "Project", SCKG + "FieldOfAction"),
        )
    except ParameterError as exc:
        raise DataError(str(exc)) from None


def decision_triples(
    decisions: list[Decision], *, accept: str = SUBJECT, reject: str = REJECTED
) -> list[ox.Triple]:
    """``accept`` (``dcterms:subject``) for accepted, ``reject`` (``sckg:rejectedSubject``) for
    rejected proposals."""
    predicate = {
        ReviewDecision.accept: ox.NamedNode(accept),
        ReviewDecision.reject: ox.NamedNode(reject),
    }
    return [
        ox.Triple(ox.NamedNode(d.paper), predicate[d.decision], ox.NamedNode(d.target))
        for d in decisions
    ]


def read_decisions(path: Path | str) -> list[ox.Triple]:
    """The statements of a Turtle file of decisions (none when it does not exist yet), which every
    kind of decision (paper links, best practice, SDG targets, actor matches) adds to."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        return [quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (SyntaxError, OSError) as exc:
        raise DataError(error_message("error.decisions_turtle", path=path, reason=exc)) from None


def write_decisions(
    decisions: list[Decision], path: Path | str, *, accept: str = SUBJECT, reject: str = REJECTED
) -> tuple[int, int]:
    """Add the decisions to the Turtle file ``path`` as ``accept`` and ``reject`` statements (see
    :func:`decision_triples`; a new decision on a pair replaces the old one); the numbers of
    accepted links and of rejections the file then holds."""
    new = decision_triples(decisions, accept=accept, reject=reject)
    pairs = {(t.subject, t.object) for t in new}
    triples = set(new)
    triples.update(
        t
        for t in read_decisions(path)
        if t.predicate.value not in (accept, reject) or (t.subject, t.object) not in pairs
    )
    write_turtle(triples, path)
    return (
        sum(1 for t in triples if t.predicate.value == accept),
        sum(1 for t in triples if t.predicate.value == reject),
    )


def accepted(proposals: list[LinkProposal]) -> list[Decision]:
    """The proposals as accepted decisions (for ``--accept``)."""
    return [Decision(p.paper, p.target, ReviewDecision.accept) for p in proposals]
