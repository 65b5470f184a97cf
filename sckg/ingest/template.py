"""The inventory spreadsheet template: its sheets, its columns (documented in German and English)
and the workbook and CSV files built from it. The importer (:mod:`sckg.ingest.tables`) and the xlsx
export (:mod:`sckg.export`) share this one description, so the template, the import and the export
cannot drift apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..fileio import write_atomic
from ..namespaces import DCTERMS, FOAF, OPARL, PROV, RDF, RDFS, SCHEMA, SCKG, SKOS
from ..words import error_message, t

#: Names of the documentation sheet (and CSV file); the importer ignores them.
HELP_NAMES = ("Hilfe", "Help")
HELP_SHEET = "Hilfe - Help"


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its key, its header words and what it holds.

    ``type`` is one of ``id``, ``text``, ``ref`` (ID or name of a row in sheet ``target``),
    ``kind``, ``status``, ``goal_type``, ``source_type``, ``budget_type``, ``work_type``, ``role``,
    ``phase``, ``law`` (several), ``contract_type``, ``output``, ``field`` (a reference field of the
    vocabulary), ``date``, ``date_or_year``, ``decimal``, ``bool``, ``int``, ``sdg``, ``url``.
    ``target`` may name several sheets joined by ``+``. ``lang`` is the language tag of a text
    column. ``predicates``: the cell's values are the objects of these predicates (the subjects, if
    ``inverse``); columns without them are built by their sheet's own code.
    """

    key: str
    de: str
    en: str
    help_de: str
    help_en: str
    type: str = "text"
    required: bool = False
    multi: bool = False
    target: str | None = None
    lang: str | None = None
    width: int = 22
    predicates: tuple[str, ...] = ()
    inverse: bool = False

    @property
    def header(self) -> str:
        """The header cell: German and English words (once if they are the same)."""
        return self.de if self.de == self.en else f"{self.de} / {self.en}"

    def names(self) -> set[str]:
        """Every header text that names this column (compared case-insensitively)."""
        return {n.casefold() for n in (self.header, self.de, self.en, self.key)}


@dataclass(frozen=True)
class Sheet:
    """One sheet of the template (one CSV file): its names, the IRI folder of its rows (empty: the
    city base), its columns and the classes every row gets (the first one finds its rows on
    export)."""

    key: str
    name: str
    de: str
    folder: str
    help_de: str
    help_en: str
    columns: tuple[Column, ...]
    classes: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        """The column with ``key``."""
        return next(c for c in self.columns if c.key == key)


MULTI_DE, MULTI_EN = t("template.multi", "de"), t("template.multi", "en")
#: How an amount may be written (what :func:`sckg.ingest.cells.read_amount` reads).
AMOUNT_DE, AMOUNT_EN = t("template.amount", "de"), t("template.amount", "en")


def _id() -> Column:
    return Column(
        "id",
        "Kennung",
        "ID",
        "Eindeutige Kennung der Zeile aus Buchstaben, Ziffern, - _ . (z. B. wlan-innenstadt); sie "
        "bildet die stabile IRI (Ordner/Name wie budget/wlan: die IRI in diesem Ordner der Stadt). "
        "Leer: aus dem Namen gebildet (Öffentliches WLAN → oeffentliches-wlan). Eine vollständige "
        "IRI (https://...) wird unverändert übernommen.",
        "Unique ID of the row made of letters, digits, - _ . (e.g. wlan-innenstadt); it forms the "
        "stable IRI (folder/name like budget/wlan: the IRI in that folder of the city). Empty: "
        "made from the name (Öffentliches WLAN → oeffentliches-wlan). A full IRI (https://...) is "
        "used as it is.",
        type="id",
        width=24,
    )


def _text(
    key: str,
    de: str,
    en: str,
    help_de: str,
    help_en: str,
    lang: str | None = None,
    *,
    required: bool = False,
    multi: bool = False,
    width: int = 30,
    predicates: tuple[str, ...] = (),
) -> Column:
    return Column(
        key, de, en, help_de, help_en, "text", required, multi, None, lang, width, predicates
    )


def _pair(
    key: str,
    de: str,
    en: str,
    what_de: str,
    what_en: str,
    *,
    required: bool = False,
    multi: bool = False,
    width: int = 30,
    predicates: tuple[str, ...] = (),
) -> tuple[Column, Column]:
    """The German and the English column of a text."""
    extra_de, extra_en = (f" {MULTI_DE}", f" {MULTI_EN}") if multi else ("", "")
    return (
        _text(
            f"{key}_de",
            f"{de} (de)",
            f"{en} (de)",
            f"{what_de} auf Deutsch.{extra_de}",
            f"{what_en} in German.{extra_en}",
            "de",
            required=required,
            multi=multi,
            width=width,
            predicates=predicates,
        ),
        _text(
            f"{key}_en",
            f"{de} (en)",
            f"{en} (en)",
            f"{what_de} auf Englisch (optional).{extra_de}",
            f"{what_en} in English (optional).{extra_en}",
            "en",
            multi=multi,
            width=width,
            predicates=predicates,
        ),
    )


#: What a project records of its legal frame (ontology/vocab/legal.ttl) and what was done (issue
#: 24).
_LEGAL_COLUMNS = (
    Column(
        "subject_to",
        "Unterliegt",
        "Subject to",
        "Gesetze und Regeln, denen das Projekt unterliegt (Kurzname wie gdpr oder Name aus "
        f"ontology/vocab/legal.ttl). {MULTI_DE}",
        "Laws and rules the project is subject to (short name like gdpr, or name from "
        f"ontology/vocab/legal.ttl). {MULTI_EN}",
        "law",
        multi=True,
        width=26,
        predicates=(SCKG + "subjectTo",),
    ),
    Column(
        "personal_data",
        "Personenbezogene Daten",
        "Personal data",
        "ja/nein: das Projekt verarbeitet personenbezogene Daten.",
        "yes/no: the project processes personal data.",
        "bool",
        width=12,
        predicates=(SCKG + "processesPersonalData",),
    ),
    _text(
        "impact_assessment",
        "DSFA",
        "DPIA",
        "Wo und wann die Datenschutz-Folgenabschätzung dokumentiert ist (Aktenzeichen, Datum, "
        "Adresse), "
        "oder warum keine nötig ist.",
        "Where and when the data protection impact assessment is documented (file number, date, "
        "address), "
        "or why none is needed.",
        predicates=(SCKG + "impactAssessment",),
    ),
    _text(
        "accessibility_statement",
        "Erklärung zur Barrierefreiheit",
        "Accessibility statement",
        "Wo die Erklärung zur Barrierefreiheit der Website oder App steht (Adresse).",
        "Where the accessibility statement of the website or app is published (address).",
        predicates=(SCKG + "accessibilityStatement",),
    ),
    Column(
        "contract_value",
        "Auftragswert (EUR, netto)",
        "Contract value (EUR, net)",
        f"Geschätzter Auftragswert ohne Umsatzsteuer; er wird mit dem EU-Schwellenwert verglichen. "
        f"{AMOUNT_DE}",
        f"Estimated contract value net of VAT; it is compared with the EU threshold. {AMOUNT_EN}",
        "decimal",
        width=14,
        predicates=(SCKG + "contractValue",),
    ),
    Column(
        "contract_type",
        "Auftragsart",
        "Contract type",
        "Bauauftrag oder Liefer-/Dienstleistungsauftrag (entscheidet, welcher EU-Schwellenwert "
        "gilt).",
        "Works or supply/service contract (decides which EU threshold applies).",
        "contract_type",
        width=16,
        predicates=(SCKG + "contractType",),
    ),
)

