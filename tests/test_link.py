"""Linking council papers to projects and fields of action by the SKOS keyword rules."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from sckg.cli import app
from sckg.errors import UsageError
from sckg.ingest import write_turtle
from sckg.ingest.oparl import import_oparl
from sckg.kg import KnowledgeGraph
from sckg.link import LinkProposal, Rule, keyword_rules, propose_paper_links, select_proposals, write_links

runner = CliRunner()
EX = "https://example.org/city/"
FIELD = "https://w3id.org/sckg/vocab/field/"

PAPERS = """
ex:p1 a oparl:Paper ; dcterms:title "Ausbau öffentlicher WLAN-Hotspots"@de .
ex:p2 a oparl:Paper ; dcterms:title "Neue Ladesäulen am Bahnhof"@de ;
    sckg:resolutionText "Die Verwaltung wird beauftragt, Handyparken in allen Parkzonen einzuführen."@de .
ex:p3 a oparl:Paper ; dcterms:title "Schnellladesäule und SWLAN"@de .
ex:p4 a oparl:Paper ; dcterms:title "Handyparken"@de ; dcterms:subject ex:handyparken .
ex:netze a sckg:FieldOfAction , skos:Concept ; skos:prefLabel "Netze"@de ; skos:exactMatch field:infrastructure .
ex:handyparken a sckg:Project ; dcterms:title "Handyparken"@de .
ex:wlan a sckg:Project ; dcterms:title "Öffentliches WLAN in der Innenstadt"@de ; skos:hiddenLabel "Hotspot"@de .
"""


@pytest.fixture
def papers(make_kg) -> KnowledgeGraph:
    return make_kg(PAPERS)


def test_rules_come_from_the_skos_vocabulary_and_the_data(papers: KnowledgeGraph) -> None:
    rules = keyword_rules(papers)
    assert [r for r in rules if r.kind == "project"] == [
        Rule(f"{EX}handyparken", "project", "Handyparken"), Rule(f"{EX}wlan", "project", "Hotspot"),
    ]
    assert [r.keyword for r in rules if r.target == f"{FIELD}smart-mobility"] == [
        "Carsharing", "Elektromobilität", "Handyparken", "Ladeinfrastruktur", "Ladesäule", "Parkleitsystem",
    ]
    # the reference field's keywords point to the city's own field that matches it
    assert [r.keyword for r in rules if r.target == f"{EX}netze"] == ["5G", "Breitband", "Glasfaser", "LoRaWAN",
                                                                     "WLAN"]
    assert not any(r.target == f"{FIELD}infrastructure" for r in rules)


def test_proposals_with_the_matching_text(papers: KnowledgeGraph) -> None:
    assert propose_paper_links(papers, "de") == [
        LinkProposal(f"{EX}p1", "Ausbau öffentlicher WLAN-Hotspots", f"{EX}netze", "Netze", "field", "WLAN",
                     "Ausbau öffentlicher WLAN-Hotspots"),
        LinkProposal(f"{EX}p1", "Ausbau öffentlicher WLAN-Hotspots", f"{EX}wlan", "Öffentliches WLAN in der Innenstadt",
                     "project", "Hotspot", "Ausbau öffentlicher WLAN-Hotspots"),
        LinkProposal(f"{EX}p4", "Handyparken", f"{FIELD}smart-mobility", "Smart Mobility", "field", "Handyparken",
                     "Handyparken"),
        LinkProposal(f"{EX}p2", "Neue Ladesäulen am Bahnhof", f"{FIELD}smart-mobility", "Smart Mobility", "field",
                     "Ladesäule, Handyparken", "Neue Ladesäulen am Bahnhof"),
        LinkProposal(f"{EX}p2", "Neue Ladesäulen am Bahnhof", f"{EX}handyparken", "Handyparken", "project",
                     "Handyparken", "Die Verwaltung wird beauftragt, Handyparken in allen Parkzonen einzuführen."),
    ]


def test_short_keywords_match_whole_words_and_long_ones_word_starts(make_kg) -> None:
    kg = make_kg('ex:p a oparl:Paper ; dcterms:title "SWLAN, Schnellladesäule, 5GHz und OZG-Portal"@de .')
    assert [(p.target, p.keyword) for p in propose_paper_links(kg)] == [(f"{FIELD}e-government", "OZG")]


def test_long_texts_are_cut_to_whole_words_around_the_match(make_kg) -> None:
    text = "Die Stadt prüft seit dem vergangenen Jahr den Aufbau weiterer Ladesäulen an allen Schulen und " \
           "Kindergärten der Stadt, beginnend im Norden"
    kg = make_kg(f'ex:p a oparl:Paper ; sckg:resolutionText "{text}"@de ; rdfs:label "P"@de .')
    (proposal,) = propose_paper_links(kg)
    assert proposal.text == "…vergangenen Jahr den Aufbau weiterer Ladesäulen an allen Schulen und Kindergärten " \
                            "der…"


def test_select_and_accept(papers: KnowledgeGraph, tmp_path: Path) -> None:
    proposals = propose_paper_links(papers)
    assert select_proposals(proposals, "all") == proposals
    assert select_proposals(proposals, "2, 4-5,2") == [proposals[1], proposals[3], proposals[4]]
    with pytest.raises(UsageError, match=r"--accept: '6' is not a proposal number or range between 1 and 5"):
        select_proposals(proposals, "1,6")
    out = tmp_path / "links.ttl"
    assert write_links(select_proposals(proposals, "1,3"), out) == 2
    assert write_links(select_proposals(proposals, "3,5"), out) == 3  # added to the file, no duplicates
    assert sorted(str(t) for t in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)) == [
        f"<{EX}p1> <http://purl.org/dc/terms/subject> <{EX}netze>",
        f"<{EX}p2> <http://purl.org/dc/terms/subject> <{EX}handyparken>",
        f"<{EX}p4> <http://purl.org/dc/terms/subject> <{FIELD}smart-mobility>",
    ]


def test_council_papers_from_oparl_against_the_braunschweig_data(braunschweig_path: Path, tmp_path: Path) -> None:
    write_turtle(import_oparl(Path(__file__).parent / "assets/oparl/musterstadt-1.0", "musterstadt").triples,
                 tmp_path / "council.ttl")
    kg = KnowledgeGraph.open([braunschweig_path, tmp_path / "council.ttl"])
    paper = "https://w3id.org/sckg/id/musterstadt/oparl/oparl/v1/paper/"
    bs = "https://w3id.org/sckg/id/braunschweig/"
    assert [(p.paper[len(paper):], p.target[len(bs):], p.keyword) for p in propose_paper_links(kg)] == [
        ("2024-019", "field/smart-mobility", "Ladesäule, Handyparken"),
        ("2024-019", "project/handyparken", "Handyparken"),
        ("2024-017", "field/infrastrukturausbau", "WLAN"),
    ]


def test_cli_lists_and_accepts(tmp_path: Path, turtle_file) -> None:
    data = ["--data", str(turtle_file(PAPERS))]
    result = runner.invoke(app, ["link", "papers", *data, "--format", "csv"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "n,paper,target,kind,keyword,text,paper_iri,target_iri"
    assert lines[1] == f"1,Ausbau öffentlicher WLAN-Hotspots,Netze,field,WLAN,Ausbau öffentlicher WLAN-Hotspots," \
                       f"{EX}p1,{EX}netze"
    assert len(lines) == 6
    result = runner.invoke(app, ["link", "papers", *data, "--accept", "all"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --accept needs --out FILE.ttl: the file the accepted links are written to.\n"
    out = tmp_path / "links.ttl"
    result = runner.invoke(app, ["link", "papers", *data, "--accept", "1,2", "--out", str(out)])
    assert result.exit_code == 0
    assert result.stderr == f"Accepted 2 proposals; {out} now holds 2 links.\n"
    again = runner.invoke(app, ["link", "papers", *data, "--data", str(out), "--format", "csv"])
    assert len(again.stdout.splitlines()) == 4  # the accepted links are no longer proposed
