"""Every word sckg shows to people, in German and English: one catalogue, looked up with :func:`t`.

A key is ``group.name``; its entry holds one text per language with ``{placeholders}`` filled by
:func:`t`. A text that depends on a count has a ``one`` and an ``other`` form, chosen by the value
``n``. Families of keys named after a concept's values (``class.project``,
``gap.goal-without-project``, ``month.12`` ...) are looked up with the value in the key. Numbers,
amounts and dates are formatted by :mod:`sckg.formatting`.

To add a message: add its key with both languages here and call ``t("group.name", lang,
value=...)``; ``tests/test_words.py`` fails when a key lacks a language or a placeholder, or is
never used.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from enum import StrEnum
from functools import cache
from typing import Any

from .choices import Lang
from .errors import Message, ParameterError

_LANGS = frozenset(Lang)
Text = str | dict[str, str]  # a text, or its "one" and "other" forms

CATALOGUE: dict[str, dict[str, Text]] = {
    # --- shared words ---
    "list.and": {"de": "{items} und {last}", "en": "{items} and {last}"},
    "list.or": {"de": "{items} oder {last}", "en": "{items} or {last}"},
    "list.more": {"de": "{items} und {n} weitere", "en": "{items} and {n} more"},
    "count.projects": {
        "de": {"one": "{n} Projekt", "other": "{n} Projekte"},
        "en": {"one": "{n} project", "other": "{n} projects"},
    },
    "count.actors": {
        "de": {"one": "{n} Akteur", "other": "{n} Akteure"},
        "en": {"one": "{n} actor", "other": "{n} actors"},
    },
    "count.rows_shown": {
        "de": "{shown} von {total} Zeilen gezeigt; {=limit 0} zeigt alle.",
        "en": "Showing {shown} of {total} rows; {=limit 0} shows all.",
    },
    **{
        f"month.{i}": {"de": de, "en": en}
        for i, (de, en) in enumerate(
            [
                ("Januar", "January"),
                ("Februar", "February"),
                ("März", "March"),
                ("April", "April"),
                ("Mai", "May"),
                ("Juni", "June"),
                ("Juli", "July"),
                ("August", "August"),
                ("September", "September"),
                ("Oktober", "October"),
                ("November", "November"),
                ("Dezember", "December"),
            ],
            1,
        )
    },
    "sources.more": {
        "de": {"one": "und {count} weitere Quelle", "other": "und {count} weitere Quellen"},
        "en": {"one": "and {count} more source", "other": "and {count} more sources"},
    },
    # the terms of reuse a dataset states (sckg.sources.terms_html): licence, source, our changes
    "terms.licence": {"de": "Lizenz", "en": "Licence"},
    "terms.source": {"de": "Quelle", "en": "Source"},
    "terms.converted": {
        "de": "Geändert: von sckg in einen Wissensgraphen übertragen, nur ausgewählte Angaben",
        "en": "Changed: converted to a knowledge graph by sckg, selected statements only",
    },
    "date.long": {"de": "{day}. {month} {year}", "en": "{day} {month} {year}"},
    # --- linking council papers (sckg.link): the evidence of a proposal ---
    "link.evidence": {
        "de": "{place}: „{found}“ ~ {keyword} +{points}",
        "en": '{place}: "{found}" ~ {keyword} +{points}',
    },
    "link.evidence_context": {
        "de": "{place}: „{found}“ ~ {keyword} (Kontext) +{points}",
        "en": '{place}: "{found}" ~ {keyword} (context) +{points}',
    },
    "link.place.title": {"de": "Titel", "en": "title"},
    "link.place.type": {"de": "Vorlagenart", "en": "paper type"},
    "link.place.committee": {"de": "Gremium", "en": "committee"},
    "link.place.originator": {"de": "Einreicher", "en": "originator"},
    "link.place.text": {"de": "Text", "en": "text"},
    # --- inventory meets council (sckg.actor_match): the evidence of a proposed match ---
    "actor_match.same_name": {"de": "gleicher Name", "en": "same name"},
    "actor_match.short_name": {"de": "Kurzname „{name}“", "en": 'short name "{name}"'},
    "actor_match.same_kind": {"de": "gleiche Art: {kind}", "en": "same kind: {kind}"},
    # --- comparing cities (sckg.compare) ---
    "compare.fictional": {"de": "{name} (fiktiv)", "en": "{name} (fictional)"},
    "compare.frame.field": {"de": "Handlungsfeld", "en": "field of action"},
    "compare.frame.sdg": {"de": "SDG", "en": "SDG"},
    "compare.heatmap.field": {
        "de": "Projekte je Referenz-Handlungsfeld",
        "en": "Projects per reference field",
    },
    "compare.heatmap.sdg": {"de": "Projekte je SDG", "en": "Projects per SDG"},
    "compare.section": {
        "de": "Vergleich mit anderen Städten",
        "en": "Benchmarking with other cities",
    },
    "compare.section_intro": {
        "de": "{city} im Vergleich mit {others}: Projekte und Maßnahmen je Referenz-Handlungsfeld, "
        "was die anderen tun und {city} nicht, die Programme nebeneinander und "
        "Best-Practice-Kandidaten für die eigenen Projekte (Vorschläge mit ihren Belegen, zu "
        "prüfen mit sckg compare --review).",
        "en": "{city} beside {others}: projects and measures per reference field, what the others "
        "do that {city} does not, the programmes side by side and best-practice candidates for its "
        "projects (proposals with their evidence, to review with sckg compare --review).",
    },
    "compare.source": {
        "de": "Quelle: die Datensätze von {cities}",
        "en": "Source: the datasets of {cities}",
    },
    "compare.gaps": {
        "de": "Was andere tun und {city} nicht",
        "en": "What others do that {city} does not",
    },
    "compare.structure": {"de": "Die Programme nebeneinander", "en": "The programmes side by side"},
    "compare.candidates": {
        "de": {"one": "{n} Best-Practice-Kandidat", "other": "{n} Best-Practice-Kandidaten"},
        "en": {"one": "{n} best-practice candidate", "other": "{n} best-practice candidates"},
    },
    "compare.column.frame": {"de": "Rahmen", "en": "frame"},
    "compare.column.concept": {"de": "Handlungsfeld oder Ziel", "en": "field or goal"},
    "compare.column.others": {"de": "andere Städte (Projekte)", "en": "other cities (projects)"},
    "compare.column.field": {"de": "Referenz-Handlungsfeld", "en": "reference field"},
    "compare.column.project": {"de": "Projekt", "en": "project"},
    "compare.column.example": {"de": "Beispiel", "en": "example"},
    "compare.column.city": {"de": "Stadt", "en": "city"},
    "compare.column.score": {"de": "Punkte", "en": "score"},
    "compare.column.evidence": {"de": "Belege", "en": "evidence"},
    "compare.measure": {"de": "Kennzahl", "en": "measure"},
    "compare.evidence_word": {
        "de": "„{ours}“ ~ „{theirs}“ +{points}",
        "en": '"{ours}" ~ "{theirs}" +{points}',
    },
    "compare.evidence_concept": {
        "de": "Thema {concept}: „{ours}“ ~ „{theirs}“ +{points}",
        "en": 'concept {concept}: "{ours}" ~ "{theirs}" +{points}',
    },
    "targets.evidence_concept": {
        "de": "Thema {concept}: „{word}“ +{points}",
        "en": 'concept {concept}: "{word}" +{points}',
    },
    "targets.evidence_field": {
        "de": "Referenz-Handlungsfeld {field} +{points}",
        "en": "reference field {field} +{points}",
    },
    "targets.evidence_siblings": {
        "de": "{count} von {total} Projekten desselben Handlungsfelds +{points}",
        "en": "{count} of {total} projects of the same field of action +{points}",
    },
    "compare.no_items": {
        "de": "{city} hat keine Projekte oder Maßnahmen, zählt daher in keinem Handlungsfeld und "
        "Ziel und bietet kein Best-Practice-Beispiel; importieren Sie das Programm daneben (sckg "
        "import table).",
        "en": "{city} has no projects or measures, so it counts 0 in every field and goal and "
        "offers no best practice; import its programme next to it (sckg import table).",
    },
    "compare.unmapped": {
        "de": "{count} der {total} Projekte und Maßnahmen von {city} liegen in einem Handlungsfeld "
        "ohne Referenz-Handlungsfeld und zählen daher in keinem (Handlungsfelder: {fields}); sckg "
        "compare --show mapping schlägt Referenz-Handlungsfelder für sie vor.",
        "en": "{count} of {city}'s {total} projects and measures are in a field of action that "
        "maps to no reference field, so they count in none (fields: {fields}); sckg compare "
        "--show mapping proposes reference fields for them.",
    },
    "mapping.evidence_name": {
        "de": "Name: „{found}“ ~ {word} +{points}",
        "en": 'name: "{found}" ~ {word} +{points}',
    },
    "mapping.evidence_projects": {
        "de": "{count} von {total} Projekten des Handlungsfelds +{points}",
        "en": "{count} of {total} projects of the field of action +{points}",
    },
    "compare.evidence_field": {
        "de": "gleiches Handlungsfeld {field} +{points}",
        "en": "same field of action {field} +{points}",
    },
    "compare.evidence_target": {
        "de": "gleiches SDG-Unterziel {target} +{points}",
        "en": "same SDG target {target} +{points}",
    },
    "compare.structure.fields": {"de": "Handlungsfelder", "en": "fields of action"},
    "compare.structure.goals": {"de": "strategische Ziele", "en": "strategic goals"},
    "compare.structure.projects": {"de": "Projekte und Maßnahmen", "en": "projects and measures"},
    "compare.structure.projects_per_field": {
        "de": "Projekte je Handlungsfeld",
        "en": "projects per field",
    },
    "compare.structure.with_field": {"de": "mit Handlungsfeld", "en": "with a field of action"},
    "compare.structure.with_reference_field": {
        "de": "mit Referenz-Handlungsfeld",
        "en": "with a reference field",
    },
    "compare.structure.with_sdg": {"de": "mit SDG-Bezug", "en": "mapped to an SDG"},
    "compare.structure.managed": {"de": "mit Federführung", "en": "with a managing unit"},
    "compare.structure.budget": {"de": "mit Budget", "en": "with a budget"},
    "compare.structure.decided": {
        "de": "mit Ratsbeschluss oder Vorlage",
        "en": "with a council decision or paper",
    },
    "compare.structure.dependencies": {
        "de": "Abhängigkeiten je Projekt",
        "en": "dependencies per project",
    },
    # --- validation findings that are not SHACL results (sckg.validate) ---
    "validate.ill_typed_rule": {"de": "Gültiger Literalwert", "en": "Well-typed literal"},
    "validate.ill_typed_message": {
        "de": 'Der Wert "{value}" ist kein gültiger Wert vom Typ {datatype}.',
        "en": 'The value "{value}" is not a valid {datatype}.',
    },
    "validate.ill_typed_fix": {
        "de": "Schreiben Sie den Wert in der Form des Datentyps (XML Schema 1.1), z. B. 250000.00 "
        "für xsd:decimal und 2024-03-01 für xsd:date, oder lassen Sie den Datentyp weg.",
        "en": "Write the value in its datatype's form (XML Schema 1.1), e.g. 250000.00 for "
        "xsd:decimal and 2024-03-01 for xsd:date, or leave the datatype out.",
    },
    # --- values the outputs leave out (sckg.typed) and unknown amounts (sckg.formatting) ---
    "typed.left_out": {
        "de": 'Ausgelassen: {entity}, {property} "{value}" ist kein gültiger Wert vom Typ '
        "{datatype}.",
        "en": 'Left out: {entity}, {property} "{value}" is not a valid {datatype}.',
    },
    "typed.more": {
        "de": {
            "one": "… und {n} weiterer ungültiger Wert (sckg validate nennt alle).",
            "other": "… und {n} weitere ungültige Werte (sckg validate nennt alle).",
        },
        "en": {
            "one": "… and {n} more ill-typed value (sckg validate lists them all).",
            "other": "… and {n} more ill-typed values (sckg validate lists them all).",
        },
    },
    "money.unknown": {"de": "unbekannt", "en": "unknown"},
    "money.at_least": {"de": "mindestens {amount}", "en": "at least {amount}"},
    # --- classes of nodes (sckg.network.projection.NODE_CLASSES) ---
    "class.project": {"de": "Projekt", "en": "Project"},
    "class.programme": {"de": "Programm", "en": "Programme"},
    "class.vision": {"de": "Zielbild", "en": "Vision"},
    "class.goal": {"de": "Strategisches Ziel", "en": "Strategic goal"},
    "class.field": {"de": "Handlungsfeld", "en": "Field of action"},
    "class.decision": {"de": "Beschluss", "en": "Decision"},
    "class.paper": {"de": "Vorlage", "en": "Council paper"},
    "class.consultation": {"de": "Beratung", "en": "Consultation"},
    "class.meeting": {"de": "Sitzung", "en": "Meeting"},
    "class.budget": {"de": "Haushaltsansatz", "en": "Budget line"},
    "class.requirement": {"de": "Rechtliche Anforderung", "en": "Legal requirement"},
    "class.example": {"de": "Best-Practice-Beispiel", "en": "Best-practice example"},
    "class.person": {"de": "Person", "en": "Person"},
    "class.actor": {"de": "Akteur", "en": "Actor"},
    # --- projections (sckg.network.projection.PROJECTIONS): the default title of their map ---
    "projection.entity": {"de": "Gesamtnetz", "en": "Entity network"},
    "projection.actors": {"de": "Akteursnetz", "en": "Actor network"},
    "projection.dependencies": {"de": "Projektabhängigkeiten", "en": "Project dependencies"},
    "projection.coverage": {
        "de": "Abdeckung: Ziele und Handlungsfelder",
        "en": "Coverage: goals and fields of action",
    },
    "projection.strategy": {
        "de": "Strategiebaum: Zielbild, Ziele, Handlungsfelder, Projekte, Beschlüsse",
        "en": "Strategy tree: vision, goals, fields, projects, decisions",
    },
    "projection.partners": {
        "de": "Genannte Partner (Interviews)",
        "en": "Named partners (interviews)",
    },
    # --- analyses (sckg.network): reasons and notes ---
    "empty.no_projects": {
        "de": "Keine Projekte im Graphen: Importieren Sie das Projektinventar des Programms neben "
        "die Ratsdaten (sckg import table).",
        "en": "No projects in the graph: import the programme's inventory next to the council data "
        "(sckg import table).",
    },
    "empty.next.partners": {
        "de": "Sie wird aus den Interviews gezeichnet: Erfassen Sie, wer wen als Partner genannt "
        "hat, auf den Blättern Interviews und Aussagen der Bestandsaufnahme (docs/interviews.md).",
        "en": "It is drawn from the interviews: record who named whom as a partner on the sheets "
        "Interviews and Statements of the inventory (docs/interviews.md).",
    },
    "empty.no_map": {
        "de": "Nichts zu zeichnen: Die Daten enthalten keinen Knoten der Karte „{projection}“.",
        "en": "Nothing to draw: the data has no node of the map “{projection}”.",
    },
    "empty.no_network": {
        "de": "Das Netz „{projection}“ hat in diesen Daten keinen Knoten.",
        "en": "The network “{projection}” has no node in this data.",
    },
    "empty.because": {"de": "{what} {why}", "en": "{what} {why}"},
    "empty.no_nodes": {
        "de": "Nichts zu ordnen: Die Projektion „{projection}“ hat keine Knoten.",
        "en": "Nothing to rank: the projection “{projection}” has no nodes.",
    },
    "empty.no_links.actors": {
        "de": "Nichts zu ordnen: Kein Akteur arbeitet mit einem anderen an einem Projekt; erfassen "
        "Sie, wer an Projekten beteiligt ist (sckg:hasParticipant, sckg:contractor).",
        "en": "Nothing to rank: no actor works on a project with another; record who takes part in "
        "projects (sckg:hasParticipant, sckg:contractor).",
    },
    "empty.no_links.dependencies": {
        "de": "Nichts zu ordnen: Kein Projekt hängt von einem anderen ab; erfassen Sie "
        "Abhängigkeiten mit sckg:dependsOn.",
        "en": "Nothing to rank: no project depends on another; record dependencies with "
        "sckg:dependsOn.",
    },
    "empty.no_links.coverage": {
        "de": "Nichts zu ordnen: Kein Projekt ist einem Ziel oder Handlungsfeld zugeordnet; "
        "erfassen Sie sckg:contributesTo und sckg:inFieldOfAction.",
        "en": "Nothing to rank: no project is linked to a goal or field of action; record "
        "sckg:contributesTo and sckg:inFieldOfAction.",
    },
    "empty.no_links.partners": {
        "de": "Nichts zu ordnen: Keine Aussage eines Interviews nennt einen Akteur; erfassen Sie "
        "im Blatt Aussagen, welche Akteure genannt wurden (Spalte Betrifft).",
        "en": "Nothing to rank: no interview statement names an actor; record on the sheet "
        "Statements which actors were named (column About).",
    },
    "empty.no_links.entity": {
        "de": "Nichts zu ordnen: Die Entitäten sind nicht miteinander verknüpft.",
        "en": "Nothing to rank: the entities are not linked to each other.",
    },
    "centrality.estimated": {
        "de": "Betweenness geschätzt aus {k} von {n} Startknoten (Zufallsauswahl, Seed {seed}); "
        "exakte Werte mit {=sample 0}.",
        "en": "Betweenness estimated from {k} of {n} source nodes (random sample, seed {seed}); "
        "exact values with {=sample 0}.",
    },
    "centrality.linked": {
        "de": {"one": "mit {n} anderen verbunden", "other": "mit {n} anderen verbunden"},
        "en": {"one": "linked to {n} other", "other": "linked to {n} others"},
    },
    "centrality.degree": {
        "de": {
            "one": "direkt mit {n} anderen verbunden",
            "other": "direkt mit {n} anderen verbunden",
        },
        "en": {"one": "linked directly to {n} other", "other": "linked directly to {n} others"},
    },
    "centrality.pagerank": {
        "de": "PageRank {value} (Anteil der Besuche eines Zufallswegs über die Verbindungen); "
        "{linked}",
        "en": "PageRank {value} (share of visits of a random walk along the links); {linked}",
    },
    "centrality.closeness": {
        "de": "erreicht die {reached} mit ihm verbundenen Knoten im Schnitt in {mean} Schritten",
        "en": "reaches the {reached} nodes connected to it in {mean} steps on average",
    },
    "centrality.betweenness": {
        "de": "liegt auf {share} der kürzesten Wege zwischen anderen Knoten; {linked}",
        "en": "lies on {share} of the shortest paths between other nodes; {linked}",
    },
    "cut.articulation-point": {
        "de": {
            "one": "Ohne {label} verliert {names} jede Verbindung zum übrigen Netz",
            "other": "Ohne {label} verlieren {names} jede Verbindung zum übrigen Netz",
        },
        "en": {
            "one": "Without {label}, {names} loses every link to the rest of the network",
            "other": "Without {label}, {names} lose every link to the rest of the network",
        },
    },
    "cut.bridge": {
        "de": {
            "one": "Ohne die Verbindung {label} verliert {names} jede Verbindung zum übrigen Netz",
            "other": "Ohne die Verbindung {label} verlieren {names} jede Verbindung zum übrigen "
            "Netz",
        },
        "en": {
            "one": "Without the link {label}, {names} loses every link to the rest of the network",
            "other": "Without the link {label}, {names} lose every link to the rest of the network",
        },
    },
    "communities.found": {
        "de": "{n} Gemeinschaften (Louvain, Seed {seed}); Modularität {found}, die der formalen "
        "Bereiche {formal}.",
        "en": "{n} communities (Louvain, seed {seed}); modularity {found}, that of the formal "
        "departments {formal}.",
    },
    "communities.isolated": {
        "de": {
            "one": "{n} Knoten ohne Verbindung ist nicht aufgeführt.",
            "other": "{n} Knoten ohne Verbindung sind nicht aufgeführt.",
        },
        "en": {
            "one": "{n} node without any link is left out.",
            "other": "{n} nodes without any link are left out.",
        },
    },
    "communities.outside": {
        "de": "{reason}; {n} ohne Bereich (Gremien u. a.)",
        "en": "{reason}; {n} without a department (bodies etc.)",
    },
    "communities.across": {
        "de": "arbeitet über Bereichsgrenzen hinweg: Mitglieder aus {n} Bereichen",
        "en": "works across department lines: members from {n} departments",
    },
    "communities.within": {
        "de": "bleibt innerhalb eines Bereichs: {name}",
        "en": "stays within one department: {name}",
    },
    "communities.none": {
        "de": "kein Mitglied gehört zu einem Bereich",
        "en": "no member belongs to a department",
    },
    "impact.upstream": {
        "de": "{name} hängt von {counted} ab ({direct} direkt).",
        "en": "{name} depends on {counted} ({direct} directly).",
    },
    "impact.downstream": {
        "de": {
            "one": "{counted} hängt von {name} ab ({direct} direkt).",
            "other": "{counted} hängen von {name} ab ({direct} direkt).",
        },
        "en": {
            "one": "{counted} depends on {name} ({direct} directly).",
            "other": "{counted} depend on {name} ({direct} directly).",
        },
    },
    "impact.in_cycle": {
        "de": "{name} liegt in einem Abhängigkeitskreis (siehe sckg analyze cycles).",
        "en": "{name} is part of a dependency cycle (see sckg analyze cycles).",
    },
    "impact.needs_directly": {
        "de": "{name} hängt direkt davon ab",
        "en": "{name} depends on it directly",
    },
    "impact.needs_via": {
        "de": "{name} hängt über {via} davon ab",
        "en": "{name} depends on it via {via}",
    },
    "impact.depends_directly": {
        "de": "hängt direkt von {name} ab",
        "en": "depends directly on {name}",
    },
    "impact.depends_via": {
        "de": "hängt über {via} von {name} ab",
        "en": "depends on {name} via {via}",
    },
    # --- prioritisation (sckg.prioritise): criteria, reasons, weights, notes ---
    **{
        f"prio.criterion.{k}": {"de": de, "en": en}
        for k, (de, en) in {
            "goals": ("Ziele", "goals"),
            "dependents": ("abhängige Projekte", "dependent projects"),
            "mandate": ("Ratsmandat", "council mandate"),
            "budget": ("Budget gesichert", "budget secured"),
            "milestones": ("Meilensteine fällig", "milestones due"),
            "readiness": ("Reife", "readiness"),
            "impact": ("Wirkung", "impact"),
            "urgency": ("Dringlichkeit", "urgency"),
            "effort": ("Aufwand", "effort"),
            "risk": ("Risiko", "risk"),
            "votes": ("Punkte im Workshop", "workshop dots"),
        }.items()
    },
    **{
        f"prio.scale.{i}": {"de": de, "en": en}
        for i, (de, en) in enumerate(
            [
                ("sehr gering", "very low"),
                ("gering", "low"),
                ("mittel", "medium"),
                ("hoch", "high"),
                ("sehr hoch", "very high"),
            ],
            1,
        )
    },
    "prio.goals": {
        "de": {
            "one": "trägt zu {n} Ziel bei: {names}",
            "other": "trägt zu {n} Zielen bei: {names}",
        },
        "en": {
            "one": "contributes to {n} goal: {names}",
            "other": "contributes to {n} goals: {names}",
        },
    },
    "prio.goals.none": {"de": "trägt zu keinem Ziel bei", "en": "contributes to no goal"},
    "prio.goals.sdgs": {"de": "(SDG {sdgs})", "en": "(SDG {sdgs})"},
    "prio.dependents": {
        "de": {
            "one": "{n} Projekt hängt davon ab: {names}",
            "other": "{n} Projekte hängen davon ab: {names}",
        },
        "en": {
            "one": "{n} project depends on it: {names}",
            "other": "{n} projects depend on it: {names}",
        },
    },
    "prio.dependents.none": {"de": "kein Projekt hängt davon ab", "en": "no project depends on it"},
    "prio.mandate": {
        "de": {
            "one": "{n} Beschluss oder Vorlage: {names}",
            "other": "{n} Beschlüsse oder Vorlagen: {names}",
        },
        "en": {
            "one": "{n} decision or paper: {names}",
            "other": "{n} decisions or papers: {names}",
        },
    },
    "prio.mandate.none": {
        "de": "kein Beschluss und keine Vorlage dazu",
        "en": "no decision or paper about it",
    },
    "prio.budget.some": {"de": "Budget {amount}", "en": "budget {amount}"},
    "prio.budget.none": {"de": "kein Budget erfasst", "en": "no budget recorded"},
    "prio.votes": {
        "de": {"one": "{n} Punkt aus {where}", "other": "{n} Punkte aus {where}"},
        "en": {"one": "{n} dot from {where}", "other": "{n} dots from {where}"},
    },
    "prio.votes.none": {
        "de": "keine Punkte in {workshops}",
        "en": "no dots in {workshops}",
    },
    "prio.field.votes": {
        "de": {
            "one": "{n} Punkt für das Handlungsfeld, seine Ideen und {projects} offene Projekte",
            "other": "{n} Punkte für das Handlungsfeld, seine Ideen und {projects} offene Projekte",
        },
        "en": {
            "one": "{n} dot for the field, its ideas and {projects} open projects",
            "other": "{n} dots for the field, its ideas and {projects} open projects",
        },
    },
    "prio.milestones.none": {
        "de": "kein offener Meilenstein fällig",
        "en": "no open milestone due",
    },
    "prio.milestones.overdue": {
        "de": "überfällig: {name} ({date})",
        "en": "overdue: {name} ({date})",
    },
    "prio.milestones.near": {
        "de": "bald fällig: {name} ({date})",
        "en": "due soon: {name} ({date})",
    },
    "prio.readiness": {"de": "Status: {status}", "en": "status: {status}"},
    "prio.readiness.unknown": {
        "de": "kein Status angegeben: nicht gereiht",
        "en": "no status given: not ranked",
    },
    "prio.field.goals": {
        "de": {
            "one": "{n} Ziel seiner {projects} offenen Projekte",
            "other": "{n} Ziele seiner {projects} offenen Projekte",
        },
        "en": {
            "one": "{n} goal of its {projects} open projects",
            "other": "{n} goals of its {projects} open projects",
        },
    },
    "prio.field.dependents": {
        "de": {
            "one": "{n} Projekt eines anderen Felds hängt von seinen ab: {names}",
            "other": "{n} Projekte anderer Felder hängen von seinen ab: {names}",
        },
        "en": {
            "one": "{n} project of another field depends on its projects: {names}",
            "other": "{n} projects of other fields depend on its projects: {names}",
        },
    },
    "prio.field.budget": {
        "de": "{n} von {total} offenen Projekten mit Budget",
        "en": "{n} of {total} open projects with a budget",
    },
    "prio.field.milestones": {
        "de": {"one": "{n} offener Meilenstein fällig", "other": "{n} offene Meilensteine fällig"},
        "en": {"one": "{n} open milestone due", "other": "{n} open milestones due"},
    },
    "prio.field.readiness": {
        "de": {
            "one": "mittlere Reife {value} ({n} Projekt mit Status)",
            "other": "mittlere Reife {value} ({n} Projekte mit Status)",
        },
        "en": {
            "one": "mean readiness {value} ({n} project with a status)",
            "other": "mean readiness {value} ({n} projects with a status)",
        },
    },
    "prio.note.completed": {
        "de": {
            "one": "{n} abgeschlossenes Projekt wird nicht gereiht.",
            "other": "{n} abgeschlossene Projekte werden nicht gereiht.",
        },
        "en": {
            "one": "{n} completed project is not ranked.",
            "other": "{n} completed projects are not ranked.",
        },
    },
    "prio.note.no_data_date": {
        "de": "Kein Datenstand: fällige Meilensteine werden nicht beurteilt.",
        "en": "No data date: milestones due are not judged.",
    },
    "prio.note.nothing.projects": {
        "de": "Nichts zu reihen: keine offenen Projekte in diesen Daten.",
        "en": "Nothing to rank: no open project in this data.",
    },
    "prio.note.nothing.fields": {
        "de": "Nichts zu reihen: keine Handlungsfelder in diesen Daten.",
        "en": "Nothing to rank: no field of action in this data.",
    },
    "prio.note.no_scores": {
        "de": "Keine Bewertungen der Lenkungsgruppe in diesen Daten: nur die Kriterien aus dem "
        "Graphen, keine Reihung. Die Bewertungsvorlage schreibt {=template} scoring.xlsx, gelesen "
        "wird sie mit {=scores} scoring.xlsx.",
        "en": "No scores of the steering group in this data: the criteria from the graph only, no "
        "ranking. {=template} scoring.xlsx writes the scoring workbook, {=scores} scoring.xlsx "
        "reads it back.",
    },
    "prio.note.missing": {
        "de": "Fehlende Bewertungen (nicht als 0 gezählt; der Mittelwert nimmt die vorhandenen): "
        "{names}",
        "en": "Missing scores (not counted as 0; the mean takes those given): {names}",
    },
    "prio.note.unranked": {
        "de": "Nicht gereiht, weil ein Wert fehlt: {names}",
        "en": "Not ranked because a value is missing: {names}",
    },
    "prio.note.method": {
        "de": "PROMETHEE II (pymcdm): Präferenzfunktion linear mit Indifferenz q und Präferenz p "
        "je Kriterium ({thresholds}); Gegenprobe TOPSIS (Min-Max-Normierung), Rangkorrelation nach "
        "Spearman {rho}.",
        "en": "PROMETHEE II (pymcdm): linear preference function with indifference q and "
        "preference p per criterion ({thresholds}); cross-check TOPSIS (min-max normalisation), "
        "Spearman rank correlation {rho}.",
    },
    "prio.note.weights.ahp": {
        "de": "Gewichte aus paarweisen Vergleichen (AHP, geometrisches Mittel von {n} Mitgliedern, "
        "Konsistenzverhältnis {cr}): {weights}",
        "en": "Weights from pairwise comparisons (AHP, geometric mean of {n} members, consistency "
        "ratio {cr}): {weights}",
    },
    "prio.note.weights.direct": {
        "de": "Gewichte (direkt): {weights}",
        "en": "Weights (direct): {weights}",
    },
    "prio.note.scores": {
        "de": "Bewertungen: {members} ({n} Mitglieder); je Kriterium der Mittelwert der gegebenen "
        "Bewertungen.",
        "en": "Scores: {members} ({n} members); per criterion the mean of the scores given.",
    },
    "prio.note.sensitivity": {
        "de": "Empfindlichkeit: {runs} zufällige Änderungen jedes Gewichts um bis zu ±10 % und ±25 "
        "% (Startwert {seed}); Spalten ±10 %/±25 %: die mittleren 90 % der Plätze. Wackelig (Platz "
        "schwankt bei ±10 % um mehr als einen): {names}",
        "en": "Sensitivity: {runs} random changes of each weight by up to ±10 % and ±25 % (seed "
        "{seed}); columns ±10 %/±25 %: the middle 90 % of the places. Fragile (place moves by more "
        "than one at ±10 %): {names}",
    },
    "prio.note.fictional": {
        "de": "Die Bewertungen sind erfunden (fiktive Mitglieder).",
        "en": "The scores are invented (fictional members).",
    },
    "prio.none": {"de": "keine", "en": "none"},
    "prio.section.heading": {"de": "Priorisierung", "en": "Priorities"},
    "prio.section.intro": {
        "de": "Die Reihung der Lenkungsgruppe vom {date} (sckg prioritise): Platz nach PROMETHEE "
        "II, mit der Gegenprobe TOPSIS und den Plätzen bei zufällig geänderten Gewichten.",
        "en": "The steering group's ranking of {date} (sckg prioritise): place by PROMETHEE II, "
        "with the TOPSIS cross-check and the places under random weight changes.",
    },
    "prio.section.result": {"de": "Ergebnis", "en": "result"},
    "prio.section.waves": {
        "de": "Wellen: kein Projekt vor dem, wovon es abhängt (Halbjahre)",
        "en": "Waves: no project before what it depends on (half-years)",
    },
    "prio.section.critical": {"de": "kritischer Pfad", "en": "critical path"},
    **{
        f"prio.section.waves.{k}": {"de": de, "en": en}
        for k, (de, en) in {
            "wave": ("Welle", "wave"),
            "period": ("Halbjahr", "half-year"),
            "rank": ("Platz", "place"),
            "item": ("Projekt", "project"),
            "department": ("Abteilung", "department"),
            "critical": ("kritisch", "critical"),
            "reason": ("Begründung", "reason"),
        }.items()
    },
    "prio.section.chart": {
        "de": "Die ersten {n} Plätze nach Nettofluss (PROMETHEE II)",
        "en": "The first {n} places by net flow (PROMETHEE II)",
    },
    "prio.section.unit": {"de": "Nettofluss (−1 … 1)", "en": "net flow (−1 … 1)"},
    "prio.section.sensitivity": {
        "de": "Wie stabil die ersten {n} Plätze sind, wenn sich die Gewichte um ±10 % und ±25 % "
        "ändern",
        "en": "How stable the first {n} places are when the weights change by ±10 % and ±25 %",
    },
    "prio.section.sensitivity.unit": {
        "de": "Platz (die mittleren 90 % der Durchläufe)",
        "en": "place (the middle 90 % of the runs)",
    },
    "prio.section.fragile": {"de": "fragil", "en": "fragile"},
    "prio.section.fragile_places": {"de": "Fragile Plätze", "en": "Fragile places"},
    "prio.section.fact.fragile": {
        "de": "fragile Plätze (von {n})",
        "en": "fragile places (of {n})",
    },
    "prio.section.fact.ranked": {"de": "gereihte Einträge", "en": "ranked items"},
    "prio.section.waves.heading": {"de": "Wellen", "en": "Waves"},
    "prio.reversal": {
        "de": "Rangumkehr: {a} (vorher Platz {old_a}, jetzt {new_a}) und {b} (vorher {old_b}, "
        "jetzt {new_b}) haben die Reihenfolge getauscht, obwohl sich ihre Werte nicht geändert "
        "haben; hinzugekommen: {added}, weggefallen: {removed}. PROMETHEE II und TOPSIS "
        "vergleichen die Einträge miteinander, daher kann ein anderer Eintrag zwei vertauschen.",
        "en": "Rank reversal: {a} (before place {old_a}, now {new_a}) and {b} (before {old_b}, now "
        "{new_b}) swapped places although their values did not change; added: {added}, removed: "
        "{removed}. PROMETHEE II and TOPSIS compare the items with each other, so another item can "
        "swap two.",
    },
    "prio.chart.title": {
        "de": "Wirkung und Aufwand (Mittel der Bewertungen; rote Quadrate: die ersten 10 Plätze)",
        "en": "Impact and effort (mean of the scores; red squares: the first 10 places)",
    },
    "prio.chart.unit": {"de": "Bewertung 1–5", "en": "score 1–5"},
    "prio.chart.impact": {
        "de": "Wirkung (1 sehr gering … 5 sehr hoch)",
        "en": "impact (1 very low … 5 very high)",
    },
    "prio.chart.effort": {
        "de": "Aufwand (1 sehr gering … 5 sehr hoch)",
        "en": "effort (1 very low … 5 very high)",
    },
    **{
        f"prio.chart.column.{k}": {"de": de, "en": en}
        for k, (de, en) in {
            "rank": ("Platz", "place"),
            "item": ("Eintrag", "item"),
            "impact": ("Wirkung", "impact"),
            "effort": ("Aufwand", "effort"),
            "quadrant": ("Feld", "quadrant"),
        }.items()
    },
    **{
        f"prio.quadrant.{k}": {"de": de, "en": en}
        for k, (de, en) in {
            "quick-wins": ("schnelle Erfolge", "quick wins"),
            "major": ("große Vorhaben", "major projects"),
            "fill-ins": ("Lückenfüller", "fill-ins"),
            "thankless": ("undankbare Aufgaben", "thankless tasks"),
        }.items()
    },
    "prio.assessment.label": {
        "de": "Priorisierung ({what}) vom {date}",
        "en": "Prioritisation ({what}) of {date}",
    },
    "prio.assessment.result": {
        "de": "Platz {rank} (Nettofluss {flow}; TOPSIS Platz {topsis}; bei ±10 %: {within_10}, bei "
        "±25 %: {within_25})",
        "en": "place {rank} (net flow {flow}; TOPSIS place {topsis}; at ±10 %: {within_10}, at ±25 "
        "%: {within_25})",
    },
    "prio.score.none": {"de": "von keinem Mitglied bewertet", "en": "scored by no member"},
    "prio.ahp.triad": {
        "de": "{a} wurde {ab}-mal so wichtig wie {b} eingeschätzt und {b} {bc}-mal so wichtig wie "
        "{c}, danach wäre {a} {implied}-mal so wichtig wie {c}; aber {ac}.",
        "en": "{a} was judged {ab} times as important as {b} and {b} {bc} times as important as "
        "{c}, which makes {a} {implied} times as important as {c}; but {ac}.",
    },
    "prio.ahp.more": {
        "de": "{a} wurde {n}-mal so wichtig wie {c} eingeschätzt",
        "en": "{a} was judged {n} times as important as {c}",
    },
    "prio.ahp.equal": {
        "de": "{a} und {c} wurden gleich wichtig eingeschätzt",
        "en": "{a} and {c} were judged equally important",
    },
    "prio.ahp.inconsistent": {
        "de": "Die paarweisen Vergleiche widersprechen sich zu sehr (Konsistenzverhältnis {cr}, "
        "brauchbar ist höchstens 0,10). Am wenigsten passen zusammen: {worst} Bitte einen dieser "
        "Vergleiche überdenken.",
        "en": "The pairwise comparisons contradict each other too much (consistency ratio {cr}; at "
        "most 0.10 is usable). These fit together worst: {worst} Please reconsider one of these "
        "comparisons.",
    },
    "prio.waves.cycle": {
        "de": "Keine Wellen möglich: {cycle} hängen im Kreis voneinander ab. Bitte eine dieser "
        "Abhängigkeiten (sckg:dependsOn) auflösen.",
        "en": "No waves possible: {cycle} depend on each other in a circle. Please remove one of "
        "these dependencies (sckg:dependsOn).",
    },
    "prio.waves.after": {"de": "nach {names}", "en": "after {names}"},
    "prio.waves.first": {
        "de": "hängt von keinem offenen Projekt ab",
        "en": "depends on no open project",
    },
    "prio.waves.capacity": {
        "de": "; verschoben: Kapazität von {department} erschöpft",
        "en": "; moved: capacity of {department} used up",
    },
    "prio.waves.no_department": {
        "de": "; ohne Federführung: nicht durch die Kapazität begrenzt",
        "en": "; no lead department: not limited by the capacity",
    },
    "prio.waves.half": {"de": "{half}. Halbjahr {year}", "en": "H{half} {year}"},
    "cycles.limited": {
        "de": "Nur die ersten {n} Kreise sind aufgeführt.",
        "en": "Only the first {n} cycles are listed.",
    },
    "cycles.self": {
        "de": "das Projekt hängt von sich selbst ab",
        "en": "the project depends on itself",
    },
    "cycles.circle": {
        "de": "{n} Projekte hängen im Kreis voneinander ab: keines kann zuerst fertig werden; "
        "eine der dependsOn-Angaben ist zu prüfen",
        "en": "{n} projects depend on each other in a circle: none can be finished first; "
        "one of the dependsOn statements needs checking",
    },
    "path.cycles_left_out": {
        "de": {
            "one": "Abhängigkeiten innerhalb von {n} Kreis sind nicht berücksichtigt (siehe sckg "
            "analyze cycles).",
            "other": "Abhängigkeiten innerhalb von {n} Kreisen sind nicht berücksichtigt "
            "(siehe sckg analyze cycles).",
        },
        "en": {
            "one": "Links inside {n} dependency cycle are left out (see sckg analyze cycles).",
            "other": "Links inside {n} dependency cycles are left out (see sckg analyze cycles).",
        },
    },
    "path.no_dependencies": {
        "de": "Kein Projekt hängt von einem anderen ab.",
        "en": "No project depends on another.",
    },
    "path.longest.count": {
        "de": "Längste Kette (nach Anzahl): {n} Projekte, zusammen {days} Tage Laufzeit.",
        "en": "Longest chain (by count): {n} projects, {days} days of running time together.",
    },
    "path.longest.duration": {
        "de": "Längste Kette (nach Dauer): {n} Projekte, zusammen {days} Tage Laufzeit.",
        "en": "Longest chain (by duration): {n} projects, {days} days of running time together.",
    },
    "path.undated": {
        "de": "Ohne Start- und Enddatum (zählen 0 Tage): {names}.",
        "en": "Without start and end date (count 0 days): {names}.",
    },
    "path.start": {
        "de": "Anfang der Kette: {next} hängt davon ab",
        "en": "start of the chain: {next} depends on it",
    },
    "path.end": {
        "de": "Ende der Kette: braucht {previous}",
        "en": "end of the chain: needs {previous}",
    },
    "path.step": {
        "de": "braucht {previous}; {next} hängt davon ab",
        "en": "needs {previous}; {next} depends on it",
    },
    # gap kinds (sckg.network.coverage.GAP_KINDS): what the gap is called, and why it is one
    "gap.goal-without-project": {"de": "Ziel ohne Projekt", "en": "goal without project"},
    "gap.field-without-project": {
        "de": "Handlungsfeld ohne Projekt",
        "en": "field without project",
    },
    "gap.project-without-goal": {"de": "Projekt ohne Ziel", "en": "project without goal"},
    "gap.project-without-field": {
        "de": "Projekt ohne Handlungsfeld",
        "en": "project without field",
    },
    "gap.project-without-manager": {
        "de": "Projekt ohne Federführung",
        "en": "project without manager",
    },
    "gap.milestone-overdue": {"de": "Meilenstein überfällig", "en": "milestone overdue"},
    "gap.actor-without-project": {"de": "Akteur ohne Projekt", "en": "actor without project"},
    "gap_reason.goal-without-project": {
        "de": "kein Projekt der Daten trägt zu diesem Ziel bei",
        "en": "no project in the data contributes to this goal",
    },
    "gap_reason.field-without-project": {
        "de": "kein Projekt der Daten ist diesem Handlungsfeld zugeordnet",
        "en": "no project in the data is in this field of action",
    },
    "gap_reason.project-without-goal": {
        "de": "das Projekt trägt zu keinem strategischen Ziel bei",
        "en": "the project serves no strategic goal",
    },
    "gap_reason.project-without-field": {
        "de": "das Projekt ist keinem Handlungsfeld zugeordnet",
        "en": "the project is in no field of action",
    },
    "gap_reason.project-without-manager": {
        "de": "für das Projekt ist keine Federführung angegeben",
        "en": "no managing actor is recorded for the project",
    },
    "gap_reason.milestone-overdue": {
        "de": "fällig am {date}, zum Datenstand {as_of} nicht als erreicht angegeben",
        "en": "due {date}, not marked as reached as of the data date {as_of}",
    },
    "gap_reason.actor-without-project": {
        "de": "für den Akteur ist in keinem Projekt eine Rolle erfasst (weder federführend noch "
        "beteiligt, auch für keine Einheit darunter)",
        "en": "no role in any project is recorded for the actor (neither managing nor taking part, "
        "nor for any unit below it)",
    },
    "silo.reason": {
        "de": "Im Handlungsfeld {field} arbeiten {first} und {second} ohne gemeinsamen Akteur und "
        "ohne Abhängigkeit: sie sollten miteinander sprechen",
        "en": "In {field}, {first} and {second} share no actor and no dependency: they should talk "
        "to each other",
    },
    "overlap.fields": {
        "de": {"one": "im Handlungsfeld {names}", "other": "in den Handlungsfeldern {names}"},
        "en": {"one": "the field {names}", "other": "the fields {names}"},
    },
    "overlap.goals": {
        "de": {"one": "dem Ziel {names}", "other": "den Zielen {names}"},
        "en": {"one": "the goal {names}", "other": "the goals {names}"},
    },
    "overlap.reason": {
        "de": "{first} und {second} liegen beide {where} und dienen {what}: möglicherweise "
        "doppelte Arbeit, abstimmen",
        "en": "{first} and {second} are both in {where} and serve {what}: possibly duplicate work, "
        "coordinate",
    },
    # --- what the interviews and workshops say (sckg.network.evidence) ---
    "evidence.none": {
        "de": "Keine Aussagen aus Interviews oder Workshops; erfassen Sie sie in den Blättern "
        "Interviews, Workshops und Aussagen der Vorlage.",
        "en": "No statements from interviews or workshops; record them on the template's sheets "
        "Interviews, Workshops and Statements.",
    },
    "evidence.no_unit": {"de": "keine genannte Einheit", "en": "no unit named"},
    "evidence.field_needs.reason": {
        "de": "genannt von {units} (Bedarfe: {needs}, Probleme: {problems})",
        "en": "raised by {units} (needs: {needs}, problems: {problems})",
    },
    "evidence.field_needs.unplaced": {
        "de": {
            "one": "{n} Bedarf oder Problem betrifft kein Handlungsfeld (weder direkt noch über "
            "ein Projekt oder Ziel).",
            "other": "{n} Bedarfe und Probleme betreffen kein Handlungsfeld (weder direkt noch "
            "über ein Projekt oder Ziel).",
        },
        "en": {
            "one": "{n} need or problem concerns no field of action (neither directly nor through "
            "a project or goal).",
            "other": "{n} needs and problems concern no field of action (neither directly nor "
            "through a project or goal).",
        },
    },
    "evidence.blind_spot.reason": {
        "de": "im Interview genannt, kein Projekt im Inventar steht dafür.",
        "en": "named in the interview; no project of the inventory stands for it.",
    },
    "evidence.blind_spot.about": {
        "de": {
            "one": "Betrifft {about} ({n} Projekt dort).",
            "other": "Betrifft {about} ({n} Projekte dort).",
        },
        "en": {
            "one": "About {about} ({n} project there).",
            "other": "About {about} ({n} projects there).",
        },
    },
    "evidence.partner.reason": {
        "de": {"one": "{n} Aussage ({kinds});", "other": "{n} Aussagen ({kinds});"},
        "en": {"one": "{n} statement ({kinds});", "other": "{n} statements ({kinds});"},
    },
    "evidence.partner.shared": {
        "de": {
            "one": "arbeiten an {n} Projekt zusammen",
            "other": "arbeiten an {n} Projekten zusammen",
        },
        "en": {"one": "work together on {n} project", "other": "work together on {n} projects"},
    },
    "evidence.partner.not_shared": {
        "de": "arbeiten an keinem Projekt zusammen",
        "en": "work together on no project",
    },
    "evidence.need.nowhere": {
        "de": "betrifft nichts im Inventar",
        "en": "about nothing in the inventory",
    },
    "evidence.need.near": {
        "de": {
            "one": "kein Projekt genannt; {about} hat {n} Projekt",
            "other": "kein Projekt genannt; {about} hat {n} Projekte",
        },
        "en": {
            "one": "no project named; {about} has {n} project",
            "other": "no project named; {about} has {n} projects",
        },
    },
    "evidence.need.other": {
        "de": "kein Projekt genannt; betrifft {about}",
        "en": "no project named; about {about}",
    },
    "evidence.need.empty": {
        "de": "kein Projekt; {about} hat gar keins",
        "en": "no project; {about} has none at all",
    },
    # --- validation (sckg.validate) ---
    "validate.violations": {
        "de": {"one": "{n} Verstoß", "other": "{n} Verstöße"},
        "en": {"one": "{n} violation", "other": "{n} violations"},
    },
    "validate.warnings": {
        "de": {"one": "{n} Warnung (offener Punkt)", "other": "{n} Warnungen (offene Punkte)"},
        "en": {"one": "{n} warning (open point)", "other": "{n} warnings (open points)"},
    },
    "validate.violation": {"de": "VERSTOSS", "en": "VIOLATION"},
    "validate.warning": {"de": "WARNUNG", "en": "WARNING"},
    "validate.info": {"de": "INFO", "en": "INFO"},
    "validate.rule": {"de": "Regel", "en": "rule"},
    # the columns of -f md and -f table (csv and json keep their codes: severity, entity, ...)
    "validate.column.severity": {"de": "Schweregrad", "en": "severity"},
    "validate.column.entity": {"de": "Eintrag", "en": "entity"},
    "validate.column.rule": {"de": "Regel", "en": "rule"},
    "validate.column.message": {"de": "Befund", "en": "message"},
    "validate.column.fix": {"de": "Behebung", "en": "fix"},
    "validate.column.iri": {"de": "IRI", "en": "IRI"},
    "validate.fix": {"de": "Behebung", "en": "fix"},
    "validate.none": {"de": "Keine Befunde.", "en": "No findings."},
    "validate.conforms": {"de": "konform", "en": "conforms"},
    "validate.not_conforms": {"de": "nicht konform", "en": "does not conform"},
    "validate.more": {
        "de": "… {n} weitere Befunde (alle: report.findings, report.to_json())",
        "en": "… {n} more findings (all: report.findings, report.to_json())",
    },
    # --- the programme site (sckg.site) ---
    **{
        f"site.{name}": {"de": de, "en": en}
        for name, de, en in (
            ("title", "Smart-City-Programm", "Smart city programme"),
            ("home", "Startseite", "Home"),
            (
                "intro",
                "Das Programm auf einen Blick: Projekte, Akteure, Handlungsfelder und Beschlüsse, "
                "jedes auf seiner eigenen Seite.",
                "The programme at a glance: projects, actors, fields of "
                "action and decisions, each on its own page.",
            ),
            ("skip", "Zum Inhalt springen", "Skip to content"),
            ("navigation", "Listen", "Lists"),
            ("all_lists", "Alle Listen", "All lists"),
            ("search", "Suche", "Search"),
            ("search_label", "Suchbegriff", "Search term"),
            ("search_button", "Suchen", "Search"),
            (
                "search_needs_script",
                "Die Suche braucht JavaScript; die Listen gehen ohne.",
                "The search needs JavaScript; the lists work without it.",
            ),
            ("other_language", "English", "Deutsch"),
            ("fictional", "(fiktiv)", "(fictional)"),
            ("data_date", "Datenstand", "Data date"),
            ("sources", "Quellen", "Sources"),
            ("unknown", "unbekannt", "unknown"),
            (
                "made_with",
                "Erstellt mit sckg site aus dem Wissensgraphen des Programms.",
                "Made with sckg site from the programme's knowledge graph.",
            ),
            ("iri", "Adresse (IRI)", "Address (IRI)"),
            ("facts", "Angaben", "Facts"),
            ("relations", "Beziehungen", "Relations"),
            (
                "no_relations",
                "Keine Beziehungen zu anderen Einträgen.",
                "No relations to other entries.",
            ),
            ("pointing_here", "Verweise auf diesen Eintrag", "Entries that refer to this one"),
            ("council", "Ratsgeschichte", "Council history"),
            ("date", "Datum", "Date"),
            ("committee", "Gremium", "Committee"),
            ("paper", "Vorlage", "Paper"),
            ("role", "Rolle", "Role"),
            ("consultation", "Beratung", "Consultation"),
            ("map", "Umfeld", "Neighbourhood"),
            (
                "map_label",
                "Karte des Umfelds; dieselben Verbindungen stehen unter Beziehungen.",
                "Map of the neighbourhood; the same links are listed under Relations.",
            ),
            (
                "map_note",
                "Die Karte zeigt die direkten Nachbarn; als Text:",
                "The map shows the direct neighbours; as text:",
            ),
            ("download", "Daten dieser Seite", "This page's data"),
            ("entries", "Einträge", "Entries"),
            ("filters", "Filter", "Filters"),
            ("any", "alle", "any"),
            ("name", "Name", "Name"),
            ("kind", "Art", "Kind"),
            ("field", "Handlungsfeld", "Field of action"),
            ("status", "Stand der Projekte", "Status of the projects"),
            ("status_column", "Status", "Status"),
            ("no_status", "ohne Status", "no status"),
            ("department", "Federführung", "Lead"),
            ("actor_kind", "Art des Akteurs", "Kind of actor"),
            ("year", "Jahr", "Year"),
            ("key_figures", "Kennzahlen", "Key figures"),
            ("fields", "Handlungsfelder und ihre Projekte", "Fields of action and their projects"),
            ("no_projects", "Noch keine Projekte.", "No projects yet."),
            ("projects", "Projekte", "Projects"),
            ("milestones", "Meilensteine (Stand {date})", "Milestones (as of {date})"),
            (
                "milestones_undated",
                "Meilensteine (Stand unbekannt)",
                "Milestones (date of the data unknown)",
            ),
            ("not_reached", "Nicht erreicht", "Not reached"),
            ("upcoming", "Als Nächstes", "Upcoming"),
            ("overdue", "Überfällig", "Overdue"),
            ("none", "Keine.", "None."),
            ("recent_papers", "Neueste Ratsvorlagen", "Recent council papers"),
            ("since", "Neu seit {date}", "New since {date}"),
            ("nothing_since", "Nichts Neues seit diesem Datum.", "Nothing new since that date."),
            ("yes", "ja", "yes"),
            ("no", "nein", "no"),
            ("no_results", "Nichts gefunden.", "Nothing found."),
            ("results", "Treffer: {n}", "Results: {n}"),
        )
    },
    # --- the site's names of the kinds whose classes have no label of their own ---
    "site.kind.monetaryamount": {"de": "Budget", "en": "Budget"},
    "site.kind.conceptscheme": {"de": "Begriffssystem", "en": "Concept scheme"},
    "site.kind.entity": {"de": "Quelle oder Dokument", "en": "Source or document"},
    "site.kind.concept": {"de": "Begriff", "en": "Concept"},
    # --- the site's names of the properties sckg reuses (its own have labels in the ontology) ---
    **{
        f"site.property.{name}": {"de": de, "en": en}
        for name, de, en in (
            ("adms:status", "Status", "status"),
            ("schema:startDate", "Beginn", "start"),
            ("schema:endDate", "Ende", "end"),
            ("schema:value", "Betrag", "amount"),
            ("schema:currency", "Währung", "currency"),
            ("schema:url", "Webadresse", "web address"),
            ("dcterms:date", "Datum", "date"),
            ("dcterms:identifier", "Kennung", "identifier"),
            ("dcterms:description", "Beschreibung", "description"),
            ("dcterms:subject", "Thema", "subject"),
            ("dcterms:isPartOf", "Teil von", "part of"),
            ("dcterms:source", "Quelle", "source"),
            ("dcterms:modified", "Stand", "modified"),
            ("dcterms:coverage", "Gebiet", "coverage"),
            ("dcterms:license", "Lizenz", "licence"),
            ("dcterms:language", "Sprache", "language"),
            ("rdfs:comment", "Anmerkung", "comment"),
            ("skos:altLabel", "auch genannt", "also called"),
            ("skos:hiddenLabel", "Suchwörter", "search words"),
            ("skos:definition", "Definition", "definition"),
            ("skos:inScheme", "gehört zu", "in scheme"),
            ("skos:broader", "übergeordnet", "broader"),
            ("skos:narrower", "untergeordnet", "narrower"),
            ("skos:related", "verwandt mit", "related to"),
            ("skos:closeMatch", "entspricht ungefähr", "close match"),
            ("skos:exactMatch", "entspricht", "exact match"),
            ("skos:broadMatch", "gehört zum weiteren Begriff", "broad match"),
            ("skos:topConceptOf", "oberster Begriff von", "top concept of"),
            ("skos:hasTopConcept", "oberste Begriffe", "top concepts"),
            ("org:classification", "Art", "kind"),
            ("org:unitOf", "Einheit von", "unit of"),
            ("org:subOrganizationOf", "gehört zu", "part of"),
            ("foaf:name", "Name", "name"),
            ("prov:wasDerivedFrom", "abgeleitet aus", "derived from"),
            ("prov:hadPrimarySource", "Primärquelle", "primary source"),
            ("prov:wasGeneratedBy", "erzeugt durch", "generated by"),
            ("prov:wasAssociatedWith", "verbunden mit", "associated with"),
            ("prov:wasInformedBy", "gestützt auf", "informed by"),
        )
    },
    # --- the site's names of a property seen from its object (the entries that refer to a page):
    # the inverse relation ("untergeordnet" for skos:broader), the same for a symmetric one; a
    # property without one is named by site.inverse with its label ---
    "site.inverse": {
        "de": "mit diesem Eintrag als „{label}“",
        "en": "with this entry as “{label}”",
    },
    **{
        f"site.inverse.{name}": {"de": de, "en": en}
        for name, de, en in (
            ("skos:broader", "untergeordnet", "narrower"),
            ("skos:narrower", "übergeordnet", "broader"),
            ("skos:broadMatch", "umfasst den engeren Begriff", "narrow match"),
            ("skos:related", "verwandt mit", "related to"),
            ("skos:closeMatch", "entspricht ungefähr", "close match"),
            ("skos:exactMatch", "entspricht", "exact match"),
            ("skos:topConceptOf", "oberste Begriffe", "top concepts"),
            ("skos:hasTopConcept", "oberster Begriff von", "top concept of"),
            ("skos:inScheme", "enthält", "contains"),
            ("dcterms:isPartOf", "umfasst", "has part"),
            ("dcterms:hasPart", "Teil von", "part of"),
            ("org:unitOf", "hat Einheit", "has unit"),
            ("org:subOrganizationOf", "umfasst", "has sub-organisation"),
            ("sckg:inFieldOfAction", "in diesem Handlungsfeld", "in this field of action"),
            ("sckg:partOfProgramme", "umfasst", "includes"),
            ("sckg:managedBy", "betreut federführend", "manages"),
            ("sckg:hasParticipant", "beteiligt an", "takes part in"),
            ("sckg:contractor", "Auftragnehmer von", "contractor for"),
            ("sckg:coordinatedBy", "koordiniert", "coordinates"),
            ("sckg:ownedBy", "Eigentümer von", "owner of"),
            ("sckg:fundedBy", "finanziert", "funds"),
            ("sckg:dependsOn", "Voraussetzung für", "required by"),
            ("sckg:documentedIn", "belegt", "documents"),
            ("sckg:inDataset", "enthält", "contains"),
            ("sckg:hasBudget", "Budget von", "budget of"),
            ("sckg:contributesTo", "unterstützt durch", "supported by"),
            ("sckg:decidedBy", "hat entschieden", "decided"),
            ("org:classification", "von dieser Art", "of this kind"),
            ("adms:status", "mit diesem Status", "with this status"),
        )
    },
    # --- the briefing (sckg.report) ---
    "report.title": {
        "de": "Smart-City-Lagebild für die Lenkungsgruppe",
        "en": "Smart City briefing for the steering group",
    },
    "report.data_date": {"de": "Datenstand (jüngster Eintrag)", "en": "Data as of (newest record)"},
    "report.data_dates": {
        "de": "Datenstand (jüngster Eintrag je Datensatz)",
        "en": "Data as of (newest record per dataset)",
    },
    "report.chart_table": {"de": "Die Zahlen als Tabelle", "en": "The figures as a table"},
    "report.generated": {"de": "erstellt", "en": "generated"},
    "report.sources": {"de": "Quellen", "en": "Sources"},
    "report.contents": {"de": "Inhalt", "en": "Contents"},
    "report.changes": {
        "de": "Was sich seit dem letzten Stand geändert hat",
        "en": "What changed since the last snapshot",
    },
    "report.no_changes": {
        "de": "Seit dem letzten Stand hat sich nichts geändert.",
        "en": "Nothing changed since the last snapshot.",
    },
    "report.change": {"de": "Änderung", "en": "Change"},
    "report.property": {"de": "Eigenschaft", "en": "Property"},
    "report.old": {"de": "vorher", "en": "before"},
    "report.new": {"de": "jetzt", "en": "now"},
    "report.figures": {"de": "Kennzahlen", "en": "Key figures"},
    "report.key_figures": {"de": "Überblick", "en": "Overview"},
    "report.what": {"de": "Was", "en": "What"},
    "report.count": {"de": "Anzahl", "en": "Count"},
    "report.kind": {"de": "Art", "en": "Kind"},
    "report.status": {"de": "Status", "en": "Status"},
    "report.name": {"de": "Name", "en": "Name"},
    "report.actors": {"de": "Akteure", "en": "Actors"},
    "report.projects": {"de": "Projekte", "en": "Projects"},
    "report.fields": {"de": "Handlungsfelder", "en": "Fields of action"},
    "report.goals": {"de": "Ziele", "en": "Goals"},
    "report.counted": {"de": "Was gezählt wird", "en": "What is counted"},
    "report.actors_by_kind": {"de": "Akteure nach Art", "en": "Actors by kind"},
    "report.projects_by_status": {"de": "Projekte nach Status", "en": "Projects by status"},
    "report.budget": {"de": "Budget", "en": "Budget"},
    "report.budget_by_field": {"de": "Budget je Handlungsfeld", "en": "Budget per field of action"},
    "report.budget_by_dept": {"de": "Budget je Dezernat", "en": "Budget per department"},
    "report.no_budgets": {
        "de": "Für keine Projekte sind Budgets erfasst.",
        "en": "No project has a budget recorded.",
    },
    "report.unspecified": {"de": "(nicht angegeben)", "en": "(not stated)"},
    "report.map": {"de": "Gesamtkarte", "en": "Overall map"},
    "report.map_intro": {
        "de": "Alle Akteure, Projekte, Handlungsfelder, Ziele und Beschlüsse mit ihren "
        "Beziehungen. Suchen, filtern und klicken Sie, um Nachbarn hervorzuheben.",
        "en": "Every actor, project, field of action, goal and decision with their relations. "
        "Search, filter and click to highlight neighbours.",
    },
    "report.static_figure": {
        "de": "Statische Abbildung derselben Karte",
        "en": "Static figure of the same map",
    },
    "report.open_points": {"de": "Offene Punkte", "en": "Open points"},
    "report.open_points_intro": {
        "de": "Was in der Bestandsaufnahme noch fehlt: die Warnungen der Prüfung und die Lücken "
        "zwischen Zielen, Handlungsfeldern, Projekten und Akteuren.",
        "en": "What the inventory still lacks: the warnings of the validation and the gaps between "
        "goals, fields of action, projects and actors.",
    },
    "report.violations": {
        "de": "Achtung: {n} Strukturfehler (Verstöße) in den Daten; siehe sckg validate.",
        "en": "Attention: {n} structural errors (violations) in the data; see sckg validate.",
    },
    "report.validation": {"de": "Prüfergebnisse", "en": "Validation findings"},
    "report.entity": {"de": "Entität", "en": "Entity"},
    "report.finding": {"de": "Befund", "en": "Finding"},
    "report.fix": {"de": "Behebung", "en": "How to fix"},
    "report.no_findings": {
        "de": "Die Prüfung meldet keine Verstöße und keine Warnungen.",
        "en": "The validation reports no violations and no warnings.",
    },
    "report.fields_intro": {
        "de": "Je Handlungsfeld: seine Projekte, Akteure, Ziele und sein Budget.",
        "en": "Per field of action: its projects, actors, goals and budget.",
    },
    "report.field_without_projects": {
        "de": "Diesem Handlungsfeld ist noch kein Projekt zugeordnet.",
        "en": "No project is assigned to this field of action yet.",
    },
    "report.field_summary": {
        "de": "{projects}, {actors}, Budget {budget}.",
        "en": "{projects}, {actors}, budget {budget}.",
    },
    "report.field_map_left_out": {
        "de": "Keine Karte: {projects} Projekte sind zu viele für eine lesbare Karte; "
        "sckg viz --field zeigt das Feld einzeln.",
        "en": "No map: {projects} projects are too many for a readable map; "
        "sckg viz --field shows the field on its own.",
    },
    "report.project": {"de": "Projekt", "en": "Project"},
    "report.manager": {"de": "Federführung", "en": "Managed by"},
    "report.none": {"de": "keine", "en": "none"},
    "report.no_fields": {
        "de": "Es sind keine Handlungsfelder erfasst.",
        "en": "No fields of action are recorded.",
    },
    "report.no_decisions": {
        "de": "Es sind keine Beratungen oder Beschlüsse erfasst.",
        "en": "No consultations or resolutions are recorded.",
    },
    "report.decisions_cut": {
        "de": "Die {shown} jüngsten von {total}; sckg query decisions listet alle.",
        "en": "The latest {shown} of {total}; sckg query decisions lists all.",
    },
    "report.no_programme_decisions": {
        "de": "Keine Beratung betrifft eine Vorlage zum Programm: sckg link papers schlägt vor, "
        "welche Vorlagen zu welchen Projekten und Handlungsfeldern gehören.",
        "en": "No consultation concerns a paper on the programme: sckg link papers proposes which "
        "papers belong to which projects and fields of action.",
    },
    "report.all_business": {
        "de": "Alle Ratsgeschäfte, nicht nur zum Programm ({total} Beratungen und Beschlüsse)",
        "en": "All council business, not only the programme's ({total} consultations and "
        "decisions)",
    },
    "report.all_business_cut": {
        "de": "Alle Ratsgeschäfte, nicht nur zum Programm: die {shown} jüngsten von {total} "
        "Beratungen und Beschlüssen (sckg query decisions listet alle)",
        "en": "All council business, not only the programme's: the latest {shown} of {total} "
        "consultations and decisions (sckg query decisions lists all)",
    },
    "report.council_heading": {
        "de": "Was der Rat beschlossen hat, und wann",
        "en": "What the council decided, and when",
    },
    "report.council_intro": {
        "de": "Die Vorlagen, die mit einem Handlungsfeld oder Projekt verknüpft sind (sckg link "
        "papers), mit ihren Beratungen nach Datum: Gremium, Rolle, Ergebnis und Link ins "
        "Ratsinformationssystem.",
        "en": "The council papers linked to a field of action or project (sckg link papers), with "
        "their consultations in date order: committee, role, result and a link to the council "
        "information system.",
    },
    "report.council_no_papers": {
        "de": "Keine Ratsvorlagen im Graphen: Importieren Sie das Ratsinformationssystem mit sckg "
        "import oparl.",
        "en": "No council papers in the graph: import the council information system with sckg "
        "import oparl.",
    },
    "report.council_no_links": {
        "de": "Keine Vorlage ist mit einem Projekt oder Handlungsfeld verknüpft: Prüfen Sie die "
        "Vorschläge von sckg link papers und nehmen Sie passende an.",
        "en": "No council paper is linked to a project or field of action: review the proposals of "
        "sckg link papers and accept the ones that fit.",
    },
    "report.council_field_summary": {
        "de": {
            "one": "{n} Vorlage zu diesem Handlungsfeld oder seinen Projekten.",
            "other": "{n} Vorlagen zu diesem Handlungsfeld oder seinen Projekten.",
        },
        "en": {
            "one": "{n} council paper on this field of action or its projects.",
            "other": "{n} council papers on this field of action or its projects.",
        },
    },
    "report.council_project_summary": {
        "de": {"one": "{n} Vorlage zu diesem Projekt.", "other": "{n} Vorlagen zu diesem Projekt."},
        "en": {
            "one": "{n} council paper on this project.",
            "other": "{n} council papers on this project.",
        },
    },
    "report.council_cut": {
        "de": "Die {shown} jüngsten von {total} Zeilen; alle: sckg query council-history --param "
        '"target={target}".',
        "en": "The latest {shown} of {total} rows; all: sckg query council-history --param "
        '"target={target}".',
    },
    "report.result": {"de": "Ergebnis", "en": "Result"},
    "report.paper": {"de": "Vorlage", "en": "Paper"},
    "report.about": {"de": "zu", "en": "on"},
    "report.new_papers": {
        "de": "Neue Ratsvorlagen zu Ihren Projekten",
        "en": "New council papers on your projects",
    },
    "report.via_project": {"de": "über Projekt", "en": "via project"},
    "report.decisions_heading": {
        "de": "Beschlüsse zum Programm",
        "en": "Decisions on the programme",
    },
    "report.decisions_intro": {
        "de": "Welches Gremium wann über die Vorlagen zum Programm beraten oder beschlossen hat "
        "(Vorlagen, die mit einem Projekt oder Handlungsfeld verknüpft sind oder die die "
        "Bestandsaufnahme selbst erfasst), und die Beschlüsse der Bestandsaufnahme.",
        "en": "Which committee deliberated or decided on the programme's papers, and when (papers "
        "linked to a project or field of action, or recorded by the inventory itself), and the "
        "inventory's resolutions.",
    },
    "report.date": {"de": "Datum", "en": "Date"},
    "report.body": {"de": "Gremium", "en": "Body"},
    "report.role": {"de": "Rolle", "en": "Role"},
    "report.subject": {"de": "Gegenstand", "en": "Subject"},
    "report.session": {"de": "Sitzung", "en": "Session"},
    "report.public": {"de": "öffentlich", "en": "public"},
    "report.non_public": {"de": "nichtöffentlich", "en": "non-public"},
    "report.print_note": {
        "de": "Interaktive Karten sind im Druck durch die statische Abbildung ersetzt.",
        "en": "In print, interactive maps are replaced by the static figure.",
    },
    "report.actors_heading": {
        "de": "Wer das Programm zusammenhält",
        "en": "Who holds the programme together",
    },
    "report.actors_intro": {
        "de": "Akteure, über die viele Verbindungen laufen (Zwischenzentralität im Netz der "
        "Zusammenarbeit: zwei Akteure sind verbunden, wenn sie an einem Projekt zusammenarbeiten), "
        "und Akteure oder Verbindungen, ohne die Teile des Netzes abgeschnitten wären.",
        "en": "Actors many connections run through (betweenness in the collaboration network: two "
        "actors are linked when they work on a project together), and actors or links without "
        "which parts of the network would be cut off.",
    },
    "report.central": {"de": "Zentrale Akteure", "en": "Central actors"},
    "report.cuts": {
        "de": "Engpässe: ohne sie zerfällt das Netz",
        "en": "Bottlenecks: without them the network falls apart",
    },
    "report.no_cuts": {
        "de": "Kein einzelner Akteur und keine einzelne Verbindung trennt das Netz.",
        "en": "No single actor and no single link separates the network.",
    },
    "report.rank": {"de": "Rang", "en": "Rank"},
    "report.actor": {"de": "Akteur", "en": "Actor"},
    "report.projects_links": {"de": "Verbindungen", "en": "Links"},
    "report.betweenness": {"de": "Zwischenzentralität", "en": "Betweenness"},
    "report.reason": {"de": "Begründung", "en": "Reason"},
    "report.cut_off": {"de": "abgeschnitten", "en": "cut off"},
    "report.cut.articulation-point": {"de": "Akteur", "en": "actor"},
    "report.cut.bridge": {"de": "Verbindung", "en": "link"},
    "report.deps_heading": {"de": "Abhängigkeiten", "en": "Dependencies"},
    "report.deps_intro": {
        "de": "Welche Projekte auf welche anderen warten (sckg:dependsOn): die längste Kette, "
        "Zyklen (Planungsfehler) und die Projekte, von denen die meisten anderen abhängen.",
        "en": "Which projects wait for which others (sckg:dependsOn): the longest chain, cycles "
        "(planning errors) and the projects most others depend on.",
    },
    "report.path": {
        "de": "Längste Abhängigkeitskette (kritischer Pfad)",
        "en": "Longest dependency chain (critical path)",
    },
    "report.step": {"de": "Schritt", "en": "Step"},
    "report.start": {"de": "Beginn", "en": "Start"},
    "report.end": {"de": "Ende", "en": "End"},
    "report.cycles": {"de": "Zyklen", "en": "Cycles"},
    "report.no_cycles": {"de": "Keine zyklischen Abhängigkeiten.", "en": "No cyclic dependencies."},
    "report.cycle": {"de": "Zyklus", "en": "Cycle"},
    "report.length": {"de": "Länge", "en": "Length"},
    "report.impact": {
        "de": {
            "one": "Wirkung von „{name}“: {n} Projekt hängt davon ab",
            "other": "Wirkung von „{name}“: {n} Projekte hängen davon ab",
        },
        "en": {
            "one": "Impact of '{name}': {n} project depends on it",
            "other": "Impact of '{name}': {n} projects depend on it",
        },
    },
    "report.depth": {"de": "Tiefe", "en": "Depth"},
    "report.via": {"de": "über", "en": "via"},
    "report.silos_heading": {"de": "Silos und Überschneidungen", "en": "Silos and overlaps"},
    "report.silos_intro": {
        "de": "Dezernate, die im selben Handlungsfeld arbeiten, ohne einen Akteur oder eine "
        "Abhängigkeit zu teilen (wer mit wem reden sollte), und Projektpaare verschiedener "
        "Dezernate mit gleichem Handlungsfeld und Ziel (mögliche Doppelarbeit).",
        "en": "Departments working in the same field of action without sharing an actor or a "
        "dependency (who should be talking to whom), and pairs of projects of different "
        "departments with the same field and goal (possible duplicates).",
    },
    "report.silos": {"de": "Silos", "en": "Silos"},
    "report.no_silos": {"de": "Keine Silos gefunden.", "en": "No silos found."},
    "report.field": {"de": "Handlungsfeld", "en": "Field of action"},
    "report.department": {"de": "Dezernat", "en": "Department"},
    "report.other": {"de": "anderes Dezernat", "en": "other department"},
    "report.overlaps": {"de": "Mögliche Überschneidungen", "en": "Possible overlaps"},
    # the section "What the interviews say" (sckg.report.interviews)
    "report.interviews": {"de": "Was die Interviews sagen", "en": "What the interviews say"},
    "report.interviews_intro": {
        "de": "{n} Interviews mit {units} Einheiten vom {first} bis zum {last}; {statements} "
        "Aussagen und Ideen aus Interviews und Workshops.",
        "en": "{n} interviews with {units} units from {first} to {last}; {statements} statements "
        "and ideas from interviews and workshops.",
    },
    "report.interviews_fields": {
        "de": "Bedarfe und Probleme je Handlungsfeld: wie viele Einheiten sie nannten",
        "en": "Needs and problems per field of action: how many units raised them",
    },
    "report.interviews_unanswered": {
        "de": "Bedarfe, auf die kein Projekt antwortet",
        "en": "Needs no project answers",
    },
    "report.interviews_blind_spots": {
        "de": "Bestehende Aktivitäten, die das Inventar nicht kennt",
        "en": "Existing activities the inventory does not know",
    },
    "report.interviews_partners": {
        "de": "Als Partner genannt, aber ohne gemeinsames Projekt",
        "en": "Named as partners, but without a shared project",
    },
    "report.interviews_map": {
        "de": "Wer wen in den Interviews nannte",
        "en": "Who named whom in the interviews",
    },
    "report.interviews_votes": {
        "de": "Punkte in den Workshops",
        "en": "Dots in the workshops",
    },
    "report.interviews_drafts": {
        "de": "In Workshops entworfene Ziele",
        "en": "Goals drafted in workshops",
    },
    "report.units": {"de": "Einheiten", "en": "Units"},
    "report.needs": {"de": "Bedarfe", "en": "Needs"},
    "report.problems": {"de": "Probleme", "en": "Problems"},
    "report.need": {"de": "Bedarf", "en": "Need"},
    "report.raised_by": {"de": "Genannt von", "en": "Raised by"},
    "report.source": {"de": "Quelle", "en": "Source"},
    "report.why": {"de": "Warum offen", "en": "Why open"},
    "report.activity": {"de": "Aktivität", "en": "Activity"},
    "report.named_by": {"de": "Genannt von", "en": "Named by"},
    "report.unit": {"de": "Einheit", "en": "Unit"},
    "report.partner": {"de": "Genannter Partner", "en": "Partner named"},
    "report.statements": {"de": "Aussagen", "en": "Statements"},
    "report.item": {"de": "Eintrag", "en": "Item"},
    "report.dots": {"de": "Punkte", "en": "Dots"},
    "report.goal": {"de": "Ziel", "en": "Goal"},
    "report.workshop": {"de": "Workshop", "en": "Workshop"},
    "report.no_overlaps": {"de": "Keine Überschneidungen gefunden.", "en": "No overlaps found."},
    "report.shared": {"de": "gemeinsam", "en": "shared"},
    "report.gaps": {"de": "Lücken", "en": "Gaps"},
    "report.gap": {"de": "Art der Lücke", "en": "Kind of gap"},
    "report.actors_map": {"de": "Netz der Zusammenarbeit", "en": "Collaboration network"},
    "report.deps_map": {"de": "Abhängigkeitskarte", "en": "Dependency map"},
    # what changed (sckg.diff: kind and change of each difference)
    "diff.workshop": {
        "de": {
            "one": "Aus dem Workshop {workshop}: {n} Änderung an {entities} Einträgen (--format "
            "json nennt sie).",
            "other": "Aus dem Workshop {workshop}: {n} Änderungen an {entities} Einträgen "
            "(--format json nennt sie).",
        },
        "en": {
            "one": "From the workshop {workshop}: {n} change to {entities} entries (--format json "
            "lists it).",
            "other": "From the workshop {workshop}: {n} changes to {entities} entries (--format "
            "json lists them).",
        },
    },
    "diff.new_papers": {
        "de": {
            "one": "{n} neue Ratsvorlage zu Ihren Projekten und Handlungsfeldern seit dem letzten "
            "Stand.",
            "other": "{n} neue Ratsvorlagen zu Ihren Projekten und Handlungsfeldern seit dem "
            "letzten Stand.",
        },
        "en": {
            "one": "{n} new council paper on your projects and fields of action since the last "
            "snapshot.",
            "other": "{n} new council papers on your projects and fields of action since the last "
            "snapshot.",
        },
    },
    "change.entity-added": {"de": "Entität neu", "en": "entity added"},
    "change.entity-removed": {"de": "Entität entfernt", "en": "entity removed"},
    "change.relation-added": {"de": "Beziehung neu", "en": "relation added"},
    "change.relation-removed": {"de": "Beziehung entfernt", "en": "relation removed"},
    "change.attribute-added": {"de": "Angabe neu", "en": "attribute added"},
    "change.attribute-removed": {"de": "Angabe entfernt", "en": "attribute removed"},
    "change.attribute-changed": {"de": "Angabe geändert", "en": "attribute changed"},
    # the briefing's headline numbers (Section.facts)
    "fact.changes": {
        "de": "Änderungen seit dem letzten Stand",
        "en": "changes since the last snapshot",
    },
    "fact.actors": {"de": "Akteure", "en": "actors"},
    "fact.projects": {"de": "Projekte", "en": "projects"},
    "fact.fields": {"de": "Handlungsfelder", "en": "fields of action"},
    "fact.goals": {"de": "Ziele", "en": "goals"},
    "fact.papers": {"de": "Ratsvorlagen (alle)", "en": "council papers (all)"},
    "fact.meetings": {"de": "Sitzungen (alle Gremien)", "en": "meetings (all committees)"},
    "fact.consultations": {"de": "Beratungen (alle Vorlagen)", "en": "consultations (all papers)"},
    "fact.programme_papers": {
        "de": "Vorlagen zum Programm",
        "en": "council papers on the programme",
    },
    "fact.decisions": {"de": "Beschlüsse zum Programm", "en": "decisions on the programme"},
    # what each key figure counts (the briefing's overview table states it beside the number)
    "definition.actors": {
        "de": "Organisationen und Einheiten jeder Art: Verwaltung, Gesellschaften, Partner, "
        "Gremien, Fraktionen",
        "en": "organisations and units of every kind: administration, companies, partners, "
        "committees, party groups",
    },
    "definition.projects": {
        "de": "Projekte der Bestandsaufnahme",
        "en": "projects of the inventory",
    },
    "definition.fields": {
        "de": "Handlungsfelder der Stadt und die, denen ein Projekt zugeordnet ist",
        "en": "the city's fields of action and those a project is assigned to",
    },
    "definition.goals": {"de": "strategische Ziele", "en": "strategic goals"},
    "definition.papers": {
        "de": "alle Vorlagen im Graphen, ob zum Programm oder nicht",
        "en": "every council paper in the graph, on the programme or not",
    },
    "definition.meetings": {
        "de": "alle Sitzungen aller Gremien",
        "en": "every meeting of every committee",
    },
    "definition.consultations": {
        "de": "alle Beratungen einer Vorlage in einem Gremium (eine Vorlage wird oft mehrfach "
        "beraten)",
        "en": "every consultation of a paper in a committee (a paper is often consulted several "
        "times)",
    },
    "definition.programme_papers": {
        "de": "Vorlagen, die mit einem Projekt oder Handlungsfeld verknüpft sind (sckg link "
        "papers) oder die die Bestandsaufnahme selbst erfasst (nicht aus dem "
        "Ratsinformationssystem importiert)",
        "en": "papers linked to a project or field of action (sckg link papers) or recorded by the "
        "inventory itself (not imported from the council information system)",
    },
    "definition.decisions": {
        "de": "beschließende Beratungen (Rolle Entscheidung) von Vorlagen zum Programm und "
        "Beschlüsse der Bestandsaufnahme (sckg:Decision)",
        "en": "deciding consultations (role decision) of papers on the programme and the "
        "inventory's resolutions (sckg:Decision)",
    },
    "fact.chain": {
        "de": "längste Abhängigkeitskette (Projekte)",
        "en": "longest dependency chain (projects)",
    },
    "fact.cycles": {"de": "Zyklen", "en": "cycles"},
    "fact.violations": {"de": "Verstöße", "en": "violations"},
    "fact.open_points": {"de": "offene Punkte", "en": "open points"},
    "fact.gaps": {"de": "Lücken", "en": "gaps"},
    "fact.interviews": {"de": "Interviews", "en": "interviews"},
    "fact.statements": {
        "de": "Aussagen aus Interviews und Workshops",
        "en": "statements from interviews and workshops",
    },
    "fact.unanswered_needs": {"de": "Bedarfe ohne Projekt", "en": "needs without a project"},
    "fact.blind_spots": {
        "de": "Aktivitäten außerhalb des Inventars",
        "en": "activities outside the inventory",
    },
    "fact.silos": {"de": "Silos", "en": "silos"},
    "fact.overlaps": {"de": "mögliche Überschneidungen", "en": "possible overlaps"},
    "fact.benchmark_gaps": {
        "de": "Handlungsfelder und SDGs, in denen nur andere Städte handeln",
        "en": "fields and SDGs where only other cities act",
    },
    "fact.best_practice": {"de": "Best-Practice-Kandidaten", "en": "best-practice candidates"},
    # --- the briefing's charts (sckg.report.charts) ---
    "chart.source": {
        "de": "Quelle: {sources}; Datenstand: {date}",
        "en": "Source: {sources}; data as of {date}",
    },
    "chart.unknown": {"de": "unbekannt", "en": "unknown"},
    "chart.count": {"de": "Anzahl", "en": "Count"},
    "chart.status_by_field": {
        "de": "Projekte nach Status je Handlungsfeld",
        "en": "Projects by status per field of action",
    },
    "chart.actor_field": {
        "de": "Projekte je Akteur und Handlungsfeld",
        "en": "Projects per actor and field of action",
    },
    "chart.projects_unit": {"de": "Projekte", "en": "projects"},
    "chart.matrix_left_out": {
        "de": {
            "one": "{n} weiterer Akteur mit weniger Projekten steht nicht in der Matrix.",
            "other": "{n} weitere Akteure mit weniger Projekten stehen nicht in der Matrix.",
        },
        "en": {
            "one": "{n} more actor with fewer projects is left out of the matrix.",
            "other": "{n} more actors with fewer projects are left out of the matrix.",
        },
    },
    "chart.roadmap_heading": {"de": "Zeitplan", "en": "Roadmap"},
    "chart.roadmap_intro": {
        "de": "Die Projekte auf der Zeitachse von Beginn bis Ende; Pfeile zeigen Abhängigkeiten, "
        "der kritische Pfad (die längste Kette) ist dunkel, mit ▶ markiert und rot verbunden.",
        "en": "The projects on a time axis from start to end; arrows show dependencies, the "
        "critical path (the longest chain) is dark, marked ▶ and linked in red.",
    },
    "chart.roadmap_milestones": {
        "de": "Rauten sind Meilensteine (gefüllt: erreicht), nummeriert wie in der Tabelle.",
        "en": "Diamonds are milestones (filled: reached), numbered as in the table.",
    },
    "chart.roadmap": {"de": "Zeitplan der Projekte", "en": "Project roadmap"},
    "chart.roadmap_open_ended": {
        "de": "Ein gestrichelter Balken mit Pfeil hat nur einen Beginn oder nur ein Ende: er läuft "
        "bis an den Rand der Achse, der andere Termin ist nicht erfasst.",
        "en": "A dashed bar with an arrow has only a start or only an end: it runs to the edge of "
        "the axis, the other date is not recorded.",
    },
    "chart.open_ended": {"de": "nur Beginn oder nur Ende", "en": "start or end only"},
    "chart.no_dates": {
        "de": "Kein Projekt hat einen Beginn oder ein Ende: Tragen Sie die Termine in der "
        "Bestandsaufnahme ein.",
        "en": "No project has a start or an end: record the dates in the inventory.",
    },
    "chart.no_projects": {
        "de": "Es sind keine Projekte erfasst.",
        "en": "No projects are recorded.",
    },
    "chart.years": {"de": "Jahre", "en": "years"},
    "chart.critical": {"de": "Kritischer Pfad", "en": "Critical path"},
    "chart.depends_on": {"de": "hängt ab von", "en": "depends on"},
    "chart.yes": {"de": "ja", "en": "yes"},
    "chart.milestones": {"de": "Meilensteine", "en": "Milestones"},
    "chart.reached": {"de": "erreicht", "en": "reached"},
    "chart.not_reached": {"de": "nicht erreicht", "en": "not reached"},
    "chart.milestones_reached": {"de": "Meilensteine erreicht", "en": "Milestones reached"},
    "chart.of": {"de": "{n} von {total}", "en": "{n} of {total}"},
    "chart.dated": {"de": "Projekte mit Terminen", "en": "Projects with dates"},
    "chart.undated": {
        "de": {
            "one": "{n} Projekt ohne Beginn und Ende",
            "other": "{n} Projekte ohne Beginn und Ende",
        },
        "en": {
            "one": "{n} project without start and end",
            "other": "{n} projects without start and end",
        },
    },
    "chart.roadmap_left_out": {
        "de": "{n} weitere Projekte mit Terminen stehen nur in der Tabelle.",
        "en": "{n} more dated projects are in the table only.",
    },
    "chart.changes": {
        "de": "Änderungen seit dem letzten Stand",
        "en": "Changes since the last snapshot",
    },
    "chart.new_projects": {"de": "Projekte neu", "en": "Projects new"},
    "chart.gone_projects": {"de": "Projekte entfallen", "en": "Projects removed"},
    "chart.finished": {"de": "Projekte abgeschlossen", "en": "Projects completed"},
    "chart.stalled": {"de": "Projekte ruhend gesetzt", "en": "Projects put on hold"},
    "chart.points_opened": {"de": "Offene Punkte neu", "en": "Open points opened"},
    "chart.points_closed": {"de": "Offene Punkte erledigt", "en": "Open points closed"},
    "chart.council": {
        "de": "Ratsvorlagen je Handlungsfeld und Jahr",
        "en": "Council papers per field of action and year",
    },
    "chart.papers_unit": {"de": "Vorlagen", "en": "papers"},
    # --- the meeting deck (sckg.present, sckg/present.html.j2) ---
    "deck.more_rows": {"de": "… {n} weitere von {total}", "en": "… {n} more of {total}"},
    "deck.overview_notes": {
        "de": "Überblick über das Programm, Datenstand {date}. Die Kennzahlen stehen rechts, die "
        "Karte zeigt alle Akteure, Projekte, Ziele und Handlungsfelder.",
        "en": "Overview of the programme, data as of {date}. The key figures are on the right; the "
        "map shows every actor, project, goal and field of action.",
    },
    "deck.open_points": {"de": "Offene Punkte", "en": "Open points"},
    "deck.field_notes": {
        "de": {
            "one": "{name}: {projects} Projekte, {n} offener Punkt in ihren Angaben.",
            "other": "{name}: {projects} Projekte, {n} offene Punkte in ihren Angaben.",
        },
        "en": {
            "one": "{name}: {projects} projects, {n} open point in their records.",
            "other": "{name}: {projects} projects, {n} open points in their records.",
        },
    },
    "deck.needs": {"de": "hängt ab von (Projekte)", "en": "depends on (projects)"},
    "deck.needed_by": {"de": "davon abhängig (Projekte)", "en": "depending on it (projects)"},
    "deck.project_notes": {
        "de": "{name} hängt von {needs} Projekten ab; {needed_by} Projekte hängen davon ab.",
        "en": "{name} depends on {needs} projects; {needed_by} projects depend on it.",
    },
    "deck.benchmark_needs_compare": {
        "de": "eine Folie 'benchmark' braucht andere Städte zum Vergleich ({=compare})",
        "en": "a 'benchmark' slide needs other cities to compare with ({=compare})",
    },
    "deck.interviews_need_data": {
        "de": "Die Folie interviews braucht Interviews oder Workshops in den Daten (Blätter "
        "Interviews, Workshops und Aussagen der Vorlage).",
        "en": "The slide interviews needs interviews or workshops in the data (the template's "
        "sheets Interviews, Workshops and Statements).",
    },
    "deck.changes_need_since": {
        "de": "eine Folie 'changes' braucht einen vorigen Stand zum Vergleich ({=since})",
        "en": "a 'changes' slide needs a previous snapshot to compare with ({=since})",
    },
    "deck.rows": {"de": "Zeilen", "en": "rows"},
    "deck.needs_ranking": {
        "de": "eine Folie '{view}' braucht eine Reihung der Lenkungsgruppe unter den Daten (die "
        "Bewertungsdatei, die sckg prioritise schreibt)",
        "en": "a '{view}' slide needs a ranking of the steering group among the data (the "
        "assessment file that sckg prioritise writes)",
    },
    "deck.quadrant_needs_scores": {
        "de": "eine Folie 'quadrant' braucht eine Reihung mit den Bewertungen von Wirkung und "
        "Aufwand durch die Mitglieder",
        "en": "a 'quadrant' slide needs a ranking with the members' scores of impact and effort",
    },
    "deck.waves_need_projects": {
        "de": "eine Folie 'waves' braucht eine Reihung von Projekten; diese reiht Handlungsfelder",
        "en": "a 'waves' slide needs a ranking of projects; this one ranks fields of action",
    },
    "deck.waves": {"de": "Wellen", "en": "Waves"},
    "deck.slide": {"de": "Folie", "en": "Slide"},
    "deck.notes": {"de": "Notizen", "en": "Notes"},
    "deck.next": {"de": "Als Nächstes", "en": "Next"},
    "deck.end": {"de": "Ende", "en": "End"},
    "deck.elapsed": {"de": "Zeit", "en": "Time"},
    "deck.presenter": {"de": "Referentenansicht", "en": "Presenter view"},
    "deck.help": {
        "de": "← → Leertaste oder Klick: blättern · Pos1/Ende: erste/letzte Folie · N: Notizen · "
        "P: Referentenansicht in neuem Fenster",
        "en": "← → space or click: move · Home/End: first/last slide · N: notes · P: presenter "
        "view in a new window",
    },
    "deck.figures": {"de": "Kennzahlen", "en": "Key figures"},
    # --- the map page (sckg.viz); the page's script fills in {n} etc. ---
    "map.search": {"de": "Suchen", "en": "Search"},
    "map.search_placeholder": {"de": "Name eines Knotens …", "en": "Name of a node …"},
    "map.no_match": {"de": "Kein Treffer", "en": "No match"},
    "map.matches": {"de": "Treffer {i} von {n}", "en": "Match {i} of {n}"},
    "map.legend": {"de": "Legende", "en": "Legend"},
    "map.classes": {"de": "Klassen", "en": "Classes"},
    "map.fields": {"de": "Handlungsfelder", "en": "Fields of action"},
    "map.colors": {"de": "Farbe: {by}", "en": "Colour: {by}"},
    "map.other": {"de": "Weitere", "en": "Other"},
    "map.no_library": {
        "de": "Die Kartenbibliothek kommt mit der ersten Karte dieses Notebooks: diese Zelle "
        "erneut ausführen, oder sckg.viz.CityMap.share_library = False setzen.",
        "en": "The map library comes with the first map shown in this notebook: run that cell "
        "again, or set sckg.viz.CityMap.share_library = False.",
    },
    "map.none": {"de": "ohne Angabe", "en": "not given"},
    "map.all": {"de": "alle", "en": "all"},
    "map.no": {"de": "keine", "en": "none"},
    "map.data_date": {"de": "Datenstand", "en": "Data as of"},
    "map.sources": {"de": "Quellen", "en": "Sources"},
    "map.unknown": {"de": "unbekannt", "en": "unknown"},
    "map.fictional": {"de": "Fiktive Beispieldaten", "en": "Fictional example data"},
    "map.nodes": {"de": "Knoten", "en": "nodes"},
    "map.edges": {"de": "Verbindungen", "en": "links"},
    "map.shown": {"de": "{v} von {n} Knoten sichtbar", "en": "{v} of {n} nodes shown"},
    "map.size": {"de": "Größe: {by}", "en": "Size: {by}"},
    "map.layout": {"de": "Anordnung: {by}", "en": "Layout: {by}"},
    "map.hint": {
        "de": "Klick auf einen Knoten hebt seine Nachbarn hervor; Klick ins Leere hebt das auf.",
        "en": "Click a node to highlight its neighbours; click the background to clear.",
    },
    "map.class": {"de": "Klasse", "en": "Class"},
    "map.department": {"de": "Dezernat/Organisation", "en": "Department/organisation"},
    "map.budget": {"de": "Budget", "en": "Budget"},
    "map.status": {"de": "Status", "en": "Status"},
    "map.period": {"de": "Laufzeit", "en": "Period"},
    "map.degree": {"de": "Verbindungen", "en": "Links"},
    "map.betweenness": {"de": "Betweenness", "en": "Betweenness"},
    "map.pagerank": {"de": "PageRank", "en": "PageRank"},
    "map.community": {"de": "Gemeinschaft", "en": "Community"},
    "map.field": {"de": "Handlungsfeld", "en": "Field of action"},
    "map.weight": {"de": "Gewicht", "en": "Weight"},
    "map.focus": {
        "de": "Fokus: {label}, {depth} Schritt(e)",
        "en": "Focus: {label}, {depth} step(s)",
    },
    "map.compare_title": {
        "de": "Smart-City-Programme im Vergleich: {cities}",
        "en": "Smart City programmes compared: {cities}",
    },
    "map.city": {"de": "Stadt", "en": "City"},
    "map.shares_project": {"de": "gemeinsame Projekte", "en": "shared projects"},
    # --- the framework process, the legal frame, the strategy tree, the key points (issue 24) ---
    "fact.outputs_done": {"de": "belegte Prozessergebnisse", "en": "process outputs evidenced"},
    "fact.outputs_missing": {"de": "fehlende Prozessergebnisse", "en": "process outputs missing"},
    "fact.legal_points": {"de": "offene Rechtsfragen", "en": "open legal points"},
    "fact.laws": {"de": "erfasste Rechtsvorschriften", "en": "laws recorded"},
    "process.heading": {"de": "Prozessstand", "en": "Process status"},
    "process.intro": {
        "de": "Was die Phasen des Rahmenkonzept-Prozesses liefern sollen und was der Graph dafür "
        "enthält; "
        "berechnet aus den Daten, nicht von Hand gepflegt.",
        "en": "What the phases of the framework process are to deliver and what the graph holds "
        "for it; "
        "computed from the data, not kept by hand.",
    },
    "process.summary": {
        "de": "{done} von {n} geplanten Ergebnissen sind im Graphen belegt.",
        "en": "{done} of {n} planned outputs are evidenced in the graph.",
    },
    "process.phase": {"de": "Phase", "en": "Phase"},
    "process.output": {"de": "Geplantes Ergebnis", "en": "Planned output"},
    "process.evidence": {"de": "Im Graphen", "en": "In the graph"},
    "process.state": {"de": "Stand", "en": "State"},
    "process.done": {"de": "belegt", "en": "evidenced"},
    "process.missing": {"de": "fehlt", "en": "missing"},
    "process.table": {
        "de": "Geplante Ergebnisse je Phase",
        "en": "Planned outputs per phase",
    },
    "evidence.interviews": {
        "de": {"one": "{n} Interview", "other": "{n} Interviews"},
        "en": {"one": "{n} interview", "other": "{n} interviews"},
    },
    "evidence.inventory": {
        "de": {"one": "{n} Projekt mit Federführung", "other": "{n} Projekte mit Federführung"},
        "en": {
            "one": "{n} project with a managing actor",
            "other": "{n} projects with a managing actor",
        },
    },
    "evidence.priorities": {
        "de": {
            "one": "{n} Priorisierung oder Priorität",
            "other": "{n} Priorisierungen oder Prioritäten",
        },
        "en": {
            "one": "{n} prioritisation or priority",
            "other": "{n} prioritisations or priorities",
        },
    },
    "evidence.legal": {
        "de": {"one": "{n} Projekt mit Rechtsrahmen", "other": "{n} Projekte mit Rechtsrahmen"},
        "en": {
            "one": "{n} project with its legal frame",
            "other": "{n} projects with their legal frame",
        },
    },
    "evidence.benchmarking": {
        "de": {"one": "{n} Best-Practice-Beispiel", "other": "{n} Best-Practice-Beispiele"},
        "en": {"one": "{n} best-practice example", "other": "{n} best-practice examples"},
    },
    "evidence.vision": {
        "de": {"one": "{n} Zielbild", "other": "{n} Zielbilder"},
        "en": {"one": "{n} vision", "other": "{n} visions"},
    },
    "evidence.goals": {
        "de": {"one": "{n} strategisches Ziel", "other": "{n} strategische Ziele"},
        "en": {"one": "{n} strategic goal", "other": "{n} strategic goals"},
    },
    "evidence.fields": {
        "de": {
            "one": "{n} Handlungsfeld unter den Zielen",
            "other": "{n} Handlungsfelder unter den Zielen",
        },
        "en": {
            "one": "{n} field of action under the goals",
            "other": "{n} fields of action under the goals",
        },
    },
    "evidence.presentation": {
        "de": {"one": "{n} gehaltene Präsentation", "other": "{n} gehaltene Präsentationen"},
        "en": {"one": "{n} presentation given", "other": "{n} presentations given"},
    },
    "legal.heading": {"de": "Rechtsrahmen", "en": "Legal frame"},
    "legal.intro": {
        "de": "Die Gesetze und Regeln, denen die Projekte laut Inventar unterliegen, mit amtlicher "
        "Fundstelle, "
        "und die offenen Rechtsfragen als Fragen zum Prüfen. Keine Rechtsberatung: ob eine "
        "Vorschrift gilt, "
        "entscheidet das Rechtsamt.",
        "en": "The laws and rules the projects are subject to according to the inventory, with "
        "their official "
        "address, and the open legal points as questions to check. No legal advice: whether a rule "
        "applies is "
        "for the legal office to decide.",
    },
    "legal.no_laws": {
        "de": "Für kein Projekt ist ein Rechtsrahmen erfasst (Spalte „Unterliegt“).",
        "en": 'No project records its legal frame (column "Subject to").',
    },
    "legal.points": {
        "de": {"one": "{n} offene Rechtsfrage:", "other": "{n} offene Rechtsfragen:"},
        "en": {"one": "{n} open legal point:", "other": "{n} open legal points:"},
    },
    "legal.no_points": {
        "de": "Die Regeln finden keine offene Rechtsfrage.",
        "en": "The rules find no open legal point.",
    },
    "legal.law": {"de": "Vorschrift", "en": "Law"},
    "legal.short": {"de": "Kurzbezeichnung", "en": "Short name"},
    "legal.projects": {"de": "Projekte", "en": "Projects"},
    "legal.address": {"de": "Amtliche Fundstelle", "en": "Official address"},
    "legal.no_url": {"de": "nicht geprüft", "en": "not verified"},
    "legal.laws_table": {"de": "Erfasster Rechtsrahmen", "en": "Legal frame recorded"},
    "legal.project": {"de": "Projekt", "en": "Project"},
    "legal.question": {"de": "Zu prüfen", "en": "To check"},
    "legal.fix": {"de": "Was einzutragen ist", "en": "What to record"},
    "legal.points_table": {"de": "Offene Rechtsfragen", "en": "Open legal points"},
    "legal.threshold": {"de": "EU-Schwellenwert", "en": "EU threshold"},
    "legal.value": {"de": "Betrag (netto)", "en": "Amount (net)"},
    "legal.valid": {"de": "Gültig", "en": "Valid"},
    "legal.validity": {"de": "{start} bis {end}", "en": "{start} to {end}"},
    "legal.thresholds_table": {
        "de": "EU-Schwellenwerte, mit denen die Auftragswerte verglichen werden",
        "en": "EU thresholds the contract values are compared with",
    },
    "fact.goals_without_fields": {"de": "Ziele ohne Handlungsfeld", "en": "goals without a field"},
    "fact.fields_without_projects": {
        "de": "Handlungsfelder ohne Projekt",
        "en": "fields without a project",
    },
    "fact.projects_without_decision": {
        "de": "Projekte ohne Beschluss",
        "en": "projects without a decision",
    },
    "strategy.heading": {"de": "Strategiebaum", "en": "Strategy tree"},
    "strategy.intro": {
        "de": "Vom Zielbild über die strategischen Ziele und Handlungsfelder zu den Projekten und "
        "den "
        "Beschlüssen über sie. Gestrichelt und mit ✕ markiert sind die Brüche: Ziele ohne "
        "Handlungsfeld, "
        "Handlungsfelder ohne Projekt, Projekte ohne Beschluss.",
        "en": "From the vision through the strategic goals and fields of action to the projects "
        "and the "
        "decisions on them. Dashed and marked ✕ are the breaks: goals without a field of action, "
        "fields "
        "without a project, projects without a decision.",
    },
    "strategy.no_goals": {
        "de": "Die Daten nennen kein Zielbild und keine strategischen Ziele.",
        "en": "The data names no vision and no strategic goals.",
    },
    "strategy.no_goals_vision": {
        "de": "Die Daten nennen ein Zielbild, aber keine strategischen Ziele.",
        "en": "The data names a vision but no strategic goals.",
    },
    "strategy.goals_planned": {
        "de": "Die strategischen Ziele sind ein geplantes Ergebnis von „{phase}“ (Prozessstand).",
        "en": 'The strategic goals are a planned output of "{phase}" (process status).',
    },
    "strategy.breaks_goals": {
        "de": {"one": "{n} Ziel ohne Handlungsfeld", "other": "{n} Ziele ohne Handlungsfeld"},
        "en": {
            "one": "{n} goal without a field of action",
            "other": "{n} goals without a field of action",
        },
    },
    "strategy.breaks_fields": {
        "de": {
            "one": "{n} Handlungsfeld ohne Projekt",
            "other": "{n} Handlungsfelder ohne Projekt",
        },
        "en": {
            "one": "{n} field of action without a project",
            "other": "{n} fields of action without a project",
        },
    },
    "strategy.breaks_projects": {
        "de": {"one": "{n} Projekt ohne Beschluss", "other": "{n} Projekte ohne Beschluss"},
        "en": {"one": "{n} project without a decision", "other": "{n} projects without a decision"},
    },
    "strategy.too_large": {
        "de": "Der Baum hat {n} Zeilen, mehr als die {limit}, die ein Diagramm lesbar zeigt: die "
        "Tabelle zeigt ihn.",
        "en": "The tree has {n} rows, more than the {limit} a chart shows readably: the table "
        "shows it.",
    },
    "strategy.goal": {"de": "Ziel", "en": "Goal"},
    "strategy.field": {"de": "Handlungsfeld", "en": "Field of action"},
    "strategy.no_field": {"de": "(ohne Handlungsfeld)", "en": "(no field of action)"},
    "strategy.projects": {"de": "Projekte", "en": "Projects"},
    "strategy.undecided": {"de": "ohne Beschluss", "en": "without decision"},
    "strategy.milestones": {"de": "Meilensteine", "en": "Milestones"},
    "strategy.overdue": {"de": "überfällig", "en": "overdue"},
    "strategy.chart": {"de": "Strategiebaum", "en": "Strategy tree"},
    "strategy.vision": {"de": "Zielbild", "en": "Vision"},
    "strategy.goals": {"de": "Ziele", "en": "Goals"},
    "strategy.fields": {"de": "Handlungsfelder", "en": "Fields of action"},
    "strategy.decisions_milestones": {
        "de": "Beschlüsse, Meilensteine (MS)",
        "en": "Decisions, milestones (MS)",
    },
    "strategy.no_vision": {"de": "kein Zielbild erfasst", "en": "no vision recorded"},
    "strategy.no_goals_short": {"de": "keine Ziele", "en": "no goals"},
    "strategy.n_projects": {
        "de": {"one": "{n} Projekt", "other": "{n} Projekte"},
        "en": {"one": "{n} project", "other": "{n} projects"},
    },
    "strategy.n_decided": {
        "de": "{decided}/{n} beschlossen, {milestones} MS",
        "en": "{decided}/{n} decided, {milestones} MS",
    },
    "strategy.break.goal": {
        "de": "Bruch: Ziel ohne Handlungsfeld",
        "en": "Break: goal without a field of action",
    },
    "strategy.break.field": {
        "de": "Bruch: Handlungsfeld ohne Projekt",
        "en": "Break: field of action without a project",
    },
    "strategy.break.project": {
        "de": "Bruch: Projekt ohne Beschluss",
        "en": "Break: project without a decision",
    },
    "fact.key_points": {"de": "Kernpunkte", "en": "key points"},
    "keypoint.heading": {"de": "Das Wichtigste in Kürze", "en": "Key points"},
    "keypoint.none": {
        "de": "Die Auswertungen finden nichts, was die Lenkungsgruppe zuerst entscheiden müsste.",
        "en": "The analyses find nothing the steering group has to decide first.",
    },
    "keypoint.number": {"de": "Nr.", "en": "No."},
    "keypoint.finding": {"de": "Befund", "en": "Finding"},
    "keypoint.question": {
        "de": "Frage an die Lenkungsgruppe",
        "en": "Question to the steering group",
    },
    "keypoint.section": {"de": "Abschnitt", "en": "Section"},
    "keypoint.caption": {
        "de": "Berechnet aus den Abschnitten dieses Briefings, nach Tragweite geordnet",
        "en": "Computed from the sections of this briefing, ranked by consequence",
    },
    "keypoint.text.violations": {
        "de": {
            "one": "{n} Fehler im Inventar verfälscht die Auswertungen.",
            "other": "{n} Fehler im Inventar verfälschen die Auswertungen.",
        },
        "en": {
            "one": "{n} error in the inventory distorts the analyses.",
            "other": "{n} errors in the inventory distort the analyses.",
        },
    },
    "keypoint.question.violations": {
        "de": "Wer bereinigt die Daten bis zur nächsten Sitzung?",
        "en": "Who cleans up the data before the next meeting?",
    },
    "keypoint.text.overdue": {
        "de": {
            "one": "{n} Meilenstein ist überfällig.",
            "other": "{n} Meilensteine sind überfällig.",
        },
        "en": {"one": "{n} milestone is overdue.", "other": "{n} milestones are overdue."},
    },
    "keypoint.question.overdue": {
        "de": "Neue Termine setzen oder die Projekte neu planen?",
        "en": "Set new dates or re-plan the projects?",
    },
    "keypoint.text.cycles": {
        "de": {
            "one": "{n} Abhängigkeitszyklus: keines seiner Projekte kann zuerst fertig werden.",
            "other": "{n} Abhängigkeitszyklen: keines ihrer Projekte kann zuerst fertig werden.",
        },
        "en": {
            "one": "{n} dependency cycle: none of its projects can finish first.",
            "other": "{n} dependency cycles: none of their projects can finish first.",
        },
    },
    "keypoint.question.cycles": {
        "de": "Welche Abhängigkeit wird aufgelöst?",
        "en": "Which dependency is to be broken?",
    },
    "keypoint.text.chain": {
        "de": "Die längste Abhängigkeitskette hat {n} Projekte: verzögert sich eines, verzögern "
        "sich alle danach.",
        "en": "The longest dependency chain has {n} projects: if one is late, all after it are "
        "late.",
    },
    "keypoint.question.chain": {
        "de": "Ist die Kette abgesichert, wer überwacht sie?",
        "en": "Is the chain safeguarded, and who watches it?",
    },
    "keypoint.text.legal": {
        "de": {
            "one": "{n} offene Rechtsfrage ist zu prüfen.",
            "other": "{n} offene Rechtsfragen sind zu prüfen.",
        },
        "en": {
            "one": "{n} open legal point is to be checked.",
            "other": "{n} open legal points are to be checked.",
        },
    },
    "keypoint.question.legal": {
        "de": "Wer klärt sie mit Rechtsamt, Datenschutz und Vergabestelle?",
        "en": "Who settles them with the legal office, data protection and procurement?",
    },
    "keypoint.text.bottlenecks": {
        "de": {
            "one": "{n} Akteur ist ein Engpass: ohne ihn zerfällt die Zusammenarbeit.",
            "other": "{n} Akteure sind Engpässe: ohne sie zerfällt die Zusammenarbeit.",
        },
        "en": {
            "one": "{n} actor is a bottleneck: without it the collaboration falls apart.",
            "other": "{n} actors are bottlenecks: without them the collaboration falls apart.",
        },
    },
    "keypoint.question.bottlenecks": {
        "de": "Vertretung und Entlastung regeln?",
        "en": "Arrange deputies and relief?",
    },
    "keypoint.text.goals": {
        "de": {
            "one": "{n} strategisches Ziel: kein Projekt der Daten trägt dazu bei.",
            "other": "{n} strategische Ziele: kein Projekt der Daten trägt zu ihnen bei.",
        },
        "en": {
            "one": "{n} strategic goal: no project in the data contributes to it.",
            "other": "{n} strategic goals: no project in the data contributes to them.",
        },
    },
    "keypoint.question.goals": {
        "de": "Die Projekte nachtragen, die ihnen dienen, Projekte beauftragen oder die Ziele "
        "zurückstellen?",
        "en": "Record the projects that serve them, commission projects, or set the goals aside?",
    },
    "keypoint.text.no_goals": {
        "de": "Es sind keine strategischen Ziele erfasst: kein Projekt lässt sich an Zielen "
        "messen.",
        "en": "No strategic goals are recorded: no project can be measured against goals.",
    },
    "keypoint.question.no_goals": {
        "de": "Wann legt die Lenkungsgruppe Zielbild und Ziele fest?",
        "en": "When does the steering group set the vision and goals?",
    },
    "keypoint.text.process": {
        "de": {
            "one": "{n} von {total} geplanten Prozessergebnissen fehlt im Graphen.",
            "other": "{n} von {total} geplanten Prozessergebnissen fehlen im Graphen.",
        },
        "en": {
            "one": "{n} of {total} planned process outputs is missing from the graph.",
            "other": "{n} of {total} planned process outputs are missing from the graph.",
        },
    },
    "keypoint.question.process": {
        "de": "Nachholen, nachtragen oder bewusst streichen?",
        "en": "Catch up, record them, or drop them on purpose?",
    },
    "keypoint.text.priorities": {
        "de": {
            "one": "Seit der letzten Priorisierung hat {n} Projekt seinen Platz gewechselt.",
            "other": "Seit der letzten Priorisierung haben {n} Projekte ihren Platz gewechselt.",
        },
        "en": {
            "one": "Since the last prioritisation {n} project changed its place.",
            "other": "Since the last prioritisation {n} projects changed their places.",
        },
    },
    "keypoint.question.priorities": {
        "de": "Die neue Reihenfolge bestätigen?",
        "en": "Confirm the new order?",
    },
    "keypoint.text.interviews": {
        "de": {
            "one": "Die Interviews nennen {n} Bedarf, auf den kein Projekt antwortet.",
            "other": "Die Interviews nennen {n} Bedarfe, auf die kein Projekt antwortet.",
        },
        "en": {
            "one": "The interviews name {n} need no project answers.",
            "other": "The interviews name {n} needs no project answers.",
        },
    },
    "keypoint.question.interviews": {
        "de": "Welche Projekte nehmen sie auf?",
        "en": "Which projects take them up?",
    },
    "keypoint.text.undecided": {
        "de": {
            "one": "Für {n} Projekt ist kein Beschluss erfasst.",
            "other": "Für {n} Projekte ist kein Beschluss erfasst.",
        },
        "en": {
            "one": "{n} project has no decision recorded.",
            "other": "{n} projects have no decision recorded.",
        },
    },
    "keypoint.question.undecided": {
        "de": "Gefasste Beschlüsse nachtragen; welche Projekte brauchen noch einen Beschluss des "
        "Rats oder eines Ausschusses?",
        "en": "Record the decisions taken; which projects still need a decision of the council or "
        "a committee?",
    },
    "deck.key_points_notes": {
        "de": "Die Kernpunkte des Briefings, nach Tragweite geordnet: jeder mit seiner Frage an "
        "die Lenkungsgruppe.",
        "en": "The briefing's key points, ranked by consequence: each with its question to the "
        "steering group.",
    },
    # --- the workbook export (sckg.export_xlsx): the sheet of what the template cannot hold ---
    "xlsx.council": {
        "de": "Objekte des Ratsinformationssystems: {entities}, ihre Aussagen: {statements} (nicht "
        "einzeln aufgeführt)",
        "en": "objects of the council system: {entities}, their statements: {statements} (not "
        "listed one by one)",
    },
    "xlsx.more": {
        "de": "weitere Aussagen: {statements} (nicht aufgeführt: ein Blatt fasst {rows} Zeilen)",
        "en": "more statements: {statements} (not listed: a sheet holds {rows} rows)",
    },
    "xlsx.other_city": {
        "de": "Keine Entität der Daten gehört zur Stadt '{city}' (ihre IRIs beginnen mit {base}), "
        "daher sind die Kennungen ganze IRIs; die Stadt der Daten ist '{main}' ({{=city}} {main}).",
        "en": "no entity of the data is of the city '{city}' (its IRIs start with {base}), so the "
        "IDs are whole IRIs; the data's city is '{main}' ({{=city}} {main}).",
    },
    "xlsx.lost": {
        "de": {
            "one": "{n} Aussage der Daten steht nicht in den Blättern der Vorlage (ein Import der "
            "Arbeitsmappe lässt sie aus): sie ist auf dem Blatt _Not in the template aufgeführt.",
            "other": "{n} Aussagen der Daten stehen nicht in den Blättern der Vorlage (ein Import "
            "der Arbeitsmappe lässt sie aus): sie sind auf dem Blatt _Not in the template "
            "aufgeführt.",
        },
        "en": {
            "one": "{n} statement of the data is not in the template's sheets (an import of the "
            "workbook leaves it out): it is listed on the sheet _Not in the template.",
            "other": "{n} statements of the data are not in the template's sheets (an import of "
            "the workbook leaves them out): they are listed on the sheet _Not in the template.",
        },
    },
    "xlsx.all": {
        "de": "alle Aussagen: sckg export --format ttl",
        "en": "every statement: sckg export --format ttl",
    },
    # --- the inventory template (sckg.ingest.template): hints repeated in many columns ---
    "template.multi": {
        "de": "Mehrere Werte mit ; trennen.",
        "en": "Separate several values with ;.",
    },
    "ld.data": {"de": "Daten", "en": "Data"},
    "ld.format.ttl": {"de": "Turtle", "en": "Turtle"},
    "ld.format.nt": {"de": "N-Triples", "en": "N-Triples"},
    "ld.format.jsonld": {"de": "JSON-LD", "en": "JSON-LD"},
    "ld.property": {"de": "Eigenschaft", "en": "Property"},
    "ld.value": {"de": "Wert", "en": "Value"},
    "ld.subject": {"de": "Von", "en": "From"},
    "ld.incoming": {"de": "Verweise hierher", "en": "Links to this"},
    "ld.cut_out": {
        "de": "Gezeigt sind die ersten {n} Aussagen; alle liefert der SPARQL-Endpunkt.",
        "en": "Shown are the first {n} statements; the SPARQL endpoint gives all.",
    },
    "ld.cut_in": {
        "de": "Gezeigt sind die ersten {n} Verweise; alle liefert der SPARQL-Endpunkt.",
        "en": "Shown are the first {n} links; the SPARQL endpoint gives all.",
    },
    "ld.endpoint": {"de": "SPARQL-Endpunkt", "en": "SPARQL endpoint"},
    "ld.void": {
        "de": "Beschreibung der Datensätze (VoID)",
        "en": "Description of the datasets (VoID)",
    },
    "template.amount": {
        "de": "Betrag in Euro, z. B. 250.000, 1.250,50, 250.000,- € oder 250000 (Tausenderpunkte, "
        "Dezimalkomma, € und EUR sind erlaubt, ebenso die englische Schreibweise 1,250.50). "
        "Mehrdeutiges wie 1.250 gilt in der Schreibweise der übrigen Beträge der Spalte oder einer "
        "mit ; getrennten CSV-Datei, sonst ist es ein Fehler: dann 1.250,00 schreiben.",
        "en": "Amount in euros, e.g. 250,000, 1,250.50 or 250000 (thousands separators, € and EUR "
        "are allowed, and so is German notation: 250.000,- €, 1.250,50). Text that reads two ways, "
        "like 1,250, is read in the notation of the column's other amounts or of a CSV file "
        "separated by ;, else it is an error: then write 1,250.00.",
    },
    "template.ref": {
        "de": "Kennung oder Name einer Zeile im Blatt {sheet}",
        "en": "ID or name of a row in sheet {sheet}",
    },
    # the command line's own words (sckg.cli*): the error boundary and the status lines on stderr
    "cli.error": {"de": "Fehler: {message}", "en": "Error: {message}"},
    "cli.note": {"de": "Hinweis: {message}", "en": "Note: {message}"},
    "cli.interrupted": {"de": "Abgebrochen.", "en": "Interrupted."},
    "cli.internal": {
        "de": "Interner Fehler: {kind}: {message} (SCKG_DEBUG=1 zeigt die Einzelheiten)",
        "en": "Internal error: {kind}: {message} (set SCKG_DEBUG=1 for details)",
    },
    "cli.wrote": {"de": "Geschrieben: {paths}.", "en": "Wrote {paths}."},
    "cli.wrote_import": {
        "de": "Geschrieben: {out} ({triples} Tripel) aus {counts}.",
        "en": "Wrote {out} ({triples} triples) from {counts}.",
    },
    "cli.wrote_rows": {
        "de": {
            "one": "Geschrieben: {out} ({triples} Tripel) aus {n} Zeile ({rows}).",
            "other": "Geschrieben: {out} ({triples} Tripel) aus {n} Zeilen ({rows}).",
        },
        "en": {
            "one": "Wrote {out} ({triples} triples) from {n} row ({rows}).",
            "other": "Wrote {out} ({triples} triples) from {n} rows ({rows}).",
        },
    },
    "cli.nothing": {"de": "nichts", "en": "nothing"},
    "oparl.field.created": {
        "de": "Zeitpunkt der Erstellung im Ratsinformationssystem (der Abgleich nutzt 'modified')",
        "en": "creation time in the council system (the sync uses 'modified')",
    },
    "oparl.field.data_licence": {
        "de": "Lizenz der Daten: nicht je Objekt modelliert",
        "en": "licence of the data: not modelled per object",
    },
    "oparl.field.interface_date": {
        "de": "technisches Datum der OParl-Schnittstelle",
        "en": "technical date of the OParl interface",
    },
    "oparl.field.equivalent": {
        "de": "dasselbe Objekt in anderen Systemen: nicht verfolgt",
        "en": "the same object in other systems: not followed",
    },
    "oparl.field.rgs": {
        "de": "Regionalschlüssel: die Körperschaft ist durch den AGS bestimmt",
        "en": "regional key (Regionalschlüssel): the AGS identifies the body",
    },
    "oparl.field.contact": {
        "de": "Kontaktdaten: personenbezogene Daten",
        "en": "contact data: personal data",
    },
    "oparl.field.order": {
        "de": "Position auf der Tagesordnung: die Nummer bleibt erhalten",
        "en": "position on the agenda: the number is kept",
    },
    "oparl.field.meeting_state": {
        "de": "Stand der Sitzung: nicht modelliert (die Ergebnisse stehen bei den "
        "Tagesordnungspunkten)",
        "en": "state of the meeting: not modelled (its results are on the agenda items)",
    },
    "oparl.field.cancelled": {
        "de": "abgesagte Sitzungen: nicht modelliert",
        "en": "cancelled meetings: not modelled",
    },
    "oparl.field.participant": {
        "de": "teilnehmende Personen: personenbezogene Daten",
        "en": "persons taking part: personal data",
    },
    "oparl.field.download_url": {
        "de": "eine zweite Adresse desselben Dokuments (accessUrl bleibt erhalten)",
        "en": "a second address of the same document (accessUrl is kept)",
    },
    "oparl.field.file_detail": {
        "de": "technische Angabe zur Datei",
        "en": "technical detail of the file",
    },
    "oparl.field.text": {
        "de": "Volltext der Datei: nicht importiert (groß)",
        "en": "full text of the file: not imported (large)",
    },
    "oparl.field.file_licence": {
        "de": "Lizenz der Datei: nicht je Objekt modelliert",
        "en": "licence of the file: not modelled per object",
    },
    "oparl.field.derived": {
        "de": "abgeleitete Fassungen desselben Dokuments",
        "en": "derived copies of the same document",
    },
    "oparl.field.stream": {
        "de": "eine Streaming-Adresse, kein Dokument",
        "en": "a streaming address, not a document",
    },
    "oparl.field.room": {
        "de": "der Raum: die Beschreibung des Orts bleibt erhalten",
        "en": "the room: the description of the location is kept",
    },
    "oparl.field.sub_locality": {
        "de": "Teil der Adresse: die Beschreibung bleibt erhalten",
        "en": "part of the address: the description is kept",
    },
    "oparl.field.post": {
        "de": "Funktionen von Personen: personenbezogene Daten",
        "en": "posts of persons: personal data",
    },
    "oparl.field.inactive": {
        "de": "Kennzeichen „inaktiv“: das Enddatum bleibt erhalten",
        "en": "inactive flag: the end date is kept",
    },
    "oparl.field.website": {
        "de": "die eigene Website der Organisation: nicht modelliert",
        "en": "the organisation's own website: not modelled",
    },
    "oparl.field.classification": {
        "de": "die Einordnung der Körperschaft (z. B. 'Stadt'): jede Körperschaft ist eine "
        "Stadtverwaltung",
        "en": "the body's classification (e.g. 'Stadt'): every body is a city administration",
    },
    "oparl.field.main_file": {
        "de": "eine Datei der Organisation",
        "en": "a file of the organisation",
    },
    "oparl.field.personal": {
        "de": "personenbezogene Daten",
        "en": "personal data",
    },
    "oparl.field.agenda_list": {
        "de": "Tagesordnungspunkte aus der Liste der Körperschaft: über ihre Sitzungen importiert",
        "en": "agenda items of a body's list: imported through their meetings",
    },
    "oparl.field.consultation_list": {
        "de": "Beratungen aus der Liste der Körperschaft: über ihre Vorlagen importiert",
        "en": "consultations of a body's list: imported through their papers",
    },
    "oparl.field.file_list": {
        "de": "Dateien aus der Liste der Körperschaft: über ihre Vorlagen und Sitzungen importiert",
        "en": "files of a body's list: imported through their papers and meetings",
    },
    "oparl.field.location_list": {
        "de": "Orte aus der Liste der Körperschaft: importiert, wo sie verwendet werden",
        "en": "locations of a body's list: imported where they are used",
    },
    "oparl.field.term_list": {
        "de": "Wahlperioden aus der Liste der Körperschaft: über die Körperschaft importiert",
        "en": "terms of a body's list: imported through the body",
    },
    "oparl.field.system_detail": {
        "de": "technische Angabe zum System",
        "en": "technical detail of the system",
    },
    "oparl.field.not_modelled": {
        "de": "nicht Teil des sckg-Modells",
        "en": "not part of the sckg model",
    },
    "oparl.skip.personal": {
        "de": "personenbezogene Daten: nur mit {=with_persons} importiert",
        "en": "personal data: imported only with {=with_persons}",
    },
    "oparl.skip.deleted": {
        "de": "auf dem Server gelöscht",
        "en": "deleted on the server",
    },
    "oparl.skip.no_id": {
        "de": "keine id",
        "en": "no id",
    },
    "oparl.skip.bad_id": {
        "de": "die id ist keine IRI",
        "en": "the id is not an IRI",
    },
    "oparl.skip.not_json": {
        "de": "kein gültiges JSON",
        "en": "not valid JSON",
    },
    "oparl.skip.unknown_type": {
        "de": "unbekannter Typ '{type}'",
        "en": "unknown type '{type}'",
    },
    "oparl.skip.no_name": {
        "de": "kein Name",
        "en": "no name",
    },
    "oparl.skip.no_name_start": {
        "de": "kein Name und kein Beginn",
        "en": "no name and no start date",
    },
    "oparl.skip.no_name_reference": {
        "de": "kein Name und kein Aktenzeichen",
        "en": "no name and no reference",
    },
    "oparl.skip.no_paper": {
        "de": "keine Vorlage",
        "en": "no paper",
    },
    "oparl.skip.no_meeting": {
        "de": "keine Sitzung (das Datum einer Beratung ist der Beginn ihrer Sitzung)",
        "en": "no meeting (the date of a consultation is the start of its meeting)",
    },
    "oparl.skip.meeting_missing": {
        "de": "kein Datum: ihre Sitzung ist nicht in der Quelle",
        "en": "no date: its meeting is not in the source",
    },
    "oparl.skip.meeting_no_start": {
        "de": "kein Datum: ihre Sitzung hat keinen Beginn",
        "en": "no date: its meeting has no start",
    },
    "oparl.skip.no_committee": {
        "de": "kein Gremium: weder sie noch ihre Sitzung nennt eine Organisation",
        "en": "no committee: neither it nor its meeting names an organization",
    },
    "oparl.skip.no_file_name": {
        "de": "kein Name und kein Dateiname",
        "en": "no name and no file name",
    },
    "oparl.skip.no_place": {
        "de": "keine Beschreibung, Adresse oder Geometrie",
        "en": "no description, address or geometry",
    },
    "oparl.skip.no_member": {
        "de": "keine Person oder keine Organisation",
        "en": "no person or no organization",
    },
    "oparl.skip.unavailable": {
        "de": "nicht erreichbar: HTTP {status}",
        "en": "not available: HTTP {status}",
    },
    "oparl.skip.list_unavailable": {
        "de": "Liste nicht erreichbar: HTTP {status}",
        "en": "list not available: HTTP {status}",
    },
    "oparl.note.bad_date": {
        "de": "Feld '{field}' ignoriert: '{value}' ist kein ISO-Datum",
        "en": "field '{field}' ignored: '{value}' is not an ISO date",
    },
    "oparl.note.bad_reference": {
        "de": "Verweis '{target}' ignoriert: keine IRI",
        "en": "reference '{target}' ignored: not an IRI",
    },
    "oparl.note.dangling": {
        "de": "verweist auf {expected} {target}, das nicht in der Quelle ist (Verweis behalten)",
        "en": "refers to {expected} {target}, which is not in the source (link kept)",
    },
    "oparl.note.no_kind": {
        "de": "organizationType '{value}' hat keine Art in sckg",
        "en": "organizationType '{value}' has no kind in sckg",
    },
    "oparl.note.no_result": {
        "de": "Feld 'result' ignoriert: kein Ergebnis daraus lesbar (der Text bleibt nur mit "
        "{=with_persons} erhalten: er kann Personen nennen)",
        "en": "field 'result' ignored: no result could be read from it (the text is kept only "
        "with {=with_persons}: it may name persons)",
    },
    "oparl.note.no_geometry": {
        "de": "Feld 'geojson' ignoriert: kein Point, LineString, Polygon, MultiPoint oder "
        "MultiPolygon",
        "en": "field 'geojson' ignored: not a Point, LineString, Polygon, MultiPoint or "
        "MultiPolygon",
    },
    "oparl.note.text_coordinates": {
        "de": "Feld 'geojson': Koordinaten als Text angegeben, als Zahlen gelesen",
        "en": "field 'geojson': coordinates given as text, read as numbers",
    },
    "oparl.kind.json_file": {
        "de": "JSON-Datei",
        "en": "JSON file",
    },
    "cli.oparl_since": {
        "de": "Beim Server nur erfragt, was sich seit {since} geändert hat.",
        "en": "Asked the server only for what changed since {since}.",
    },
    "cli.oparl_changes": {
        "de": "Seit dem letzten Import: {parts}.",
        "en": "Since the last import: {parts}.",
    },
    "cli.oparl_added": {
        "de": "hinzugekommen",
        "en": "added",
    },
    "cli.oparl_changed": {
        "de": "geändert",
        "en": "changed",
    },
    "cli.oparl_deleted": {
        "de": "gelöscht",
        "en": "deleted",
    },
    "cli.oparl_unchanged": {
        "de": "Seit dem letzten Import nichts hinzugekommen, geändert oder gelöscht.",
        "en": "Nothing added, changed or deleted since the last import.",
    },
    "cli.oparl_requests": {
        "de": "{requests} Anfragen, {hits} Antworten aus dem Zwischenspeicher.",
        "en": "{requests} requests, {hits} answers from the cache.",
    },
    "cli.oparl_fields": {
        "de": "Nicht importierte Felder ({n}):",
        "en": "Fields not imported ({n}):",
    },
    "cli.oparl_field_objects": {
        "de": {"one": "{n} Objekt: {why}", "other": "{n} Objekte: {why}"},
        "en": {"one": "{n} object: {why}", "other": "{n} objects: {why}"},
    },
    "cli.oparl_no_type": {
        "de": "(ohne Typ)",
        "en": "(no type)",
    },
    "cli.oparl_skipped": {
        "de": {"one": "{n} Objekt übersprungen:", "other": "{n} Objekte übersprungen:"},
        "en": {"one": "Skipped {n} object:", "other": "Skipped {n} objects:"},
    },
    "cli.oparl_notes": {
        "de": {
            "one": "{n} Hinweis (ignorierte Felder, Verweise auf Objekte, die nicht in der Quelle "
            "sind), z. B.:",
            "other": "{n} Hinweise (ignorierte Felder, Verweise auf Objekte, die nicht in der "
            "Quelle sind), z. B.:",
        },
        "en": {
            "one": "{n} note (ignored fields, links to objects not in the source), e.g.:",
            "other": "{n} notes (ignored fields, links to objects not in the source), e.g.:",
        },
    },
    "cli.prio_waves_projects": {
        "de": "Wellen ordnen Projekte; --what fields weglassen",
        "en": "waves order projects; leave out --what fields",
    },
    "cli.prio_quadrant_scores": {
        "de": "der Quadrant braucht die Bewertungen der Mitglieder für Wirkung und Aufwand "
        "(--scores)",
        "en": "the quadrant needs the members' impact and effort scores (--scores)",
    },
    "cli.prio_date": {
        "de": "erwartet ein Datum wie 2026-03-12 oder 12.03.2026, erhalten: '{day}'",
        "en": "expected a date like 2026-03-12 or 12.03.2026, got '{day}'",
    },
    "cli.cannot_read": {
        "de": "{path} ist nicht lesbar: {reason}",
        "en": "cannot read {path}: {reason}",
    },
    "cli.prio_what.projects": {
        "de": "Projekte",
        "en": "projects",
    },
    "cli.prio_what.fields": {
        "de": "Handlungsfelder",
        "en": "fields of action",
    },
    "cli.prio_template": {
        "de": "Geschrieben: {path}: {n} {what}, {members} Mitglieder, {criteria} Kriterien.",
        "en": "Wrote {path}: {n} {what}, {members} members, {criteria} criteria.",
    },
    "cli.prio_assessment": {
        "de": "Geschrieben: {path} ({n} {what}).",
        "en": "Wrote {path} ({n} {what}).",
    },
    "cli.serve_endpoint": {
        "de": "SPARQL-Endpunkt:   {url}  ({mode}, {limit})",
        "en": "SPARQL endpoint: {url}  ({mode}, {limit})",
    },
    "cli.serve_read_write": {
        "de": "Lesen und Schreiben",
        "en": "read-write",
    },
    "cli.serve_read_only": {
        "de": "nur Lesen",
        "en": "read-only",
    },
    "cli.serve_timeout": {
        "de": "Abfragen enden nach {seconds} s",
        "en": "queries stop after {seconds} s",
    },
    "cli.serve_no_timeout": {
        "de": "keine Zeitgrenze für Abfragen",
        "en": "no query time limit",
    },
    "cli.serve_update": {
        "de": "Update-Endpunkt:   {url}",
        "en": "Update endpoint: {url}",
    },
    "cli.serve_update_refused": {
        "de": "Update-Endpunkt:   {url}  (abgewiesen: nur Lesen)",
        "en": "Update endpoint: {url}  (refused: read-only)",
    },
    "cli.serve_store": {
        "de": "Graph Store:       {url}",
        "en": "Graph Store:     {url}",
    },
    "cli.serve_query_page": {
        "de": "Abfrageseite:      {url}/",
        "en": "Query page:      {url}/",
    },
    "cli.serve_site": {
        "de": "Website:           {url}/  ({site})",
        "en": "Site:            {url}/  ({site})",
    },
    "cli.serve_linked_data": {
        "de": "Linked Data:       {url}/…  (die IRIs unter {base})",
        "en": "Linked Data:     {url}/…  (the IRIs under {base})",
    },
    "cli.serve_void": {
        "de": "Datensätze (VoID): {url}/.well-known/void",
        "en": "Datasets (VoID): {url}/.well-known/void",
    },
    "cli.serve_memory": {
        "de": "Speichergrenze:    {size} (eine Abfrage darüber wird beendet)",
        "en": "Memory cap:      {size} (a query over it is stopped)",
    },
    "cli.serve_temporary": {
        "de": "Hinweis: der Speicher im Arbeitsspeicher ist eine vorübergehende Kopie; was "
        "geschrieben wird, ist weg, wenn der Server endet.",
        "en": "Note: the memory store is a temporary copy; what is written is gone when the "
        "server stops.",
    },
    "cli.serve_exposed": {
        "de": "Warnung: nimmt Anfragen an {host} an: jeder, der diesen Rechner erreicht, kann den "
        "Graphen abfragen.",
        "en": "Warning: listening on {host}: anyone who can reach this machine can query the "
        "graph.",
    },
    "cli.serve_every_address": {
        "de": "Hinweis: {host} steht für jede Adresse dieses Rechners; Clients verwenden seinen "
        "Namen ({name}) oder eine seiner Adressen statt {host}.",
        "en": "Note: {host} stands for every address of this machine; clients use its name "
        "({name}) or one of its addresses instead of {host}.",
    },
    "cli.serve_stop_hint": {
        "de": "Strg-C beendet den Server.",
        "en": "Press Ctrl-C to stop.",
    },
    "cli.serve_stopped": {
        "de": "Beendet.",
        "en": "Stopped.",
    },
    "cli.review_written": {
        "de": "Geschrieben: {n} {what} nach {review}: in der Spalte decision accept oder "
        "reject eintragen, dann {command} ausführen",
        "en": "Wrote {n} {what} to {review}: write accept or reject in the decision column, "
        "then run {command}",
    },
    "cli.review_file_of": {
        "de": "(FILE.ttl zu den Daten von {city})",
        "en": "(FILE.ttl with the data of {city})",
    },
    "cli.review_what.proposals": {
        "de": "Vorschläge",
        "en": "proposals",
    },
    "cli.review_what.candidates": {
        "de": "Kandidaten",
        "en": "candidates",
    },
    "cli.review_what.targets": {
        "de": "vorgeschlagene SDG-Unterziele",
        "en": "proposed SDG targets",
    },
    "cli.review_what.mapping": {
        "de": "vorgeschlagene Referenz-Handlungsfelder",
        "en": "proposed reference fields",
    },
    "cli.decided": {
        "de": "Angenommen: {taken}, abgelehnt: {rejected} ({what}); {out} enthält jetzt {holds}.",
        "en": "Accepted {taken} and rejected {rejected} {what}; {out} now holds {holds}.",
    },
    "cli.decided_what.proposals": {
        "de": "Vorschläge",
        "en": "proposals",
    },
    "cli.decided_what.candidates": {
        "de": "Kandidaten",
        "en": "candidates",
    },
    "cli.decided_what.targets": {
        "de": "SDG-Unterziele",
        "en": "SDG targets",
    },
    "cli.decided_what.mapping": {
        "de": "Referenz-Handlungsfelder",
        "en": "reference fields",
    },
    "cli.holds.links": {
        "de": "{accepted} Verknüpfungen und {rejected} Ablehnungen",
        "en": "{accepted} links and {rejected} rejections",
    },
    "cli.holds.matches": {
        "de": "{accepted} Zuordnungen und {rejected} Ablehnungen",
        "en": "{accepted} matches and {rejected} rejections",
    },
    "cli.holds.examples": {
        "de": "{accepted} Best-Practice-Beispiele und {rejected} Ablehnungen",
        "en": "{accepted} best-practice examples and {rejected} rejections",
    },
    "cli.holds.targets": {
        "de": "{accepted} angenommene und {rejected} abgelehnte SDG-Unterziele",
        "en": "{accepted} accepted and {rejected} rejected SDG targets",
    },
    "cli.holds.mapping": {
        "de": "{accepted} angenommene und {rejected} abgelehnte Referenz-Handlungsfelder",
        "en": "{accepted} accepted and {rejected} rejected reference fields",
    },
    "stats.triples": {
        "de": "{n} Tripel",
        "en": "{n} triples",
    },
    "stats.classes": {
        "de": "Klassen",
        "en": "Classes",
    },
    "stats.properties": {
        "de": "Eigenschaften",
        "en": "Properties",
    },
    "stats.sources": {
        "de": "Quellen",
        "en": "Sources",
    },
    "stats.ill_typed": {
        "de": "Literale, deren Text nicht zu ihrem Datentyp passt (siehe 'sckg validate')",
        "en": "Ill-typed literals (see 'sckg validate')",
    },
    "cli.wrote_oparl": {
        "de": {
            "one": "Geschrieben: {out} ({triples} Tripel): {n} Objekt ({kinds}).",
            "other": "Geschrieben: {out} ({triples} Tripel): {n} Objekte ({kinds}).",
        },
        "en": {
            "one": "Wrote {out} ({triples} triples): {n} entity ({kinds}).",
            "other": "Wrote {out} ({triples} triples): {n} entities ({kinds}).",
        },
    },
    "cli.unchanged_oparl": {
        "de": {
            "one": "Unverändert: {out} ({triples} Tripel): {n} Objekt ({kinds}).",
            "other": "Unverändert: {out} ({triples} Tripel): {n} Objekte ({kinds}).",
        },
        "en": {
            "one": "Unchanged: {out} ({triples} triples): {n} entity ({kinds}).",
            "other": "Unchanged: {out} ({triples} triples): {n} entities ({kinds}).",
        },
    },
    "cli.none": {"de": "keine", "en": "none"},
    "cli.wrote_full_report": {
        "de": "Den vollständigen Bericht geschrieben: {path}.",
        "en": "Wrote the full report to {path}.",
    },
    "cli.generated": {
        "de": {
            "one": "Synthetische Stadt mit {n} Projekt (Seed {seed}) geschrieben: {out}",
            "other": "Synthetische Stadt mit {n} Projekten (Seed {seed}) geschrieben: {out}",
        },
        "en": {
            "one": "Wrote a synthetic city with {n} project (seed {seed}) to {out}",
            "other": "Wrote a synthetic city with {n} projects (seed {seed}) to {out}",
        },
    },
    "cli.report": {"de": "Bericht: {path} (und {md})", "en": "Report: {path} (and {md})"},
    "cli.pdf": {"de": "PDF: {path}", "en": "PDF: {path}"},
    "cli.deck": {
        "de": {"one": "Foliensatz: {path} ({n} Folie)", "other": "Foliensatz: {path} ({n} Folien)"},
        "en": {"one": "Deck: {path} ({n} slide)", "other": "Deck: {path} ({n} slides)"},
    },
    "cli.handout": {"de": ", Handout: {path}", "en": ", handout: {path}"},
    "cli.loaded": {
        "de": {
            "one": "{n} Datei geladen, {triples} Tripel, in {seconds} s ({rate} Tripel/s)"
            "{removed}.",
            "other": "{n} Dateien geladen, {triples} Tripel, in {seconds} s ({rate} Tripel/s)"
            "{removed}.",
        },
        "en": {
            "one": "Loaded {n} file, {triples} triples, in {seconds} s ({rate} triples/s)"
            "{removed}.",
            "other": "Loaded {n} files, {triples} triples, in {seconds} s ({rate} triples/s)"
            "{removed}.",
        },
    },
    "cli.dropped": {
        "de": ", {n} andere Datengraphen entfernt",
        "en": ", dropped {n} other data graphs",
    },
    "cli.store_holds": {
        "de": {  # "in 1 benannten Graphen" is the dative singular
            "one": "{store} enthält {triples} Tripel in {n} benannten Graphen.",
            "other": "{store} enthält {triples} Tripel in {n} benannten Graphen.",
        },
        "en": {
            "one": "{store} holds {triples} triples in {n} named graph.",
            "other": "{store} holds {triples} triples in {n} named graphs.",
        },
    },
    "cli.pushed_graph": {"de": "<{iri}>  {triples} Tripel", "en": "<{iri}>  {triples} triples"},
    "cli.pushed": {
        "de": {
            "one": "{n} Graph hochgeladen, {triples} Tripel, in {seconds} s.",
            "other": "{n} Graphen hochgeladen, {triples} Tripel, in {seconds} s.",
        },
        "en": {
            "one": "Pushed {n} graph, {triples} triples, in {seconds} s.",
            "other": "Pushed {n} graphs, {triples} triples, in {seconds} s.",
        },
    },
    "cli.phase_deck": {"de": "Folien erstellen", "en": "Building the slides"},
    "cli.phase_map": {"de": "Karte berechnen", "en": "Computing the map"},
    # the steps of a long command (sckg.output.Progress), named by the library's "what"
    "cli.step.reading": {"de": "Daten lesen", "en": "Reading the data"},
    "cli.step.sections": {"de": "Analysen und Diagramme", "en": "Analyses and charts"},
    "cli.step.maps": {"de": "Karten", "en": "Maps"},
    "cli.step.writing": {"de": "{path} schreiben", "en": "Writing {path}"},
    "cli.step.files": {"de": "Dateien lesen", "en": "Reading the files"},
    "cli.step.RDF": {"de": "In RDF umwandeln", "en": "Converting to RDF"},
    "cli.step.Turtle": {"de": "Turtle schreiben", "en": "Writing Turtle"},
    "cli.step.loading": {"de": "RDF lesen", "en": "Reading the RDF"},
    "cli.step.indexing": {"de": "Indizes aufbauen", "en": "Building the indexes"},
    "cli.map": {
        "de": "{paths}: {nodes} Knoten, {links} Verbindungen ({seconds} s, Layout {layout} s)",
        "en": "{paths}: {nodes} nodes, {links} links ({seconds} s, layout {layout} s)",
    },
    "cli.site": {
        "de": "Website: {index} ({entities} Einträge, {pages} Seiten, {files} Dateien)",
        "en": "Site: {index} ({entities} entities, {pages} pages, {files} files)",
    },
    # --- error messages (sckg.errors.Message: English for Python, German for the command line) ---
    # usage errors as the command-line parser (typer's click) writes them, matched by the English
    # text with each {placeholder} standing for any text (:func:`reword`); the first match counts
    "usage.usage": {"de": "Aufruf:", "en": "Usage:"},
    "usage.help": {"de": "Hilfe: '{command}'.", "en": "Try '{command}' for help."},
    "usage.no_command": {"de": "Befehl {name} gibt es nicht.", "en": "No such command {name}."},
    "usage.missing_command": {"de": "Ein Befehl fehlt.", "en": "Missing command."},
    "usage.option_choices": {
        "de": "Option {option} gibt es nicht (möglich: {options})",
        "en": "No such option: {option} (Possible options: {options})",
    },
    "usage.option": {"de": "Option {option} gibt es nicht", "en": "No such option: {option}"},
    "usage.not_one_of": {
        "de": "Ungültiger Wert für {param}: {value} ist keiner von {choices}.",
        "en": "Invalid value for {param}: {value} is not one of {choices}.",
    },
    "usage.not_valid": {
        "de": "Ungültiger Wert für {param}: {value} ist keine gültige Angabe ({kind}).",
        "en": "Invalid value for {param}: {value} is not a valid {kind}.",
    },
    "usage.invalid": {
        "de": "Ungültiger Wert für {param}: {reason}",
        "en": "Invalid value for {param}: {reason}",
    },
    "usage.missing_argument": {
        "de": "Das Argument {param} fehlt.",
        "en": "Missing argument {param}.",
    },
    "usage.missing_option": {"de": "Die Option {param} fehlt.", "en": "Missing option {param}."},
    "usage.needs_value": {
        "de": "Die Option {option} braucht einen Wert.",
        "en": "Option {option} requires an argument.",
    },
    "usage.needs_values": {
        "de": "Die Option {option} braucht {n} Werte.",
        "en": "Option {option} requires {n} arguments.",
    },
    "usage.extra": {
        "de": "Unerwartete weitere Argumente ({args})",
        "en": "Got unexpected extra argument(s) ({args})",
    },
    "error.choice": {
        "de": "{{={param}}}: {what} '{value}' gibt es nicht. Möglich: {choices}.",
        "en": "{{={param}}}: unknown {what} '{value}'. Use one of: {choices}.",
    },
    **{
        f"choice.{name}": {"de": de, "en": en}
        for name, de, en in (
            ("item_kind", "Art der Einträge", "kind of item"),
            ("format", "Format", "format"),
            ("csv_dialect", "CSV-Dialekt", "CSV dialect"),
            ("language", "Sprache", "language"),
            ("export_format", "Exportformat", "export format"),
            ("metric", "Maß", "metric"),
            ("projection", "Projektion", "projection"),
            ("weight", "Gewichtung", "weight"),
            ("engine", "Prüfverfahren", "validation engine"),
            ("layout", "Layout", "layout"),
            ("value", "Wert", "value"),
        )
    },
    "error.endpoint_busy": {
        "de": "Der Endpunkt {url} ist ausgelastet: er hat {tries}-mal hintereinander mit HTTP "
        "{status} ({reason}) geantwortet, obwohl sckg dazwischen so lange gewartet hat, wie er "
        "verlangt hat. Später erneut versuchen oder beim Betreiber nachfragen, ob er überlastet "
        "ist oder neu startet.",
        "en": "The endpoint {url} is busy: it answered HTTP {status} ({reason}) {tries} times in a "
        "row, waiting as it asked between them. Try again later, or ask its operator whether it "
        "is overloaded or restarting.",
    },
    "error.query_failed": {
        "de": "Die Abfrage ist fehlgeschlagen: {reason}",
        "en": "The query failed: {reason}",
    },
    "error.expected_form": {
        "de": "Erwartet war eine {form}-Abfrage.",
        "en": "Expected a {form} query.",
    },
    "error.json_depth": {
        "de": "{path}, Zeile {line}, Spalte {column}: das JSON ist tiefer als {depth} Ebenen "
        "verschachtelt; JSON-LD braucht wenige Ebenen (die Daten flacher schreiben, oder als "
        "Turtle).",
        "en": "{path}, line {line}, column {column}: the JSON is nested more than {depth} levels "
        "deep; JSON-LD needs a few levels (write the data flatter, or as Turtle).",
    },
    "error.xml_entities": {
        "de": "{path}: die RDF/XML-Datei deklariert XML-Entitäten (<!ENTITY>); sckg löst sie "
        "nicht auf (eine Datei von wenigen Bytes kann sich auf Gigabytes ausdehnen). Die Werte "
        "ausschreiben.",
        "en": "{path}: the RDF/XML file declares XML entities (<!ENTITY>); sckg does not expand "
        "them (a file of a few bytes can expand to gigabytes). Write the values out.",
    },
    "error.xml_depth": {
        "de": "{path}, Zeile {line}, Spalte {column}: das XML ist tiefer als {depth} Elemente "
        "verschachtelt; RDF/XML braucht wenige Ebenen (die Daten flacher schreiben, oder als "
        "Turtle).",
        "en": "{path}, line {line}, column {column}: the XML is nested more than {depth} "
        "elements deep; RDF/XML needs a few levels (write the data flatter, or as Turtle).",
    },
    "error.store_is_file": {
        "de": "{path}: kein Oxigraph-Speicher (es ist eine Datei; ein Oxigraph-Speicher ist ein "
        "Ordner)",
        "en": "{path}: not an Oxigraph store (it is a file; an Oxigraph store is a folder)",
    },
    "error.store_other_files": {
        "de": "{path}: kein Oxigraph-Speicher (der Ordner enthält andere Dateien)",
        "en": "{path}: not an Oxigraph store (the folder holds other files)",
    },
    "error.no_store_yet": {
        "de": "{path}: dort ist noch kein Oxigraph-Speicher; anlegen mit 'sckg load --store "
        "oxigraph:PFAD DATEIEN'",
        "en": "{path}: no Oxigraph store there yet; create it with 'sckg load --store "
        "oxigraph:PATH FILES'",
    },
    "error.store_in_use": {
        "de": "{path}: der Oxigraph-Speicher wird von einem anderen Prozess benutzt (ein "
        "laufendes 'sckg serve --write' oder 'sckg load'?); ihn beenden, oder den laufenden "
        "Server mit {{=store sparql:URL}} abfragen",
        "en": "{path}: the Oxigraph store is in use by another process (a running 'sckg serve "
        "--write' or 'sckg load'?); stop it, or query the running server with "
        "{{=store sparql:URL}}",
    },
    "error.store_served": {
        "de": "{path}: der Oxigraph-Speicher wird von 'sckg serve' bereitgestellt (Prozess "
        "{pid}) und kann sich solange nicht ändern (seine Antworten kämen aus zwei Ständen der "
        "Daten); den Server beenden, den Speicher ändern und ihn wieder starten, oder eine Kopie "
        "ändern und diese bereitstellen; um ihn nur zu lesen, den Server mit "
        "{{=store sparql:URL}} abfragen",
        "en": "{path}: the Oxigraph store is being served by 'sckg serve' (process {pid}) and "
        "cannot change while it is (its answers would come from two versions of the data); stop "
        "that server, change the store and start it again, or change a copy and serve that one; "
        "to only read it, query the server with {{=store sparql:URL}}",
    },
    "error.store_under_file": {
        "de": "{path}: {file} ist eine Datei, kein Ordner; dem Speicher einen Pfad in einem "
        "Ordner geben",
        "en": "{path}: {file} is a file, not a folder; give the store a path in a folder",
    },
    "error.store_unopened": {
        "de": "{path}: der Oxigraph-Speicher lässt sich nicht öffnen ({reason})",
        "en": "{path}: cannot open the Oxigraph store ({reason})",
    },
    "error.update_refused": {
        "de": "Das ist ein SPARQL-UPDATE; sckg führt hier nur Abfragen aus (der Graph ist "
        "schreibgeschützt).",
        "en": "This is a SPARQL UPDATE; sckg only runs queries here (the graph is read-only).",
    },
    "error.query_timeout": {
        "de": "Die Abfrage hat ihr Zeitlimit von {seconds} s überschritten und wurde angehalten; "
        "sie eingrenzen (genauere Muster, LIMIT) oder {=timeout} erhöhen ({=timeout 0}: kein "
        "Limit).",
        "en": "The query ran over its time limit of {seconds} s and was stopped; narrow it down "
        "(more specific patterns, LIMIT) or raise {=timeout} ({=timeout 0}: no limit).",
    },
    "error.malformed_at": {
        "de": "{path}, Zeile {line}, Spalte {column}: fehlerhaftes RDF: {detail}",
        "en": "{path}, line {line}, column {column}: malformed RDF: {detail}",
    },
    "error.malformed": {
        "de": "{path}: fehlerhaftes RDF: {detail}",
        "en": "{path}: malformed RDF: {detail}",
    },
    "error.column_kind": {
        "de": "{origin}: Spalte '{column}' hat die unbekannte Art '{kind}' ({kinds})",
        "en": "{origin}: column '{column}' has unknown kind '{kind}' ({kinds})",
    },
    "error.param_kind_unknown": {
        "de": "{origin}: Parameter '{name}' hat die unbekannte Art '{kind}' ({kinds})",
        "en": "{origin}: parameter '{name}' has unknown kind '{kind}' ({kinds})",
    },
    "error.no_query_folder": {
        "de": "{path}: kein solcher Ordner benannter Abfragen (.rq-Dateien)",
        "en": "{path}: no such folder of named queries (.rq files)",
    },
    "error.no_queries_in_folder": {
        "de": "{path}: keine benannten Abfragen (.rq-Dateien) in diesem Ordner",
        "en": "{path}: no named queries (.rq files) in this folder",
    },
    "error.query_name_taken": {
        "de": "{path}: sckg hat schon eine benannte Abfrage '{name}'; der Datei einen anderen "
        "Namen geben",
        "en": "{path}: sckg has a named query '{name}' already; give the file another name",
    },
    "error.not_iri": {
        "de": "'{value}' ist keine gültige IRI",
        "en": "'{value}' is not a valid IRI",
    },
    "error.update_not_run": {
        "de": "Das ist ein SPARQL-UPDATE; 'sckg query' liest nur. Der Graph wurde nicht geändert.",
        "en": "This is a SPARQL UPDATE; 'sckg query' only reads. The graph was not changed.",
    },
    "error.unwritable": {
        "de": "{path}: kann nicht geschrieben werden ({reason})",
        "en": "{path}: cannot be written ({reason})",
    },
    "error.symlink": {
        "de": "{path}: ein symbolischer Link (auf {target}); sckg schreibt nur gewöhnliche "
        "Dateien. Die Zieldatei selbst nennen oder den Link entfernen.",
        "en": "{path}: a symbolic link (to {target}); sckg writes only regular files. Name the "
        "target file itself, or remove the link.",
    },
    "error.not_folder": {
        "de": "{folder} ist kein Ordner",
        "en": "{folder} is not a folder",
    },
    "error.no_permission": {
        "de": "keine Berechtigung, in {folder} zu schreiben",
        "en": "no permission to write in {folder}",
    },
    "error.not_xlsx_zip": {
        "de": "{path}: keine .xlsx-Arbeitsmappe (es ist kein ZIP-Archiv); als Excel-Arbeitsmappe "
        "(.xlsx) oder als CSV speichern.",
        "en": "{path}: not an .xlsx workbook (it is not a zip archive); save it as an Excel "
        "workbook (.xlsx) or as CSV.",
    },
    "error.bad_xlsx": {
        "de": "{path}: keine lesbare .xlsx-Arbeitsmappe ({reason}); als Excel-Arbeitsmappe "
        "speichern",
        "en": "{path}: not a readable .xlsx workbook ({reason}); save it as an Excel workbook",
    },
    "error.not_utf8": {
        "de": "{path}, Zeile {row}: kein UTF-8-Text (Byte {byte}); die Datei als CSV UTF-8 "
        "speichern.",
        "en": "{path}, row {row}: not UTF-8 text (byte {byte}); save the file as CSV UTF-8.",
    },
    "error.bad_csv_row": {
        "de": "{path}, Zeile {row}: keine lesbare CSV-Zeile ({reason})",
        "en": "{path}, row {row}: not a readable CSV row ({reason})",
    },
    "error.no_csv_files": {
        "de": "{path}: der Ordner enthält keine CSV-Dateien (erwartet: Actors.csv, Projects.csv, "
        "...)",
        "en": "{path}: the folder holds no CSV files (expected Actors.csv, Projects.csv, ...)",
    },
    "error.no_such_file": {
        "de": "{path}: keine solche Datei und kein solcher Ordner",
        "en": "{path}: no such file or folder",
    },
    "error.save_as_xlsx": {
        "de": "{path}: sckg liest .xlsx-Arbeitsmappen, nicht {suffix}; als Excel-Arbeitsmappe "
        "(.xlsx) speichern (LibreOffice: Datei > Speichern unter > Excel 2007-365) oder jedes "
        "Blatt als CSV.",
        "en": "{path}: sckg reads .xlsx workbooks, not {suffix}; save it as an Excel workbook "
        "(.xlsx) (LibreOffice: File > Save As > Excel 2007-365) or each sheet as CSV.",
    },
    "error.not_a_table": {
        "de": "{path}: erwartet war eine .xlsx-Arbeitsmappe, eine .csv-Datei oder ein Ordner mit "
        "CSV-Dateien",
        "en": "{path}: expected an .xlsx workbook, a .csv file or a folder of CSV files",
    },
    "error.no_answer": {
        "de": "Der Endpunkt {url} antwortet nicht ({reason}). Die URL prüfen und ob der Server "
        "läuft.",
        "en": "The endpoint {url} does not answer ({reason}). Check the URL and that the server "
        "is running.",
    },
    "error.answer_late": {
        "de": "Der Endpunkt {url} hat nicht innerhalb von {seconds} s geantwortet.",
        "en": "The endpoint {url} did not answer within {seconds} s.",
    },
    "error.unreachable": {
        "de": "Der Endpunkt {url} ist nicht erreichbar ({reason}).",
        "en": "The endpoint {url} cannot be reached ({reason}).",
    },
    "error.not_http": {
        "de": "'{url}' ist keine http://- oder https://-URL ({what}).",
        "en": "'{url}' is not an http:// or https:// URL ({what}).",
    },
    "error.not_endpoint": {
        "de": "{url} ist kein SPARQL-Endpunkt (HTTP 404). Die URL prüfen: Oxigraph und 'sckg "
        "serve' antworten unter /query, Fuseki unter /DATASET/sparql.",
        "en": "{url} is not a SPARQL endpoint (HTTP 404). Check the URL: Oxigraph and 'sckg "
        "serve' answer at /query, Fuseki at /DATASET/sparql.",
    },
    "error.endpoint_failed": {
        "de": "Der SPARQL-Endpunkt {url} ist gescheitert (HTTP {status}: {reason}).",
        "en": "The SPARQL endpoint {url} failed (HTTP {status}: {reason}).",
    },
    "error.endpoint_stopped": {
        "de": "Der SPARQL-Endpunkt hat die Abfrage angehalten: {reason}",
        "en": "The SPARQL endpoint stopped the query: {reason}",
    },
    "error.load_needs_oxigraph": {
        "de": "'sckg load' füllt einen dauerhaften Speicher: {{=store oxigraph:PATH}} verwenden, "
        "nicht '{store}' (ein SPARQL-Endpunkt wird mit 'sckg push' gefüllt).",
        "en": "'sckg load' fills a persistent store: use {{=store oxigraph:PATH}}, not '{store}' "
        "(a SPARQL endpoint is filled with 'sckg push').",
    },
    "error.load_nothing": {
        "de": "Die RDF-Dateien oder Ordner nennen, die geladen werden sollen.",
        "en": "Name the RDF files or folders to load.",
    },
    "error.dataset_name": {
        "de": "{=dataset} '{dataset}' enthält keine Buchstaben oder Ziffern; einen Namen wie "
        "'braunschweig' angeben.",
        "en": "{=dataset} '{dataset}' has no letters or digits; give a name such as "
        "'braunschweig'.",
    },
    "error.push_nothing": {
        "de": "Es gibt nichts hochzuladen: der Speicher enthält keine Datengraphen (mit {=data} "
        "welche laden).",
        "en": "There is nothing to push: the store holds no data graphs (load some with {=data}).",
    },
    "error.threshold": {
        "de": "{=min_score} muss größer als 0 sein",
        "en": "{=min_score} must be greater than 0",
    },
    "error.accept_range": {
        "de": "Vorschläge annehmen: '{part}' ist keine Vorschlagsnummer und kein Bereich "
        "zwischen 1 und {n} ('all' oder Nummern wie 1,3,5-7 aus der Liste angeben)",
        "en": "Accepting proposals: '{part}' is not a proposal number or range between 1 and {n} "
        "(use 'all' or numbers like 1,3,5-7 from the listing)",
    },
    "error.review_suffix": {
        "de": "Die Prüfdatei {name} muss auf .csv oder .xlsx enden",
        "en": "The review file {name} must end in .csv or .xlsx",
    },
    "error.no_review_file": {
        "de": "{path}: keine solche Prüfdatei",
        "en": "{path}: no such review file",
    },
    "error.review_other_kind": {
        "de": "{path}: eine Prüfdatei mit {found}, nicht mit {wanted}: ihre Entscheidungen mit "
        "'{command}' übernehmen",
        "en": "{path}: a review file of {found}, not of {wanted}: keep its decisions with "
        "'{command}'",
    },
    "review.kind.best": {
        "de": "Best-Practice-Kandidaten",
        "en": "best-practice candidates",
    },
    "review.kind.targets": {
        "de": "vorgeschlagenen SDG-Unterzielen",
        "en": "proposed SDG targets",
    },
    "review.kind.mapping": {
        "de": "vorgeschlagenen Referenz-Handlungsfeldern",
        "en": "proposed reference fields",
    },
    "review.kind.papers": {
        "de": "vorgeschlagenen Verknüpfungen von Vorlagen",
        "en": "proposed links of council papers",
    },
    "review.kind.actors": {
        "de": "vorgeschlagenen Zuordnungen von Akteuren",
        "en": "proposed matches of actors",
    },
    "error.review_columns": {
        "de": "{path}: der Prüfdatei fehlt die Spalte {columns} (mit '{writer} DATEI' schreiben)",
        "en": "{path}: the review file has no column {columns} (write it with '{writer} FILE')",
    },
    "error.review_decision": {
        "de": "{path}: Zeile {row}: die Entscheidung '{decision}' ist weder annehmen noch "
        "ablehnen (eines von {words} schreiben, oder leer lassen)",
        "en": "{path}: row {row}: decision '{decision}' is neither accept nor reject (write one "
        "of: {words}; or leave it empty)",
    },
    "error.top": {
        "de": "{=top} muss mindestens 1 sein",
        "en": "{=top} must be at least 1",
    },
    "error.two_cities": {
        "de": "{=graphs}: mindestens zwei Städte zum Vergleich angeben",
        "en": "{=graphs}: give at least two cities to compare",
    },
    "error.oparl_deep": {
        "de": "{where}: das JSON ist zu tief verschachtelt (mehr als 1.000 Ebenen); "
        "OParl-Objekte haben wenige Ebenen.",
        "en": "{where}: the JSON is nested too deeply (more than 1,000 levels); OParl objects "
        "are a few levels deep.",
    },
    "error.oparl_not_http": {
        "de": "{url}: keine http(s)-URL; OParl-Links müssen Webadressen sein",
        "en": "{url}: not an http(s) URL; OParl links must be web addresses",
    },
    "error.oparl_other_host": {
        "de": "{url}: auf einem anderen Host als das OParl-System ({origin}); sckg folgt nur "
        "Links zum Host und Port des Systems ({=follow_other_hosts} erlaubt andere).",
        "en": "{url}: on another host than the OParl system ({origin}); sckg follows only links "
        "to the system's own host and port ({=follow_other_hosts} allows others).",
    },
    "error.oparl_total_pages": {
        "de": "{url}: der Abruf hat insgesamt mehr als {pages} Seiten gelesen (Listen aller "
        "Körperschaften); sckg hört dort auf (die Grenze mit {=max_total_pages} erhöhen).",
        "en": "{url}: the crawl has read more than {pages} pages in all (lists of every body); "
        "sckg stops there (raise the limit with {=max_total_pages}).",
    },
    "error.oparl_no_json": {
        "de": "{url}: der Server hat kein gültiges JSON geschickt ({reason}); ist das die URL "
        "eines OParl-Systems?",
        "en": "{url}: the server sent no valid JSON ({reason}); is this an OParl system URL?",
    },
    "error.oparl_total_mb": {
        "de": "{url}: der Abruf hat insgesamt mehr als {mb} MB gelesen; sckg hört dort auf (die "
        "Grenze mit {=max_total_mb} erhöhen).",
        "en": "{url}: the crawl has read more than {mb} MB in all; sckg stops there (raise the "
        "limit with {=max_total_mb}).",
    },
    "error.fetch_late": {
        "de": "keine vollständige Antwort innerhalb von {seconds} s",
        "en": "no complete answer within {seconds} s",
    },
    "error.fetch_resume_cached": {
        "de": "schon abgerufene Seiten liegen im Zwischenspeicher, ein erneuter Import macht "
        "dort weiter",
        "en": "pages already fetched are cached, so running the import again continues from there",
    },
    "error.fetch_resume": {
        "de": "dann den Import erneut starten",
        "en": "then run the import again",
    },
    "error.redirects": {
        "de": "{url}: mehr als {n} Weiterleitungen; sckg hört dort auf.",
        "en": "{url}: more than {n} redirects; sckg stops there.",
    },
    "error.oparl_page_size": {
        "de": "{url}: die Antwort ist größer als {mb} MB; eine OParl-Seite ist viel kleiner (die "
        "Grenze mit {=max_bytes} erhöhen).",
        "en": "{url}: the answer is larger than {mb} MB; an OParl page is far smaller (raise the "
        "limit with {=max_bytes}).",
    },
    "error.redirect_not_http": {
        "de": "{url}: leitet weiter auf {target}; sckg folgt nur http://- und https://-Links.",
        "en": "{url}: redirects to {target}; sckg follows only http:// and https:// links.",
    },
    "error.redirect_other_host": {
        "de": "{url}: leitet weiter auf {target}, einen anderen Host als das OParl-System "
        "({origin}); {=follow_other_hosts} erlaubt das.",
        "en": "{url}: redirects to {target}, another host than the OParl system ({origin}); "
        "{=follow_other_hosts} allows it.",
    },
    "error.oparl_list_pages": {
        "de": "{url}: die Liste '{what}' hat mehr als {pages} Seiten; ist der 'next'-Link des "
        "Servers endlos? (die Grenze mit {=max_pages} erhöhen)",
        "en": "{url}: the list '{what}' has more than {pages} pages; is the server's 'next' link "
        "endless? (raise the limit with {=max_pages})",
    },
    "error.oparl_no_files": {
        "de": "{path}: der Ordner enthält keine OParl-JSON-Dateien (*.json)",
        "en": "{path}: the folder holds no OParl JSON files (*.json)",
    },
    "error.oparl_no_body_list": {
        "de": "{url}: das OParl-System nennt keine Liste der Körperschaften ('body')",
        "en": "{url}: the OParl System names no body list ('body')",
    },
    "error.fetch_failed": {
        "de": {
            "one": "{url}: {problem} (nach {n} Versuch). Die URL und die Verbindung prüfen; "
            "{resume} (siehe {=timeout}, {=retries}).",
            "other": "{url}: {problem} (nach {n} Versuchen). Die URL und die Verbindung prüfen; "
            "{resume} (siehe {=timeout}, {=retries}).",
        },
        "en": {
            "one": "{url}: {problem} (after {n} try). Check the URL and your connection; {resume} "
            "(see {=timeout}, {=retries}).",
            "other": "{url}: {problem} (after {n} tries). Check the URL and your connection; "
            "{resume} (see {=timeout}, {=retries}).",
        },
    },
    "error.no_where": {
        "de": "Die Abfrage hat keine WHERE-Gruppe, in der Parameter gebunden werden können.",
        "en": "The query has no WHERE group to bind parameters in.",
    },
    "error.service_refused": {
        "de": "Die Abfrage verwendet SERVICE, das eine Anfrage an einen anderen Host schicken "
        "würde. Standardmäßig abgelehnt; {=allow_remote} erlaubt es.",
        "en": "The query uses SERVICE, which would send a request to another host. Refused by "
        "default; pass {=allow_remote} to permit it.",
    },
    "error.from_refused": {
        "de": "Die Abfrage liest FROM <{graph}>, einen Graphen, den dieser Speicher nicht "
        "enthält und der aus dem Netz geholt würde. Standardmäßig abgelehnt; {=allow_remote} "
        "erlaubt es.",
        "en": "The query reads FROM <{graph}>, a graph this store does not hold, which would be "
        "fetched from the network. Refused by default; pass {=allow_remote} to permit it.",
    },
    "error.agenda_unreadable": {
        "de": "{path}: die Tagesordnung lässt sich nicht lesen ({reason})",
        "en": "{path}: cannot read the agenda ({reason})",
    },
    "error.agenda_utf8": {
        "de": "{path}, Zeile {line}, Spalte {column}: kein UTF-8-Text (Byte {byte}); die "
        "Tagesordnung als UTF-8 speichern.",
        "en": "{path}, line {line}, column {column}: not UTF-8 text (byte {byte}); save the "
        "agenda as UTF-8.",
    },
    "error.agenda_toml": {
        "de": "{path}: keine TOML-Tagesordnung: {reason}",
        "en": "{path}: not a TOML agenda: {reason}",
    },
    "error.agenda_key": {
        "de": "{path}, Zeile {line}, Schlüssel '{key}': unbekannter Schlüssel (title und "
        "[[slide]]-Einträge verwenden)",
        "en": "{path}, line {line}, key '{key}': unknown key (use title and [[slide]] entries)",
    },
    "error.decisions_out": {
        "de": "--decisions braucht --out DATEI.ttl: die Datei, in die die Entscheidungen "
        "geschrieben werden.",
        "en": "--decisions needs --out FILE.ttl: the file the decisions are written to.",
    },
    "error.compare_two": {
        "de": "--data: mindestens zwei Städte zum Vergleich angeben, je eine mit --data.",
        "en": "--data: give at least two cities to compare, one --data each.",
    },
    "error.mapping_one": {
        "de": "--show mapping liest eine Stadt: ihre Daten einmal mit --data angeben.",
        "en": "--show mapping reads one city: give its data once with --data.",
    },
    "error.chart_show": {
        "de": "--chart zeichnet --show fields oder sdg.",
        "en": "--chart draws --show fields or sdg.",
    },
    "error.suffix": {
        "de": "{{={option}}}: {name} muss auf {endings} enden",
        "en": "{{={option}}}: {name} must end in {endings}",
    },
    "error.accept_out": {
        "de": "--accept und --decisions brauchen --out DATEI.ttl: die Datei, in die die "
        "Entscheidungen geschrieben werden.",
        "en": "--accept and --decisions need --out FILE.ttl: the file the decisions are written "
        "to.",
    },
    "error.export_folder": {
        "de": "--format {fmt} braucht --out (einen Ordner).",
        "en": "--format {fmt} needs --out (a folder).",
    },
    "error.export_file": {
        "de": "--format {fmt} braucht --out (eine Datei).",
        "en": "--format {fmt} needs --out (a file).",
    },
    "error.depth_focus": {
        "de": "--depth braucht --focus (den Knoten, um den die Karte zentriert ist)",
        "en": "--depth needs --focus (the node the map is centred on)",
    },
    "error.no_oxigraph_server": {
        "de": "Der Oxigraph-Server ist nicht installiert: 'pip install oxigraph' ausführen (es "
        "liefert 'oxigraph').",
        "en": "The Oxigraph server is not installed: run 'pip install oxigraph' (it provides "
        "'oxigraph').",
    },
    "error.size": {
        "de": "{{={param}}} muss eine Größe wie 512M oder 4G sein, nicht '{text}'.",
        "en": "{{={param}}} must be a size such as 512M or 4G, not '{text}'.",
    },
    "error.server_failed": {
        "de": "Der Oxigraph-Server ist nicht gestartet ({reason}).",
        "en": "The Oxigraph server did not start ({reason}).",
    },
    "error.server_late": {
        "de": "Der Oxigraph-Server ist nicht innerhalb von {seconds} s gestartet.",
        "en": "The Oxigraph server did not start within {seconds} s.",
    },
    "error.timeout_value": {
        "de": "{=timeout} muss 0 (kein Limit) oder mehr Sekunden sein.",
        "en": "{=timeout} must be 0 (no limit) or more seconds.",
    },
    "error.at_least_one": {
        "de": "{{={param}}} muss 1 oder mehr sein.",
        "en": "{{={param}}} must be 1 or more.",
    },
    "error.positive_seconds": {
        "de": "{{={param}}} muss mehr als 0 Sekunden sein.",
        "en": "{{={param}}} must be more than 0 seconds.",
    },
    "error.cannot_listen": {
        "de": "Kann nicht auf {host}:{port} lauschen ({reason}); {=host} muss eine Adresse dieses "
        "Rechners sein (127.0.0.1: nur dieser Rechner, 0.0.0.0: jedes Netz) und {=port} ein Port, "
        "den er nutzen darf.",
        "en": "Cannot listen on {host}:{port} ({reason}); {=host} must be an address of this "
        "machine (127.0.0.1: this machine only, 0.0.0.0: every network), and {=port} a port it "
        "may use.",
    },
    "error.port_in_use": {
        "de": "Port {port} von {host} ist von einem anderen Programm belegt; einen anderen {=port} "
        "wählen oder {=port 0} für einen freien.",
        "en": "Port {port} of {host} is in use by another program; choose another {=port}, or "
        "{=port 0} for a free one.",
    },
    "error.port_range": {
        "de": "{=port} muss eine Portnummer von 0 bis 65535 sein ({=port 0}: ein freier), nicht "
        "{port}.",
        "en": "{=port} must be a port number from 0 to 65535 ({=port 0}: any free one), not "
        "{port}.",
    },
    "error.no_such_path": {
        "de": "{path}: keine solche Datei und kein solcher Ordner (Pfad bei {{={param}}} prüfen)",
        "en": "{path}: no such file or folder (check the {{={param}}} path)",
    },
    "error.no_bundled_dataset": {
        "de": "Es gibt keinen mitgelieferten Datensatz '{name}' (mitgeliefert: {known})",
        "en": "No bundled dataset '{name}' (bundled: {known})",
    },
    "error.argument_empty": {
        "de": "{param} ist leer: eine Datei, einen Ordner, oxigraph:PFAD oder sparql:URL angeben",
        "en": "{param} is empty: give a file, a folder, oxigraph:PATH or sparql:URL",
    },
    "error.no_such_argument": {
        "de": "{path}: keine solche Datei und kein solcher Ordner (den als {param} angegebenen "
        "Pfad prüfen)",
        "en": "{path}: no such file or folder (check the path given as {param})",
    },
    "error.snapshot_empty": {
        "de": "{{={param}}} ist leer: die früheren Daten angeben (eine Datei, einen Ordner, "
        "oxigraph:PFAD oder sparql:URL), um aufzulisten, was sich seitdem geändert hat",
        "en": "{{={param}}} is empty: give the earlier data (a file, a folder, oxigraph:PATH or "
        "sparql:URL) to list what changed since then",
    },
    "error.snapshot_date": {
        "de": "{{={param}}} '{value}': ein Datum; {{={param}}} nimmt die früheren Daten (eine "
        "Datei, einen Ordner, oxigraph:PFAD oder sparql:URL), um aufzulisten, was sich seitdem "
        "geändert hat",
        "en": "{{={param}}} '{value}': a date; {{={param}}} takes the earlier data (a file, a "
        "folder, oxigraph:PATH or sparql:URL) to list what changed since then",
    },
    "error.not_file_or_folder": {
        "de": "{path}: weder Datei noch Ordner",
        "en": "{path}: not a file or folder",
    },
    "error.no_rdf_files": {
        "de": "{path}: der Ordner enthält keine RDF-Dateien ({known})",
        "en": "{path}: the folder holds no RDF files ({known})",
    },
    "error.table_not_rdf": {
        "de": "{path}: eine Tabelle der Bestandsaufnahme, kein RDF: erst in RDF umwandeln mit "
        "'sckg import table {path} --city NAME --out {out}'",
        "en": "{path}: an inventory spreadsheet, not RDF: turn it into RDF first with "
        "'sckg import table {path} --city NAME --out {out}'",
    },
    "error.tables_not_rdf": {
        "de": "{path}: der Ordner enthält Tabellen der Bestandsaufnahme, keine RDF-Dateien: erst "
        "in RDF umwandeln mit 'sckg import table {source} --city NAME --out {out}'",
        "en": "{path}: the folder holds inventory spreadsheets, no RDF files: turn them into RDF "
        "first with 'sckg import table {source} --city NAME --out {out}'",
    },
    "error.rdf_type": {
        "de": "{path}: unbekannter RDF-Dateityp '{suffix}' (bekannt: {known})",
        "en": "{path}: unknown RDF file type '{suffix}' (known: {known})",
    },
    "error.unreadable": {
        "de": "{path}: kann nicht gelesen werden ({reason})",
        "en": "{path}: cannot be read ({reason})",
    },
    "error.no_data.files": {
        "de": "die angegebenen Dateien enthalten keine Tripel: {files}",
        "en": "the files given hold no triples: {files}",
    },
    "error.no_data.store": {
        "de": "der Speicher enthält keine Daten",
        "en": "the store holds no data",
    },
    "error.no_data": {
        "de": "Der Graph enthält keine Daten ({where}); {{=data}} oder {{=store}} prüfen.",
        "en": "The graph holds no data ({where}); check {{=data}} or {{=store}}.",
    },
    "error.unknown_store": {
        "de": "Unbekannter Speicher '{spec}'. Möglich: memory, oxigraph:PFAD oder sparql:URL.",
        "en": "Unknown store '{spec}'. Use memory, oxigraph:PATH or sparql:URL.",
    },
    "error.unknown_query": {
        "de": "Unbekannte benannte Abfrage '{name}'.{hint} 'sckg queries' zeigt die Liste.",
        "en": "Unknown named query '{name}'.{hint} Run 'sckg queries' for the list.",
    },
    "error.did_you_mean": {"de": " Gemeint: {names}?", "en": " Did you mean: {names}?"},
    "error.unknown_param": {
        "de": "Unbekannter Parameter '{name}' der Abfrage '{query}' (Parameter: {allowed})",
        "en": "Unknown parameter '{name}' for query '{query}' (parameters: {allowed})",
    },
    "error.param_pair": {
        "de": "{{=param}} erwartet name=Wert, nicht '{pair}'",
        "en": "{{=param}} expects name=value, got '{pair}'",
    },
    "error.param_name": {
        "de": "{{=param}}: '{name}' ist kein Variablenname (Buchstaben, Ziffern und _)",
        "en": "{{=param}}: '{name}' is not a variable name (letters, digits and _)",
    },
    "error.param_twice": {
        "de": "{{=param}}: '{name}' ist zweimal angegeben",
        "en": "{{=param}}: '{name}' is given twice",
    },
    "error.param_literal": {
        "de": "{{=param}} {name}: '{value}' ist kein RDF-Literal; schreiben Sie \"Text\", "
        '"1.5"^^xsd:decimal, "Text"@de oder eine Zahl',
        "en": "{{=param}} {name}: '{value}' is not an RDF literal; write \"text\", "
        '"1.5"^^xsd:decimal, "text"@de or a number',
    },
    "error.param_kind": {
        "de": "Parameter '{name}' erwartet einen Wert vom Typ {kind}, nicht '{value}'",
        "en": "Parameter '{name}' expects a value of kind {kind}, got '{value}'",
    },
    "error.no_query_file": {
        "de": "{path}: keine solche Abfragedatei",
        "en": "{path}: no such query file",
    },
    "error.table": {
        "de": {
            "one": "{n} Fehler in der Tabelle; nichts wurde geschrieben:",
            "other": "{n} Fehler in der Tabelle; nichts wurde geschrieben:",
        },
        "en": {
            "one": "{n} error in the spreadsheet; nothing was written:",
            "other": "{n} errors in the spreadsheet; nothing was written:",
        },
    },
    "error.cell": {
        "de": "{file}, Blatt {sheet}{row}{column}: {got} gefunden, erwartet: {expected}",
        "en": "{file}, sheet {sheet}{row}{column}: got {got}, expected {expected}",
    },
    "error.cell.row": {"de": ", Zeile {row}", "en": ", row {row}"},
    "error.cell.column": {"de": ", Spalte {column}", "en": ", column {column}"},
    "error.cell.nothing": {"de": "nichts", "en": "nothing"},
    "error.agenda_entry": {
        "de": "{path}, Zeile {line}, Schlüssel '{key}': {message}",
        "en": "{path}, line {line}, key '{key}': {message}",
    },
    "error.agenda_deep": {
        "de": "{path}: keine TOML-Tagesordnung: die Werte sind zu tief verschachtelt (eine "
        "Tagesordnung braucht zwei Ebenen).",
        "en": "{path}: not a TOML agenda: the values are nested too deeply (an agenda needs two "
        "levels).",
    },
    "error.agenda_text": {"de": "muss Text sein", "en": "must be text"},
    "error.agenda_no_slides": {
        "de": "die Tagesordnung braucht mindestens einen [[slide]]-Eintrag mit einer Ansicht",
        "en": "the agenda needs at least one [[slide]] entry with a view",
    },
    "error.agenda_no_view": {
        "de": "fehlt; eine von {views}",
        "en": "missing; one of {views}",
    },
    "error.agenda_view": {
        "de": "Ansicht '{view}' gibt es nicht; eine von {views}",
        "en": "unknown view '{view}'; one of {views}",
    },
    "error.agenda_slide_key": {
        "de": "kein Schlüssel einer Folie '{view}' (Schlüssel: {keys})",
        "en": "not a key of a '{view}' slide (keys: {keys})",
    },
    "error.agenda_query": {
        "de": "Abfrage '{name}' gibt es nicht; eine von {known}",
        "en": "unknown query '{name}'; one of {known}",
    },
    "error.agenda_chart": {
        "de": "Diagramm '{key}' gibt es nicht; eines von {known}",
        "en": "unknown chart '{key}'; one of {known}",
    },
    "error.agenda_target": {
        "de": "eine Folie '{view}' braucht den Schlüssel '{key}'",
        "en": "a '{view}' slide needs the key '{key}'",
    },
    "error.entity_ambiguous": {
        "de": "{param} '{value}' passt auf {n} Einträge ({what}): {listed}. Die IRI angeben.",
        "en": "{param} '{value}' matches {n} {what}s: {listed}. Give the IRI.",
    },
    "error.entity_unknown": {
        "de": "{param} '{value}': {what}{where} nicht gefunden (die IRI, einen Präfixnamen wie "
        "musterstadt:project/wlan oder die Bezeichnung angeben).{hint}",
        "en": "{param} '{value}': no such {what}{where} (give its IRI, prefixed name such as "
        "musterstadt:project/wlan, or label).{hint}",
    },
    "error.in_this_map": {"de": " in dieser Karte", "en": " in this map"},
    "error.what.project": {"de": "Projekt", "en": "project"},
    "error.what.projects": {"de": "Projekte", "en": "projects"},
    "error.what.field_of_action": {"de": "Handlungsfeld", "en": "field of action"},
    "error.what.node": {"de": "Knoten", "en": "node"},
    "error.what.project_or_field": {"de": "Projekt oder Handlungsfeld", "en": "project or field"},
    "error.what.department": {"de": "Fachbereich", "en": "department"},
    "error.review_iri": {
        "de": "{path}, Zeile {row}, Spalte {column}: {value} ist keine IRI (keine Leerzeichen, "
        "<>\"{{}}|\\^` oder Steuerzeichen); die IRI so schreiben, wie '{writer}' sie geschrieben "
        "hat.",
        "en": "{path}, row {row}, column {column}: {value} is not an IRI (no spaces, "
        "<>\"{{}}|\\^` or control characters); write the IRI as '{writer}' wrote it.",
    },
    "error.other_target": {
        "de": "{where} '{value}' muss eine IRI sein (oder die Daten angeben, um ein Projekt oder "
        "Handlungsfeld an seinem Namen zu finden)",
        "en": "{where} '{value}' must be an IRI (or give the data, to find a project or field by "
        "its name)",
    },
    "error.graph_refused": {
        "de": "Der Endpunkt {url} hat den Graphen <{graph}> abgelehnt (HTTP {status}: {reason})."
        "{hint}",
        "en": "The endpoint {url} refused the graph <{graph}> (HTTP {status}: {reason}).{hint}",
    },
    "error.serve_write": {
        "de": " Den Server im Schreibmodus starten ('sckg serve --write').",
        "en": " Start the server in write mode ('sckg serve --write').",
    },
    "error.in_query_file": {"de": "{origin}: {error}", "en": "{origin}: {error}"},
    "error.syntax": {
        "de": "SPARQL-Syntaxfehler: {message}",
        "en": "SPARQL syntax error: {message}",
    },
    "error.graph_format": {
        "de": "{{=format}} {fmt}: eine {form}-Abfrage ergibt einen Graphen, der als Turtle "
        "ausgegeben wird; {{=format}} weglassen oder die benötigten Spalten mit SELECT abfragen",
        "en": "{{=format}} {fmt}: a {form} query gives a graph, which is printed as Turtle; "
        "leave out {{=format}}, or SELECT the columns you need",
    },
    "error.syntax_prefix": {
        "de": "unbekanntes Präfix '{prefix}:' (mit PREFIX deklarieren oder eines aus "
        "'sckg queries --prefixes' nehmen){hint}",
        "en": "unknown prefix '{prefix}:' (declare it with PREFIX, or use one of "
        "'sckg queries --prefixes'){hint}",
    },
    "error.syntax_iri": {
        "de": "; die vollständige IRI schreiben: <{iri}>",
        "en": "; write the full IRI <{iri}>",
    },
    "error.syntax_at": {
        "de": "SPARQL-Syntaxfehler in Zeile {line}, Spalte {column}: {detail}\n  {text}\n  "
        "{pointer}",
        "en": "SPARQL syntax error at line {line}, column {column}: {detail}\n  {text}\n  "
        "{pointer}",
    },
    "error.not_regular": {
        "de": "{path}: keine gewöhnliche Datei ({kind}); sckg schreibt nur gewöhnliche Dateien.",
        "en": "{path}: not a regular file ({kind}); sckg writes only regular files.",
    },
    "error.kind.fifo": {"de": "ein FIFO", "en": "a FIFO"},
    "error.kind.character_device": {
        "de": "ein zeichenorientiertes Gerät",
        "en": "a character device",
    },
    "error.kind.block_device": {"de": "ein blockorientiertes Gerät", "en": "a block device"},
    "error.kind.socket": {"de": "ein Socket", "en": "a socket"},
    "error.kind.folder": {"de": "ein Ordner", "en": "a folder"},
    "error.kind.special": {"de": "eine Spezialdatei", "en": "a special file"},
    "error.projects": {
        "de": "{=projects} muss mindestens 1 sein, nicht {projects}",
        "en": "{=projects} must be at least 1, got {projects}",
    },
    "error.base": {
        "de": "{=base} muss eine http(s)-IRI sein, die auf '/' endet, wie {example}, nicht "
        "'{base}'.",
        "en": "{=base} must be an http(s) IRI ending in '/', such as {example}, not '{base}'.",
    },
    "error.limit": {
        "de": "{=limit} muss 0 (alle) oder mehr sein, nicht {limit}",
        "en": "{=limit} must be 0 (all) or more, got {limit}",
    },
    "error.impact_not_project": {
        "de": "'{target}' ist kein Projekt (kein sckg:Project {node}); die Auswirkung folgt "
        "sckg:dependsOn zwischen Projekten.",
        "en": "'{target}' is not a project (no sckg:Project {node}); impact follows "
        "sckg:dependsOn between projects.",
    },
    "error.sample": {
        "de": "{=sample} muss 0 (genau) oder mehr sein, nicht {sample}",
        "en": "{=sample} must be 0 (exact) or more, got {sample}",
    },
    "error.with_papers": {
        "de": "{=with_papers} fügt Ratsvorlagen der Projektion entity hinzu, nicht '{name}'",
        "en": "{=with_papers} adds council papers to the entity projection, not to '{name}'",
    },
    "error.registered": {
        "de": "{{={param}}} '{name}' ist schon registriert",
        "en": "{{={param}}} '{name}' is registered already",
    },
    "error.vocabulary": {
        "de": "{=name} '{name}' ist kein Referenzvokabular; eines davon verwenden: {known}",
        "en": "{=name} '{name}' is no reference vocabulary; use one of: {known}",
    },
    "error.day": {
        "de": "{{={param}}} muss ein Datum wie 2026-01-31 oder 31.01.2026 sein, nicht {value!r}",
        "en": "{{={param}}} must be a date like 2026-01-31 or 31.01.2026, got {value!r}",
    },
    "error.shapes_uncompiled": {
        "de": "Die Shapes verwenden {compiled}, was die SPARQL-Engine nicht übersetzt; "
        "{=engine pyshacl} verwenden",
        "en": "The shapes use {compiled}, which the SPARQL engine does not compile; use "
        "{=engine pyshacl}",
    },
    "error.viz_class": {
        "de": "{=classes} '{cls}': Klasse unbekannt. Klassen in dieser Karte: {present}.",
        "en": "{=classes} '{cls}': unknown class. Classes in this map: {present}.",
    },
    "error.viz_empty": {
        "de": "Nach den Filtern bleibt kein Knoten übrig; {=classes}, {=fields} oder "
        "{=departments} lockern.",
        "en": "No node is left after the filters; loosen {=classes}, {=fields} or {=departments}.",
    },
    "error.depth": {
        "de": "{=depth} muss 0 oder mehr sein, nicht {depth}",
        "en": "{=depth} must be 0 or more, got {depth}",
    },
    "error.kamada_kawai": {
        "de": "Das Layout kamada-kawai braucht alle paarweisen Abstände und ist auf {most} Knoten "
        "begrenzt (diese Karte hat {n}); {=layout spring} oder forceatlas2 verwenden oder die "
        "Karte mit Filtern verkleinern.",
        "en": "The kamada-kawai layout needs all pairwise distances and is limited to {most} "
        "nodes (this map has {n}); use {=layout spring} or forceatlas2, or make the map smaller "
        "with filters.",
    },
    "error.image_format": {
        "de": "{out}: Bildformat '{fmt}' gibt es nicht (eine .png- oder .svg-Datei angeben)",
        "en": "{out}: unknown image format '{fmt}' (use a .png or .svg file)",
    },
    "error.image_suffix": {
        "de": "{out}: ein {format}-Bild braucht einen Dateinamen, der auf .{fmt} endet",
        "en": "{out}: a {format} image needs a file name ending in .{fmt}",
    },
    "error.site_folder": {
        "de": "{=site} muss ein Ordner sein, den 'sckg site' geschrieben hat (mit einer "
        "index.html): {folder}",
        "en": "{=site} must be a folder written by 'sckg site' (with an index.html): {folder}",
    },
    "error.serve_store": {
        "de": "'sckg serve' stellt einen Speicher dieses Rechners bereit: {=store memory} oder "
        "{{=store oxigraph:PATH}} verwenden, nicht '{store}'.",
        "en": "'sckg serve' serves a store of this machine: use {=store memory} or "
        "{{=store oxigraph:PATH}}, not '{store}'.",
    },
    "error.no_chromium": {"de": "kein Chromium gefunden", "en": "no Chromium found"},
    "error.no_playwright": {
        "de": "das Paket playwright fehlt",
        "en": "the playwright package is missing",
    },
    "error.pdf_engine": {
        "de": "Für PDF braucht es Headless-Chromium, aber {missing}: Chromium installieren "
        "(Debian/Ubuntu: apt-get install chromium; oder SCKG_CHROMIUM auf ein Chromium- oder "
        "Chrome-Programm setzen) und sckgs Extra pdf (pip install 'sckg[pdf]': das Paket "
        "playwright; 'playwright install' ist nicht nötig).",
        "en": "PDF output needs headless Chromium, but {missing}: install Chromium (Debian/Ubuntu: "
        "apt-get install chromium; or set SCKG_CHROMIUM to a Chromium or Chrome binary) and "
        "sckg's pdf extra (pip install 'sckg[pdf]': the playwright package; no 'playwright "
        "install' needed).",
    },
    "error.pdf_print": {
        "de": "Chromium konnte {page} nicht drucken: {reason}",
        "en": "Chromium could not print {page}: {reason}",
    },
    "error.no_pandas": {
        "de": "Table.to_pandas() braucht pandas, das nicht installiert ist: pip install pandas "
        "(oder pip install 'sckg[notebook]')",
        "en": "Table.to_pandas() needs pandas, which is not installed: pip install pandas "
        "(or pip install 'sckg[notebook]')",
    },
    "error.city_name": {
        "de": "{=city} '{city}': Kleinbuchstaben, Ziffern und Bindestriche verwenden, z. B. "
        "musterstadt",
        "en": "{=city} '{city}': use lower-case letters, digits and hyphens, e.g. musterstadt",
    },
    "error.workbook_too_big": {
        "de": "{path}: die Arbeitsmappe wird entpackt {mb} MB groß, mehr als die {most} MB, die "
        "sckg liest; eine Bestands- oder Prüfdatei ist weit kleiner. Sie ohne Unnötiges (Bilder, "
        "andere Blätter) neu speichern.",
        "en": "{path}: the workbook unpacks to {mb} MB, more than the {most} MB sckg reads; an "
        "inventory or review file is far smaller. Save it again without what it does not need "
        "(images, other sheets).",
    },
    "error.csv_too_big": {
        "de": "{path}: die CSV-Datei ist {mb} MB groß, mehr als die {most} MB, die sckg liest; "
        "eine Bestands- oder Prüfdatei ist weit kleiner. Die Datei aufteilen.",
        "en": "{path}: the CSV file holds {mb} MB, more than the {most} MB sckg reads; an "
        "inventory or review file is far smaller. Split the file.",
    },
    "error.csv_cells": {
        "de": "{path}, Zeile {row}: die Datei enthält mehr als {most} Zellen; sckg liest höchstens "
        "so viele. Die Datei aufteilen.",
        "en": "{path}, row {row}: the file holds more than {most} cells; sckg reads at most that "
        "many. Split the file.",
    },
    "error.workbook_cells": {
        "de": "{path}, Blatt {sheet}, Zeile {row}: die Arbeitsmappe enthält mehr als {most} Zellen "
        "(gezählt bis zur letzten gefüllten Spalte jeder Zeile); sckg liest höchstens so viele. "
        "Die Arbeitsmappe aufteilen oder löschen, was weit rechts oder unter der Tabelle steht.",
        "en": "{path}, sheet {sheet}, row {row}: the workbook holds more than {most} cells "
        "(counted up to the last filled column of each row); sckg reads at most that many. Split "
        "the workbook, or delete what is far right or below the table.",
    },
    "error.oparl_no_folder": {
        "de": "{folder}: kein solcher Ordner (einen Ordner mit OParl-JSON-Dateien oder eine "
        "http(s)-URL angeben)",
        "en": "{folder}: no such folder (give a folder of OParl JSON files or an http(s) URL)",
    },
    "error.snapshot_damaged": {
        "de": "{path}: der Stand des Abgleichs ist beschädigt; ihn löschen, um alles neu zu "
        "importieren",
        "en": "{path}: the sync snapshot is damaged; delete it to import everything again",
    },
    "error.cache_unwritable": {
        "de": "{path}: der Download-Zwischenspeicher lässt sich nicht schreiben ({reason})",
        "en": "{path}: cannot write the download cache ({reason})",
    },
    "error.oparl_list_page": {
        "de": "{url}: erwartet war eine OParl-Listenseite, nicht {got}",
        "en": "{url}: expected an OParl list page, got {got}",
    },
    "error.oparl_root": {
        "de": "{url}: erwartet war ein OParl-System, ein Body oder eine Liste, nicht {got}",
        "en": "{url}: expected an OParl System, Body or list, got {got}",
    },
    "error.oparl_root_type": {
        "de": "{url}: erwartet war ein OParl-System oder ein Body, nicht der Typ '{got}'",
        "en": "{url}: expected an OParl System or Body, got type '{got}'",
    },
    "error.sync_turtle": {
        "de": "{path}: keine Turtle-Datei, in die sckg zusammenführen kann ({reason})",
        "en": "{path}: not a Turtle file sckg can merge into ({reason})",
    },
    "error.scale": {
        "de": "{=scale} muss mehr als 0 und höchstens 100 sein, nicht {scale}",
        "en": "{=scale} must be more than 0 and at most 100, not {scale}",
    },
    "error.commit_hash": {
        "de": "Commit '{commit}': den vollständigen Commit-Hash der Quelle mit 40 Zeichen angeben",
        "en": "commit '{commit}': give the full 40-character commit hash of the source",
    },
    "error.commit_date": {
        "de": "Datum '{date}': das Datum des Commits als JJJJ-MM-TT angeben",
        "en": "date '{date}': give the commit date as YYYY-MM-DD",
    },
    "error.sdg_unreadable": {
        "de": "{source}: das SDG-Vokabular lässt sich nicht lesen ({reason})",
        "en": "{source}: cannot read the SDG vocabulary ({reason})",
    },
    "error.sdg_goals": {
        "de": "{source}: {n} Ziele statt 17; sdg-data/sdg-kos-goals-targets-indicators.ttl angeben",
        "en": "{source}: {n} goals, expected 17; "
        "give sdg-data/sdg-kos-goals-targets-indicators.ttl",
    },
    "error.ulm_no_pages": {
        "de": "{source}: keine Seiten 06_Handlungsfelder/06.NN_*/index.md; den Ordner der "
        "Strategie angeben",
        "en": "{source}: no 06_Handlungsfelder/06.NN_*/index.md pages; give the strategy's folder",
    },
    "error.ulm_not_utf8": {
        "de": "{path}: kein UTF-8-Text (Byte {byte} an Stelle {offset}); die Markdown-Seiten der "
        "Strategie so angeben, wie sie veröffentlicht sind",
        "en": "{path}: not UTF-8 text (byte {byte} at offset {offset}); give the strategy's "
        "Markdown pages as published",
    },
    "error.no_template_sheets": {
        "de": "{path}: enthält keines der Blätter der Vorlage ({sheets})",
        "en": "{path}: holds none of the template's sheets ({sheets})",
    },
    "error.sheet_rows": {
        "de": "Das Blatt {sheet} hätte {rows} Zeilen, mehr als eine Tabelle fasst ({most} unter "
        "der Kopfzeile); den Graphen stattdessen als Turtle exportieren ({=fmt ttl}).",
        "en": "The sheet {sheet} would hold {rows} rows, more than a spreadsheet holds ({most} "
        "below its header); export the graph as Turtle ({=fmt ttl}) instead.",
    },
    "error.weights_zero": {
        "de": "{file}: jedes Gewicht ist 0; mindestens einem Kriterium ein Gewicht geben",
        "en": "{file}: every weight is 0; give at least one criterion a weight",
    },
    "error.no_weights": {
        "de": "{file}: keine Gewichte: das Blatt 'Gewichte (Weights)' oder die paarweisen "
        "Vergleiche in 'Vergleiche (Comparisons)' ausfüllen",
        "en": "{file}: no weights: fill in the sheet 'Gewichte (Weights)' or the pairwise "
        "comparisons of 'Vergleiche (Comparisons)'",
    },
    "error.ahp_pair": {
        "de": "{=judgments}: '{a}' über '{b}' ist kein Paar der Kriterien {criteria}",
        "en": "{=judgments}: '{a}' over '{b}' is not a pair of the criteria {criteria}",
    },
    "error.ahp_missing": {
        "de": "AHP braucht einen Vergleich für jedes Paar von Kriterien; es fehlen: {missing}",
        "en": "AHP needs every pair of criteria compared; missing: {missing}",
    },
    "error.ahp_size": {
        "de": "{=criteria}: AHP nimmt 1 bis {most} Kriterien (Saatys Zufallsindex), nicht {n}; "
        "stattdessen direkte Gewichte angeben",
        "en": "{=criteria}: AHP takes 1 to {most} criteria (Saaty's random index), got {n}; give "
        "direct weights instead",
    },
    "error.ahp_size_sheet": {
        "de": "{file}, Blatt {sheet}: AHP nimmt höchstens {most} Kriterien (Saatys Zufallsindex), "
        "die Vergleiche haben {n}; weniger Kriterien vergleichen oder stattdessen direkte "
        "Gewichte auf dem Blatt {weights} angeben",
        "en": "{file}, sheet {sheet}: AHP takes at most {most} criteria (Saaty's random index), "
        "the comparisons have {n}; compare fewer criteria or give direct weights on the sheet "
        "{weights} instead",
    },
    "error.no_ranking": {
        "de": "Keine Rangfolge, die als Bewertung geschrieben werden kann: die Bewertungen der "
        "Steuerungsgruppe fehlen ({=scores})",
        "en": "No ranking to write as an assessment: the steering group's scores are missing "
        "({=scores})",
    },
    "error.previous_assessment": {
        "de": "die vorige Bewertung ist kein lesbares Turtle ({reason})",
        "en": "the previous assessment is no readable Turtle ({reason})",
    },
    "error.not_an_assessment": {
        "de": "{name} ist keine frühere Bewertung: {=previous} nimmt die Turtle-Datei, die "
        "{=assessment} bei einer früheren Sitzung geschrieben hat",
        "en": "{name} is not an earlier assessment: {=previous} takes the Turtle file that "
        "{=assessment} wrote at an earlier meeting",
    },
    "error.rank_values": {
        "de": "{=values}: erwartet war eine Spalte je Kriterium ({n}), nicht {shape}",
        "en": "{=values}: expected one column per criterion ({n}), got {shape}",
    },
    "error.rank_weights": {
        "de": "{=weights}: erwartet waren {n} Gewichte von 0 oder mehr, nicht alle 0; nicht "
        "{weights}",
        "en": "{=weights}: expected {n} weights of 0 or more, not all 0; got {weights}",
    },
    "error.at_least_one_got": {
        "de": "{{={param}}} muss 1 oder mehr sein, nicht {value}",
        "en": "{{={param}}} must be 1 or more, got {value}",
    },
    "error.no_scores_sheet": {
        "de": "{name}: kein Blatt '{sheet}'; mit der Vorlage von sckg prioritise beginnen",
        "en": "{name}: no sheet '{sheet}'; start from the template of sckg prioritise",
    },
    "error.scores_other_kind.projects": {
        "de": "{name} bewertet Projekte, nicht Handlungsfelder; {=what projects} angeben",
        "en": "{name} scores projects, not fields of action; use {=what projects}",
    },
    "error.scores_other_kind.fields": {
        "de": "{name} bewertet Handlungsfelder, nicht Projekte; {=what fields} angeben",
        "en": "{name} scores fields of action, not projects; use {=what fields}",
    },
    "error.weights_and_pairs": {
        "de": "{name}: die Arbeitsmappe hat direkte Gewichte und paarweise Vergleiche; eines von "
        "beiden behalten",
        "en": "{name}: the workbook has direct weights and pairwise comparisons; keep one of them",
    },
    "error.frame": {
        "de": "{=frame}: Rahmen '{frame}' gibt es nicht. Möglich: field, sdg.",
        "en": "{=frame}: unknown frame '{frame}'. Use one of: field, sdg.",
    },
    "error.no_dataset": {
        "de": "{where}kein sckg:Dataset: eine Stadt im Vergleich braucht einen Datensatz-Knoten, "
        "der die Stadt nennt (dcterms:coverage) und sagt, ob sie erfunden ist (sckg:fictional)",
        "en": "{where}no sckg:Dataset: a city to compare needs a dataset node naming the city "
        "(dcterms:coverage) and whether it is fictional (sckg:fictional)",
    },
    "error.several_cities": {
        "de": "{n} Städte in {where}: {cities}. Ein Vergleich nimmt eine Stadt je Datenangabe: die "
        "Dateien jeder Stadt für sich angeben und in jedem Datensatz einer Stadt diese Stadt "
        "nennen (dcterms:coverage)",
        "en": "{n} cities in {where}: {cities}. A comparison takes one city per data: give each "
        "city's files on their own, and let every dataset of one city name that city "
        "(dcterms:coverage)",
    },
    "compare.city_in": {"de": "{iri} (in {files})", "en": "{iri} (in {files})"},
    "compare.same_data": {"de": "denselben Daten", "en": "the same data"},
    "error.city_several": {
        "de": "{=city} '{name}' passt auf mehr als eine der verglichenen Städte: {known}",
        "en": "{=city} '{name}' is more than one of the cities compared: {known}",
    },
    "error.city_none": {
        "de": "{=city} '{name}' ist keine der verglichenen Städte: {known}",
        "en": "{=city} '{name}' is none of the cities compared: {known}",
    },
    "error.same_city": {
        "de": "{source}: dieselbe Stadt wie {seen} ({label}); verschiedene Städte vergleichen",
        "en": "{source}: the same city as {seen} ({label}); compare different cities",
    },
    "error.decisions_turtle": {
        "de": "{path}: es lassen sich keine Entscheidungen hinzufügen, die Datei ist kein lesbares "
        "Turtle ({reason})",
        "en": "{path}: cannot add decisions to it, it is not a readable Turtle file ({reason})",
    },
    "error.redirect_query": {
        "de": "Der Endpunkt {url} leitet eine Abfrage (HTTP {code}) an {newurl} weiter, wobei die "
        "Abfrage unterwegs verloren ginge; diese Adresse verwenden: {{=store sparql:{newurl}}}",
        "en": "The endpoint {url} redirects a query (HTTP {code}) to {newurl}, which would lose "
        "the query on the way; use that address: {{=store sparql:{newurl}}}",
    },
    "error.redirect_data": {
        "de": "Der Endpunkt {url} leitet eine {method}-Anfrage (HTTP {code}) an {newurl} weiter, "
        "wobei die Daten unterwegs verloren gingen; diese Adresse verwenden: "
        "{{=endpoint {newurl}}}",
        "en": "The endpoint {url} redirects a {method} request (HTTP {code}) to {newurl}, which "
        "would lose the data on the way; use that address: {{=endpoint {newurl}}}",
    },
    "error.timeout_variable": {
        "de": "{name}={value!r} ist keine Zahl von Sekunden größer als 0.",
        "en": "{name}={value!r} is not a number of seconds greater than 0.",
    },
    "error.login_unsaid": {
        "de": "Der Endpunkt {url} verlangt eine Anmeldung (HTTP 401), ohne zu sagen, welche (kein "
        "WWW-Authenticate-Header); sckg sendet ein Passwort über http nur, wenn der Server Basic "
        "oder Digest verlangt. https verwenden.",
        "en": "The endpoint {url} asks for a login (HTTP 401) without saying which (no "
        "WWW-Authenticate header); sckg sends a password over http only when the server asks "
        "for Basic or Digest. Use https.",
    },
    "error.login_elsewhere": {
        "de": "Der Endpunkt {url} hat die Anfrage an {answered} weitergegeben, der eine Anmeldung "
        "verlangt (HTTP 401); sckg gibt die Anmeldung nur dem angegebenen Server: {answered} "
        "verwenden, wenn ihm zu trauen ist.",
        "en": "The endpoint {url} sent the request on to {answered}, which asks for a login "
        "(HTTP 401); sckg gives the login only to the server it was given: use {answered} if you "
        "trust it.",
    },
    "error.endpoint_time_limit": {
        "de": "Der SPARQL-Endpunkt hat die Abfrage angehalten: sie hat sein Zeitlimit "
        "überschritten; sie eingrenzen (genauere Muster, LIMIT) oder das Zeitlimit des Endpunkts "
        "erhöhen.",
        "en": "The SPARQL endpoint stopped the query: it ran over its time limit; narrow it down "
        "(more specific patterns, LIMIT) or raise the endpoint's time limit.",
    },
    "error.bound_query_refused": {
        "de": "Der SPARQL-Endpunkt hat die Abfrage mit ihren Parametern abgelehnt: {reason}",
        "en": "The SPARQL endpoint refused the query with its parameters: {reason}",
    },
    "error.not_results": {
        "de": "Der SPARQL-Endpunkt {url} hat mit '{media}' statt mit SPARQL-JSON-Ergebnissen "
        "geantwortet: ist er ein SPARQL-Endpunkt? ({text})",
        "en": "The SPARQL endpoint {url} answered with '{media}' instead of SPARQL JSON results: "
        "is it a SPARQL endpoint? ({text})",
    },
    "error.no_media_type": {"de": "kein Medientyp", "en": "no media type"},
    "error.bad_results": {
        "de": "Der SPARQL-Endpunkt {url} hat Ergebnisse geschickt, die sich nicht lesen lassen "
        "({reason}).",
        "en": "The SPARQL endpoint {url} sent results that cannot be read ({reason}).",
    },
    "error.bad_rdf": {
        "de": "Der SPARQL-Endpunkt {url} hat RDF geschickt, das sich nicht lesen lässt ({reason}).",
        "en": "The SPARQL endpoint {url} sent RDF that cannot be read ({reason}).",
    },
    "error.virtuoso_cut": {
        "de": "Virtuoso schickt höchstens {rows} Zeilen in einer Antwort und lässt den Rest weg, "
        "ohne es zu sagen; diese Antwort hat genau so viele, ist also wahrscheinlich "
        "abgeschnitten. In Teilen abfragen (FILTER, oder ORDER BY mit LIMIT und OFFSET).",
        "en": "Virtuoso sends at most {rows} rows in one answer and leaves out the rest without "
        "saying so; this answer has exactly that many, so it is probably cut. Ask in parts "
        "(FILTER, or ORDER BY with LIMIT and OFFSET).",
    },
    "error.expected_graph": {
        "de": "Erwartet war eine CONSTRUCT- oder DESCRIBE-Abfrage (der Endpunkt hat mit "
        "'{media}' geantwortet).",
        "en": "Expected a CONSTRUCT or DESCRIBE query (the endpoint answered with '{media}').",
    },
    "error.endpoint_read_only": {
        "de": "{path}: sckg liest einen SPARQL-Endpunkt über {{=store sparql:URL}}, schreibt aber "
        "nicht hinein; die Daten zuerst mit 'sckg push --endpoint GRAPH-STORE-URL --data "
        "DATEIEN' hochladen.",
        "en": "{path}: sckg reads a SPARQL endpoint through {{=store sparql:URL}} but does not "
        "write to it; upload the data with 'sckg push --endpoint GRAPH-STORE-URL --data FILES' "
        "first.",
    },
    "error.endpoint_unchanged": {
        "de": "<{graph}>: sckg ändert einen SPARQL-Endpunkt über {{=store sparql:URL}} nicht; "
        "seine Graphen mit 'sckg push --endpoint GRAPH-STORE-URL' ersetzen.",
        "en": "<{graph}>: sckg does not change a SPARQL endpoint through {{=store sparql:URL}}; "
        "use 'sckg push --endpoint GRAPH-STORE-URL' to replace its graphs.",
    },
    "expected.id": {
        "de": "eine Kennung aus Buchstaben, Ziffern und - _ . ~ (z. B. wlan-innenstadt, oder "
        "Ordner/Name wie budget/wlan) oder eine vollständige IRI",
        "en": "an ID of letters, digits and - _ . ~ (e.g. wlan-innenstadt, or folder/name like "
        "budget/wlan) or a full IRI",
    },
    "expected.date": {
        "de": "ein Datum wie 2024-03-31 oder 31.03.2024",
        "en": "a date like 2024-03-31 or 31.03.2024",
    },
    "expected.date_or_year": {
        "de": "ein Datum wie 2018-10-26 oder 26.10.2018, oder ein Jahr wie 2015",
        "en": "a date like 2018-10-26 or 26.10.2018, or a year like 2015",
    },
    "expected.decimal": {
        "de": "ein Betrag in Euro wie 250000, 1.250,50 oder 1,250.50",
        "en": "an amount in euros like 250000, 1.250,50 or 1,250.50",
    },
    "expected.bool": {"de": "ja/nein oder yes/no", "en": "ja/nein or yes/no"},
    "expected.int": {"de": "eine ganze Zahl ab 1", "en": "a whole number from 1 upwards"},
    "expected.sdg": {
        "de": "SDG-Nummern von 1 bis 17, z. B. 11",
        "en": "SDG numbers from 1 to 17, e.g. 11",
    },
    "expected.url": {
        "de": "eine Webadresse wie https://example.org/seite",
        "en": "a web address like https://example.org/page",
    },
    "expected.choice": {"de": "{what}: {choices}", "en": "{what}: {choices}"},
    "expected.computed": {
        "de": "ein Wert, keine Formel ohne ihren berechneten Wert (die Datei hat ein Programm "
        "geschrieben, keine Tabellenkalkulation gespeichert): die Datei in Excel oder LibreOffice "
        "öffnen und speichern oder die Werte an Stelle der Formeln einfügen",
        "en": "a value, not a formula without its computed value (the file was written by a "
        "program, not saved by a spreadsheet): open and save the file in Excel or LibreOffice, "
        "or paste the values in place of the formulas",
    },
    "expected.end_after_start": {
        "de": "ein Datum ab dem Beginn (Spalte {column}: {start}); eines der Daten korrigieren "
        "oder sie tauschen",
        "en": "a date on or after the start (column {column}: {start}); correct one of the dates "
        "or swap them",
    },
    "expected.score_criterion": {
        "de": "ein Kriterium der Vorlage (Wirkung, Dringlichkeit, Aufwand, Risiko) unter einem "
        "Mitglied",
        "en": "a criterion of the template (impact, urgency, effort, risk) under a member",
    },
    "expected.score": {
        "de": "eine Bewertung von 1 (sehr niedrig) bis 5 (sehr hoch) oder nichts",
        "en": "a score from 1 (very low) to 5 (very high), or nothing",
    },
    "expected.score_item_once": {
        "de": "jeden Eintrag nur einmal (Zeile {row} hat dieselbe Kennung)",
        "en": "each item once (row {row} has the same ID)",
    },
    "expected.score_item": {
        "de": "die Kennung eines Eintrags der Daten (wie in der Vorlage)",
        "en": "the ID of an item of the data (the template's)",
    },
    "expected.weight": {
        "de": "ein Kriterium der Vorlage mit einem Gewicht von 0 oder mehr",
        "en": "a criterion of the template with a weight of 0 or more",
    },
    "expected.two_criteria": {
        "de": "zwei verschiedene Kriterien der Vorlage",
        "en": "two different criteria of the template",
    },
    "expected.judgment": {
        "de": "ein Urteil auf Saatys Skala: 9, 8, … 1, 1/2, … 1/9",
        "en": "a judgment on Saaty's scale: 9, 8, ... 1, 1/2, ... 1/9",
    },
    "expected.budget_amount": {
        "de": "ein Betrag (eine Zeile der Art Betrag braucht einen; ihn eintragen oder die Art "
        "Haushaltsansatz wählen)",
        "en": "an amount (a budget row of type Betrag (amount) needs one; write it, or set the "
        "type to Haushaltsansatz (budget line))",
    },
    "expected.two_readings": {
        "de": "ein eindeutiger Betrag: in deutscher Schreibweise {german}, in englischer "
        "{english}, und nichts sonst in der Datei zeigt, welche gemeint ist (ohne "
        "Tausendertrennzeichen schreiben oder mit zwei Nachkommastellen: 1.250,00 oder 1,250.00)",
        "en": "an amount that reads one way only: {german} in German notation or {english} in "
        "English, and nothing else in the file says which (write it without thousands "
        "separators, or with two decimals: 1.250,00 or 1,250.00)",
    },
    "expected.required_value": {
        "de": "ein Wert (die Spalte ist Pflicht)",
        "en": "a value (the column is required)",
    },
    "expected.required_column": {
        "de": "diese Pflichtspalte in der Kopfzeile",
        "en": "this required column in the header row",
    },
    "expected.template_column": {
        "de": "eine Spalte der Vorlage: {headers}",
        "en": "a column of the template: {headers}",
    },
    "expected.column_once": {
        "de": "jede Spalte nur einmal (die Spalte '{header}' gibt es schon)",
        "en": "each column once (the column '{header}' is there already)",
    },
    "expected.template_sheet": {
        "de": "ein Blatt namens {names} (oder mit seinem deutschen Namen, z. B. Akteure); ein "
        "Blatt, dessen Name mit _ beginnt, wird übergangen",
        "en": "a sheet named {names} (or in German); start a sheet's name with _ to have it "
        "ignored",
    },
    "expected.sheet_once": {
        "de": "das Blatt {sheet} nur einmal (es ist schon als Blatt {other} da)",
        "en": "the sheet {sheet} once (it is in {other})",
    },
    "expected.new_id": {
        "de": "eine Kennung, die in diesem Blatt noch nicht vorkommt (Zeile {row} hat sie schon)",
        "en": "an ID not used before in this sheet (row {row} has it too)",
    },
    "expected.unique_name": {
        "de": "ein eindeutiger Name; er passt auf mehrere Zeilen im Blatt {sheet} (Zeilen "
        "{rows}): die Kennung angeben",
        "en": "a unique name; it names several rows of sheet {sheet} (rows {rows}): use the ID",
    },
    "expected.row": {
        "de": "die Kennung oder der Name einer Zeile im Blatt {sheets} oder eine IRI",
        "en": "the ID or name of a row in sheet {sheets}, or an IRI",
    },
    "expected.row_or_field": {
        "de": "die Kennung oder der Name einer Zeile im Blatt {sheets}, ein "
        "Referenz-Handlungsfeld wie smart-mobility oder eine IRI",
        "en": "the ID or name of a row in sheet {sheets}, a reference field like "
        "smart-mobility, or an IRI",
    },
    "expected.other_project": {
        "de": "ein anderes Projekt (ein Projekt kann nicht von sich selbst abhängen)",
        "en": "a different project (a project cannot depend on itself)",
    },
    **{
        f"expected.{name}": {"de": de, "en": en}
        for name, de, en in (
            ("kind", "eine Art von Akteur", "a kind of actor"),
            ("status", "ein Status", "a status"),
            ("field", "ein Referenz-Handlungsfeld", "a reference field"),
            ("goal_type", "eine Art von Ziel", "a type of goal"),
            ("source_type", "eine Art von Quelle", "a type of source"),
            ("role", "eine Rolle in der Beratung", "a role in the consultation"),
            ("phase", "eine Prozessphase", "a process phase"),
            (
                "law",
                "ein Gesetz des Rechtsrahmens (ontology/vocab/legal.ttl)",
                "a law of the legal frame (ontology/vocab/legal.ttl)",
            ),
            ("contract_type", "eine Vertragsart", "a type of contract"),
            ("output", "ein geplantes Ergebnis des Prozesses", "a planned output of the process"),
            ("statement", "eine Art von Aussage", "a kind of statement"),
            ("format", "ein Interviewformat", "an interview format"),
            ("budget_type", "eine Art von Budget", "a type of budget"),
            ("work_type", "eine Art von Arbeit", "a type of work"),
        )
    },
}


def reword(text: str, group: str, lang: str) -> str:
    """``text``, a message another library wrote in English, in ``lang``: the first key of
    ``group`` whose English text matches it (each ``{placeholder}`` standing for any text), filled
    with what the placeholders matched; ``text`` itself when no key matches."""
    for name in _group_names(group + "."):
        found = re.fullmatch(_pattern(group + "." + name), text, re.DOTALL)
        if found:
            return t(group + "." + name, lang, **found.groupdict())
    return text


@cache
def _pattern(key: str) -> str:
    english = CATALOGUE[key]["en"]
    assert isinstance(english, str), key
    return "".join(
        re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
        for literal, name, _, _ in string.Formatter().parse(english)
    )


def error_message(key: str, /, **values: Any) -> Message:
    """The message of ``key`` for an error: English as its text (for Python users), with the German
    text the command line shows when it speaks German. A value that is such a message itself is
    put in its own language."""
    en, de = (
        t(
            key,
            lang,
            **{
                k: v.in_lang(lang).template if isinstance(v, Message) else v
                for k, v in values.items()
            },
        )
        for lang in ("en", "de")
    )
    return Message(en, de=de)


def choice(value: str, choices: type[StrEnum], param: str, what: str) -> str:
    """``value`` if it is one of ``choices``, else a :class:`ParameterError` listing them; ``what``
    is the key of the word for the kind of value (``choice.format``)."""
    if value not in tuple(choices):
        en, de = (
            t(
                "error.choice",
                lang,
                param=param,
                what=t(what, lang),
                value=value,
                choices=", ".join(choices),
            )
            for lang in ("en", "de")
        )
        raise ParameterError(Message(en, de=de))
    return value


def check_lang(lang: str) -> str:
    """The language, or a :class:`~sckg.errors.ParameterError` naming ``lang``."""
    return lang if lang in _LANGS else choice(lang, Lang, "lang", "choice.language")


def t(key: str, lang: str, /, **values: Any) -> str:
    """The text of ``key`` in ``lang`` with its placeholders filled from ``values``; a text with a
    ``one`` and an ``other`` form is chosen by ``n`` (``one`` when ``n == 1``)."""
    text = CATALOGUE[key][check_lang(lang)]
    if isinstance(text, dict):
        text = text["one" if values["n"] == 1 else "other"]
    return text.format_map(_Values(values))


class _Values(dict[str, Any]):
    """The values of a text's placeholders; a parameter named as ``{=limit 0}`` stays for
    :class:`Message`."""

    def __missing__(self, key: str) -> str:
        if key.startswith("="):
            return "{" + key + "}"
        raise KeyError(key)


@cache
def _group_names(group: str) -> tuple[str, ...]:
    """The names of the keys of ``group`` (with its dot), once per group (pages create many
    ``Words``)."""
    return tuple(key[len(group) :] for key in CATALOGUE if key.startswith(group))


class Words(Mapping[str, str]):
    """The texts of one group (``report``, ``map`` ...) in one language, by the name after the
    group: ``words["title"]`` is the text of ``report.title`` as written (placeholders unfilled, for
    the map page's script to fill); ``words("impact", n=3)`` fills them like :func:`t`. Templates
    get their words this way."""

    def __init__(self, group: str, lang: str) -> None:
        self.group, self.lang = group + ".", check_lang(lang)
        self._names = _group_names(self.group)

    def __getitem__(self, name: str) -> str:
        text = CATALOGUE[self.group + name][self.lang]
        assert isinstance(text, str), f"{self.group}{name} has plural forms: use t(..., n=...)"
        return text

    def __call__(self, name: str, /, **values: Any) -> str:
        return t(self.group + name, self.lang, **values)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
