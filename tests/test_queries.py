"""The named questions: exact rows on the bundled data and on small hand-built graphs; safe
parameters."""

from decimal import Decimal

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode

from sckg.errors import DataError, QueryError, UsageError
from sckg.kg import KnowledgeGraph
from sckg.namespaces import PREFIXES
from sckg.queries import (
    bind_params,
    get_named_query,
    named_queries,
    parse_params,
    parse_query_text,
    run_named,
    run_query,
)
from sckg.results import to_python
from sckg.sparql import bind_values

BS = "https://w3id.org/sckg/id/braunschweig/"
FRAMEWORK = "Smart City Rahmenkonzept für die Stadt Braunschweig"
PAPER_TITLE = (
    "Beauftragung der Partnerschaft Deutschland GmbH mit der Erstellung eines Smart City "
    "Rahmenkonzeptes für die Stadt Braunschweig"
)


def rows(table, *columns):
    return [tuple(r[c] for c in columns) for r in table.records()]


def _plain_rdflib(term: object) -> object:
    """An rdflib result term as sckg's ``to_python`` gives it for the same term from Oxigraph."""
    if term is None:
        return None
    if isinstance(term, rdflib.Literal):
        if term.language:
            return to_python(Literal(str(term), language=term.language))
        datatype = NamedNode(str(term.datatype)) if term.datatype else None
        return to_python(Literal(str(term), datatype=datatype))
    return str(term)


@pytest.mark.slow
@pytest.mark.parametrize("dataset", ["braunschweig", "musterstadt"])
def test_named_queries_give_the_same_rows_on_an_engine_that_keeps_duplicates(
    dataset: str, request
) -> None:
    """``--store sparql:URL`` takes any SPARQL 1.1 endpoint. The standard evaluates a path
    alternative (``a|b``) as a union that keeps duplicates, which Oxigraph drops; rdflib follows the
    standard, as Fuseki does. So every named query must give the same rows, none twice, on rdflib's
    engine."""
    kg: KnowledgeGraph = request.getfixturevalue(dataset)
    graph = kg.to_rdflib(include_model=True)
    for name, query in named_queries().items():
        ours = run_named(kg, name)
        theirs = graph.query(
            query.text, initNs=PREFIXES, initBindings={"lang": rdflib.Literal("de")}
        )
        expected = [tuple(to_python(term) for term in row) for row in ours.rows]
        got = [tuple(_plain_rdflib(term) for term in row) for row in theirs]
        if "fieldLabels" in ours.columns:  # GROUP_CONCAT leaves the order of the parts open
            at = ours.columns.index("fieldLabels")
            expected, got = (
                [(*row[:at], sorted(row[at].split(", ")), *row[at + 1 :]) for row in rows]
                for rows in (expected, got)
            )
        assert sorted(got, key=repr) == sorted(expected, key=repr), name
        assert len(set(map(repr, expected))) == len(expected), f"{name} returns a row twice"


def test_library_has_the_competency_questions() -> None:
    library = named_queries()
    assert len(library) >= 12
    for query in library.values():
        assert query.titles.keys() >= {"en", "de"}, query.name
        assert query.descriptions.keys() >= {"en", "de"}, query.name


def test_projects_by_field(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "projects-by-field")
    assert rows(table, "fieldLabel", "projectLabel") == [
        ("Smart Mobility", "Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge"),
        ("Smart Mobility", "Handyparken"),
    ]


def test_projects_by_field_in_english_with_a_label_parameter(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "projects-by-field", {"field": "Smart Mobility"}, lang="en")
    assert rows(table, "fieldLabel", "projectLabel") == [
        ("Smart mobility", "Building a charging infrastructure for electric vehicles"),
        ("Smart mobility", "Mobile phone parking (Handyparken)"),
    ]


def test_decisions_list_each_consultation_once_with_the_papers_title(
    musterstadt: KnowledgeGraph,
) -> None:
    table = run_named(musterstadt, "decisions")
    assert len(table.rows) == 15
    council = [r for r in table.records() if r["item"].endswith("/consultation/2025-014-rat")]
    assert [(r["date"], r["bodyLabel"], r["roleLabel"], r["subject"]) for r in council] == [
        (
            "2025-03-20",
            "Rat der Stadt Musterstadt",
            "Entscheidung",
            "Smart-City-Strategie Musterstadt 2030",
        )
    ]


