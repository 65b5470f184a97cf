"""SHACL validation: violations for wrong structure, warnings for the open points of the
inventory."""

from pathlib import Path

import pytest

from sckg.kg import KnowledgeGraph
from sckg.validate import open_points, validate

BS = "https://w3id.org/sckg/id/braunschweig/project/"


def test_braunschweig_has_no_violation_and_its_warnings_are_the_open_points(
    braunschweig: KnowledgeGraph,
) -> None:
    report = validate(braunschweig, lang="en")
    assert report.conforms
    assert report.violations == []
    found = sorted((f.focus.removeprefix(BS), f.shape) for f in report.warnings)
    missing = {
        "smart-city-rahmenkonzept": ["ContributesTo", "InFieldOfAction"],
        "wlan-innenstadt": ["ContributesTo", "InFieldOfAction", "ManagedBy", "Status"],
        "ladeinfrastruktur-elektrofahrzeuge": ["ContributesTo", "ManagedBy", "Status"],
        "handyparken": ["ContributesTo", "ManagedBy", "Status"],
        "forschungsvorhaben": ["ContributesTo", "InFieldOfAction", "ManagedBy", "Status"],
    }
    assert found == sorted(
        (p, f"shapes:Project{s}") for p, shapes in missing.items() for s in shapes
    )


def test_findings_name_the_entity_rule_and_fix(braunschweig: KnowledgeGraph) -> None:
    report = validate(braunschweig, lang="en")
    handyparken = [
        f
        for f in report.warnings
        if f.focus == BS + "handyparken" and f.shape.endswith("ManagedBy")
    ]
    [finding] = handyparken
    assert finding.label == "Mobile phone parking (Handyparken)"
    assert finding.rule == "Project management"
    assert finding.message == "The project has no managing actor (sckg:managedBy)."
    assert finding.fix.startswith("Find out who is in charge")
    german = [
        f
        for f in validate(braunschweig, lang="de").warnings
        if f.focus == finding.focus and f.shape == finding.shape
    ]
    assert german[0].message == "Für das Projekt ist keine Federführung angegeben (sckg:managedBy)."


def test_violations_come_first_and_break_conformance(make_kg) -> None:
    kg = make_kg(
        """
        ex:p a sckg:Project ; sckg:hasBudget ex:b ; sckg:managedBy ex:u ; sckg:inFieldOfAction\
 field:energy ;
             sckg:contributesTo ex:g ; adms:status status:running ; schema:startDate "soon" .
        ex:b a schema:MonetaryAmount ; schema:value 5 ; schema:currency "USD" .
        ex:u a org:OrganizationalUnit ; rdfs:label "Amt"@de .
        """
    )
    report = validate(kg, lang="en")
    assert not report.conforms
    assert [(f.severity, f.shape) for f in report.findings] == [
        ("violation", "shapes:MonetaryAmountCurrency"),
        ("violation", "shapes:MonetaryAmountValue"),
        ("violation", "shapes:ProjectTitle"),
        ("violation", "shapes:StartDate"),
    ]
    assert report.warnings == []


def test_musterstadt_is_complete_but_for_its_four_open_legal_points(
    musterstadt: KnowledgeGraph,
) -> None:
    report = validate(musterstadt)
    assert [
        (f.severity, f.label, f.shape) for f in report.findings
    ] == [  # data/musterstadt/legal.ttl
        ("warning", "Freies WLAN in der Innenstadt", "shapes:LegalImpactAssessment"),
        ("warning", "Glasfaser-Backbone für städtische Standorte", "shapes:LegalAwardProcedure"),
        ("warning", "Mobilitätsplattform Musterstadt", "shapes:LegalDataProtectionLaw"),
        ("warning", "Online-Terminvergabe Bürgeramt", "shapes:LegalAccessibilityStatement"),
    ]