#: The sheets whose rows without a source get none (rather than the imported file).
UNSOURCED = frozenset({"sources", "schemes"})

#: The German and English names of the sheets, for the help texts of reference columns.
_SHEET_NAMES = {
    "actors": ("Akteure", "Actors"),
    "projects": ("Projekte", "Projects"),
    "fields": ("Handlungsfelder", "FieldsOfAction"),
    "goals": ("Ziele", "Goals"),
    "sources": ("Quellen", "Sources"),
    "programmes": ("Programme", "Programmes"),
    "decisions": ("Beschlüsse", "Decisions"),
    "meetings": ("Sitzungen", "Meetings"),
    "work": ("Arbeitspakete", "Work"),
    "people": ("Personen", "People"),
    "schemes": ("Verzeichnisse", "Schemes"),
    "budgets": ("Budgets", "Budgets"),
    "interviews": ("Interviews", "Interviews"),
    "workshops": ("Workshops", "Workshops"),
    "statements": ("Aussagen", "Statements"),
}


def _ref(
    key: str,
    de: str,
    en: str,
    target: str,
    what_de: str,
    what_en: str,
    *,
    multi: bool = True,
    required: bool = False,
    predicates: tuple[str, ...] = (),
    inverse: bool = False,
) -> Column:
    names = [_SHEET_NAMES[part] for part in target.split("+")]
    de_names, en_names = " oder ".join(n[0] for n in names), " or ".join(n[1] for n in names)
    extra_de, extra_en = (f" {MULTI_DE}", f" {MULTI_EN}") if multi else ("", "")
    return Column(
        key,
        de,
        en,
        f"{what_de}: {t('template.ref', 'de', sheet=de_names)} oder eine IRI.{extra_de}",
        f"{what_en}: {t('template.ref', 'en', sheet=en_names)}, or an IRI.{extra_en}",
        "ref",
        required,
        multi,
        target,
        None,
        26,
        predicates,
        inverse,
    )


def _sources(*, fallback: bool = True) -> Column:
    return _ref(
        "sources",
        "Quellen",
        "Sources",
        "sources",
        "Woher die Angaben der Zeile stammen"
        + ("; leer: die importierte Datei selbst" if fallback else ""),
        "Where the row's facts come from"
        + ("; empty: the imported file itself" if fallback else ""),
        predicates=(SCKG + "documentedIn",),
    )


def _col(
    key: str,
    de: str,
    en: str,
    help_de: str,
    help_en: str,
    type: str,
    predicate: str,
    *,
    width: int = 14,
    required: bool = False,
) -> Column:
    """A single-valued column of one predicate."""
    return Column(
        key, de, en, help_de, help_en, type, required, False, None, None, width, (predicate,)
    )


def _labels(what_de: str, what_en: str, *predicates: str) -> tuple[Column, Column]:
    """The required name of a row (German) and its English name, as ``predicates`` (default
    ``rdfs:label``)."""
    return _pair(
        "name",
        "Name",
        "Name",
        what_de,
        what_en,
        required=True,
        width=40,
        predicates=predicates or (RDFS + "label",),
    )


def _comment() -> tuple[Column, Column]:
    return _pair(
        "comment",
        "Bemerkung",
        "Comment",
        "Bemerkung",
        "Comment",
        width=40,
        predicates=(RDFS + "comment",),
    )


def _date_col(key: str, de: str, en: str, predicate: str, *, year: bool = False) -> Column:
    what_de, what_en = (
        (
            "Datum (2018-10-26 oder 26.10.2018) oder Jahr (2015).",
            "Date (2018-10-26 or 26.10.2018) or year (2015).",
        )
        if year
        else ("Datum (2024-03-31 oder 31.03.2024).", "Date (2024-03-31 or 31.03.2024).")
    )
    return _col(
        key,
        de,
        en,
        f"{de}: {what_de}",
        f"{en}: {what_en}",
        "date_or_year" if year else "date",
        predicate,
        width=12,
    )


def _phase() -> Column:
    return _col(
        "phase",
        "Phase",
        "Phase",
        "Prozessphase, in der es stattfand, z. B. Initiierung.",
        "Process phase it took place in, e.g. initiation.",
        "phase",
        SCKG + "inPhase",
        width=18,
    )


def _units(key: str, de: str, en: str, what_de: str, what_en: str, predicate: str) -> Column:
    return _ref(
        key,
        de,
        en,
        "actors",
        f"{what_de} (Einheiten und Stellen, keine Personen)",
        f"{what_en} (units and offices, not persons)",
        predicates=(predicate,),
    )


