"""sckg.prioritise: graph criteria with reasons, AHP, PROMETHEE II / TOPSIS, sensitivity, waves, the
workbook."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import DataError, ParameterError
from sckg.ingest.cells import TableError
from sckg.kg import KnowledgeGraph
from sckg.prioritise import prioritise
from sckg.prioritise.ahp import InconsistentError, aggregate, ahp, check_consistent
from sckg.prioritise.criteria import GRAPH_CRITERIA, items
from sckg.prioritise.rank import Criterion, criterion_flows, places, rank, sensitivity
from sckg.prioritise.waves import waves
from sckg.prioritise.workbook import PEOPLE_CRITERIA, SCORES, read_scores, template_bytes

MS = "https://w3id.org/sckg/id/musterstadt/project/"
EX = "https://example.org/city/"
ALL = [*GRAPH_CRITERIA, *PEOPLE_CRITERIA]
runner = CliRunner()


# --- graph criteria -------------------------------------------------------------------------------


def _values(
    kg: KnowledgeGraph, what: str = "projects", lang: str = "en"
) -> dict[str, dict[str, tuple]]:
    found, _ = items(kg, what, lang)
    return {i.iri: {k: (v.value, v.reason) for k, v in i.values.items()} for i in found}


def test_project_criteria_of_musterstadt_with_their_reasons(musterstadt: KnowledgeGraph) -> None:
    found, notes = items(musterstadt, "projects", "en")
    assert len(found) == 41 and notes == ["11 completed projects are not ranked."]
    v = _values(musterstadt)
    assert v[MS + "lorawan-netz"]["dependents"] == (
        7,
        "7 projects depend on it: Heavy rain and heat simulation, "
        "Musterstadt digital twin, Musterstadt urban data platform "
        "and 4 more",
    )
    assert v[MS + "mobilitaetsplattform"]["mandate"] == (
        1,
        "1 decision or paper: Resolution on the mobility platform and mobility hubs (18 September "
        "2025)",
    )
    assert v[MS + "virtuelles-stadtmuseum"]["budget"] == (0, "no budget recorded")
    assert v[MS + "lorawan-netz"]["budget"] == (1, "budget €350,000.00")
    assert v[MS + "e-akte"]["milestones"] == (
        1,
        "overdue: Half of the departments switched over (31 December 2025)",
    )
    assert v[MS + "mobilitaetsplattform"]["readiness"] == (4, "status: decided")
    assert v[MS + "lorawan-netz"]["goals"] == (
        1,
        "contributes to 1 goal: High-performance digital infrastructure (SDG 9)",
    )
    assert MS + "glasfaser-backbone" not in v  # completed


def test_field_criteria_sum_their_open_projects(musterstadt: KnowledgeGraph) -> None:
    v = _values(musterstadt, "fields")
    edu = v["https://w3id.org/sckg/vocab/field/digital-education"]
    assert edu["mandate"] == (
        1,
        "1 decision or paper: Council resolution on the school media development plan "
        "(20 November 2025)",
    )
    assert edu["budget"] == (1.0, "3 of 3 open projects with a budget")
    assert edu["goals"] == (1, "1 goal of its 3 open projects")
    assert v["https://w3id.org/sckg/vocab/field/health"]["goals"] == (
        0,
        "0 goals of its 0 open projects",
    )


def test_braunschweig_has_no_scores_and_still_gets_its_criteria(
    braunschweig: KnowledgeGraph,
) -> None:
    result = prioritise(braunschweig, lang="en")
    assert result.rows == [] and len(result.items) == 5
    assert "No scores of the steering group in this data" in result.notes[-1]
    assert "template scoring.xlsx" in result.notes[-1]  # the Python API names the parameter


# --- AHP ------------------------------------------------------------------------------------------


def test_ahp_reproduces_saatys_drink_consumption_example() -> None:
    """Saaty, T. L. (2008): Decision making with the analytic hierarchy process. Int. J. Services
    Sciences 1(1), 83-98, Table 2: relative consumption of drinks in the United States; the
    published eigenvector."""
    drinks = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
    rows = [
        [1, 9, 5, 2, 1, 1, 1 / 2],
        [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
        [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
        [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [1, 9, 4, 2, 1, 2, 1 / 2],
        [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [2, 9, 9, 3, 2, 3, 1],
    ]
    judgments = {
        (a, b): rows[i][j] for i, a in enumerate(drinks) for j, b in enumerate(drinks) if i < j
    }
    result = ahp(drinks, judgments)
    assert [round(w, 3) for w in result.weights] == [
        0.177,
        0.019,
        0.042,
        0.116,
        0.190,
        0.129,
        0.327,
    ]
    assert result.consistent


def test_ahp_by_hand_consistent_3x3() -> None:
    result = ahp(["a", "b", "c"], {("a", "b"): 2, ("a", "c"): 4, ("b", "c"): 2})
    assert [round(w, 6) for w in result.weights] == [
        round(4 / 7, 6),
        round(2 / 7, 6),
        round(1 / 7, 6),
    ]
    assert round(result.lambda_max, 9) == 3 and result.cr == 0 and result.contradictions == ()


def test_ahp_by_hand_inconsistent_3x3_is_refused_in_plain_words() -> None:
    # a = 2b, b = 2c but a = c: λmax = 1 + 4^(1/3) + 4^(-1/3) (for 3x3, d = a12·a23/a13 = 4);
    # CI = (λmax − 3)/2, CR = CI/0.58; weights = geometric means of the rows (exact for n = 3)
    result = ahp(
        ["a", "b", "c"],
        {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 2},
        lang="en",
        labels={"a": "impact", "b": "urgency", "c": "risk"},
    )
    lam = 1 + 4 ** (1 / 3) + 4 ** (-1 / 3)
    assert math.isclose(result.lambda_max, lam, rel_tol=1e-9)
    assert math.isclose(result.cr, (lam - 3) / 2 / 0.58, rel_tol=1e-9)  # 0.1874
    means = [2 ** (1 / 3), 1.0, 0.5 ** (1 / 3)]
    assert [round(w, 9) for w in result.weights] == [round(m / sum(means), 9) for m in means]
    with pytest.raises(InconsistentError) as caught:
        check_consistent(result, "en")
    assert str(caught.value) == (
        "The pairwise comparisons contradict each other too much (consistency ratio 0.19; at most "
        "0.10 is usable). These fit together worst: (1) impact was judged 2 times as important as "
        "urgency and urgency 2 times as important as risk, which makes impact 4 times as important "
        "as risk; but impact and risk were judged equally important. Please reconsider one of "
        "these comparisons."
    )


def test_ahp_needs_every_pair_and_aggregates_by_geometric_mean() -> None:
    with pytest.raises(DataError, match="missing: b – c"):
        ahp(["a", "b", "c"], {("a", "b"): 2, ("a", "c"): 4})
    # 3 and 1/3 the other way round; 9 and 1: geometric means 1 and 3
    assert aggregate(
        [{("a", "b"): 3, ("c", "a"): 9}, {("b", "a"): 3, ("a", "c"): 1}]
    ) == pytest.approx({("a", "b"): 1.0, ("a", "c"): 1 / 3})


# --- ranking --------------------------------------------------------------------------------------


def test_promethee_ii_reproduces_pymcdms_documented_example() -> None:
    """pymcdm's docstring of PROMETHEE_II: usual preference function, net flows [0.1, -0.3, 0.2]."""
    crit = [Criterion(k, k) for k in "xyz"]
    result = rank([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2], crit)
    assert [round(f, 2) for f in result.flows] == [0.1, -0.3, 0.2]
    assert result.ranks == (2, 3, 1)