def test_actors_of_project_with_roles(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "actors-of-project", {"project": FRAMEWORK})
    assert rows(table, "roleLabel", "actorLabel") == [
        ("Auftragnehmer", "Partnerschaft Deutschland GmbH"),
        ("federführend betreut von", "0800 Stabsstelle Wirtschaftsdezernat"),
        ("finanziert durch", "Haushaltsansatz WLAN/Smart City"),
    ]


def test_projects_of_actor_include_its_units(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "projects-of-actor", {"actor": "Dezernat VI"})
    assert rows(table, "actorLabel", "viaLabel", "projectLabel") == [
        ("Dezernat VI", "0800 Stabsstelle Wirtschaftsdezernat", FRAMEWORK),
    ]


def test_budget_per_field_and_per_department(braunschweig: KnowledgeGraph) -> None:
    assert rows(
        run_named(braunschweig, "budget-by-field"), "fieldLabel", "budgetEUR", "projects"
    ) == [("(keines)", Decimal("64827.39"), 1)]
    assert rows(
        run_named(braunschweig, "budget-by-department", lang="en"), "departmentLabel", "budgetEUR"
    ) == [("Dezernat VI (Department VI)", Decimal("64827.39"))]


def test_decisions_with_committees_roles_and_dates(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "decisions")
    assert rows(table, "date", "bodyLabel", "roleLabel", "public") == [
        ("2015", "Rat der Stadt Braunschweig", "Beschluss", None),
        ("2018-11-02", "Wirtschaftsausschuss", "Vorberatung", True),
        ("2018-12-11", "Verwaltungsausschuss", "Entscheidung", False),
    ]
    assert [r["subject"] for r in table.records()][1:] == [PAPER_TITLE, PAPER_TITLE]


def test_projects_without_goal_and_open_points(braunschweig: KnowledgeGraph) -> None:
    assert rows(run_named(braunschweig, "projects-without-goal"), "projectLabel") == [
        ("Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge",),
        ("Begleitung von innovativen Forschungsvorhaben",),
        ("Handyparken",),
        (FRAMEWORK,),
        ("Öffentliches WLAN in zentralen Bereichen der Innenstadt",),
    ]
    table = run_named(braunschweig, "open-points")
    assert rows(table, "projectLabel", "noManager", "noField", "noGoal", "noStatus") == [
        ("Aufbau einer Ladeinfrastruktur für Elektrofahrzeuge", True, False, True, True),
        ("Begleitung von innovativen Forschungsvorhaben", True, True, True, True),
        ("Handyparken", True, False, True, True),
        (FRAMEWORK, False, True, True, False),
        ("Öffentliches WLAN in zentralen Bereichen der Innenstadt", True, True, True, True),
    ]


def test_units_of_a_department_transitively(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "units-of-department", {"department": "Stadt Braunschweig"})
    assert rows(table, "unitLabel", "kindLabel", "parentLabel") == [
        ("0800 Stabsstelle Wirtschaftsdezernat", "Stabsstelle", "Dezernat VI"),
        ("Dezernat VI", "Dezernat", "Stadt Braunschweig"),
        ("Rechnungsprüfungsamt", "Amt", "Stadt Braunschweig"),
    ]


def test_sources_of_an_entity(braunschweig: KnowledgeGraph) -> None:
    table = run_named(braunschweig, "sources-of-entity", {"entity": "Handyparken"})
    assert rows(table, "sourceLabel", "sourceDate", "source") == [
        (PAPER_TITLE, "2018-10-26", BS + "paper/2018-smart-city-rahmenkonzept")
    ]