#: The sheets of the framework process: interviews, their statements, workshops and their dot votes
#: (the ideas of a workshop are statements of the kind idea; a goal's draft names its workshop on
#: the sheet Goals).
PROCESS_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "interviews",
        "Interviews",
        "Interviews",
        "interview",
        "Interviews mit Einheiten der Verwaltung und Partnern: wann, wer (Rollen und Einheiten, "
        "keine "
        "Namen), wie, in welcher Phase. Das Protokoll jedes Interviews entsteht mit ihm.",
        "Interviews with units of the administration and partners: when, whom (roles and units, no "
        "names), "
        "how, in which phase. Each interview's record is made with it.",
        (
            _id(),
            *_labels("Bezeichnung des Interviews", "Label of the interview"),
            _date_col("date", "Datum", "Date", DCTERMS + "date"),
            _units(
                "interviewed",
                "Befragt",
                "Interviewed",
                "Befragte Einheiten",
                "Units interviewed",
                SCKG + "interviewed",
            ),
            _col(
                "format",
                "Format",
                "Format",
                "Wie das Interview geführt wurde, z. B. vor Ort.",
                "How the interview was held, e.g. in person.",
                "format",
                SCKG + "classifiedAs",
                width=16,
            ),
            _phase(),
            *_comment(),
            _sources(),
        ),
        (SCKG + "Interview",),
    ),
    Sheet(
        "statements",
        "Statements",
        "Aussagen",
        "statement",
        "Aussagen aus Interviews und Ideen aus Workshops: Art, kurzer Text in den Worten der "
        "Protokollführung, worum es geht.",
        "Statements from interviews and ideas from workshops: kind, a short text in the words of "
        "whoever "
        "took the record, what it is about.",
        (
            _id(),
            _ref(
                "source",
                "Aus",
                "From",
                "interviews+workshops",
                "Interview oder Workshop, aus dessen Protokoll die Aussage stammt",
                "Interview or workshop whose record the statement comes from",
                multi=False,
                required=True,
            ),
            _col(
                "kind",
                "Art",
                "Kind",
                "Bedarf, Problem, Idee, bestehende Aktivität, Abhängigkeit oder Risiko.",
                "need, problem, idea, existing activity, dependency or risk.",
                "statement",
                SCKG + "classifiedAs",
                width=18,
                required=True,
            ),
            *_pair(
                "text",
                "Aussage",
                "Statement",
                "Die Aussage, kurz und in eigenen Worten",
                "The statement, short and in your own words",
                required=True,
                width=50,
                predicates=(RDFS + "label",),
            ),
            _ref(
                "about",
                "Betrifft",
                "About",
                "projects+fields+goals+actors",
                "Worum es geht: Projekt, Handlungsfeld, Ziel oder Akteur (ein Akteur: als Partner "
                "genannt)",
                "What it is about: project, field of action, goal or actor (an actor: named as a "
                "partner)",
                predicates=(SCKG + "about",),
            ),
        ),
        (SCKG + "Statement", PROV + "Entity"),
    ),
    Sheet(
        "workshops",
        "Workshops",
        "Workshops",
        "workshop",
        "Workshops: wann, wer (Einheiten, keine Namen), mit welcher Methode. Ideen stehen im Blatt "
        "Aussagen (Art Idee), Punkte im Blatt Punkte, Zielentwürfe im Blatt Ziele (Spalte "
        "Entworfen in).",
        "Workshops: when, who (units, no names), which method. Ideas go on the sheet Statements "
        "(kind "
        "idea), dots on the sheet Votes, drafts of goals on the sheet Goals (column Drafted in).",
        (
            _id(),
            *_labels("Bezeichnung des Workshops", "Label of the workshop"),
            _date_col("date", "Datum", "Date", DCTERMS + "date"),
            _units(
                "participants",
                "Teilnehmende",
                "Participants",
                "Teilnehmende Einheiten",
                "Participating units",
                SCKG + "attendedBy",
            ),
            *_pair(
                "method",
                "Methode",
                "Method",
                "Methode, z. B. World Café",
                "Method, e.g. world café",
                predicates=(SCKG + "method",),
            ),
            _phase(),
            *_comment(),
            _sources(),
        ),
        (SCKG + "Workshop",),
    ),
    Sheet(
        "votes",
        "Votes",
        "Punkte",
        "vote",
        "Punktabfrage: wie viele Klebepunkte ein Eintrag in einem Workshop erhielt. Kennung leer: "
        "Workshop-Eintrag.",
        "Dot votes: how many dots an item received in a workshop. Empty ID: workshop-item.",
        (
            _id(),
            _ref(
                "workshop",
                "Workshop",
                "Workshop",
                "workshops",
                "Workshop der Punktabfrage",
                "Workshop of the dot vote",
                multi=False,
                required=True,
                predicates=(PROV + "wasGeneratedBy",),
            ),
            _ref(
                "item",
                "Eintrag",
                "Item",
                "projects+statements+goals+fields",
                "Was die Punkte erhielt: Projekt, Idee, Ziel oder Handlungsfeld",
                "What received the dots: project, idea, goal or field of action",
                multi=False,
                required=True,
                predicates=(SCKG + "votedOn",),
            ),
            _col(
                "dots",
                "Punkte",
                "Dots",
                "Zahl der Punkte (1 oder mehr).",
                "Number of dots (1 or more).",
                "int",
                SCKG + "dots",
                width=8,
                required=True,
            ),
        ),
        (SCKG + "DotVote", PROV + "Entity"),
    ),
)


