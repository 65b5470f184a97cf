"""Ulm as the second real city: the converter (``sckg.ingest.ulm``) on a small copy of the
strategy's pages (tests/assets/ulm), the bundled ``data/ulm/`` it built, and every command on it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from sckg import resources
from sckg.cli import app
from sckg.errors import DataError
from sckg.ingest import turtle
from sckg.ingest.ulm import PREFIXES, Counts, build, convert, main
from sckg.kg import KnowledgeGraph
from sckg.namespaces import OPARL, ORG

COPY = Path(__file__).parent / "assets" / "ulm"
COMMIT = "82e4420ee78f59f27d3a00756bced35dab95b26a"
ULM = "https://w3id.org/sckg/id/ulm/"
BLOB = f"https://github.com/loobopi/smart-city-strategie/blob/{COMMIT}/06_Handlungsfelder/"
DATA = str(resources.dataset("ulm"))


@pytest.fixture(scope="module")
def copy_kg(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    out = tmp_path_factory.mktemp("ulm") / "strategy.ttl"
    assert build(COPY, out, COMMIT, "2021-11-03") == Counts(3, 11, 33, 6, 6, 3)
    return KnowledgeGraph.open([out])


@pytest.fixture(scope="module")
def ulm_kg() -> KnowledgeGraph:
    return KnowledgeGraph.open([DATA])


def _values(kg: KnowledgeGraph, query: str) -> list[list[str]]:
    return [[str(v) for v in row.values()] for row in kg.select(query).records()]


def test_same_pages_same_file() -> None:
    first = turtle(convert(COPY, COMMIT, "2021-11-03")[0], PREFIXES)
    assert first == turtle(convert(COPY, COMMIT, "2021-11-03")[0], PREFIXES)
    assert first.startswith(b"@prefix")


def test_a_measure_has_number_title_field_and_its_table_row(copy_kg: KnowledgeGraph) -> None:
    rows = _values(
        copy_kg,
        f"""SELECT ?id ?title ?field ?row ?url WHERE {{
        <{ULM}measure/mobilitaet-07> dcterms:identifier ?id ; dcterms:title ?title ;
            sckg:inFieldOfAction ?field ; sckg:documentedIn ?row .
        ?row schema:url ?url }}""",
    )
    assert rows == [
        [
            "07",
            "Mobilitätsdatenspezifikation (MDS)",
            f"{ULM}field/mobilitaet",
            f"{ULM}source/06-01-mobilitaet-massnahmen-07",
            f"{BLOB}06.01_Mobilitaet/index.md#L74",
        ]
    ]


def test_no_description_prose_is_copied(copy_kg: KnowledgeGraph) -> None:
    """The table's description column stays in the source: no literal holds a sentence of it."""
    text = "\n".join(
        r[0] for r in _values(copy_kg, "SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }")
    )
    assert "MDS ermöglicht Schnittstellen" not in text
    assert "Füllstandssensoren an solarbetriebenen" not in text


def test_goals_are_the_headings_and_numbered_goals(copy_kg: KnowledgeGraph) -> None:
    rows = _values(
        copy_kg,
        """SELECT ?g ?label ?broader WHERE { ?g a sckg:StrategicGoal ; skos:prefLabel ?label
        OPTIONAL { ?g skos:broader ?broader } } ORDER BY ?g""",
    )
    assert [(r[0].removeprefix(ULM + "goal/"), r[1]) for r in rows] == [
        (
            "mobilitaet-1",
            "Offene Dateninfrastruktur für evidenzbasierte Entscheidungsfindung und Umsetzung",
        ),
        ("mobilitaet-2", "Bedarfsorientierte Angebote zu Mobility as a Service (MAAS)"),
        ("sicherheit-1", "Sicherheit im öffentlichen Raum"),
        (
            "sicherheit-1-1",
            "Herstellung einer bestmöglichen Transparenz zur objektiven und subjektiven "
            "Sicherheitslage in Ulm",
        ),
        (
            "sicherheit-1-2",
            "Stärkung partizipativer und kollaborativer Elemente bei der Herstellung von "
            "Sicherheit im öffentlichen Raum",
        ),
        (
            "sicherheit-1-3",
            "Nutzung von smarter Sicherheitstechnik zur Erhöhung der Nachhaltigkeit bei der "
            "Herstellung von Sicherheit im öffentlichen Raum",
        ),
        ("sicherheit-2", "Cybersicherheit"),
        (
            "sicherheit-2-1",
            "Entwicklung und Implementierung eines risikobasierten Smart City "
            "Cybersicherheitskonzepts",
        ),
        (
            "sicherheit-2-2",
            "Konsequente Beachtung der Security-by-Design und Privacy-by-Design Prinzipien bei "
            "der künftigen Implementierung von Hard- und Software in der Smart City Ulm",
        ),
        (
            "sicherheit-2-3",
            "Stärkung der Cybersicherheit in der Stadtverwaltung Ulm und ihren nachgeordneten "
            "Organisationseinheiten",
        ),
        (
            "sicherheit-2-4",
            "Erhöhung der Awareness bei allen Personen und Organisationen, die in und mit der "
            "Smart City Ulm agieren",
        ),
    ]
    assert [r[2].removeprefix(ULM + "goal/") for r in rows if r[2] != "None"] == (
        ["sicherheit-1"] * 3 + ["sicherheit-2"] * 4
    )