SMALL_CITY = """
ex:vision a sckg:Vision ; skos:prefLabel "Zielbild"@de .
ex:g1 a sckg:StrategicGoal ; skos:prefLabel "Klimaneutral"@de ; skos:broader ex:vision .
ex:g2 a sckg:StrategicGoal ; skos:prefLabel "Digitale Verwaltung"@de ; skos:broader ex:vision .
ex:it a org:OrganizationalUnit ; rdfs:label "IT-Amt"@de .
ex:a a sckg:Project ; dcterms:title "A"@de ; sckg:contributesTo ex:g1 ; sckg:managedBy ex:it ;
    sckg:inFieldOfAction field:energy .
ex:b a sckg:Project ; dcterms:title "B"@de ; sckg:dependsOn ex:a ; sckg:hasParticipant ex:it ;
    sckg:inFieldOfAction field:e-government .
ex:c a sckg:Project ; dcterms:title "C"@de ; sckg:dependsOn ex:b ; sckg:contributesTo ex:g1 .
"""


def test_goals_with_and_without_projects(make_kg) -> None:
    kg = make_kg(SMALL_CITY)
    assert rows(run_named(kg, "goals-and-projects"), "goalLabel", "projectLabel") == [
        ("Digitale Verwaltung", None),
        ("Klimaneutral", "A"),
        ("Klimaneutral", "C"),
    ]
    assert rows(run_named(kg, "goals-without-projects"), "goalLabel") == [("Digitale Verwaltung",)]


def test_transitive_dependencies(make_kg) -> None:
    kg = make_kg(SMALL_CITY)
    table = run_named(kg, "dependencies-of-project", {"project": "C"})
    assert rows(table, "projectLabel", "dependencyLabel", "direct") == [
        ("C", "B", True),
        ("C", "A", False),
    ]


def test_actors_in_several_fields(make_kg) -> None:
    table = run_named(make_kg(SMALL_CITY), "actors-in-several-fields", lang="en")
    [(actor, count, labels)] = rows(table, "actorLabel", "fields", "fieldLabels")
    assert (actor, count, sorted(labels.split(", "))) == ("IT-Amt", 2, ["E-government", "Energy"])


# --- parameters are bound as RDF terms, never pasted into the text --------------------------------


def test_a_parameter_cannot_inject_sparql(braunschweig: KnowledgeGraph) -> None:
    hostile = 'x" } UNION { ?s ?p ?o } #'
    with pytest.raises(UsageError, match="no such entity"):
        run_named(braunschweig, "projects-by-field", {"field": hostile})
    table = run_query(braunschweig, "SELECT ?v WHERE { BIND(?x AS ?v) }", {"x": Literal(hostile)})
    assert table.records() == [{"v": hostile}]


def test_a_parameter_reaches_into_sub_selects(musterstadt: KnowledgeGraph) -> None:
    # a sub-select is evaluated on its own: without its own VALUES block it would count the projects
    # of every field
    query = """SELECT ?projects WHERE {
      { SELECT (COUNT(DISTINCT ?p) AS ?projects) WHERE { ?p sckg:inFieldOfAction ?field } }
    }"""
    dialogue = NamedNode("https://w3id.org/sckg/vocab/field/citizen-dialogue")
    assert run_query(musterstadt, query, {"field": dialogue}).records() == [{"projects": 3}]
    assert run_query(musterstadt, query).records() == [{"projects": 52}]


def test_bind_values_finds_the_groups_of_every_query_form() -> None:
    block = ' VALUES (?x) { ("v") } '
    cases = {
        "SELECT ?where WHERE { ?where ex:select ?x }": "SELECT ?where WHERE {# ?where ex:select ?x "
        "}",
        "SELECT (EXISTS { ?a ?b ?x } AS ?e) { ?s ?p ?x }": "SELECT (EXISTS { ?a ?b ?x } AS ?e) {# "
        "?s ?p ?x }",
        "ASK { ?s ?p ?x }": "ASK {# ?s ?p ?x }",
        "CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?x }": "CONSTRUCT { ?s ?p ?x } WHERE {# ?s ?p ?x }",
        "CONSTRUCT WHERE { ?s ?p ?x }": "CONSTRUCT WHERE {# ?s ?p ?x }",
        "DESCRIBE ?s WHERE { ?s ?p ?x }": "DESCRIBE ?s WHERE {# ?s ?p ?x }",
        "SELECT * { { SELECT ?s { ?s ?p ?x } } OPTIONAL { ?s ?q ?x } }": (
            "SELECT * {# { SELECT ?s {# ?s ?p ?x } } OPTIONAL { ?s ?q ?x } }"
        ),
    }
    for query, expected in cases.items():
        assert bind_values(query, {"x": '"v"'}) == expected.replace("{#", "{" + block), query
    with pytest.raises(QueryError) as err:
        bind_values("DESCRIBE <https://example.org/a>", {"x": '"v"'})
    assert str(err.value) == "The query has no WHERE group to bind parameters in."