EXTRA_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "programmes",
        "Programmes",
        "Programme",
        "programme",
        "Programme, zu denen Projekte gehören (Spalte Programm im Blatt Projekte).",
        "Programmes that projects are part of (column Programme of the sheet Projects).",
        (
            _id(),
            *_labels(
                "Titel des Programms", "Title of the programme", DCTERMS + "title", RDFS + "label"
            ),
            *_pair(
                "description",
                "Beschreibung",
                "Description",
                "Beschreibung",
                "Description",
                width=40,
                predicates=(DCTERMS + "description",),
            ),
            *_comment(),
            _ref(
                "coordinated_by",
                "Koordiniert von",
                "Coordinated by",
                "actors",
                "Steuernde Gremien und Stellen",
                "Coordinating bodies and units",
                predicates=(SCKG + "coordinatedBy",),
            ),
            _ref(
                "informed_by",
                "Ausgelöst durch",
                "Informed by",
                "decisions",
                "Beschlüsse, auf die das Programm zurückgeht (prov:wasInformedBy)",
                "Decisions the programme goes back to (prov:wasInformedBy)",
                predicates=(PROV + "wasInformedBy",),
            ),
            _date_col("start", "Beginn", "Start", SCHEMA + "startDate"),
            _date_col("end", "Ende", "End", SCHEMA + "endDate"),
            _sources(),
        ),
        (SCKG + "Programme",),
    ),
    Sheet(
        "budgets",
        "Budgets",
        "Budgets",
        "budget",
        "Beträge und Haushaltsansätze, jeweils mit eigener Kennung; ein Betrag gehört zu Projekten "
        "(Spalte Projekt).",
        "Amounts and budget lines, each with its own ID; an amount belongs to projects (column "
        "Project).",
        (
            _id(),
            _col(
                "budget_type",
                "Art",
                "Type",
                "Betrag (leer) oder Haushaltsansatz.",
                "amount (empty) or budget line.",
                "budget_type",
                RDF + "type",
                width=16,
            ),
            *_labels("Bezeichnung", "Label"),
            _ref(
                "project",
                "Projekt",
                "Project",
                "projects",
                "Projekte, zu denen der Betrag gehört (sckg:hasBudget)",
                "Projects the amount belongs to (sckg:hasBudget)",
                predicates=(SCKG + "hasBudget",),
                inverse=True,
            ),
            _col(
                "amount",
                "Betrag",
                "Amount",
                AMOUNT_DE,
                AMOUNT_EN,
                "decimal",
                SCHEMA + "value",
            ),
            _col(
                "currency",
                "Währung",
                "Currency",
                "Währung, z. B. EUR (leer bei einem Betrag: EUR).",
                "Currency, e.g. EUR (empty for an amount: EUR).",
                "text",
                SCHEMA + "currency",
                width=8,
            ),
            _col(
                "vat",
                "inkl. MwSt.",
                "Incl. VAT",
                "ja/nein: der Betrag enthält die Mehrwertsteuer.",
                "yes/no: the amount includes VAT.",
                "bool",
                SCKG + "includesVAT",
                width=10,
            ),
            _ref(
                "held_by",
                "Bewirtschaftet von",
                "Held by",
                "actors",
                "Stelle, die den Haushaltsansatz bewirtschaftet",
                "Unit that holds the budget line",
                predicates=(SCKG + "heldBy",),
            ),
            *_comment(),
            _sources(),
        ),
    ),
    Sheet(
        "decisions",
        "Decisions",
        "Beschlüsse",
        "decision",
        "Beschlüsse von Rat und Ausschüssen: wer, wann, worüber.",
        "Decisions of the council and its committees: who, when, on what.",
        (
            _id(),
            *_labels("Bezeichnung des Beschlusses", "Label of the decision"),
            _ref(
                "decided_by",
                "Beschlossen von",
                "Decided by",
                "actors",
                "Beschließendes Gremium",
                "Deciding body",
                predicates=(SCKG + "decidedBy",),
            ),
            _date_col("date", "Datum", "Date", DCTERMS + "date", year=True),
            *_pair(
                "description",
                "Beschreibung",
                "Description",
                "Was beschlossen wurde",
                "What was decided",
                width=40,
                predicates=(DCTERMS + "description",),
            ),
            _ref(
                "decided_on",
                "Beschlossen über",
                "Decided on",
                "sources+projects",
                "Vorlagen und Projekte, über die beschlossen wurde (sckg:decision)",
                "Council papers and projects decided on (sckg:decision)",
                predicates=(SCKG + "decision",),
            ),
            _sources(),
        ),
        (SCKG + "Decision",),
    ),
    Sheet(
        "meetings",
        "Meetings",
        "Sitzungen",
        "meeting",
        "Sitzungen von Rat und Ausschüssen.",
        "Meetings of the council and its committees.",
        (
            _id(),
            *_labels("Bezeichnung der Sitzung", "Label of the meeting"),
            _ref(
                "committee",
                "Gremium",
                "Body",
                "actors",
                "Tagendes Gremium",
                "Body that meets",
                predicates=(SCKG + "committee",),
            ),
            _date_col("start", "Datum", "Date", SCHEMA + "startDate"),
            _sources(),
        ),
        (OPARL + "Meeting", PROV + "Entity"),
    ),
    Sheet(
        "consultations",
        "Consultations",
        "Beratungen",
        "consultation",
        "Beratungen einer Vorlage (Blatt Quellen) in einem Gremium: Vorberatung oder Entscheidung.",
        "Consultations of a council paper (sheet Sources) in a body: preliminary deliberation or "
        "decision.",
        (
            _id(),
            *_labels("Bezeichnung der Beratung", "Label of the consultation"),
            _ref(
                "paper",
                "Vorlage",
                "Paper",
                "sources",
                "Beratene Vorlage",
                "Paper consulted on",
                predicates=(SCKG + "paper",),
            ),
            _ref(
                "committee",
                "Gremium",
                "Body",
                "actors",
                "Beratendes Gremium",
                "Consulting body",
                predicates=(SCKG + "committee",),
            ),
            _date_col("date", "Datum", "Date", DCTERMS + "date"),
            _col(
                "role",
                "Rolle",
                "Role",
                "Vorberatung oder Entscheidung.",
                "preliminary deliberation or decision.",
                "role",
                SCKG + "consultationRole",
                width=16,
            ),
            _col(
                "public",
                "Öffentlich",
                "Public",
                "ja/nein: öffentliche Sitzung.",
                "yes/no: public session.",
                "bool",
                SCKG + "isPublic",
                width=10,
            ),
            _ref(
                "meeting",
                "Sitzung",
                "Meeting",
                "meetings",
                "Sitzung der Beratung",
                "Meeting of the consultation",
                predicates=(SCKG + "meeting",),
            ),
            _sources(),
        ),
        (OPARL + "Consultation", PROV + "Entity"),
    ),
    Sheet(
        "work",
        "Work",
        "Arbeitspakete",
        "work",
        "Phasen, Aufgaben, Ergebnisse und Prüfungen von Projekten.",
        "Phases, tasks, deliverables and assessments of projects.",
        (
            _id(),
            _col(
                "work_type",
                "Art",
                "Type",
                "Phase, Aufgabe, Ergebnis oder Prüfung.",
                "phase, task, deliverable or assessment.",
                "work_type",
                RDF + "type",
                width=14,
                required=True,
            ),
            *_labels("Bezeichnung", "Label"),
            *_comment(),
            _ref(
                "part_of",
                "Teil von",
                "Part of",
                "projects+work",
                "Projekt oder Arbeitspaket, zu dem es gehört",
                "Project or work item it is part of",
                predicates=(DCTERMS + "isPartOf",),
            ),
            _ref(
                "generated_by",
                "Erarbeitet in",
                "Generated by",
                "projects+work",
                "Projekt oder Phase, die das Ergebnis erarbeitet (prov:wasGeneratedBy)",
                "Project or phase that produces the deliverable (prov:wasGeneratedBy)",
                predicates=(PROV + "wasGeneratedBy",),
            ),
            _ref(
                "associated_with",
                "Beteiligt",
                "Associated with",
                "actors",
                "Beteiligte Akteure",
                "Actors involved",
                predicates=(PROV + "wasAssociatedWith",),
            ),
            _col(
                "order",
                "Reihenfolge",
                "Order",
                "Nummer der Phase (1, 2, ...).",
                "Number of the phase (1, 2, ...).",
                "int",
                SCKG + "order",
                width=10,
            ),
            _col(
                "phase",
                "Phasentyp",
                "Phase type",
                "Art der Phase aus dem sckg-Vokabular.",
                "Kind of phase from the sckg vocabulary.",
                "phase",
                SCKG + "classifiedAs",
                width=18,
            ),
            _ref(
                "assessed",
                "Geprüft",
                "Assessed",
                "projects",
                "Geprüfte Projekte",
                "Assessed projects",
                predicates=(SCKG + "assessed",),
            ),
            *_pair(
                "result",
                "Ergebnis",
                "Result",
                "Ergebnis der Prüfung",
                "Result of the assessment",
                width=40,
                predicates=(SCKG + "result",),
            ),
            _sources(),
            _col(
                "output",
                "Ergebnisart",
                "Output type",
                "Art des geplanten Ergebnisses aus dem sckg-Vokabular (z. B. interviews, "
                "inventory); der "
                "Prozessstand des Briefings zählt, was der Graph dafür enthält.",
                "Kind of planned output from the sckg vocabulary (e.g. interviews, inventory); the "
                "briefing's "
                "process status counts what the graph holds for it.",
                "output",
                SCKG + "classifiedAs",
                width=18,
            ),
        ),
    ),
    Sheet(
        "milestones",
        "Milestones",
        "Meilensteine",
        "milestone",
        "Meilensteine von Projekten: ein Datum, an dem etwas erreicht sein soll.",
        "Milestones of projects: a date by which something is to be reached.",
        (
            _id(),
            *_labels("Bezeichnung des Meilensteins", "Label of the milestone"),
            _ref(
                "project",
                "Projekt",
                "Project",
                "projects",
                "Projekt, zu dem der Meilenstein gehört",
                "Project the milestone belongs to",
                multi=False,
                required=True,
                predicates=(DCTERMS + "isPartOf",),
            ),
            _date_col("date", "Datum", "Date", DCTERMS + "date"),
            _col(
                "reached",
                "Erreicht",
                "Reached",
                "ja/nein: ob der Meilenstein erreicht ist; leer: nicht bekannt.",
                "yes/no: whether the milestone has been reached; empty: not known.",
                "bool",
                SCKG + "reached",
                width=10,
            ),
            _sources(),
        ),
        (SCKG + "Milestone",),
    ),
    Sheet(
        "people",
        "People",
        "Personen",
        "person",
        "Personen, z. B. wer eine Vorlage unterzeichnet.",
        "People, e.g. who signed a council paper.",
        (
            _id(),
            _col(
                "name",
                "Name",
                "Name",
                "Name der Person.",
                "Name of the person.",
                "text",
                FOAF + "name",
                width=30,
                required=True,
            ),
            *_pair(
                "label",
                "Bezeichnung",
                "Label",
                "Anzeigename",
                "Display name",
                predicates=(RDFS + "label",),
            ),
            _sources(),
        ),
        (FOAF + "Person",),
    ),
    Sheet(
        "schemes",
        "Schemes",
        "Verzeichnisse",
        "scheme",
        "Verzeichnisse der Handlungsfelder und Ziele (Spalte Verzeichnis dort).",
        "Schemes of the fields of action and goals (column Scheme there).",
        (
            _id(),
            *_labels(
                "Name des Verzeichnisses", "Name of the scheme", SKOS + "prefLabel", RDFS + "label"
            ),
            *_pair(
                "title",
                "Titel",
                "Title",
                "Titel (dcterms:title), falls angegeben",
                "Title (dcterms:title), if given",
                width=40,
                predicates=(DCTERMS + "title",),
            ),
            *_comment(),
            _sources(fallback=False),
        ),
        (SKOS + "ConceptScheme",),
    ),
    Sheet(
        "dataset",
        "Dataset",
        "Datensatz",
        "",
        "Angaben zum Datensatz selbst: Titel, Lizenz, Stand.",
        "Facts about the dataset itself: title, licence, date.",
        (
            _id(),
            *_labels(
                "Titel des Datensatzes", "Title of the dataset", DCTERMS + "title", RDFS + "label"
            ),
            *_pair(
                "description",
                "Beschreibung",
                "Description",
                "Beschreibung",
                "Description",
                width=40,
                predicates=(DCTERMS + "description",),
            ),
            *_comment(),
            _col(
                "license",
                "Lizenz",
                "Licence",
                "Adresse der Lizenz (https://...).",
                "Address of the licence (https://...).",
                "url",
                DCTERMS + "license",
                width=30,
            ),
            _date_col("modified", "Stand", "Modified", DCTERMS + "modified"),
            _ref(
                "source",
                "Quelle",
                "Source",
                "sources",
                "Quelle des Datensatzes (dcterms:source)",
                "Source of the dataset (dcterms:source)",
                predicates=(DCTERMS + "source",),
            ),
            _ref(
                "derived_from",
                "Abgeleitet von",
                "Derived from",
                "sources",
                "prov:wasDerivedFrom",
                "prov:wasDerivedFrom",
                predicates=(PROV + "wasDerivedFrom",),
            ),
            _col(
                "fictional",
                "Fiktiv",
                "Fictional",
                "ja/nein: die Inhalte sind erfunden.",
                "yes/no: the content is invented.",
                "bool",
                SCKG + "fictional",
                width=8,
            ),
            _ref(
                "city",
                "Stadt",
                "City",
                "actors",
                "Die Stadt des Datensatzes, ihre Körperschaft "
                "(dcterms:coverage; sckg compare vergleicht Städte danach)",
                "The dataset's city, its "
                "body (dcterms:coverage; sckg compare compares cities by it)",
                multi=False,
                predicates=(DCTERMS + "coverage",),
            ),
        ),
        (SCKG + "Dataset",),
    ),
    *PROCESS_SHEETS,
)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "actors",
        "Actors",
        "Akteure",
        "actor",
        "Akteure: Verwaltung, Dezernate, Stabsstellen, Fachbereiche, Gremien, Unternehmen, "
        "Partner.",
        "Actors: administration, departments, staff units, divisions, bodies, companies, partners.",
        (
            _id(),
            *_pair("name", "Name", "Name", "Name des Akteurs", "Name of the actor", required=True),
            Column(
                "kind",
                "Art",
                "Kind",
                "Art des Akteurs (bestimmt die Klasse), z. B. Dezernat, Ausschuss, Auftragnehmer; "
                "Organisationseinheit für eine Einheit, deren Art nicht bekannt ist (nur die "
                "Klasse org:OrganizationalUnit).",
                "Kind of actor (decides the class), e.g. dezernat, committee, contractor; "
                "organisational unit for a unit whose kind is not known (only the class "
                "org:OrganizationalUnit).",
                "kind",
                width=20,
            ),
            _ref(
                "unit_of",
                "Teil von",
                "Unit of",
                "actors",
                "Übergeordnete Einheit (org:unitOf zu einer formalen Organisation, sonst "
                "org:subOrganizationOf)",
                "Parent unit (org:unitOf to a formal organisation, otherwise "
                "org:subOrganizationOf)",
            ),
            _ref(
                "owned_by",
                "Eigentümer",
                "Owned by",
                "actors",
                "Gesellschafter (sckg:ownedBy)",
                "Shareholder (sckg:ownedBy)",
            ),
            _ref(
                "partner_of",
                "Partner von",
                "Partner of",
                "actors",
                "Partnerschaft (sckg:partnerOf)",
                "Partnership (sckg:partnerOf)",
            ),
            Column(
                "publicly_owned",
                "Rein öffentlich",
                "Publicly owned",
                "ja/nein: rein öffentliche Eigentümer (z. B. für eine Inhouse-Vergabe).",
                "yes/no: purely public owners (e.g. for an in-house award).",
                "bool",
                width=14,
            ),
            Column(
                "identifier",
                "Kennziffer",
                "Identifier",
                "Kennziffer der Organisationseinheit, z. B. 0800 (bleibt Text, führende Nullen "
                "bleiben).",
                "Number of the organisational unit, e.g. 0800 (kept as text, leading zeros stay).",
                width=12,
            ),
            Column(
                "status",
                "Status",
                "Status",
                "Status, z. B. einzurichten (für noch zu gründende Gremien).",
                "Status, e.g. to-be-established (for bodies still to be set up).",
                "status",
                width=16,
            ),
            *_pair(
                "alt",
                "Weitere Namen",
                "Other names",
                "Weitere Namen und Abkürzungen",
                "Other names and abbreviations",
                multi=True,
            ),
            *_pair("comment", "Bemerkung", "Comment", "Bemerkung", "Comment", width=40),
            _sources(),
        ),
    ),
    Sheet(
        "projects",
        "Projects",
        "Projekte",
        "project",
        "Projekte und Maßnahmen des Smart-City-Programms.",
        "Projects and measures of the Smart City programme.",
        (
            _id(),
            *_pair(
                "title",
                "Titel",
                "Title",
                "Titel des Projekts",
                "Title of the project",
                required=True,
                width=40,
            ),
            *_pair(
                "description",
                "Beschreibung",
                "Description",
                "Beschreibung",
                "Description",
                width=40,
            ),
            _ref(
                "managed_by",
                "Federführung",
                "Managed by",
                "actors",
                "Federführender Akteur",
                "Managing actor",
            ),
            _ref(
                "participants",
                "Beteiligte",
                "Participants",
                "actors",
                "Beteiligte Akteure",
                "Participating actors",
            ),
            _ref(
                "contractors",
                "Auftragnehmer",
                "Contractors",
                "actors",
                "Beauftragte Akteure",
                "Contracted actors",
            ),
            Column(
                "fields",
                "Handlungsfelder",
                "Fields of action",
                f"Handlungsfelder: {t('template.ref', 'de', sheet='Handlungsfelder')}, ein "
                f"Referenz-Handlungsfeld (z. B. smart-mobility) oder eine IRI. {MULTI_DE}",
                f"Fields of action: {t('template.ref', 'en', sheet='FieldsOfAction')}, a reference "
                f"field (e.g. smart-mobility), or an IRI. {MULTI_EN}",
                "ref",
                False,
                True,
                "fields",
                None,
                26,
            ),
            _ref(
                "goals",
                "Ziele",
                "Goals",
                "goals",
                "Strategische Ziele, zu denen das Projekt beiträgt",
                "Strategic goals the project contributes to",
            ),
            Column(
                "status",
                "Status",
                "Status",
                "Status des Projekts, z. B. laufend.",
                "Status of the project, e.g. running.",
                "status",
                width=16,
            ),
            Column(
                "start",
                "Beginn",
                "Start",
                "Beginn als Datum (2024-03-31 oder 31.03.2024).",
                "Start as a date (2024-03-31 or 31.03.2024).",
                "date",
                width=12,
            ),
            Column(
                "end",
                "Ende",
                "End",
                "Ende als Datum (2024-03-31 oder 31.03.2024).",
                "End as a date (2024-03-31 or 31.03.2024).",
                "date",
                width=12,
            ),
            Column(
                "budget",
                "Budget (EUR)",
                "Budget (EUR)",
                f"Budget des Projekts. {AMOUNT_DE} Wird der Betrag budget/<Kennung>; mehrere "
                "Beträge, Haushaltsansätze: Blatt Budgets.",
                f"Budget of the project. {AMOUNT_EN} Becomes the amount budget/<ID>; several "
                "amounts, budget lines: sheet Budgets.",
                "decimal",
                width=14,
            ),
            Column(
                "vat",
                "inkl. MwSt.",
                "Incl. VAT",
                "ja/nein: das Budget enthält die Mehrwertsteuer.",
                "yes/no: the budget includes VAT.",
                "bool",
                width=10,
            ),
            _ref(
                "funded_by",
                "Finanziert von",
                "Funded by",
                "actors+budgets",
                "Geldgeber oder Haushaltsansatz",
                "Funding actor or budget line",
            ),
            _text(
                "award",
                "Vergabeverfahren",
                "Award procedure",
                "Vergabeverfahren auf Deutsch, z. B. Inhouse-Vergabe.",
                "Award procedure in German, e.g. Inhouse-Vergabe.",
                "de",
                width=20,
            ),
            *_pair("comment", "Bemerkung", "Comment", "Bemerkung", "Comment", width=40),
            _sources(),
            _ref(
                "programme",
                "Programm",
                "Programme",
                "programmes",
                "Programm, zu dem das Projekt gehört",
                "Programme the project is part of",
                predicates=(SCKG + "partOfProgramme",),
            ),
            *_pair(
                "alt",
                "Weitere Namen",
                "Other names",
                "Weitere Namen und Abkürzungen (skos:altLabel); sie verbinden Vorlagen mit dem "
                "Projekt",
                "Other names and abbreviations (skos:altLabel); they link council papers to the "
                "project",
                multi=True,
                predicates=(SKOS + "altLabel",),
            ),
            _text(
                "keywords",
                "Schlagwörter",
                "Keywords",
                "Schlagwörter für das Zuordnen von Vorlagen (skos:hiddenLabel), z. B. Funkloch. "
                f"{MULTI_DE}",
                "Keywords for linking council papers (skos:hiddenLabel), e.g. Funkloch. "
                f"{MULTI_EN}",
                "de",
                multi=True,
                predicates=(SKOS + "hiddenLabel",),
            ),
            _text(
                "context",
                "Kontextwörter",
                "Context words",
                "Mehrdeutige Schlagwörter (sckg:contextKeyword), die nur mit einem weiteren "
                f"Hinweis zählen, z. B. Mast. {MULTI_DE}",
                "Ambiguous keywords (sckg:contextKeyword) that count only with another hint, e.g. "
                f"Mast. {MULTI_EN}",
                "de",
                multi=True,
                predicates=(SCKG + "contextKeyword",),
            ),
            *_LEGAL_COLUMNS,
        ),
    ),
    Sheet(
        "fields",
        "FieldsOfAction",
        "Handlungsfelder",
        "field",
        "Die Handlungsfelder der Stadt; Schlagwörter dienen 'sckg link papers' zum Zuordnen von "
        "Vorlagen.",
        "The city's fields of action; keywords let 'sckg link papers' link council papers to them.",
        (
            _id(),
            *_pair(
                "name",
                "Name",
                "Name",
                "Name des Handlungsfelds",
                "Name of the field of action",
                required=True,
            ),
            Column(
                "match",
                "Referenz-Handlungsfeld",
                "Reference field",
                "Entsprechendes Handlungsfeld der sckg-Referenzliste (skos:exactMatch), z. B. "
                "smart-mobility oder Smart Mobility.",
                "Matching field of the sckg reference list (skos:exactMatch), e.g. smart-mobility.",
                "field",
                width=22,
            ),
            Column(
                "priority",
                "Priorität",
                "Priority",
                "Priorität aus der Bestandsaufnahme (1 = höchste).",
                "Priority from the inventory phase (1 = highest).",
                "int",
                width=10,
            ),
            *_pair("definition", "Definition", "Definition", "Definition", "Definition", width=40),
            _text(
                "keywords",
                "Schlagwörter",
                "Keywords",
                "Schlagwörter für das Zuordnen von Vorlagen (skos:hiddenLabel), z. B. WLAN. "
                f"{MULTI_DE}",
                f"Keywords for linking council papers (skos:hiddenLabel), e.g. WLAN. {MULTI_EN}",
                "de",
                multi=True,
            ),
            _sources(),
            *_pair(
                "alt",
                "Weitere Namen",
                "Other names",
                "Weitere Namen und Abkürzungen",
                "Other names and abbreviations",
                multi=True,
                predicates=(SKOS + "altLabel",),
            ),
            _ref(
                "scheme",
                "Verzeichnis",
                "Scheme",
                "schemes",
                "Verzeichnis der Handlungsfelder; leer: das Standardverzeichnis fields",
                "Scheme of the fields of action; empty: the default scheme fields",
                multi=False,
            ),
            Column(
                "close_match",
                "Referenz-Handlungsfeld (nah)",
                "Reference field (close)",
                "Handlungsfeld der sckg-Referenzliste, dem es nahekommt (skos:closeMatch), z. B. "
                "smart-mobility.",
                "Field of the sckg reference list it comes close to (skos:closeMatch), e.g. "
                "smart-mobility.",
                "field",
                width=22,
            ),
            Column(
                "broad_match",
                "Referenz-Handlungsfeld (weiter)",
                "Reference field (broader)",
                "Weiter gefasstes Handlungsfeld der sckg-Referenzliste (skos:broadMatch), z. B. "
                "culture-tourism.",
                "Broader field of the sckg reference list (skos:broadMatch), e.g. culture-tourism.",
                "field",
                width=22,
            ),
        ),
    ),
    Sheet(
        "goals",
        "Goals",
        "Ziele",
        "goal",
        "Zielbild und strategische Ziele.",
        "Vision and strategic goals.",
        (
            _id(),
            *_pair(
                "name",
                "Name",
                "Name",
                "Wortlaut des Ziels",
                "Wording of the goal",
                required=True,
                width=40,
            ),
            Column(
                "goal_type",
                "Art",
                "Type",
                "Zielbild oder Strategisches Ziel (leer: Strategisches Ziel).",
                "vision or strategic goal (empty: strategic goal).",
                "goal_type",
                width=18,
            ),
            _ref(
                "broader",
                "Übergeordnet",
                "Broader",
                "goals",
                "Übergeordnetes Ziel oder Zielbild",
                "Broader goal or vision",
            ),
            Column(
                "sdg",
                "SDG",
                "SDG",
                f"Nummern der UN-Nachhaltigkeitsziele (1 bis 17), z. B. 11. {MULTI_DE}",
                f"Numbers of the UN Sustainable Development Goals (1 to 17), e.g. 11. {MULTI_EN}",
                "sdg",
                multi=True,
                width=10,
            ),
            *_pair(
                "definition", "Definition", "Definition", "Erläuterung", "Explanation", width=40
            ),
            _sources(),
            Column(
                "related",
                "Handlungsfelder",
                "Fields of action",
                f"Handlungsfelder, zu denen das Ziel gehört (skos:related): "
                f"{t('template.ref', 'de', sheet='Handlungsfelder')}, ein Referenz-Handlungsfeld "
                f"(z. B. smart-mobility) oder eine IRI. {MULTI_DE}",
                "Fields of action the goal belongs to (skos:related): "
                f"{t('template.ref', 'en', sheet='FieldsOfAction')}, a reference field (e.g. "
                f"smart-mobility), or an IRI. {MULTI_EN}",
                "ref",
                False,
                True,
                "fields",
                None,
                26,
                (SKOS + "related",),
            ),
            _ref(
                "scheme",
                "Verzeichnis",
                "Scheme",
                "schemes",
                "Verzeichnis der Ziele; leer: das Standardverzeichnis goals",
                "Scheme of the goals; empty: the default scheme goals",
                multi=False,
            ),
            _ref(
                "drafted_in",
                "Entworfen in",
                "Drafted in",
                "workshops",
                "Workshop, in dem das Ziel entworfen wurde (sckg:draftedIn)",
                "Workshop in which the goal was drafted (sckg:draftedIn)",
                multi=False,
                predicates=(SCKG + "draftedIn",),
            ),
        ),
    ),
    Sheet(
        "dependencies",
        "Dependencies",
        "Abhängigkeiten",
        "",
        "Abhängigkeiten zwischen Projekten: das Projekt braucht das andere zuerst "
        "(sckg:dependsOn).",
        "Dependencies between projects: the project needs the other one first (sckg:dependsOn).",
        (
            _ref(
                "project",
                "Projekt",
                "Project",
                "projects",
                "Das abhängige Projekt",
                "The dependent project",
                multi=False,
                required=True,
            ),
            _ref(
                "depends_on",
                "Hängt ab von",
                "Depends on",
                "projects",
                "Projekte, die es zuerst braucht",
                "Projects it needs first",
                required=True,
            ),
        ),
    ),
    Sheet(
        "sources",
        "Sources",
        "Quellen",
        "source",
        "Quellen der Angaben: Vorlagen, Dokumente, Interviews, Workshops.",
        "Sources of the facts: council papers, documents, interviews, workshops.",
        (
            _id(),
            *_pair(
                "title",
                "Titel",
                "Title",
                "Titel der Quelle",
                "Title of the source",
                required=True,
                width=40,
            ),
            Column(
                "source_type",
                "Art",
                "Type",
                "Dokument (leer), Vorlage, Interview oder Workshop.",
                "document (empty), council paper, interview or workshop.",
                "source_type",
                width=16,
            ),
            Column(
                "date",
                "Datum",
                "Date",
                "Datum (2018-10-26 oder 26.10.2018) oder Jahr (2015).",
                "Date (2018-10-26 or 26.10.2018) or year (2015).",
                "date_or_year",
                width=12,
            ),
            Column(
                "url",
                "Link",
                "URL",
                "Adresse der Quelle im Netz (https://...).",
                "Web address of the source (https://...).",
                "url",
                width=30,
            ),
            *_pair(
                "description",
                "Beschreibung",
                "Description",
                "Beschreibung",
                "Description",
                width=40,
            ),
            *_pair(
                "label",
                "Bezeichnung",
                "Label",
                "Anzeigename (rdfs:label), nur wenn er vom Titel abweicht",
                "Display name (rdfs:label), only where it differs from the title",
                width=40,
            ),
            _col(
                "identifier",
                "Aktenzeichen",
                "Reference",
                "Aktenzeichen einer Vorlage, z. B. V 2025/014.",
                "Reference number of a council paper, e.g. V 2025/014.",
                "text",
                DCTERMS + "identifier",
            ),
            *_pair(
                "resolution",
                "Beschlusstext",
                "Resolution text",
                "Beschlussvorschlag der Vorlage",
                "Proposed resolution of the council paper",
                width=40,
                predicates=(SCKG + "resolutionText",),
            ),
            _ref(
                "originator",
                "Einreicher",
                "Originator",
                "actors",
                "Akteure, die die Vorlage einbringen",
                "Actors who put the paper forward",
                predicates=(SCKG + "originator",),
            ),
            _ref(
                "decided_by",
                "Entschieden von",
                "Decided by",
                "actors",
                "Gremium, das über die Vorlage entscheidet",
                "Body that decides on the paper",
                predicates=(SCKG + "decidedBy",),
            ),
            _ref(
                "signed_by",
                "Unterzeichnet von",
                "Signed by",
                "people",
                "Wer die Vorlage unterzeichnet",
                "Who signed the paper",
                predicates=(SCKG + "signedBy",),
            ),
            _col(
                "language",
                "Sprache",
                "Language",
                "Sprache des Dokuments als Kürzel, z. B. de.",
                "Language of the document as a code, e.g. de.",
                "text",
                DCTERMS + "language",
                width=8,
            ),
            _col(
                "fictional",
                "Fiktiv",
                "Fictional",
                "ja/nein: die Quelle ist erfunden (Beispieldaten).",
                "yes/no: the source is invented (example data).",
                "bool",
                SCKG + "fictional",
                width=8,
            ),
            _sources(fallback=False),
        ),
    ),
    *EXTRA_SHEETS,
)