def test_projects_actors_and_papers_the_pages_name(copy_kg: KnowledgeGraph) -> None:
    def labels(cls: str) -> list[str]:
        query = f"SELECT DISTINCT ?l WHERE {{ ?s a {cls} ; rdfs:label ?l }} ORDER BY ?l"
        return [r[0] for r in _values(copy_kg, query)]

    assert labels("sckg:Project").count("SWU 2Go") == 1
    assert [x for x in labels("sckg:Project") if not x[0].isdigit()][:3] == [
        "Automatische Beladung",
        "Dateninventar",
        "Dateninventar BMI Projekt REMIX",
    ]
    assert labels("org:Organization") + labels("org:OrganizationalUnit") + labels(
        "org:FormalOrganization"
    ) == [
        "Gemeinderat",
        "Abteilung Mobilität",
        "Entsorgungsbetriebe der Stadt Ulm (EBU)",
        "Geschäftsstelle Digitale Agenda",
        "Stadt Ulm",
        "Stadtwerke Ulm/Neu-Ulm (SWU)",
    ]
    assert _values(
        copy_kg,
        "SELECT ?id ?sec WHERE { ?p a oparl:Paper ; dcterms:identifier ?id ; "
        "sckg:documentedIn ?sec } ORDER BY ?id",
    ) == [
        ["GD 297/19", f"{ULM}source/06-01-mobilitaet-herauforderungen"],
        ["GD 400/16", f"{ULM}source/06-09-ver-und-entsorgung-einleitung"],
        ["GD 420/19", f"{ULM}source/06-01-mobilitaet-herauforderungen"],
    ]


def test_a_measure_without_title_says_so(copy_kg: KnowledgeGraph) -> None:
    assert _values(
        copy_kg, f"SELECT ?t WHERE {{ <{ULM}measure/ver-entsorgung-09> dcterms:title ?t }}"
    ) == [["Maßnahme 09 (Ver- und Entsorgung, ohne Titel in der Quelle)"]]