def test_unknown_label_suggests_close_ones(braunschweig: KnowledgeGraph) -> None:
    with pytest.raises(UsageError) as err:
        run_named(braunschweig, "actors-of-project", {"project": "Handyparkn"})
    assert str(err.value) == (
        "project 'Handyparkn': no such entity (give its IRI, prefixed name such as "
        "musterstadt:project/wlan, or label). Did you mean: 'Handyparken', 'Mobile phone parking "
        "(Handyparken)'?"
    )


def test_unknown_parameter_and_bad_pairs(braunschweig: KnowledgeGraph) -> None:
    with pytest.raises(UsageError) as err:
        run_named(braunschweig, "projects-by-field", {"feld": "x"})
    assert (
        str(err.value)
        == "Unknown parameter 'feld' for query 'projects-by-field' (parameters: field)"
    )
    with pytest.raises(UsageError, match="param expects name=value, got 'field'"):
        parse_params(["field"])


def test_unknown_named_query_lists_the_closest() -> None:
    with pytest.raises(UsageError) as err:
        get_named_query("goals-without-project")
    assert str(err.value).startswith(
        "Unknown named query 'goals-without-project'. Did you mean: goals-without-projects"
    )


# --- query safety and syntax errors ---------------------------------------------------------------


def test_syntax_error_shows_line_and_column(braunschweig: KnowledgeGraph) -> None:
    with pytest.raises(QueryError) as err:
        braunschweig.select("SELECT ?p WHERE {\n  ?p a sckg:Project\n  FILTER(?p = ) }")
    message = str(err.value)
    first, text, pointer = message.split("\n")
    assert first.startswith("SPARQL syntax error at line 3, column 18: expected one of")
    assert (text, pointer) == ("    FILTER(?p = ) }", "  " + " " * 17 + "^")


def test_service_is_refused_unless_allowed(braunschweig: KnowledgeGraph) -> None:
    query = "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError) as err:
        braunschweig.select(query)
    assert str(err.value) == (
        "The query uses SERVICE, which would send a request to another host. "
        "Refused by default; pass allow_remote to permit it."
    )


def test_service_inside_a_string_or_comment_is_harmless(braunschweig: KnowledgeGraph) -> None:
    table = braunschweig.select(
        '# SERVICE <http://x>\nSELECT ("SERVICE <http://x>" AS ?s) WHERE {}'
    )
    assert table.records() == [{"s": "SERVICE <http://x>"}]


def test_from_a_remote_graph_is_refused(braunschweig: KnowledgeGraph) -> None:
    with pytest.raises(
        QueryError,
        match=r"reads FROM <http://example\.org/remote\.ttl>, a graph this store does not",
    ):
        braunschweig.select("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }")
    own = braunschweig.data_graphs()[0]
    assert len(braunschweig.select(f"SELECT * FROM <{own}> WHERE {{ ?s ?p ?o }}")) > 0


# --- the fictional city: results its design intends (data/musterstadt/README.md) ------------------

MS = "https://w3id.org/sckg/id/musterstadt/"


def test_musterstadt_goals_without_projects(musterstadt: KnowledgeGraph) -> None:
    assert rows(run_named(musterstadt, "goals-without-projects"), "goal") == [
        (MS + "goal/gesundheit-pflege",),
        (MS + "goal/wissenschaftsstandort",),
    ]


def test_musterstadt_transitive_dependencies_of_the_longest_chain(
    musterstadt: KnowledgeGraph,
) -> None:
    table = run_named(
        musterstadt, "dependencies-of-project", {"project": "Starkregen- und Hitzesimulation"}
    )
    assert rows(table, "dependency", "direct") == [
        (MS + "project/digitaler-zwilling", True),
        (MS + "project/glasfaser-backbone", False),
        (MS + "project/lorawan-netz", False),
        (MS + "project/urbane-datenplattform", False),
    ]