SHEETS_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}


def sheet_named(name: str) -> Sheet | None:
    """The sheet called ``name`` in English or German (case-insensitive), if any."""
    wanted = name.strip().casefold()
    return next((s for s in SHEETS if wanted in (s.name.casefold(), s.de.casefold(), s.key)), None)


def help_rows(choices: Mapping[str, str]) -> list[list[str]]:
    """The rows of the help sheet: one per column, with German and English explanations.

    ``choices`` gives the allowed values of the vocabulary column types (``kind``, ``status``, ...).
    """
    rows = [
        [
            "Blatt / Sheet",
            "Spalte / Column",
            "Pflicht / Required",
            "Erläuterung (de)",
            "Explanation (en)",
            "Werte / Values",
        ]
    ]
    for sheet in SHEETS:
        rows.append([f"{sheet.name} ({sheet.de})", "", "", sheet.help_de, sheet.help_en, ""])
        for col in sheet.columns:
            rows.append(
                [
                    sheet.name,
                    col.header,
                    "ja / yes" if col.required else "",
                    col.help_de,
                    col.help_en,
                    choices.get(col.type, ""),
                ]
            )
    return rows


#: The hidden sheet holding the drop-down lists, and the sheet listing what an export could not put
#: into the template (the importer ignores sheets whose name starts with ``_``).
LISTS_SHEET, REMAINDER_SHEET = "_Lists", "_Not in the template"
#: The rows of a sheet in Excel and LibreOffice, the header included: no sheet of a workbook holds
#: more.
SHEET_ROWS = 1_048_576


