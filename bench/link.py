"""Benchmark of ``sckg link papers``: precision and recall of the proposed fields on hand-labelled
titles.

Two labelled sets (``tests/assets/link/``, described in its README): ``council-titles.csv``, 400
real council paper titles of the City of Karlsruhe with their paper type, and
``labelled-titles.csv``, invented titles with paper type and committee. Each title becomes an
``oparl:Paper`` (with a consultation in its committee, where the set names one); the proposals for
fields of action (``ontology/vocab/fields.ttl``, default threshold) are compared with the fields a
person gave them. The keywords were tuned on the ``tune`` rows only; the ``holdout`` rows measure
how well they carry over (``--errors`` lists the mistakes of the tune rows, never of the others).

    python bench/link.py              # precision and recall per field and overall, tune and holdout
    python bench/link.py --errors     # plus the wrong and missed proposals of the tune rows
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sckg.kg import KnowledgeGraph  # noqa: E402
from sckg.link import propose_paper_links  # noqa: E402
from sckg.namespaces import FIELD  # noqa: E402
from sckg.output import render  # noqa: E402

COUNCIL = ROOT / "tests/assets/link/council-titles.csv"
LABELLED = ROOT / "tests/assets/link/labelled-titles.csv"
PAPER = "https://example.org/bench/paper/"
SPLITS = ("tune", "holdout")


@dataclass(frozen=True)
class Row:
    """A labelled title."""

    split: str
    title: str
    paper_type: str
    committee: str
    fields: frozenset[str]
    sample: str = ""


def labelled(path: Path = LABELLED) -> list[Row]:
    """The labelled titles of ``path`` (the committee is empty where the set names none)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Row(
                r["split"],
                r["title"],
                r["paper_type"],
                r.get("committee", ""),
                frozenset(r["fields"].split()),
                r.get("sample", ""),
            )
            for r in csv.DictReader(handle)
        ]


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@de'


def turtle(rows: list[Row]) -> str:
    """The titles as OParl papers, each with a consultation in its committee."""
    lines = [
        "@prefix oparl: <https://schema.oparl.org/1.1/> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix sckg: <https://w3id.org/sckg/ontology#> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
    ]
    committees = {
        name: f"<https://example.org/bench/org/{n}>"
        for n, name in enumerate(sorted({r.committee for r in rows if r.committee}))
    }
    lines += [
        f"{iri} a org:Organization ; rdfs:label {_literal(name)} ."
        for name, iri in committees.items()
    ]
    for n, row in enumerate(rows):
        lines.append(
            f"<{PAPER}{n}> a oparl:Paper ; dcterms:title {_literal(row.title)} ; "
            f"sckg:paperType {_literal(row.paper_type)} ."
        )
        if row.committee:
            lines.append(
                f"<https://example.org/bench/consultation/{n}> a oparl:Consultation ; "
                f"sckg:paper <{PAPER}{n}> ; sckg:committee {committees[row.committee]} ."
            )
    return "\n".join(lines) + "\n"


def predict(rows: list[Row]) -> tuple[list[frozenset[str]], float]:
    """The fields proposed for each row, and the seconds the proposals took."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "papers.ttl"
        path.write_text(turtle(rows), encoding="utf-8")
        kg = KnowledgeGraph.open([path])
        start = time.perf_counter()
        proposals = propose_paper_links(kg)
        seconds = time.perf_counter() - start
    found: list[set[str]] = [set() for _ in rows]
    for p in proposals:
        if p.kind == "field":
            found[int(p.paper[len(PAPER) :])].add(p.target[len(FIELD) :])
    return [frozenset(f) for f in found], seconds


@dataclass(frozen=True)
class Score:
    """Counts of right, wrong and missed proposals."""

    right: int
    wrong: int
    missed: int

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 1.0


def scores(rows: list[Row], found: list[frozenset[str]]) -> dict[str, Score]:
    """Score per field and ``overall`` (micro-averaged over every proposal)."""
    counts: Counter[tuple[str, str]] = Counter()
    for row, fields in zip(rows, found, strict=True):
        for field in fields | row.fields:
            outcome = (
                "right"
                if field in fields and field in row.fields
                else "wrong"
                if field in fields
                else "missed"
            )
            counts[(field, outcome)] += 1
            counts[("overall", outcome)] += 1
    names = [*sorted({field for field, _ in counts} - {"overall"}), "overall"]
    return {
        name: Score(counts[(name, "right")], counts[(name, "wrong")], counts[(name, "missed")])
        for name in names
    }


def evaluate(rows: list[Row]) -> dict[str, dict[str, Score]]:
    """Scores per split (and ``all``)."""
    found, _ = predict(rows)
    result = {}
    for split in (*SPLITS, "all"):
        chosen = [(r, f) for r, f in zip(rows, found, strict=True) if split in (r.split, "all")]
        result[split] = scores([r for r, _ in chosen], [f for _, f in chosen])
    return result


def report(path: Path, show_errors: bool) -> None:
    """Print the scores of the labelled set ``path`` (and the tune rows' mistakes with
    ``show_errors``)."""
    rows = labelled(path)
    found, seconds = predict(rows)
    sizes = ", ".join(f"{split}: {sum(r.split == split for r in rows)}" for split in SPLITS)
    print(
        f"{path.name}: {len(rows)} labelled titles ({sizes}; {sum(not r.fields for r in rows)} "
        f"belong to no field); proposals in {seconds:.2f} s\n"
    )
    table = {
        split: scores(
            *zip(
                *[(r, f) for r, f in zip(rows, found, strict=True) if r.split == split], strict=True
            )
        )
        for split in SPLITS
    }
    names = [*sorted({name for split in table.values() for name in split} - {"overall"}), "overall"]
    out = []
    for name in names:
        cells = [name]
        for split in SPLITS:
            s = table[split].get(name, Score(0, 0, 0))
            cells += [f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.right}/{s.wrong}/{s.missed}"]
        out.append(cells)
    measures = ("precision", "recall", "right/wrong/missed")
    columns = ["field", *(f"{split} {what}" for split in SPLITS for what in measures)]
    print(render(columns, out, "table"), end="")
    for sample in sorted({r.sample for r in rows} - {""}):
        cells = []
        for split in SPLITS:
            chosen = [
                (r, f)
                for r, f in zip(rows, found, strict=True)
                if r.split == split and r.sample == sample
            ]
            s = scores([r for r, _ in chosen], [f for _, f in chosen])["overall"]
            cells.append(
                f"{split} precision {s.precision:.2f}, recall {s.recall:.2f} "
                f"({s.right}/{s.wrong}/{s.missed})"
            )
        print(f"  sample {sample}: {'; '.join(cells)}")
    if show_errors:
        print("\nMistakes on the tune rows (expected → proposed):")
        for row, fields in zip(rows, found, strict=True):
            if row.split == "tune" and fields != row.fields:
                committee = f" [{row.committee}]" if row.committee else ""
                print(
                    f"  {row.title}{committee}: {' '.join(sorted(row.fields)) or '-'} → "
                    f"{' '.join(sorted(fields)) or '-'}"
                )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the mistakes on the tune rows")
    args = parser.parse_args()
    for path in (COUNCIL, LABELLED):
        report(path, args.errors)


if __name__ == "__main__":
    main()