def test_musterstadt_hub_actors_span_most_fields(musterstadt: KnowledgeGraph) -> None:
    top = rows(run_named(musterstadt, "actors-in-several-fields"), "actor", "fields")[:3]
    assert top == [
        (MS + "actor/fb-it-digitalisierung", 8),
        (MS + "actor/stadtwerke", 8),
        (MS + "actor/institut-urbane-daten", 7),
    ]


def test_musterstadt_budget_by_department_top(musterstadt: KnowledgeGraph) -> None:
    top = rows(
        run_named(musterstadt, "budget-by-department"), "departmentLabel", "budgetEUR", "projects"
    )[:2]
    assert top == [
        ("Stadtwerke Musterstadt GmbH", Decimal("8700000"), 6),
        ("Musterstädter Verkehrsbetriebe GmbH", Decimal("8440000"), 3),
    ]


MILESTONES = """
ex:p a sckg:Project ; dcterms:title "Plattform"@de , "Platform"@en .
ex:q a sckg:Project ; dcterms:title "Quartier"@de .
ex:m1 a sckg:Milestone ; rdfs:label "Abnahme"@de ; dcterms:isPartOf ex:p ; dcterms:date\
 "2026-02-15"^^xsd:date ;
      sckg:reached false .
ex:m2 a sckg:Milestone ; rdfs:label "Zuschlag"@de , "Contract awarded"@en ; dcterms:isPartOf ex:p ;
      dcterms:date "2025-03-31"^^xsd:date ; sckg:reached true .
ex:m3 a sckg:Milestone ; rdfs:label "Konzept"@de ; dcterms:isPartOf ex:q ; dcterms:date\
 "2025-06-01"^^xsd:date .
ex:notes a sckg:Milestone ; rdfs:label "Ohne Projekt"@de ; dcterms:isPartOf ex:nothing ;
         dcterms:date "2025-01-01"^^xsd:date .
"""


def test_milestones_in_date_order_with_reached(make_kg) -> None:
    """A milestone of something that is not a project is left out (validation reports it)."""
    kg = make_kg(MILESTONES)
    columns = ("date", "projectLabel", "milestoneLabel", "reached")
    assert rows(run_named(kg, "milestones", lang="en"), *columns) == [
        ("2025-03-31", "Platform", "Contract awarded", True),
        ("2025-06-01", "Quartier", "Konzept", None),
        ("2026-02-15", "Platform", "Abnahme", False),
    ]
    assert rows(run_named(kg, "milestones", {"project": "Plattform"}), *columns) == [
        ("2025-03-31", "Plattform", "Zuschlag", True),
        ("2026-02-15", "Plattform", "Abnahme", False),
    ]


def test_milestones_of_musterstadt(musterstadt: KnowledgeGraph) -> None:
    table = run_named(musterstadt, "milestones", {"project": "e-akte"})
    assert rows(table, "date", "milestoneLabel", "reached") == [
        ("2024-09-30", "Pilotbetrieb im Bürgeramt", True),
        ("2025-12-31", "Hälfte der Fachbereiche umgestellt", False),
    ]
    assert len(run_named(musterstadt, "milestones").rows) == 15


DECIMAL_QUERY = "# param: min decimal  A minimum\nSELECT ?v WHERE { BIND(?min AS ?v) }\n"