def workbook_bytes(
    rows: Mapping[str, Sequence[Sequence[Any]]],
    help_table: Sequence[Sequence[str]],
    *,
    lists: Mapping[str, Sequence[str]] | None = None,
    remainder: Sequence[Sequence[str]] | None = None,
) -> bytes:
    """An ``.xlsx`` file with a header row per sheet, the given data rows (by sheet key) and the
    help sheet.

    Every sheet gets a filter on its header row; ``lists`` (column type → allowed values) gives each
    column of that type a drop-down list (a value not in it is warned about, not refused: English
    labels and short names are accepted too). ``remainder`` rows (with their header first) fill the
    sheet :data:`REMAINDER_SHEET`.
    """
    import xlsxwriter
    from xlsxwriter.utility import xl_col_to_name

    for sheet in SHEETS:
        if len(rows.get(sheet.key, ())) >= SHEET_ROWS:
            raise DataError(
                error_message(
                    "error.sheet_rows",
                    sheet=sheet.name,
                    rows=f"{len(rows[sheet.key]):,}",
                    most=f"{SHEET_ROWS - 1:,}",
                )
            )
    if remainder and len(remainder) > SHEET_ROWS:
        raise ValueError(f"{len(remainder):,} rows for {REMAINDER_SHEET}: at most {SHEET_ROWS:,}")
    buffer = io.BytesIO()
    # XlsxWriter: a row streamed to the file at a time, 4x faster than openpyxl's writer
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": True})
    cells = _Cells(workbook)
    header, text = (
        cells.style(bold=True, bg_color="#DDEBF7", pattern=1),
        cells.style(num_format="@"),
    )
    wrapped = cells.style(text_wrap=True, valign="top")
    write = cells.write
    lists = dict(sorted((lists or {}).items()))
    ranges = {
        kind: f"='{LISTS_SHEET}'!${xl_col_to_name(index)}$2:${xl_col_to_name(index)}$"
        f"{len(values) + 1}"
        for index, (kind, values) in enumerate(lists.items())
    }
    for sheet in SHEETS:
        ws = workbook.add_worksheet(sheet.name)
        text_columns = [
            col.type in ("id", "text", "ref") for col in sheet.columns
        ]  # IDs and numbers like 0800 stay text
        for index, col in enumerate(sheet.columns):
            ws.set_column(index, index, col.width, text if text_columns[index] else None)
            if col.type in ranges and not col.multi:  # a cell of several values is no choice
                ws.data_validation(
                    1,
                    index,
                    SHEET_ROWS - 1,
                    index,
                    {
                        "validate": "list",
                        "source": ranges[col.type],
                        "ignore_blank": True,
                        "error_type": "warning",
                        "show_input": False,
                    },
                )
        ws.freeze_panes(1, 0)
        data = rows.get(sheet.key, ())
        ws.autofilter(0, 0, len(data), len(sheet.columns) - 1)
        write(ws, 0, [c.header for c in sheet.columns], header)
        styles = [text if is_text else None for is_text in text_columns]
        for number, row in enumerate(data, start=1):
            for column, value in enumerate(row):
                if value is not None and value != "":  # an empty cell has its column's style
                    cells.put(ws, number, column, value, styles[column])
    if remainder:
        ws = workbook.add_worksheet(REMAINDER_SHEET)
        ws.set_column(0, 2, 60)
        ws.freeze_panes(1, 0)
        write(ws, 0, remainder[0], header)
        for number, row in enumerate(remainder[1:], start=1):
            write(ws, number, row)
    ws = workbook.add_worksheet(HELP_SHEET)
    for index, width in enumerate((16, 30, 12, 60, 60, 50)):
        ws.set_column(index, index, width)
    ws.freeze_panes(1, 0)
    columns = max((len(row) for row in help_table), default=0)
    for number, row in enumerate(help_table):
        write(
            ws, number, [*row, *[None] * (columns - len(row))], header if number == 0 else wrapped
        )
    if lists:
        hidden = workbook.add_worksheet(LISTS_SHEET)
        hidden.hide()
        columns_of = list(lists.items())
        for number in range(max(len(values) for _, values in columns_of) + 1):
            write(
                hidden,
                number,
                [
                    kind if number == 0 else (values[number - 1] if number <= len(values) else None)
                    for kind, values in columns_of
                ],
            )
    workbook.close()
    return buffer.getvalue()