def test_every_entity_is_documented_in_a_section_and_in_the_dataset(ulm_kg: KnowledgeGraph) -> None:
    missing = _values(
        ulm_kg,
        f"""SELECT ?s WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?s), "{ULM}"))
        FILTER(?c != prov:Entity && ?c != sckg:Dataset && ?c != skos:ConceptScheme)
        FILTER NOT EXISTS {{ ?s sckg:documentedIn ?d . ?d schema:url|dcterms:isPartOf ?x }}
        FILTER NOT EXISTS {{ ?s sckg:documentedIn ?d2 . ?d2 dcterms:publisher ?y }} }}""",
    )
    assert missing == []
    assert _values(
        ulm_kg,
        f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s sckg:documentedIn ?d
        FILTER NOT EXISTS {{ ?s sckg:inDataset <{ULM}dataset> }} }}""",
    ) == [["0"]]


def test_the_bundled_dataset_counts(ulm_kg: KnowledgeGraph) -> None:
    rows = _values(
        ulm_kg,
        """SELECT
        (COUNT(DISTINCT ?f) AS ?fields) (COUNT(DISTINCT ?g) AS ?goals)
        (COUNT(DISTINCT ?m) AS ?measures) (COUNT(DISTINCT ?p) AS ?projects)
        (COUNT(DISTINCT ?a) AS ?actors) (COUNT(DISTINCT ?d) AS ?papers) WHERE {
        { ?f a sckg:FieldOfAction FILTER(CONTAINS(STR(?f), "/id/ulm/")) }
        UNION { ?g a sckg:StrategicGoal }
        UNION { ?m a sckg:Project FILTER(CONTAINS(STR(?m), "/measure/")) }
        UNION { ?p a sckg:Project FILTER(CONTAINS(STR(?p), "/project/")) }
        UNION { ?a a ?k
                VALUES ?k { org:Organization org:OrganizationalUnit org:FormalOrganization } }
        UNION { ?d a oparl:Paper } }""",
    )
    assert rows == [["13", "24", "126", "9", "21", "13"]]


def test_an_actor_of_a_kind_has_the_classes_the_import_gives_that_kind(
    ulm_kg: KnowledgeGraph,
) -> None:
    """The converter typed the Entsorgungsbetriebe (kind Eigenbetrieb, a part of the city without
    a legal person of its own) as a formal organisation, as its group of companies; the inventory
    import types an Eigenbetrieb as a unit of the city, so the two disagreed (and the xlsx round
    trip changed its class)."""
    from sckg.ingest.tables import KIND_CLASSES

    kinds = {
        r["a"]: r["kind"].rsplit("/", 1)[-1]
        for r in ulm_kg.select("SELECT ?a ?kind WHERE { ?a org:classification ?kind }").records()
    }
    classes: dict[str, set[str]] = {a: set() for a in kinds}
    for r in ulm_kg.select("SELECT ?a ?c WHERE { ?a org:classification [] ; a ?c }").records():
        if r["c"].startswith((ORG, OPARL)):
            classes[r["a"]].add(r["c"])
    wrong = {a: c for a, c in classes.items() if c != set(KIND_CLASSES[kinds[a]])}
    assert wrong == {} and len(kinds) == 12


def test_the_dataset_names_source_commit_licence_attribution_and_city(
    ulm_kg: KnowledgeGraph,
) -> None:
    rows = _values(
        ulm_kg,
        f"""SELECT ?licence ?city ?fictional ?url ?version ?citation WHERE {{
        <{ULM}dataset> a sckg:Dataset ; dcterms:license ?licence ; dcterms:coverage ?city ;
            sckg:fictional ?fictional ; dcterms:source ?doc ;
            dcterms:bibliographicCitation ?citation .
        ?doc schema:url ?url ; schema:version ?version }}""",
    )
    assert rows == [
        [
            "https://creativecommons.org/licenses/by-sa/4.0/",
            f"{ULM}actor/stadt-ulm",
            "False",
            f"https://github.com/loobopi/smart-city-strategie/tree/{COMMIT}",
            COMMIT,
            "Stadt Ulm, Geschäftsstelle Digitale Agenda (Z/DA): Smart City Strategie der Stadt "
            "Ulm, CC BY-SA 4.0, https://github.com/loobopi/smart-city-strategie "
            f"(Commit {COMMIT}); in RDF "
            "übertragen von sckg.",
        ]
    ]


def test_fields_map_to_the_reference_fields_where_evident(ulm_kg: KnowledgeGraph) -> None:
    rows = _values(
        ulm_kg,
        """SELECT ?f ?p ?ref WHERE { ?f a sckg:FieldOfAction ; ?p ?ref
        VALUES ?p { skos:closeMatch skos:broadMatch } } ORDER BY ?f""",
    )
    assert [
        (f.removeprefix(ULM + "field/"), p.rsplit("#")[1], r.rsplit("/", 1)[1]) for f, p, r in rows
    ] == [
        ("bildung", "closeMatch", "digital-education"),
        ("energie", "closeMatch", "energy"),
        ("gesundheit-pflege-sport", "closeMatch", "health"),
        ("kultur", "broadMatch", "culture-tourism"),
        ("mobilitaet", "closeMatch", "smart-mobility"),
        ("rettung-katastrophenschutz", "broadMatch", "security"),
        ("sicherheit", "closeMatch", "security"),
        ("staedtebau-gebaeude-wohnen", "closeMatch", "smart-living"),
        ("umwelt-klima", "broadMatch", "sustainability"),
        ("wirtschaft-forschung-entwicklung", "closeMatch", "industry-4-0"),
    ]


@pytest.mark.parametrize(
    ("commit", "date", "message"),
    [
        (
            "82e4420",
            "2021-11-03",
            "commit '82e4420': give the full 40-character commit hash of the source",
        ),
        (COMMIT, "3.11.2021", "date '3.11.2021': give the commit date as YYYY-MM-DD"),
    ],
)
def test_bad_arguments(commit: str, date: str, message: str) -> None:
    with pytest.raises(DataError) as error:
        convert(COPY, commit, date)
    assert str(error.value) == message


def test_a_folder_without_field_pages(tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        convert(tmp_path, COMMIT, "2021-11-03")
    assert str(error.value) == (
        f"{tmp_path}: no 06_Handlungsfelder/06.NN_*/index.md pages; give the strategy's folder"
    )


def test_validate_conforms_with_the_open_points() -> None:
    result = CliRunner().invoke(app, ["validate", "--data", DATA])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "0 Verstöße, 408 Warnungen (offene Punkte)"


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["analyze", "centrality"],
        ["analyze", "bridges"],
        ["analyze", "communities"],
        ["analyze", "impact", "Gründung Abteilung Mobilität"],
        ["analyze", "cycles"],
        ["analyze", "critical-path"],
        ["analyze", "gaps"],
        ["analyze", "silos"],
        ["analyze", "overlap"],
        ["viz", "--out", "{out}/map.html"],
        ["report", "--out", "{out}/report"],
        ["present", "--out", "{out}/deck.html"],
        ["export", "--format", "ttl", "--out", "{out}/ulm.ttl"],
        ["export", "--format", "graphml", "--out", "{out}/ulm.graphml"],
        ["export", "--format", "xlsx", "--out", "{out}/ulm.xlsx"],
    ],
)
@pytest.mark.slow
def test_every_command_runs_on_ulm(command: list[str], tmp_path: Path) -> None:
    args = [a.format(out=tmp_path) for a in command]
    result = CliRunner().invoke(app, [*args, "--data", DATA])
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output


def test_text_before_the_first_heading_is_documented_in_its_page(tmp_path: Path) -> None:
    page = tmp_path / "06_Handlungsfelder" / "06.08_Energie" / "index.md"
    page.parent.mkdir(parents=True)
    text = "Die SWU bauen aus (GD 400/16).\n# Energie\n## Maßnahmen\n01 | Smart Grids | -\n"
    page.write_text(text, encoding="utf-8")
    triples, _ = convert(tmp_path, COMMIT, "2021-11-03")
    cited = {t.object.value for t in triples if t.predicate.value.endswith("#documentedIn")}
    sources = {t.subject.value for t in triples if t.predicate.value == "https://schema.org/url"}
    assert cited - sources == set()  # every section cited exists, with its address
    assert f"{ULM}source/06-08-energie" in {
        t.object.value for t in triples if t.subject.value == f"{ULM}actor/swu"
    }


def test_the_build_command_prints_one_line_errors(tmp_path: Path) -> None:
    page = tmp_path / "06_Handlungsfelder" / "06.08_Energie" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_bytes("# Energie\n## Maßnahmen\n01 | Stra\xdfe | -\n".encode("latin-1"))
    with pytest.raises(SystemExit) as stop:
        main([str(tmp_path), str(tmp_path / "out.ttl"), "--commit", COMMIT, "--date", "2021-11-03"])
    assert stop.value.code == (
        f"Error: {page}: not UTF-8 text (byte 0xdf at offset 15); "
        "give the strategy's Markdown pages as published"
    )
    assert not (tmp_path / "out.ttl").exists()


def test_the_build_command_writes_and_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "strategy.ttl"
    main([str(COPY), str(out), "--commit", COMMIT, "--date", "2021-11-03"])
    counts = "fields 3, goals 11, measures 33, projects 6, actors 6, papers 3\n"
    assert capsys.readouterr().out == counts
    assert out.read_bytes() == turtle(convert(COPY, COMMIT, "2021-11-03")[0], PREFIXES)


def test_the_bundled_file_agrees_with_the_copy() -> None:
    """The bundled file is the converter's output: what it says about the copied pages' measures,
    goals and projects is what the converter makes of the copy."""
    copied, _ = convert(COPY, COMMIT, "2021-11-03")
    kinds = ("/measure/", "/goal/mobilitaet", "/goal/sicherheit", "/project/")
    subjects = {t.subject for t in copied if any(k in t.subject.value for k in kinds)}
    subjects -= {
        ox.NamedNode(f"{ULM}project/{p}")
        for p in ("ulm4clevercity", "zukunftskommune-bw", "zukunftsstadt-2030")
    }
    bundled = ox.parse(path=Path(DATA) / "strategy.ttl", format=ox.RdfFormat.TURTLE)
    found = {ox.Triple(q.subject, q.predicate, q.object) for q in bundled if q.subject in subjects}
    assert found == {t for t in copied if t.subject in subjects}
    assert len(subjects) == 33 + 11 + 6


def test_the_dataset_is_titled_as_the_strategy_is(ulm_kg: KnowledgeGraph) -> None:
    """The title was "Smart City Ulm: Smart City Strategie 2021" (and an English title Ulm never
    published); the strategy is titled "Smart City Strategie der Stadt Ulm" (its README.md)."""
    rows = _values(
        ulm_kg, f"SELECT ?title WHERE {{ <{ULM}dataset> dcterms:title ?title }} ORDER BY ?title"
    )
    assert rows == [
        ["Smart City Strategie der Stadt Ulm"],
        ["Smart City Strategie der Stadt Ulm (the City of Ulm's smart city strategy, in German)"],
    ]
