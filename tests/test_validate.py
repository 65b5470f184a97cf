"""SHACL validation: violations for wrong structure, warnings for the open points of the inventory."""

from sckg.kg import KnowledgeGraph
from sckg.validate import validate

BS = "https://w3id.org/sckg/id/braunschweig/project/"


def test_braunschweig_has_no_violation_and_its_warnings_are_the_open_points(braunschweig: KnowledgeGraph) -> None:
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
    assert found == sorted((p, f"shapes:Project{s}") for p, shapes in missing.items() for s in shapes)


def test_findings_name_the_entity_rule_and_fix(braunschweig: KnowledgeGraph) -> None:
    report = validate(braunschweig, lang="en")
    handyparken = [f for f in report.warnings if f.focus == BS + "handyparken" and f.shape.endswith("ManagedBy")]
    [finding] = handyparken
    assert finding.label == "Mobile phone parking (Handyparken)"
    assert finding.rule == "Project management"
    assert finding.message == "The project has no managing actor (sckg:managedBy)."
    assert finding.fix.startswith("Find out who is in charge")
    german = [f for f in validate(braunschweig, "de").warnings if f.focus == finding.focus and f.shape == finding.shape]
    assert german[0].message == "Für das Projekt ist keine Federführung angegeben (sckg:managedBy)."


def test_violations_come_first_and_break_conformance(make_kg) -> None:
    kg = make_kg(
        """
        ex:p a sckg:Project ; sckg:hasBudget ex:b ; sckg:managedBy ex:u ; sckg:inFieldOfAction field:energy ;
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


def test_musterstadt_is_complete(musterstadt: KnowledgeGraph) -> None:
    report = validate(musterstadt)
    assert report.findings == []