def test_topsis_reproduces_pymcdms_documented_example() -> None:
    """pymcdm's docstring of TOPSIS: a cost and a profit criterion, preferences [0.5, 0.617,
    0.5]."""
    crit = [Criterion("cost", "cost", benefit=False), Criterion("gain", "gain")]
    result = rank([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], crit)
    assert [round(s, 3) for s in result.topsis] == [0.5, 0.617, 0.5]
    assert result.topsis_ranks == (2, 1, 2)


def test_places_share_equal_scores_and_vectorised_places_agree() -> None:
    assert list(places([0.2, 0.5, 0.2, -1])) == [2, 1, 2, 4]
    assert places([[0.2, 0.5, 0.2, -1], [1, 1, 0, 0]]).tolist() == [[2, 1, 2, 4], [1, 1, 3, 3]]


CRITERIA = [
    Criterion("a", "a", True, 0.5, 2.0),
    Criterion("b", "b", False, 0.0, 1.0),
    Criterion("c", "c", True),
    Criterion("d", "d", True, 0.0, 3.0),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 5), min_size=4, max_size=4), min_size=2, max_size=12),
    st.lists(st.floats(0.01, 1), min_size=4, max_size=4),
    st.data(),
)
def test_an_item_never_ranks_above_one_that_dominates_it(
    values: list[list[int]], weights: list[float], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(values) - 1))
    # a copy of item i made at least as good on every criterion (b is a cost: lower is better)
    better = [
        min(5, v + data.draw(st.integers(0, 2)))
        if c.benefit
        else max(1, v - data.draw(st.integers(0, 2)))
        for v, c in zip(values[i], CRITERIA, strict=True)
    ]
    result = rank([*values, better], weights, CRITERIA)
    assert result.ranks[-1] <= result.ranks[i]
    assert result.topsis_ranks[-1] <= result.topsis_ranks[i]


def test_sensitivity_is_reproducible_and_names_fragile_places() -> None:
    values = [[5, 1, 1], [1, 5, 1], [1, 1, 5], [1, 1, 1]]  # three specialists tie at equal weights
    crit = [Criterion(k, k) for k in "xyz"]
    flows = criterion_flows(values, crit)
    first = sensitivity(flows, [1, 1, 1], runs=200, seed=7)
    assert first == sensitivity(flows, [1, 1, 1], runs=200, seed=7)
    assert first != sensitivity(flows, [1, 1, 1], runs=200, seed=8)
    assert rank(values, [1, 1, 1], crit).ranks == (1, 1, 1, 4)
    assert first.bands[0.10] == ((1, 3), (1, 3), (1, 3), (4, 4))
    assert first.fragile == (True, True, True, False)


def test_weights_and_runs_are_checked() -> None:
    with pytest.raises(ParameterError, match="weights: expected 3 weights"):
        rank([[1, 2, 3], [3, 2, 1]], [1, 1], [Criterion(k, k) for k in "xyz"])
    with pytest.raises(ParameterError, match="runs must be 1 or more"):
        sensitivity([[0.0]], [1.0], runs=0)


# --- waves ----------------------------------------------------------------------------------------

WAVES = """
ex:source a sckg:Dataset ; dcterms:modified "2026-03-01"^^xsd:date .
ex:a a sckg:Project ; rdfs:label "A" ; adms:status status:planned ; sckg:dependsOn ex:b .
ex:b a sckg:Project ; rdfs:label "B" ; adms:status status:planned ; sckg:dependsOn ex:done .
ex:c a sckg:Project ; rdfs:label "C" ; adms:status status:planned .
ex:d a sckg:Project ; rdfs:label "D" ; adms:status status:planned .
ex:done a sckg:Project ; rdfs:label "Done" ; adms:status status:completed .
"""


#: B, C and D are led by Fachbereich 10 of Dezernat I (their department), A by no department.
LED = """
ex:city a org:FormalOrganization ; org:classification kind:city-administration .
ex:dez1 a org:OrganizationalUnit ; org:classification kind:dezernat ; org:unitOf ex:city ;
    rdfs:label "Dezernat I"@de , "Department I"@en .
ex:fb10 a org:OrganizationalUnit ; org:classification kind:fachbereich ; org:unitOf ex:dez1 ;
    rdfs:label "Fachbereich 10"@de .
ex:b sckg:managedBy ex:fb10 . ex:c sckg:managedBy ex:fb10 . ex:d sckg:managedBy ex:fb10 .
"""


def test_waves_never_put_a_project_before_what_it_depends_on(
    make_kg: Callable[[str], KnowledgeGraph],
) -> None:
    kg = make_kg(WAVES)
    rows = waves(kg, {EX + "a": 1, EX + "c": 2, EX + "d": 3, EX + "b": 4}, lang="en")
    assert [(r.wave, r.label, r.rank, r.critical, r.reason) for r in rows] == [
        (1, "C", 2, False, "depends on no open project"),
        (1, "D", 3, False, "depends on no open project"),
        (1, "B", 4, True, "depends on no open project"),
        (2, "A", 1, True, "after B"),
    ]
    assert {r.period for r in rows} == {"H2 2026", "H1 2027"}