BROKEN = """
ex:p a sckg:Project ; sckg:hasBudget ex:b1, ex:b2 ; sckg:dependsOn ex:notaproject ;
     schema:startDate "2024-13-45"^^xsd:date ; schema:endDate "2024-05-01" ; dcterms:date\
 "2015"^^xsd:gYear , 2018 .
ex:b1 a schema:MonetaryAmount ; schema:value 5 , 6.0 ; schema:currency "EUR" , "USD" .
ex:b2 a schema:MonetaryAmount ; schema:value "12,50"^^xsd:decimal .
ex:org a org:OrganizationalUnit ; sckg:managedBy ex:someone .
ex:c a oparl:Consultation ; dcterms:date "2018-11-02"^^xsd:date .
ex:ok a sckg:Project ; dcterms:title "OK"@de ; sckg:managedBy ex:org ; sckg:inFieldOfAction\
 field:energy ;
      sckg:contributesTo ex:g ; adms:status status:running ; sckg:dependsOn ex:p .
"""


def test_sparql_engine_finds_exactly_what_pyshacl_finds(
    make_kg, braunschweig: KnowledgeGraph, musterstadt: KnowledgeGraph
) -> None:
    for kg in (make_kg(BROKEN), braunschweig, musterstadt):
        sparql, reference = validate(kg, engine="sparql"), validate(kg, engine="pyshacl")
        assert sparql.findings == reference.findings


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_open_points_are_the_warnings_without_the_violations(
    make_kg, braunschweig: KnowledgeGraph, musterstadt: KnowledgeGraph, engine: str
) -> None:
    """The report's comparison with an older snapshot asks for its open points only: the same
    findings as validation's warnings, on graphs with violations too."""
    broken = make_kg(BROKEN + 'ex:d dcterms:date "nope"^^xsd:gYear .')
    for kg in (broken, braunschweig, musterstadt):
        assert (
            open_points(kg, lang="en", engine=engine)
            == validate(kg, lang="en", engine=engine).warnings
        )
    assert len(open_points(braunschweig)) == 16  # the five projects' missing parts above
    assert {f.severity for f in open_points(broken)} == {"warning"}


def test_sparql_engine_checks_lexical_forms_pyshacl_lets_pass(make_kg) -> None:
    kg = make_kg(
        'ex:d dcterms:date "nope"^^xsd:gYear .'
    )  # rdflib has no lexical check for xsd:gYear
    assert [(f.shape, f.value) for f in validate(kg, engine="sparql").findings] == [
        ("shapes:Date", "nope")
    ]
    assert validate(kg, engine="pyshacl").findings == []


def _by_focus(findings: list) -> list[tuple[str, str, str]]:
    """Findings as (last segment of the focus IRI, shape, value), sorted."""
    return sorted((f.focus.rsplit("/", 1)[-1], f.shape, f.value or "") for f in findings)


def test_broken_graph_findings(make_kg) -> None:
    report = validate(make_kg(BROKEN), lang="en", engine="sparql")
    found = _by_focus(report.violations)
    assert found == [
        ("b1", "shapes:MonetaryAmountCurrency", "USD"),
        ("b1", "shapes:MonetaryAmountValue", ""),
        ("b1", "shapes:MonetaryAmountValue", "5"),
        ("b2", "shapes:MonetaryAmountCurrency", ""),
        ("b2", "shapes:MonetaryAmountValue", "12,50"),
        ("c", "shapes:ConsultationCommittee", ""),
        ("notaproject", "shapes:DependsOnObject", "https://example.org/city/notaproject"),
        ("org", "shapes:ProjectSubject", "https://example.org/city/org"),
        ("p", "shapes:Date", "2018"),
        ("p", "shapes:EndDate", "2024-05-01"),
        ("p", "shapes:ProjectTitle", ""),
        ("p", "shapes:StartDate", "2024-13-45"),
    ]