@pytest.mark.parametrize(
    ("given", "bound"),
    [
        ("0.0000001", "0.0000001"),
        ("1E-7", "0.0000001"),
        ("12345678901234567.89", "12345678901234567.89"),
        ("-3", "-3"),
        ("250000.50", "250000.50"),
    ],
)
def test_a_decimal_parameter_is_bound_exactly_as_an_xsd_decimal(
    make_kg, given: str, bound: str
) -> None:
    kg = make_kg("")
    query = parse_query_text("q", DECIMAL_QUERY)
    term = bind_params(kg, query, {"min": given})["min"]
    assert term == Literal(bound, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    assert run_query(kg, query.text, {"min": term}).records() == [{"v": Decimal(bound)}]


@pytest.mark.parametrize("given", ["NaN", "Infinity", "-inf", "1,5", "zwei", ""])
def test_a_decimal_parameter_that_is_no_number_is_a_usage_error(make_kg, given: str) -> None:
    with pytest.raises(UsageError) as err:
        bind_params(make_kg(""), parse_query_text("q", DECIMAL_QUERY), {"min": given})
    assert str(err.value) == f"Parameter 'min' expects a value of kind decimal, got '{given}'"


def test_query_command_prints_a_decimal_parameter_with_every_digit(tmp_path) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    (tmp_path / "q.rq").write_text(DECIMAL_QUERY, encoding="utf-8")
    (tmp_path / "empty.ttl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "query",
            str(tmp_path / "q.rq"),
            "--data",
            str(tmp_path / "empty.ttl"),
            "--param",
            "min=12345678901234567.89",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "v\n12345678901234567.89\n"


CITY_QUERY = """# title: Projects with a budget
# title@de: Projekte mit Budget
# description: Every project with a budget.
SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sckg:Project ; sckg:hasBudget ?b }
"""


def test_a_citys_own_queries_join_the_library(tmp_path, musterstadt: KnowledgeGraph) -> None:
    (tmp_path / "budgeted.rq").write_text(CITY_QUERY, encoding="utf-8")
    library = named_queries(extra=tmp_path)
    assert list(library)[-1] == "budgeted" and set(named_queries()) < set(library)
    assert library["budgeted"].title("de") == "Projekte mit Budget"
    assert run_named(musterstadt, "budgeted", queries=tmp_path).records() == [{"n": 50}]
    with pytest.raises(UsageError, match=r"^Unknown named query 'budgeted'"):
        run_named(musterstadt, "budgeted")


def test_own_queries_exist_and_do_not_shadow_those_of_sckg(tmp_path) -> None:
    with pytest.raises(DataError) as error:
        named_queries(extra=tmp_path / "missing")
    missing = tmp_path / "missing"
    assert str(error.value) == f"{missing}: no such folder of named queries (.rq files)"
    with pytest.raises(DataError) as error:
        named_queries(extra=tmp_path)
    assert str(error.value) == f"{tmp_path}: no named queries (.rq files) in this folder"
    (tmp_path / "decisions.rq").write_text(CITY_QUERY, encoding="utf-8")
    with pytest.raises(QueryError) as error:
        named_queries(extra=tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'decisions.rq'}: sckg has a named query 'decisions' already; "
        "give the file another name"
    )


def test_query_and_queries_take_a_folder_of_own_queries(tmp_path, musterstadt_path) -> None:
    from typer.testing import CliRunner

    from sckg.cli import app

    (tmp_path / "budgeted.rq").write_text(CITY_QUERY, encoding="utf-8")
    runner = CliRunner()
    listed = runner.invoke(app, ["queries", "--queries", str(tmp_path), "-l", "en", "-f", "csv"])
    assert listed.exit_code == 0
    last = "budgeted,Projects with a budget,,Every project with a budget."
    assert listed.output.splitlines()[-1] == last
    data = str(musterstadt_path)
    args = ["query", "budgeted", "--queries", str(tmp_path), "-d", data, "-f", "csv"]
    done = runner.invoke(app, args)
    assert (done.exit_code, done.output) == (0, "n\n50\n")
    missing = runner.invoke(app, ["queries", "--queries", str(tmp_path / "nope")])
    assert (missing.exit_code, missing.output) == (
        1,
        f"Error: {tmp_path / 'nope'}: no such folder of named queries (.rq files)\n",
    )


def test_a_query_declares_the_kind_of_its_columns() -> None:
    query = parse_query_text(
        "q", "# column: date date\n# column: n integer\nSELECT ?date ?n ?label WHERE {}", "q.rq"
    )
    assert query.columns == {"date": "date", "n": "integer"}
    with pytest.raises(QueryError) as error:
        parse_query_text("q", "# column: date datum\nSELECT ?date WHERE {}", "q.rq")
    assert str(error.value) == (
        "q.rq: column 'date' has unknown kind 'datum' (integer, decimal, boolean, date, text)"
    )
