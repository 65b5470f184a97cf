"""The briefing's fixed wording in German and English, and number formatting."""

from __future__ import annotations

from decimal import Decimal

_COMMON_DE = {
    "title": "Smart-City-Lagebild für die Lenkungsgruppe",
    "data_date": "Datenstand",
    "generated": "erstellt",
    "sources": "Quellen",
    "contents": "Inhalt",
    "changes": "Was sich seit dem letzten Stand geändert hat",
    "no_changes": "Seit dem letzten Stand hat sich nichts geändert.",
    "change_words": {
        "entity added": "Entität neu", "entity removed": "Entität entfernt",
        "relation added": "Beziehung neu", "relation removed": "Beziehung entfernt",
        "attribute added": "Angabe neu", "attribute removed": "Angabe entfernt",
        "attribute changed": "Angabe geändert",
    },
    "change": "Änderung", "property": "Eigenschaft", "old": "vorher", "new": "jetzt",
    "figures": "Kennzahlen",
    "key_figures": "Überblick",
    "what": "Was", "count": "Anzahl", "kind": "Art", "status": "Status", "class": "Klasse", "name": "Name",
    "actors": "Akteure", "projects": "Projekte", "fields": "Handlungsfelder", "goals": "Ziele",
    "decisions": "Beschlüsse und Beratungen",
    "actors_by_kind": "Akteure nach Art", "projects_by_status": "Projekte nach Status",
    "decisions_by_class": "Beschlüsse, Vorlagen, Beratungen und Sitzungen",
    "budget": "Budget", "budget_by_field": "Budget je Handlungsfeld", "budget_by_dept": "Budget je Dezernat",
    "no_budgets": "Für keine Projekte sind Budgets erfasst.",
    "unspecified": "(nicht angegeben)",
    "map": "Gesamtkarte",
    "map_intro": "Alle Akteure, Projekte, Handlungsfelder, Ziele und Beschlüsse mit ihren Beziehungen. "
    "Suchen, filtern und klicken Sie, um Nachbarn hervorzuheben.",
    "static_figure": "Statische Abbildung derselben Karte",
    "open_points": "Offene Punkte",
    "open_points_intro": "Was in der Bestandsaufnahme noch fehlt: die Warnungen der Prüfung und die Lücken "
    "zwischen Zielen, Handlungsfeldern, Projekten und Akteuren.",
    "violations": "Achtung: {n} Strukturfehler (Verstöße) in den Daten; siehe sckg validate.",
    "validation": "Prüfergebnisse",
    "entity": "Entität", "finding": "Befund", "fix": "Behebung",
    "no_findings": "Die Prüfung meldet keine Verstöße und keine Warnungen.",
    "fields_heading": "Handlungsfelder",
    "fields_intro": "Je Handlungsfeld: seine Projekte, Akteure, Ziele und sein Budget.",
    "field_without_projects": "Diesem Handlungsfeld ist noch kein Projekt zugeordnet.",
    "field_summary": "{projects} Projekte, {actors} Akteure, Budget {budget}.",
    "field_map_left_out": "Keine Karte: {projects} Projekte sind zu viele für eine lesbare Karte; "
    "sckg viz --field zeigt das Feld einzeln.",
    "project": "Projekt", "manager": "Federführung", "none": "keine",
    "decisions_heading": "Beschlüsse",
    "decisions_intro": "Welches Gremium wann was beraten oder beschlossen hat.",
    "date": "Datum", "body": "Gremium", "role": "Rolle", "subject": "Gegenstand", "session": "Sitzung",
    "public": "öffentlich", "non_public": "nichtöffentlich",
    "print_note": "Interaktive Karten sind im Druck durch die statische Abbildung ersetzt.",
    "facts": {
        "changes": "Änderungen seit dem letzten Stand", "actors": "Akteure", "projects": "Projekte",
        "fields": "Handlungsfelder", "goals": "Ziele", "decisions": "Beschlüsse und Beratungen",
        "chain": "längste Abhängigkeitskette (Projekte)", "cycles": "Zyklen", "violations": "Verstöße",
        "open_points": "offene Punkte", "gaps": "Lücken", "silos": "Silos", "overlaps": "mögliche Überschneidungen",
    },
}

_COMMON_EN = {
    "title": "Smart City briefing for the steering group",
    "data_date": "Data as of",
    "generated": "generated",
    "sources": "Sources",
    "contents": "Contents",
    "changes": "What changed since the last snapshot",
    "no_changes": "Nothing changed since the last snapshot.",
    "change_words": {
        "entity added": "entity added", "entity removed": "entity removed",
        "relation added": "relation added", "relation removed": "relation removed",
        "attribute added": "attribute added", "attribute removed": "attribute removed",
        "attribute changed": "attribute changed",
    },
    "change": "Change", "property": "Property", "old": "before", "new": "now",
    "figures": "Key figures",
    "key_figures": "Overview",
    "what": "What", "count": "Count", "kind": "Kind", "status": "Status", "class": "Class", "name": "Name",
    "actors": "Actors", "projects": "Projects", "fields": "Fields of action", "goals": "Goals",
    "decisions": "Decisions and consultations",
    "actors_by_kind": "Actors by kind", "projects_by_status": "Projects by status",
    "decisions_by_class": "Decisions, papers, consultations and meetings",
    "budget": "Budget", "budget_by_field": "Budget per field of action", "budget_by_dept": "Budget per department",
    "no_budgets": "No project has a budget recorded.",
    "unspecified": "(not stated)",
    "map": "Overall map",
    "map_intro": "Every actor, project, field of action, goal and decision with their relations. "
    "Search, filter and click to highlight neighbours.",
    "static_figure": "Static figure of the same map",
    "open_points": "Open points",
    "open_points_intro": "What the inventory still lacks: the warnings of the validation and the gaps between "
    "goals, fields of action, projects and actors.",
    "violations": "Attention: {n} structural errors (violations) in the data; see sckg validate.",
    "validation": "Validation findings",
    "entity": "Entity", "finding": "Finding", "fix": "How to fix",
    "no_findings": "The validation reports no violations and no warnings.",
    "fields_heading": "Fields of action",
    "fields_intro": "Per field of action: its projects, actors, goals and budget.",
    "field_without_projects": "No project is assigned to this field of action yet.",
    "field_summary": "{projects} projects, {actors} actors, budget {budget}.",
    "field_map_left_out": "No map: {projects} projects are too many for a readable map; "
    "sckg viz --field shows the field on its own.",
    "project": "Project", "manager": "Managed by", "none": "none",
    "decisions_heading": "Decisions",
    "decisions_intro": "Which committee deliberated or decided what, and when.",
    "date": "Date", "body": "Body", "role": "Role", "subject": "Subject", "session": "Session",
    "public": "public", "non_public": "non-public",
    "print_note": "In print, interactive maps are replaced by the static figure.",
    "facts": {
        "changes": "changes since the last snapshot", "actors": "actors", "projects": "projects",
        "fields": "fields of action", "goals": "goals", "decisions": "decisions and consultations",
        "chain": "longest dependency chain (projects)", "cycles": "cycles", "violations": "violations",
        "open_points": "open points", "gaps": "gaps", "silos": "silos", "overlaps": "possible overlaps",
    },
}

TEXTS: dict[str, dict] = {"de": _COMMON_DE, "en": _COMMON_EN}


def money(value: Decimal | float | int | None, lang: str) -> str:
    """An EUR amount: ``64.827,39 €`` in German, ``€64,827.39`` in English."""
    if value is None:
        return ""
    text = f"{Decimal(value):,.2f}"
    if lang == "de":
        return text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"
    return "€" + text