MILESTONES = """
ex:p a sckg:Project ; dcterms:title "P"@de ; sckg:managedBy ex:org ; sckg:inFieldOfAction\
 field:energy ;
     sckg:contributesTo ex:g ; adms:status status:running .
ex:ok a sckg:Milestone ; rdfs:label "Ausschreibung veröffentlicht"@de ; dcterms:date\
 "2025-03-31"^^xsd:date ;
      dcterms:isPartOf ex:p ; sckg:reached true .
ex:undated a sckg:Milestone ; rdfs:label "Ohne Datum"@de ; dcterms:isPartOf ex:p .
ex:twice a sckg:Milestone ; rdfs:label "Zweimal"@de ; dcterms:date "2025-01-01"^^xsd:date ,\
 "2025-02-01"^^xsd:date ;
         dcterms:isPartOf ex:p ; sckg:reached "ja" .
ex:loose a sckg:Milestone ; dcterms:date "2025"^^xsd:gYear ; dcterms:isPartOf ex:org .
"""


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_milestone_findings(make_kg, engine: str) -> None:
    """A milestone needs a label, one xsd:date and a project; ``sckg:reached`` is one boolean if
    given."""
    report = validate(make_kg(MILESTONES), lang="en", engine=engine)
    found = _by_focus(report.findings)
    assert found == [
        ("loose", "shapes:MilestoneDate", "2025"),
        ("loose", "shapes:MilestoneLabel", ""),
        ("loose", "shapes:MilestoneProject", "https://example.org/city/org"),
        ("twice", "shapes:MilestoneDate", ""),
        ("twice", "shapes:MilestoneReached", "ja"),
        ("undated", "shapes:MilestoneDate", ""),
    ]
    [undated] = [f for f in report.findings if f.focus.endswith("/undated")]
    assert (undated.severity, undated.label, undated.rule, undated.message) == (
        "violation",
        "Ohne Datum",
        "Milestone date",
        "The milestone does not have exactly one dcterms:date of type xsd:date.",
    )


def test_the_text_report_names_the_severity_in_the_language_asked_for(make_kg) -> None:
    """``--lang de`` printed VIOLATION and WARNING before German messages."""
    report = validate(
        make_kg('ex:b a schema:MonetaryAmount ; schema:value 5.00 ; schema:currency "USD" .'),
        lang="de",
    )
    lines = report.text_lines("de")
    assert lines[0] == "1 Verstoß, 0 Warnungen (offene Punkte)"
    assert lines[2].startswith("VERSTOSS  b: ")
    assert lines[3].startswith("          Regel: ")
    graph = make_kg("ex:p a sckg:Project .")
    assert [line[:10] for line in validate(graph, lang="de").text_lines("de") if line[:1] == "W"][
        :1
    ] == ["WARNUNG   "]


def test_report_as_text_json_and_table(make_kg) -> None:
    import json

    report = validate(
        make_kg('ex:b a schema:MonetaryAmount ; schema:value 5.00 ; schema:currency "USD" .'),
        lang="en",
    )
    assert report.text_lines("en") == [
        "1 violation, 0 warnings (open points)",
        "",
        'VIOLATION b: The monetary amount\'s currency is missing or not "EUR" (schema:currency).',
        "          rule: Monetary amount currency (shapes:MonetaryAmountCurrency)  "
        "<https://example.org/city/b>",
        '          fix: State the currency as schema:currency "EUR" (ISO 4217 code as a plain '
        "literal, without "
        "language tag).",
    ]
    doc = json.loads(report.to_json())
    assert (doc["conforms"], doc["violations"], doc["warnings"]) == (False, 1, 0)
    assert doc["findings"][0]["value"] == "USD"
    columns, rows = report.table()
    assert columns == ["severity", "entity", "rule", "message", "fix", "iri"]
    assert [row[:3] for row in rows] == [["violation", "b", "Monetary amount currency"]]
    assert validate(make_kg("ex:x ex:y ex:z ."), lang="de").text_lines("de") == [
        "0 Verstöße, 0 Warnungen (offene Punkte)",
        "Keine Befunde.",
    ]


def test_an_unknown_engine_names_the_parameter_in_python_and_the_flag_on_the_command_line(
    braunschweig,
) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app
    from sckg.errors import ParameterError
    from sckg.validate import validate

    with pytest.raises(ParameterError) as error:
        validate(braunschweig, engine="jena")
    assert (
        str(error.value)
        == "engine: unknown validation engine 'jena'. Use one of: auto, sparql, pyshacl."
    )
    result = CliRunner().invoke(app, ["validate", "--engine", "jena"])
    assert result.exit_code == 2
    assert "'jena' is not one of 'auto', 'sparql', 'pyshacl'" in result.stderr