class _Cells:
    """Writes the cells of an XlsxWriter workbook: a text as text (one starting with '=' is no
    formula), a date as a date, an empty cell (or text) only if it has a style."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.day = self.style(num_format="yyyy-mm-dd")
        self.moment = self.style(num_format="yyyy-mm-dd h:mm:ss")

    def style(self, **properties: Any) -> Any:
        return self.workbook.add_format(properties)

    def put(self, ws: Any, row: int, column: int, value: Any, style: Any = None) -> None:
        if value is None or value == "":  # openpyxl, which reads it, reads an empty text so too
            ws.write_blank(row, column, None, style)
        elif isinstance(value, str):
            ws.write_string(row, column, value, style)
        elif isinstance(value, bool):
            ws.write_boolean(row, column, value, style)
        elif isinstance(value, int | float | Decimal):
            ws.write_number(row, column, value, style)
        elif isinstance(value, dt.datetime):
            ws.write_datetime(row, column, value, style or self.moment)
        elif isinstance(value, dt.date):
            ws.write_datetime(row, column, value, style or self.day)
        else:
            raise TypeError(f"a cell of type {type(value).__name__}: {value!r}")

    def write(self, ws: Any, row: int, values: Sequence[Any], style: Any = None) -> None:
        for column, value in enumerate(values):
            self.put(ws, row, column, value, style)


def csv_text(rows: Sequence[Sequence[Any]]) -> str:
    """Rows as CSV text (comma-separated, with a byte-order mark so spreadsheets read it as
    UTF-8)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def write_template(folder: Path | str, choices: Mapping[str, str]) -> list[Path]:
    """Write the empty template into ``folder``: ``inventory.xlsx``, one CSV per sheet and
    ``Help.csv``."""
    folder = Path(folder)
    table = help_rows(choices)
    written = [write_atomic(folder / "inventory.xlsx", workbook_bytes({}, table))]
    for sheet in SHEETS:
        written.append(
            write_atomic(
                folder / f"{sheet.name}.csv", csv_text([[c.header for c in sheet.columns]])
            )
        )
    written.append(write_atomic(folder / "Help.csv", csv_text(table)))
    return written