def test_waves_keep_the_capacity_and_refuse_a_cycle(
    make_kg: Callable[[str], KnowledgeGraph],
) -> None:
    # B, C and D are in one department, A in none: A waits for B only, never for the capacity
    kg = make_kg(WAVES + LED)
    rows = waves(kg, {EX + "c": 1, EX + "d": 2, EX + "b": 3, EX + "a": 4}, capacity=1, lang="en")
    assert [(r.wave, r.label, r.department, r.reason) for r in rows] == [
        (1, "C", "Department I", "depends on no open project"),
        (
            2,
            "D",
            "Department I",
            "depends on no open project; moved: capacity of Department I used up",
        ),
        (
            3,
            "B",
            "Department I",
            "depends on no open project; moved: capacity of Department I used up",
        ),
        (4, "A", "", "after B; no lead department: not limited by the capacity"),
    ]
    german = waves(kg, {}, capacity=1, lang="de")  # by label: B first, then A beside C
    moved = "hängt von keinem offenen Projekt ab; verschoben: Kapazität von Dezernat I erschöpft"
    assert [(r.wave, r.label, r.reason) for r in german] == [
        (1, "B", "hängt von keinem offenen Projekt ab"),
        (2, "A", "nach B; ohne Federführung: nicht durch die Kapazität begrenzt"),
        (2, "C", moved),
        (3, "D", moved),
    ]
    free = make_kg(WAVES)  # no department anywhere: the capacity holds no project back
    assert [(r.wave, r.label) for r in waves(free, {}, capacity=1, lang="en")] == [
        (1, "B"),
        (1, "C"),
        (1, "D"),
        (2, "A"),
    ]
    cyclic = make_kg(WAVES + "ex:b sckg:dependsOn ex:a .")
    with pytest.raises(
        DataError, match="No waves possible: A → B → A depend on each other in a circle"
    ):
        waves(cyclic, {}, lang="en")


# --- the workbook ---------------------------------------------------------------------------------


def _template(tmp_path: Path, kg: KnowledgeGraph, members: int = 2) -> Path:
    found, _ = items(kg, "projects", "en")
    path = tmp_path / "scoring.xlsx"
    path.write_bytes(
        template_bytes(
            [(i.iri, i.label, "") for i in found], ALL, [f"M{n}" for n in range(1, members + 1)]
        )
    )
    return path