def test_a_notebook_shows_the_findings_as_an_escaped_html_table(make_kg) -> None:
    report = validate(
        make_kg('ex:b a schema:MonetaryAmount ; schema:value 5.00 ; schema:currency "<USD>" .'),
        lang="en",
    )
    assert report._repr_html_() == (
        '<p class="sckg-validation"><strong>does not conform</strong>: 1 violation, 0 warnings '
        "(open points)</p>"
        '<table class="sckg-table"><thead><tr><th>severity</th><th>entity</th><th>message</th>'
        "<th>fix</th><th>rule</th></tr></thead><tbody>"
        '<tr><td>violation</td><td title="https://example.org/city/b">b</td>'
        "<td>The monetary amount&#x27;s currency is missing or not &quot;EUR&quot; "
        "(schema:currency).</td>"
        "<td>State the currency as schema:currency &quot;EUR&quot; (ISO 4217 code as a plain "
        "literal, without language tag).</td>"
        '<td title="shapes:MonetaryAmountCurrency">Monetary amount currency</td></tr>'
        "</tbody></table>"
    )
    german = validate(make_kg("ex:x ex:y ex:z ."), lang="de")._repr_html_()
    assert german == (
        '<p class="sckg-validation"><strong>konform</strong>: 0 Verstöße, 0 Warnungen '
        "(offene Punkte)</p><p>Keine Befunde.</p>"
    )
    from sckg.validate import Finding, ValidationReport

    many = ValidationReport(
        [Finding("warning", f"ex:{n}", f"P{n}", "r", "s", "m", "f") for n in range(52)], "en"
    )._repr_html_()
    assert many.count("<tr>") == 1 + 50 and "<td>P49</td>" not in many  # labels carry a tooltip
    assert many.endswith(
        "</tbody></table><p>… 2 more findings (all: report.findings, report.to_json())</p>"
    )


@pytest.mark.parametrize(
    ("lang", "header", "severities"),
    [
        ("de", ["Schweregrad", "Eintrag", "Regel", "Befund", "Behebung", "IRI"], ["VERSTOSS"]),
        ("en", ["severity", "entity", "rule", "message", "fix", "IRI"], ["VIOLATION"]),
    ],
)
def test_md_and_table_name_columns_and_severities_in_the_language_asked_for(
    turtle_file, lang: str, header: list[str], severities: list[str]
) -> None:
    """``-f md`` and ``-f table`` are for people, like the text: their columns and severities
    follow ``--lang`` (they were English codes under German findings); csv and json keep the
    codes a program reads, in every language."""
    import csv
    import io
    import json

    from typer.testing import CliRunner

    from sckg.cli import app

    path = turtle_file('ex:b a schema:MonetaryAmount ; schema:value 5.00 ; schema:currency "USD" .')
    runner = CliRunner()

    def run(fmt: str) -> list[str]:
        result = runner.invoke(app, ["validate", "-d", str(path), "-f", fmt, "--lang", lang])
        assert result.exit_code == 1, result.output
        return result.stdout.splitlines()

    md = run("md")
    assert md[:2] == ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    assert [line.split(" | ")[0].removeprefix("| ") for line in md[2:]] == severities
    table = run("table")  # not a terminal: aligned plain text
    assert table[0].split() == header
    assert [line.split()[0] for line in table[2:]] == severities
    rows = list(csv.reader(io.StringIO("\n".join(run("csv")))))
    assert rows[0] == ["severity", "entity", "rule", "message", "fix", "iri"]
    assert [row[0] for row in rows[1:]] == ["violation"]
    finding = json.loads("\n".join(run("json")))["findings"][0]
    assert (list(finding)[:3], finding["severity"]) == (["severity", "focus", "label"], "violation")


#: Three projects: one ends before it starts, one on the day it starts, one after.
DATE_ORDER = """
ex:early a sckg:Project ; dcterms:title "Früh beendet"@de , "Ended early"@en ;
    schema:startDate "2024-03-01"^^xsd:date ; schema:endDate "2023-12-31"^^xsd:date .
ex:same a sckg:Project ; dcterms:title "Ein Tag"@de ;
    schema:startDate "2024-03-01"^^xsd:date ; schema:endDate "2024-03-01"^^xsd:date .
ex:later a sckg:Project ; dcterms:title "Später"@de ;
    schema:startDate "2024-03-01"^^xsd:date ; schema:endDate "2025-02-28"^^xsd:date .
"""


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_an_end_before_the_start_is_one_violation_naming_the_project(make_kg, engine: str) -> None:
    """The import refuses an end before the start; a graph written elsewhere passed validation.
    The same day and a later end are fine."""
    kg = make_kg(DATE_ORDER)
    german = validate(kg, lang="de", engine=engine)
    assert [(f.focus, f.label, f.value, f.rule, f.shape) for f in german.violations] == [
        (
            "https://example.org/city/early",
            "Früh beendet",
            "2023-12-31",
            "Enddatum nach Startdatum",
            "shapes:EndAfterStart",
        )
    ]
    [finding] = german.violations
    assert (finding.message, finding.fix) == (
        "Das Enddatum (schema:endDate) liegt vor dem Startdatum (schema:startDate).",
        "Korrigieren Sie eines der beiden Daten oder tauschen Sie sie; Beginn und Ende am selben "
        "Tag sind erlaubt.",
    )
    [english] = validate(kg, lang="en", engine=engine).violations
    assert (english.label, english.rule, english.message, english.fix) == (
        "Ended early",
        "End date after start date",
        "The end date (schema:endDate) is before the start date (schema:startDate).",
        "Correct one of the two dates or swap them; a start and an end on the same day are fine.",
    )


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_dates_that_are_no_xsd_date_are_not_ordered_but_reported_as_no_date(
    make_kg, engine: str
) -> None:
    """Only two xsd:date values are compared, as the calendar days they write (a timezone aside,
    an impossible day as written): an end of another type is a violation of shapes:EndDate
    already, whichever way it would compare, and no second one."""
    kg = make_kg(
        """
        ex:year a sckg:Project ; dcterms:title "Jahr"@de ;
            schema:startDate "2024-03-01"^^xsd:date ; schema:endDate "2023"^^xsd:gYear .
        ex:time a sckg:Project ; dcterms:title "Zeit"@de ;
            schema:startDate "2024-03-01"^^xsd:date ;
            schema:endDate "2023-01-01T00:00:00"^^xsd:dateTime .
        ex:text a sckg:Project ; dcterms:title "Text"@de ;
            schema:startDate "2024-03-01"^^xsd:date ; schema:endDate "2023-01-01" .
        ex:zone a sckg:Project ; dcterms:title "Zone"@de ;
            schema:startDate "2024-03-01+01:00"^^xsd:date ; schema:endDate "2024-02-29Z"^^xsd:date .
        ex:impossible a sckg:Project ; dcterms:title "Unmöglich"@de ;
            schema:startDate "2024-03-01"^^xsd:date ; schema:endDate "2024-02-30"^^xsd:date .
        ex:zoned a sckg:Project ; dcterms:title "Zonen"@de ;
            schema:startDate "2024-03-01+14:00"^^xsd:date ; schema:endDate "2024-03-01Z"^^xsd:date .
        """
    )
    found = sorted(
        (f.focus.rsplit("/", 1)[-1], f.shape, f.value)
        for f in validate(kg, engine=engine).violations
    )
    assert found == [
        ("impossible", "shapes:EndAfterStart", "2024-02-30"),  # as written: before the start
        ("impossible", "shapes:EndDate", "2024-02-30"),
        ("text", "shapes:EndDate", "2023-01-01"),
        ("time", "shapes:EndDate", "2023-01-01T00:00:00"),
        ("year", "shapes:EndDate", "2023"),
        ("zone", "shapes:EndAfterStart", "2024-02-29Z"),
    ]


def test_the_bundled_data_has_no_end_before_its_start(
    braunschweig: KnowledgeGraph, musterstadt: KnowledgeGraph
) -> None:
    ulm = KnowledgeGraph.open([Path(__file__).parent.parent / "data" / "ulm"])
    for kg in (braunschweig, musterstadt, ulm):
        assert [f for f in validate(kg).findings if f.shape == "shapes:EndAfterStart"] == []