def test_missing_scores_are_reported_never_read_as_zero(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    kg = make_kg(WAVES)
    path = _template(tmp_path, kg)
    wb = load_workbook(path)
    ws = wb[SCORES]
    assert [ws.cell(row=r, column=2).value for r in range(3, 7)] == ["A", "B", "C", "D"]
    for row in range(3, 7):
        for col in range(4, 12):
            ws.cell(row=row, column=col, value=3)
    ws.cell(row=3, column=4).value = None  # M1 gave A no impact score
    ws.cell(
        row=3, column=8, value="5 – sehr hoch / very high"
    )  # M2's impact score for A, from the drop-down
    wb["Gewichte (Weights)"]["C8"] = 1  # impact alone
    wb.save(path)
    scores = read_scores(path, [EX + p for p in "abcd"], ALL)
    assert scores.values[EX + "a"]["impact"] == {"M2": 5}
    result = prioritise(kg, scores=scores, lang="en")
    a = next(i for i in result.items if i.label == "A")
    assert (a.values["impact"].value, a.values["impact"].reason) == (5, "M2 5 → 5.00")
    assert (
        "Missing scores (not counted as 0; the mean takes those given): A (M1: impact)"
        in result.notes
    )
    assert [(r.rank, r.label) for r in result.rows] == [(1, "A"), (2, "B"), (2, "C"), (2, "D")]


def test_bad_cells_are_named_by_sheet_row_and_column(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    kg = make_kg(WAVES)
    path = _template(tmp_path, kg)
    wb = load_workbook(path)
    wb[SCORES]["E4"] = "sehr"
    wb[SCORES]["A9"] = "https://example.org/elsewhere"
    wb["Vergleiche (Comparisons)"]["D2"] = "12"
    wb.save(path)
    with pytest.raises(TableError) as caught:
        read_scores(path, [EX + p for p in "abcd"], ALL)
    assert [str(e) for e in caught.value.errors] == [
        "scoring.xlsx, sheet Bewertung (Scores), row 4, column E: got 'sehr', expected a score "
        "from 1 (very low) to 5 (very high), or nothing",
        "scoring.xlsx, sheet Bewertung (Scores), row 9, column A: got "
        "'https://example.org/elsewhere', expected the ID of an item of the data (the template's)",
        "scoring.xlsx, sheet Vergleiche (Comparisons), row 2, column D: got '12', expected a "
        "judgment on Saaty's scale: 9, 8, ... 1, 1/2, ... 1/9",
    ]


def test_every_cell_error_of_the_workbook_is_german_in_german(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    """What a cell was expected to hold was English in German output: the steering group's
    workbook speaks German first."""
    from openpyxl import load_workbook

    path = _weighted(make_kg, tmp_path, ["viel"] + [1] * 9)
    wb = load_workbook(path)
    wb[SCORES]["E2"] = "Nutzen"
    wb[SCORES]["G4"] = "sehr"
    wb[SCORES]["A7"] = wb[SCORES]["A4"].value
    wb[SCORES]["A8"] = "https://example.org/elsewhere"
    comparisons = wb["Vergleiche (Comparisons)"]
    comparisons["C2"], comparisons["D2"] = comparisons["B2"].value, "3"
    comparisons["D3"] = "12"
    wb.save(path)
    with pytest.raises(TableError) as caught:
        read_scores(path, [EX + p for p in "abcd"], ALL)
    german = [e.message().in_lang("de").template for e in caught.value.errors]
    assert german == [
        "scoring.xlsx, Blatt Bewertung (Scores), Zeile 2, Spalte E: 'Nutzen' gefunden, erwartet: "
        "ein Kriterium der Vorlage (Wirkung, Dringlichkeit, Aufwand, Risiko) unter einem Mitglied",
        "scoring.xlsx, Blatt Bewertung (Scores), Zeile 4, Spalte G: 'sehr' gefunden, erwartet: "
        "eine Bewertung von 1 (sehr niedrig) bis 5 (sehr hoch) oder nichts",
        f"scoring.xlsx, Blatt Bewertung (Scores), Zeile 7, Spalte A: '{EX}b' gefunden, erwartet: "
        "jeden Eintrag nur einmal (Zeile 4 hat dieselbe Kennung)",
        "scoring.xlsx, Blatt Bewertung (Scores), Zeile 8, Spalte A: "
        "'https://example.org/elsewhere' gefunden, erwartet: die Kennung eines Eintrags der Daten "
        "(wie in der Vorlage)",
        "scoring.xlsx, Blatt Gewichte (Weights), Zeile 2, Spalte C: 'viel' gefunden, erwartet: "
        "ein Kriterium der Vorlage mit einem Gewicht von 0 oder mehr",
        "scoring.xlsx, Blatt Vergleiche (Comparisons), Zeile 2, Spalte C: "
        f"'{comparisons['B2'].value}' gefunden, erwartet: zwei verschiedene Kriterien der Vorlage",
        "scoring.xlsx, Blatt Vergleiche (Comparisons), Zeile 3, Spalte D: '12' gefunden, "
        "erwartet: ein Urteil auf Saatys Skala: 9, 8, … 1, 1/2, … 1/9",
    ]
    english = [str(e) for e in caught.value.errors]
    assert english[0].endswith(
        "expected a criterion of the template (impact, urgency, effort, risk) under a member"
    )
    assert english[6].endswith("expected a judgment on Saaty's scale: 9, 8, ... 1, 1/2, ... 1/9")


# --- Musterstadt end to end, and the command ------------------------------------------------------


def test_musterstadt_fictional_scores_rank_end_to_end(
    musterstadt: KnowledgeGraph, musterstadt_path: Path
) -> None:
    found, _ = items(musterstadt, "projects", "en")
    scores = read_scores(musterstadt_path / "scoring.xlsx", [i.iri for i in found], ALL)
    assert scores.fictional and scores.members == [
        "Stabsstelle Smart City (fiktiv)",
        "Kämmerei (fiktiv)",
        "Stadtwerke (fiktiv)",
    ]
    result = prioritise(musterstadt, scores=scores, lang="en", runs=200)
    assert result.ahp is not None and result.ahp.cr < 0.1
    assert [r.label for r in result.rows[:2]] == [
        "Musterstadt LoRaWAN network",
        "Musterstadt urban data platform",
    ]
    assert len(result.rows) == 41
    assert "The scores are invented (fictional members)." in result.notes
    assert (
        result.ranking is not None
        and result.ranking.spearman is not None
        and result.ranking.spearman > 0.8
    )


def test_cli_template_then_scores(tmp_path: Path, musterstadt_path: Path) -> None:
    out = tmp_path / "scoring.xlsx"
    done = runner.invoke(
        app, ["prioritise", "-d", str(musterstadt_path), "--template", str(out), "-l", "en"]
    )
    assert done.exit_code == 0, done.output
    # + the workshop dots of Musterstadt's future workshop (issue 24)
    assert done.output == f"Wrote {out}: 41 projects, 3 members, 11 criteria.\n"
    german = runner.invoke(
        app,
        ["prioritise", "-d", str(musterstadt_path), "--template", str(out)],
        env={"LANG": "de_DE.UTF-8"},
    )
    assert german.output == f"Geschrieben: {out}: 41 Projekte, 3 Mitglieder, 11 Kriterien.\n"
    empty = runner.invoke(
        app, ["prioritise", "-d", str(musterstadt_path), "--scores", str(out), "-l", "en"]
    )
    assert empty.exit_code == 1
    assert "Error: scoring.xlsx: no weights" in empty.output


def test_cli_refuses_inconsistent_comparisons(
    tmp_path: Path, make_kg: Callable[[str], KnowledgeGraph], turtle_file: Callable[[str], Path]
) -> None:
    from openpyxl import load_workbook

    data = turtle_file(WAVES)
    path = _template(tmp_path, make_kg(WAVES), members=1)
    wb = load_workbook(path)
    ws = wb["Vergleiche (Comparisons)"]
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=4, value="1")
    ws["D2"], ws["D11"], ws["D3"] = (
        "9",
        "9",
        "1/9",
    )  # goals ≫ dependents ≫ mandate, yet mandate ≫ goals
    wb.save(path)
    done = runner.invoke(app, ["prioritise", "-d", str(data), "--scores", str(path), "-l", "en"])
    assert done.exit_code == 1
    assert done.output.startswith("Error: The pairwise comparisons contradict each other too much")
    assert "(1) goals was judged 9 times as important as dependent projects" in done.output


def test_assessment_in_turtle_states_each_place_under_stable_iris(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    import datetime

    import rdflib

    from sckg.prioritise.assessment import assessment_turtle

    kg = make_kg(WAVES)
    scores = read_scores(_template(tmp_path, kg), [EX + p for p in "abcd"], ALL)
    scores.weights = {"dependents": 1.0}
    result = prioritise(kg, scores=scores, lang="en", runs=10)
    g = rdflib.Graph().parse(
        data=assessment_turtle(result, day=datetime.date(2026, 3, 12), lang="en")
    )
    part = rdflib.URIRef(EX + "assessment/prioritisation-projects/b")
    sckg = rdflib.Namespace("https://w3id.org/sckg/ontology#")
    assert g.value(part, sckg.assessed) == rdflib.URIRef(EX + "b")
    assert str(g.value(part, sckg.result)) == (
        "place 1 (net flow 0.3333; TOPSIS place 1; at ±10 %: 1, at ±25 %: 1)"
    )
    whole = rdflib.URIRef(EX + "assessment/prioritisation-projects")
    assert g.value(whole, rdflib.namespace.DCTERMS.date) == rdflib.Literal(
        datetime.date(2026, 3, 12)
    )
    assert len(set(g.subjects(rdflib.RDF.type, sckg.Assessment))) == 5
    with pytest.raises(DataError, match=r"the steering group's scores are missing \(scores\)"):
        assessment_turtle(prioritise(kg, lang="en"), day=datetime.date(2026, 3, 12))


def test_quadrant_chart_places_each_item_with_its_table(
    musterstadt: KnowledgeGraph, musterstadt_path: Path
) -> None:
    from sckg.prioritise.chart import quadrant, quadrant_chart

    assert [quadrant(4, 2), quadrant(3, 3), quadrant(2.9, 1), quadrant(1, 5)] == [
        "quick-wins",
        "major",
        "fill-ins",
        "thankless",
    ]
    found, _ = items(musterstadt, "projects", "en")
    scores = read_scores(musterstadt_path / "scoring.xlsx", [i.iri for i in found], ALL)
    chart = quadrant_chart(
        prioritise(musterstadt, scores=scores, lang="en", runs=10), musterstadt, "en"
    )
    assert chart is not None and chart.table.columns == [
        "place",
        "item",
        "impact",
        "effort",
        "quadrant",
    ]
    assert chart.table.rows[0] == [
        1,
        "Musterstadt LoRaWAN network",
        "5.00",
        "3.33",
        "major projects",
    ]
    assert len(chart.table.rows) == 41 and chart.svg.startswith("<svg")
    assert (
        chart.source
        == "Source: Fictional smart city inventory Musterstadt 2026; data as of 15 January 2026"
    )
    assert quadrant_chart(prioritise(musterstadt, lang="en"), musterstadt, "en") is None


@pytest.mark.parametrize(
    ("lang", "title", "counts"),
    [
        (
            "en",
            "Impact and effort (mean of the scores; red squares: the first 10 places)",
            {"quick wins": "1", "major projects": "2", "fill-ins": "0", "thankless tasks": "1"},
        ),
        (
            "de",
            "Wirkung und Aufwand (Mittel der Bewertungen; rote Quadrate: die ersten 10 Plätze)",
            {
                "schnelle Erfolge": "1",
                "große Vorhaben": "2",
                "Lückenfüller": "0",
                "undankbare Aufgaben": "1",
            },
        ),
    ],
)
def test_the_quadrant_of_known_values(
    make_kg: Callable[[str], KnowledgeGraph], lang: str, title: str, counts: dict[str, str]
) -> None:
    from sckg.prioritise.chart import draw_quadrant

    points = [(1, "A", 4.0, 2.0), (2, "B", 3.0, 3.0), (3, "C", 5.0, 4.5), (11, "D", 1.5, 4.0)]
    chart = draw_quadrant(make_kg(REVERSAL), points, lang, "priorities-quadrant")
    assert (chart.key, chart.title, chart.facts) == ("priorities-quadrant", title, counts)
    assert [row[:4] for row in chart.table.rows] == [
        [1, "A", "4.00" if lang == "en" else "4,00", "2.00" if lang == "en" else "2,00"],
        [2, "B", "3.00" if lang == "en" else "3,00", "3.00" if lang == "en" else "3,00"],
        [3, "C", "5.00" if lang == "en" else "5,00", "4.50" if lang == "en" else "4,50"],
        [11, "D", "1.50" if lang == "en" else "1,50", "4.00" if lang == "en" else "4,00"],
    ]
    assert [row[4] for row in chart.table.rows][1] == ("major projects", "große Vorhaben")[
        lang == "de"
    ]
    svg = chart.svg
    axis = ("impact (1 very low", "Wirkung (1 sehr gering")[lang == "de"]
    assert svg.startswith("<svg") and axis in svg and title in svg
    # the first 10 places are squares, the others circles: told apart without colour
    import re

    shape = {m: d[:4] for m, d in re.findall(r'<path id="(\w+)" d="(M [^"]+)"', svg)}
    marks = re.findall(r'<use xlink:href="#(\w+)" [^>]*style="fill: (#\w+)', svg)
    assert [(shape[m], fill) for m, fill in marks] == [
        ("M -2", "#c0392b"),  # A at effort 2, impact 4: a red square
        ("M -2", "#c0392b"),  # B at 3, 3
        ("M 0 ", "#bdbdbd"),  # D, place 11, at 4, 1.5: a grey circle
        ("M -2", "#c0392b"),  # C at 4.5, 5
    ]


REVERSAL = """
ex:a a sckg:Project ; rdfs:label "A" ; adms:status status:planned .
ex:b a sckg:Project ; rdfs:label "B" ; adms:status status:planned .
"""


def _scored(
    kg: KnowledgeGraph, tmp_path: Path, name: str, values: dict[str, tuple[int, int]]
) -> Path:
    from openpyxl import load_workbook

    found, _ = items(kg, "projects", "en")
    path = tmp_path / name
    path.write_bytes(template_bytes([(i.iri, i.label, "") for i in found], ALL, ["M1"]))
    wb = load_workbook(path)
    for row, item in enumerate(found, start=3):
        impact, urgency = values[item.label]
        wb[SCORES].cell(row=row, column=4, value=impact)
        wb[SCORES].cell(row=row, column=5, value=urgency)
    wb["Gewichte (Weights)"]["C8"], wb["Gewichte (Weights)"]["C9"] = 0.4, 0.6  # impact, urgency
    wb.save(path)
    return path


def test_a_rank_reversal_between_two_meetings_is_named(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    import datetime

    from sckg.prioritise.assessment import assessment_turtle, rank_reversals

    first, second = (
        make_kg(REVERSAL),
        make_kg(REVERSAL + 'ex:c a sckg:Project ; rdfs:label "C" ; adms:status status:planned .'),
    )
    values = {"A": (1, 2), "B": (2, 1), "C": (3, 4)}
    before = prioritise(
        first,
        scores=read_scores(
            _scored(first, tmp_path, "march.xlsx", values), [EX + "a", EX + "b"], ALL
        ),
        lang="en",
        runs=10,
    )
    after = prioritise(
        second,
        scores=read_scores(
            _scored(second, tmp_path, "june.xlsx", values), [EX + "a", EX + "b", EX + "c"], ALL
        ),
        lang="en",
        runs=10,
    )
    assert [(r.label, r.rank) for r in before.rows] == [("A", 1), ("B", 2)]
    assert [(r.label, r.rank) for r in after.rows] == [("C", 1), ("B", 2), ("A", 3)]
    march = assessment_turtle(before, day=datetime.date(2026, 3, 12), lang="en")
    assert rank_reversals(march, after, "en") == [
        "Rank reversal: B (before place 2, now 2) and A (before 1, now 3) swapped places although "
        "their values did not change; added: C, removed: –. PROMETHEE II and TOPSIS compare the "
        "items with each other, so another item can swap two."
    ]
    assert rank_reversals(march, before, "en") == []  # the same items: nothing to say


def test_the_briefing_shows_the_newest_prioritisation_in_the_graph(
    musterstadt: KnowledgeGraph, musterstadt_path: Path, tmp_path: Path
) -> None:
    import datetime

    from sckg.kg import collect_files
    from sckg.prioritise.assessment import assessment_turtle
    from sckg.prioritise.section import priority_section

    assert priority_section(musterstadt, "en") is None
    found, _ = items(musterstadt, "projects", "en")
    scores = read_scores(musterstadt_path / "scoring.xlsx", [i.iri for i in found], ALL)
    result = prioritise(musterstadt, scores=scores, lang="en", runs=10)
    path = tmp_path / "march.ttl"
    path.write_text(
        assessment_turtle(result, day=datetime.date(2026, 3, 12), lang="en"), encoding="utf-8"
    )
    kg = KnowledgeGraph.open([*collect_files([musterstadt_path]), path])
    section = priority_section(kg, "en")
    assert section is not None and section.key == "priorities" and section.heading == "Priorities"
    assert section.paragraphs[0].startswith(
        "The steering group's ranking of 2026-03-12 (sckg prioritise)"
    )
    assert section.tables[0].rows[0] == [
        1,
        "Musterstadt LoRaWAN network",
        "place 1 (net flow 0.3290; TOPSIS place 1; at ±10 %: 1, at ±25 %: 1–2)",
    ]
    assert len(section.tables[0].rows) == 41
    chart = section.charts[0]
    assert (chart.key, chart.title) == (
        "priorities",
        "The first 15 places by net flow (PROMETHEE II)",
    )
    assert chart.table.rows[0] == section.tables[0].rows[0] and len(chart.table.rows) == 15
    assert chart.facts == {"ranked items": "41"}
    stable = section.charts[1]
    assert (stable.key, stable.title) == (
        "priorities-sensitivity",
        "How stable the first 15 places are when the weights change by ±10 % and ±25 %",
    )
    assert stable.table.columns == ["place", "item", "±10 %", "±25 %", "fragile"]
    assert stable.table.rows == [
        [r.rank, r.label, r.within_10, r.within_25, "fragile" if r.fragile else ""]
        for r in result.rows[:15]
    ]
    fragile = [r.label for r in result.rows if r.fragile]
    assert fragile and stable.facts == {"fragile places (of 41)": str(len(fragile))}
    assert (stable.aside_title, stable.aside) == ("Fragile places", fragile)
    assert stable.svg.startswith("<svg") and "±25 %" in stable.svg
    quadrant = section.charts[2]
    assert (quadrant.key, quadrant.unit) == ("priorities-quadrant", "score 1–5")
    assert quadrant.table.rows[0] == [
        1,
        "Musterstadt LoRaWAN network",
        "5.00",
        "3.33",
        "major projects",
    ]
    assert len(quadrant.table.rows) == 41 and quadrant.source == chart.source
    (waves_part,) = section.subsections
    assert (waves_part.key, waves_part.heading) == ("priority-waves", "Waves")
    assert waves_part.tables == []
    assert waves_part.paragraphs[0].startswith(
        "No waves possible: Digital city guide with audio guide → "
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_stored_ranking_reads_back_the_same_values(
    musterstadt: KnowledgeGraph, musterstadt_path: Path, tmp_path: Path, lang: str
) -> None:
    """Rank, store as an assessment, read back: the same places, flows, places under weight
    changes and criterion values, in either language (nothing is read from the result text)."""
    import datetime

    from sckg.kg import collect_files
    from sckg.prioritise.assessment import assessment_turtle, stored_ranking
    from sckg.validate import validate

    found, _ = items(musterstadt, "projects", lang)
    scores = read_scores(musterstadt_path / "scoring.xlsx", [i.iri for i in found], ALL)
    result = prioritise(musterstadt, scores=scores, lang=lang, runs=50)
    path = tmp_path / "march.ttl"
    path.write_text(
        assessment_turtle(result, day=datetime.date(2026, 3, 12), lang=lang), encoding="utf-8"
    )
    kg = KnowledgeGraph.open([*collect_files([musterstadt_path]), path])
    stored = stored_ranking(kg)
    assert stored is not None and stored.date == "2026-03-12" and len(stored.places) == 41
    assert validate(kg, lang=lang).conforms  # each value one literal of its datatype (the shapes)
    assert result.sensitivity is not None
    index = {i.iri: n for n, i in enumerate(result.ranked)}
    values = {i.iri: i.values for i in result.ranked}
    assert [(p.item, p.rank, p.flow, p.topsis, p.bands, p.values) for p in stored.places] == [
        (
            r.iri,
            r.rank,
            r.flow,
            r.topsis,
            {s: band[index[r.iri]] for s, band in result.sensitivity.bands.items()},
            {k: v.value for k, v in values[r.iri].items() if v.value is not None},
        )
        for r in result.rows
    ]
    first = stored.places[0]
    assert (first.bands, first.values["impact"], first.values["effort"]) == (
        {0.1: (1, 1), 0.25: (1, 2)},
        5.0,
        pytest.approx(10 / 3),
    )


def test_a_place_written_by_hand_has_no_values(make_kg: Callable[[str], KnowledgeGraph]) -> None:
    from sckg.prioritise.assessment import stored_ranking
    from sckg.prioritise.section import priority_section

    kg = make_kg(
        REVERSAL
        + """ex:r a sckg:Assessment ; dcterms:date "2026-03-12"^^xsd:date .
ex:r1 dcterms:isPartOf ex:r ; sckg:assessed ex:a ; schema:position 1 ;
    sckg:result "place 1, written by hand"@en ; sckg:bestPlace10 1 ; sckg:criterionImpact 4.5 ."""
    )
    stored = stored_ranking(kg)
    assert stored is not None
    (place,) = stored.places
    assert (place.rank, place.flow, place.topsis, place.bands, place.values) == (
        1,
        None,
        None,
        {},
        {"impact": 4.5},
    )
    section = priority_section(kg, "en")
    assert section is not None and section.charts == []  # no flow, no bands, no effort


def test_the_briefing_section_has_the_waves_of_the_ranked_projects(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    import datetime

    from sckg.prioritise.assessment import assessment_turtle
    from sckg.prioritise.section import priority_section

    kg = make_kg(WAVES)
    scores = read_scores(_template(tmp_path, kg), [EX + p for p in "abcd"], ALL)
    scores.weights = {"dependents": 1.0}
    turtle = assessment_turtle(
        prioritise(kg, scores=scores, lang="en", runs=10), day=datetime.date(2026, 3, 12)
    )
    section = priority_section(make_kg(WAVES + turtle), "en")
    assert section is not None
    waves_table = section.subsections[0].tables[0]
    assert waves_table.caption == "Waves: no project before what it depends on (half-years)"
    assert [row[:4] for row in waves_table.rows] == [
        [1, "H2 2026", 1, "B"],
        [1, "H2 2026", 2, "C"],
        [1, "H2 2026", 2, "D"],
        [2, "H1 2027", 2, "A"],
    ]


def test_cli_waves_are_for_projects_and_a_missing_workbook_is_one_line(tmp_path: Path) -> None:
    done = runner.invoke(app, ["prioritise", "--what", "fields", "--show", "waves"])
    assert done.exit_code == 2 and "waves order projects; leave out --what fields" in done.output
    missing = runner.invoke(app, ["prioritise", "--scores", str(tmp_path / "nowhere.xlsx")])
    assert missing.exit_code == 1
    assert (
        missing.output.strip().splitlines()[-1]
        == f"Error: {tmp_path / 'nowhere.xlsx'}: no such file or folder"
    )


@pytest.mark.parametrize(
    ("what", "nothing"),
    [
        ("projects", "Nothing to rank: no open project in this data."),
        ("fields", "Nothing to rank: no field of action in this data."),
    ],
)
def test_cli_with_nothing_to_rank_says_so_and_what_to_import(
    tmp_path: Path, what: str, nothing: str
) -> None:
    """Council papers alone: the command printed an empty table and the note on missing scores,
    as if only the scores were lacking."""
    data = tmp_path / "papers.ttl"
    data.write_text(
        "<https://example.org/paper/1> a <https://schema.oparl.org/1.1/Paper> .\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["prioritise", "--what", what, "--lang", "en", "--data", str(data), "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "item,criterion,value,reason,iri\n"
    assert result.stderr == (
        f"{nothing} No projects in the graph: import the programme's inventory next to the "
        "council data (sckg import table).\n"
    )


def test_with_every_project_completed_the_note_says_so_too(make_kg) -> None:
    kg = make_kg(
        '<https://example.org/p> a sckg:Project ; dcterms:title "Fertig"@de ; '
        "adms:status status:completed ."
    )
    assert prioritise(kg, lang="en").notes == [
        "1 completed project is not ranked.",
        "Nothing to rank: no open project in this data.",
    ]


# --- AHP beyond ten criteria (Musterstadt's workshop votes make 11) -------------------------------


def test_the_random_index_is_saatys_table_up_to_15_criteria() -> None:
    """Saaty (1980), The Analytic Hierarchy Process, Table 1.3 (n = 1 ... 15)."""
    from sckg.prioritise.ahp import RANDOM_INDEX

    assert list(RANDOM_INDEX.items())[10:] == [
        (11, 1.51),
        (12, 1.48),
        (13, 1.56),
        (14, 1.57),
        (15, 1.59),
    ]


def test_ahp_of_eleven_criteria_divides_by_saatys_random_index_for_11() -> None:
    # every criterion equal but c00 over c01 2 and c01 over c02 2 while c00 and c02 are equal: one
    # triad off; λmax and the weights checked by a power iteration in plain Python (500 steps)
    keys = [f"c{n:02}" for n in range(11)]
    judgments = {(a, b): 1.0 for n, a in enumerate(keys) for b in keys[n + 1 :]}
    judgments[("c00", "c01")] = judgments[("c01", "c02")] = 2.0
    result = ahp(keys, judgments, lang="en")
    assert math.isclose(result.cr, result.ci / 1.51, rel_tol=1e-12)
    assert (round(result.lambda_max, 4), round(result.ci, 5), round(result.cr, 5)) == (
        11.0834,
        0.00834,
        0.00553,
    )
    assert result.consistent and [round(w, 4) for w in result.weights[:3]] == [
        0.0987,
        0.0935,
        0.086,
    ]


def _musterstadt_ahp(tmp_path: Path, musterstadt_path: Path) -> Path:
    """The template of Musterstadt (11 criteria with the workshop votes), every score 3, and every
    comparison 1 but the workshop votes twice as important as each other criterion."""
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    done = runner.invoke(app, ["prioritise", "-d", str(musterstadt_path), "--template", str(path)])
    assert done.exit_code == 0, done.output
    wb = load_workbook(path)
    scores = wb[SCORES]
    for row in range(3, scores.max_row + 1):
        for col in range(4, 16):
            scores.cell(row=row, column=col, value=3)
    pairs = wb["Vergleiche (Comparisons)"]
    for row in range(2, pairs.max_row + 1):
        a, b = pairs.cell(row=row, column=2).value, pairs.cell(row=row, column=3).value
        pairs.cell(row=row, column=4, value="2" if a == "votes" else "1/2" if b == "votes" else "1")
    wb.save(path)
    return path


def test_cli_ahp_on_musterstadt_takes_the_eleven_criteria(
    tmp_path: Path, musterstadt_path: Path
) -> None:
    path = _musterstadt_ahp(tmp_path, musterstadt_path)
    done = runner.invoke(
        app, ["prioritise", "-d", str(musterstadt_path), "--scores", str(path), "-l", "en"]
    )
    assert done.exit_code == 0, done.output
    assert (
        "Weights from pairwise comparisons (AHP, geometric mean of 3 members, consistency ratio "
        "0.000): goals 8.3%, dependent projects 8.3%, council mandate 8.3%, budget secured 8.3%, "
        "milestones due 8.3%, readiness 8.3%, workshop dots 16.7%, impact 8.3%, urgency 8.3%, "
        "effort 8.3%, risk 8.3%\n" in done.stderr
    )


def test_ahp_beyond_the_random_index_is_a_data_error_naming_the_sheet(
    tmp_path: Path, musterstadt_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    ahp_module = importlib.import_module("sckg.prioritise.ahp")
    path = _musterstadt_ahp(tmp_path, musterstadt_path)
    ten = {n: ri for n, ri in ahp_module.RANDOM_INDEX.items() if n <= 10}
    monkeypatch.setattr(ahp_module, "RANDOM_INDEX", ten)
    done = runner.invoke(
        app, ["prioritise", "-d", str(musterstadt_path), "--scores", str(path), "-l", "en"]
    )
    assert done.exit_code == 1
    assert done.output == (
        "Error: t.xlsx, sheet Vergleiche (Comparisons): AHP takes at most 10 criteria (Saaty's "
        "random index), the comparisons have 11; compare fewer criteria or give direct weights "
        "on the sheet Gewichte (Weights) instead\n"
    )


@pytest.mark.parametrize("earlier", ["scoring.xlsx", "projects.ttl"])
def test_cli_since_takes_only_an_earlier_assessment(musterstadt_path: Path, earlier: str) -> None:
    """A workbook (not text) and a data file (Turtle without an assessment) are no earlier
    meeting: the first was an internal error, the second said nothing."""
    done = runner.invoke(
        app,
        [
            "prioritise",
            "-d",
            str(musterstadt_path),
            "--scores",
            str(musterstadt_path / "scoring.xlsx"),
            "--since",
            str(musterstadt_path / earlier),
            "--runs",
            "10",
            "-l",
            "en",
        ],
        env={"LANG": "en_GB.UTF-8"},
    )
    assert done.exit_code == 1
    assert done.stderr.splitlines()[-1] == (
        f"Error: {earlier} is not an earlier assessment: --since takes the Turtle file that "
        "--assessment wrote at an earlier meeting"
    )


# --- bad weights and rows in the workbook ---------------------------------------------------------


def _weighted(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path, weights: list[object]
) -> Path:
    """The template of WAVES, every score 3, and ``weights`` in the order of ALL on the weights
    sheet."""
    from openpyxl import load_workbook

    path = _template(tmp_path, make_kg(WAVES))
    wb = load_workbook(path)
    for row in range(3, 7):
        for col in range(4, 12):
            wb[SCORES].cell(row=row, column=col, value=3)
    for row, weight in enumerate(weights, start=2):
        wb["Gewichte (Weights)"].cell(row=row, column=3, value=weight)
    wb.save(path)
    return path


@pytest.mark.parametrize("bad", ["nan", "inf", "1e309"])
def test_a_weight_that_is_no_finite_number_is_a_cell_error(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path, bad: str
) -> None:
    path = _weighted(make_kg, tmp_path, [bad] + [1] * 9)
    with pytest.raises(TableError) as caught:
        read_scores(path, [EX + p for p in "abcd"], ALL)
    assert [str(e) for e in caught.value.errors] == [
        f"scoring.xlsx, sheet Gewichte (Weights), row 2, column C: got '{bad}', expected a "
        "criterion of the template with a weight of 0 or more",
    ]


def test_weights_too_large_to_add_up_are_still_shares(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    """Ten weights of 1e308 add up to more than a float holds: each is still a tenth."""
    kg, ids = make_kg(WAVES), [EX + p for p in "abcd"]
    (tmp_path / "huge").mkdir()
    huge = _weighted(make_kg, tmp_path / "huge", [1e308] * 10)
    result = prioritise(kg, scores=read_scores(huge, ids, ALL), lang="en", runs=10)
    assert result.weights == pytest.approx(dict.fromkeys(ALL, 0.1))
    assert "Weights (direct): goals 10.0%, dependent projects 10.0%, " in "\n".join(result.notes)
    ones = _weighted(make_kg, tmp_path, [1] * 10)
    same = prioritise(kg, scores=read_scores(ones, ids, ALL), lang="en", runs=10)
    assert result.rows == same.rows and len(same.rows) == 4


def test_an_item_twice_on_the_scores_sheet_names_both_rows(
    make_kg: Callable[[str], KnowledgeGraph], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = _weighted(make_kg, tmp_path, [1] * 10)
    wb = load_workbook(path)
    wb[SCORES]["A7"] = wb[SCORES]["A4"].value  # B again, below D
    wb.save(path)
    with pytest.raises(TableError) as caught:
        read_scores(path, [EX + p for p in "abcd"], ALL)
    assert [str(e) for e in caught.value.errors] == [
        f"scoring.xlsx, sheet Bewertung (Scores), row 7, column A: got '{EX}b', expected each "
        "item once (row 4 has the same ID)",
    ]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Error: scoring.xlsx scores projects, not fields of action; use --what projects"),
        (
            "de",
            "Fehler: scoring.xlsx bewertet Projekte, nicht Handlungsfelder; --what projects "
            "angeben",
        ),
    ],
)
def test_cli_a_workbook_of_projects_for_fields_is_one_line(
    musterstadt_path: Path, lang: str, message: str
) -> None:
    done = runner.invoke(
        app,
        [
            "prioritise",
            "-d",
            str(musterstadt_path),
            "--what",
            "fields",
            "--scores",
            str(musterstadt_path / "scoring.xlsx"),
        ],
        env={"LANG": "en_GB.UTF-8" if lang == "en" else "de_DE.UTF-8"},
    )
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [message]


# --- the files a command writes are what their names say --------------------------------------


@pytest.mark.parametrize(("name", "start"), [("q.png", b"\x89PNG\r\n"), ("q.svg", b"<svg")])
def test_cli_chart_writes_the_format_its_name_says(
    musterstadt_path: Path, tmp_path: Path, name: str, start: bytes
) -> None:
    chart = tmp_path / name
    done = runner.invoke(
        app,
        [
            "prioritise",
            "-d",
            str(musterstadt_path),
            "--scores",
            str(musterstadt_path / "scoring.xlsx"),
            "--runs",
            "10",
            "--chart",
            str(chart),
            "-q",
        ],
    )
    assert done.exit_code == 0, done.output
    assert chart.read_bytes().startswith(start)


@pytest.mark.parametrize(
    ("option", "name", "message"),
    [
        ("--chart", "q.pdf", "Error: --chart: q.pdf must end in .png or .svg"),
        (
            "--template",
            "t4.csv",
            "Error: --template: t4.csv must end in .xlsx",
        ),
    ],
)
def test_cli_chart_and_template_need_their_file_type(
    musterstadt_path: Path, tmp_path: Path, option: str, name: str, message: str
) -> None:
    done = runner.invoke(
        app,
        [
            "prioritise",
            "-d",
            str(musterstadt_path),
            "--scores",
            str(musterstadt_path / "scoring.xlsx"),
            option,
            str(tmp_path / name),
        ],
        env={"LANG": "en_GB.UTF-8"},
    )
    assert (done.exit_code, done.stderr, done.stdout) == (2, message + "\n", "")
    assert list(tmp_path.iterdir()) == []


def test_cli_assessment_date_takes_a_german_date_and_refuses_others(
    musterstadt_path: Path, tmp_path: Path
) -> None:
    """``--date 12.03.2026`` is the day ``--date 2026-03-12`` is; trailing text is refused."""

    def assess(day: str) -> tuple[int, str, Path]:
        out = tmp_path / f"{len(list(tmp_path.iterdir()))}.ttl"
        done = runner.invoke(
            app,
            [
                "prioritise",
                "-d",
                str(musterstadt_path),
                "--scores",
                str(musterstadt_path / "scoring.xlsx"),
                *("--assessment", str(out), "--date", day, "--runs", "10", "-l", "en"),
            ],
            env={"LANG": "en_GB.UTF-8"},
        )
        return done.exit_code, done.stderr, out

    iso, german = assess("2026-03-12"), assess("12.03.2026")
    assert iso[0] == german[0] == 0
    assert iso[2].read_bytes() == german[2].read_bytes()
    code, stderr, out = assess("2026-03-121")
    assert code == 2 and not out.exists()
    assert "expected a date like 2026-03-12 or 12.03.2026, got '2026-03-121'" in stderr
