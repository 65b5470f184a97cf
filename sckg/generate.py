"""A synthetic city of any size, for tests and benchmarks: valid against the shapes, clearly
labelled synthetic.

The shape of the data follows a real programme: a few hub actors and many small ones (actors are
drawn with Zipf-like weights), Dezernate with divisions and sections below, municipal companies,
contractors and research partners, fields of action of very different size, departments that
specialise in a few fields and own their goals (a few goals are served by no project), initiatives
whose projects depend on each other in chains, a few platform projects many others need, and about
one dependency cycle per 1,000 projects (a data error the analyses must find). About 27 triples per
project.

The Turtle is written as text (no rdflib), so a million triples take seconds. The same ``projects``
and ``seed`` always give the same file.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import ParameterError
from .namespaces import turtle_prefixes
from .words import error_message

BASE = "https://w3id.org/sckg/id/synthetic/"
#: The reference date that decides a project's status (completed, running, planned).
REFERENCE_DATE = date(2025, 6, 30)

_PREFIXES = turtle_prefixes(s=BASE)

#: Fields of action: reference field, German and English label, relative weight, project topics (de,
#: en).
_FIELDS: list[tuple[str, str, str, float, list[tuple[str, str]]]] = [
    (
        "smart-mobility",
        "Mobilität",
        "Mobility",
        9,
        [
            ("Parkraumsensorik", "Parking sensors"),
            ("Ladeinfrastruktur", "Charging infrastructure"),
            ("Verkehrslagebild", "Traffic situation map"),
            ("Mobilitätsstation", "Mobility hub"),
            ("Radverkehrszählung", "Cycle counting"),
        ],
    ),
    (
        "e-government",
        "Digitale Verwaltung",
        "Digital administration",
        8,
        [
            ("Online-Antrag", "Online application"),
            ("E-Akte", "Electronic files"),
            ("Bürgerkonto", "Citizen account"),
            ("Terminbuchung", "Appointment booking"),
        ],
    ),
    (
        "infrastructure",
        "Digitale Infrastruktur",
        "Digital infrastructure",
        6,
        [
            ("Glasfaserausbau", "Fibre roll-out"),
            ("Öffentliches WLAN", "Public Wi-Fi"),
            ("LoRaWAN-Netz", "LoRaWAN network"),
            ("Urbane Datenplattform", "Urban data platform"),
        ],
    ),
    (
        "energy",
        "Energie",
        "Energy",
        5,
        [
            ("Smart Metering", "Smart metering"),
            ("Solarkataster", "Solar register"),
            ("Quartiersspeicher", "Neighbourhood storage"),
        ],
    ),
    (
        "sustainability",
        "Klima und Umwelt",
        "Climate and environment",
        4,
        [
            ("Luftgütemessung", "Air quality sensing"),
            ("Baumbewässerung", "Tree irrigation"),
            ("Hitzeaktionsplan", "Heat action plan"),
        ],
    ),
    (
        "digital-education",
        "Digitale Bildung",
        "Digital education",
        3,
        [
            ("Schul-WLAN", "School Wi-Fi"),
            ("Lernplattform", "Learning platform"),
            ("Medienkompetenz", "Media literacy"),
        ],
    ),
    (
        "citizen-dialogue",
        "Beteiligung",
        "Participation",
        3,
        [("Beteiligungsportal", "Participation portal"), ("Mängelmelder", "Issue reporter")],
    ),
    (
        "smart-living",
        "Wohnen und Quartier",
        "Living and neighbourhoods",
        2,
        [("Quartiers-App", "Neighbourhood app"), ("Digitaler Zwilling", "Digital twin")],
    ),
    (
        "industry-4-0",
        "Wirtschaft 4.0",
        "Economy 4.0",
        2,
        [
            ("Gründerzentrum digital", "Digital start-up centre"),
            ("Gewerbeflächenportal", "Business site portal"),
        ],
    ),
    (
        "health",
        "Gesundheit",
        "Health",
        1.5,
        [("Telemedizin", "Telemedicine"), ("Pflegenetz", "Care network")],
    ),
    (
        "security",
        "Sicherheit",
        "Safety",
        1,
        [("Hochwasserwarnung", "Flood warning"), ("Leitstelle", "Control centre")],
    ),
    (
        "culture-tourism",
        "Kultur und Tourismus",
        "Culture and tourism",
        0,
        [("Stadtführer-App", "City guide app")],
    ),
]
_DISTRICTS = [
    "Altstadt",
    "Nordstadt",
    "Südviertel",
    "Westend",
    "Oststadt",
    "Hafen",
    "Campus",
    "Bahnhof",
]
_DEZERNATE = [
    "Zentrale Dienste",
    "Finanzen",
    "Bauen",
    "Umwelt",
    "Soziales",
    "Kultur",
    "Wirtschaft",
    "Ordnung",
    "Bildung",
    "Digitales",
    "Verkehr",
    "Jugend",
]
_UNIT_KINDS = ["fachbereich", "amt", "fachbereich", "amt", "stabsstelle", "eigenbetrieb"]


@dataclass
class _Project:
    index: int
    field: int
    manager: str | None
    start: date
    end: date
    depends: list[int]


@dataclass
class _Actors:
    """The actors of the city, as the later steps draw on them."""

    dezernate: int
    units: list[str]  # divisions, offices, staff units, sections
    unit_dezernat: list[int]  # the Dezernat of each unit (-1: outside every Dezernat)
    outside: list[str]  # municipal companies, contractors, research institutes, partners
    bodies: list[str]  # council, steering group, committees


@dataclass
class _Goals:
    """The goals each field and each Dezernat owns (goals no project serves are left out)."""

    of_field: list[list[int]]
    of_dezernat: list[dict[int, list[int]]]


def _zipf(n: int, exponent: float = 1.1) -> list[float]:
    """Cumulative Zipf weights for ``n`` items (item 0 heaviest)."""
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: Every data resource names the document its facts come from (docs/model.md, "Sources").
_SOURCE = "sckg:documentedIn s:dataset"


def generate(projects: int, seed: int = 1) -> str:
    """A synthetic city with ``projects`` projects as Turtle text."""
    return "".join(generate_chunks(projects, seed))


def generate_chunks(projects: int, seed: int = 1) -> Iterator[str]:
    """The Turtle of :func:`generate`, in pieces (to write a large city without holding it
    twice)."""
    if projects < 1:
        raise ParameterError(error_message("error.projects", projects=projects))
    rng = random.Random(seed)
    yield _PREFIXES
    yield _dataset(projects, seed)
    actors, turtle = _actors(rng, projects, seed)
    yield turtle
    goals, turtle = _concepts(projects, actors.dezernate)
    yield turtle
    draw = _Draws(rng, actors)
    plan, dezernat_of = _plan(draw, projects, actors)
    yield from _projects(draw, plan, actors, goals, dezernat_of)


def _dataset(n: int, seed: int) -> str:
    """The dataset node: what the data is, and that it is fictional."""
    return (
        "\ns:dataset a sckg:Dataset ;\n"
        f'    dcterms:title "Synthetische Stadt ({n} Projekte, Seed {seed})"@de , '
        f'"Synthetic city ({n} projects, seed {seed})"@en ;\n'
        '    dcterms:description "Vollständig synthetische, zufällig erzeugte Daten (sckg '
        "generate) für Tests und "
        'Benchmarks; keine echte Stadt."@de , "Entirely synthetic, randomly generated data (sckg '
        "generate) for "
        'tests and benchmarks; not a real city."@en ;\n'
        "    sckg:fictional true .\n"
    )


def _actors(rng: random.Random, n: int, seed: int) -> tuple[_Actors, str]:
    """The administration with its Dezernate and units, the organisations outside it and the
    bodies."""
    out: list[str] = [
        f"\ns:city a org:FormalOrganization ; org:classification kind:city-administration ;\n"
        f'    rdfs:label "Synthetische Stadt (Seed {seed})"@de , "Synthetic city (seed {seed})"@en '
        f"; {_SOURCE} .\n"
    ]
    n_dez = min(len(_DEZERNATE), 3 + n // 150)
    for d in range(n_dez):
        out.append(
            f"s:dezernat-{d + 1} a org:OrganizationalUnit ; org:classification kind:dezernat ; "
            "org:unitOf s:city ;\n"
            f'    rdfs:label "Dezernat {d + 1}: {_DEZERNATE[d]} (synthetisch)"@de , '
            f'"Department {d + 1}: {_DEZERNATE[d]} (synthetic)"@en ; {_SOURCE} .\n'
        )
    units: list[str] = []
    unit_dez: list[int] = []
    for u in range(max(2 * n_dez, n // 12)):
        kind = _UNIT_KINDS[rng.randrange(len(_UNIT_KINDS))]
        iri = f"s:unit-{u + 1}"
        if u == 0:  # a staff unit of the mayor, outside every Dezernat
            parent, kind, d = "s:city", "stabsstelle", -1
        elif (
            u > n_dez * 2 and rng.random() < 0.3
        ):  # a section below an earlier unit of the same Dezernat
            above = rng.randrange(1, u)
            parent, d = units[above], unit_dez[above]
        else:
            d = u % n_dez
            parent = f"s:dezernat-{d + 1}"
        units.append(iri)
        unit_dez.append(d)
        link = (
            "org:unitOf" if parent == "s:city" else "org:subOrganizationOf"
        )  # unitOf: to a formal organisation
        out.append(
            f"{iri} a org:OrganizationalUnit ; org:classification kind:{kind} ; {link} {parent} ;\n"
            f'    rdfs:label "Einheit {u + 1} (synthetisch)"@de , "Unit {u + 1} (synthetic)"@en ; '
            f"{_SOURCE} .\n"
        )
    outside: list[str] = []
    for kind, count, de, en in (
        ("municipal-company", max(2, n // 150), "Stadtwerke-Gesellschaft", "Municipal company"),
        ("contractor", max(3, n // 25), "Dienstleister", "Contractor"),
        ("research-institution", max(1, n // 300), "Forschungsinstitut", "Research institute"),
        ("external-partner", max(1, n // 100), "Partner", "Partner"),
    ):
        for i in range(count):
            iri = f"s:{kind}-{i + 1}"
            outside.append(iri)
            owner = (
                " sckg:ownedBy s:city ; sckg:publiclyOwned true ;"
                if kind == "municipal-company"
                else ""
            )
            out.append(
                f"{iri} a org:FormalOrganization ; org:classification kind:{kind} ;{owner}\n"
                f'    rdfs:label "{de} {i + 1} (synthetisch)"@de , "{en} {i + 1} (synthetic)"@en ; '
                f"{_SOURCE} .\n"
            )
    bodies = [
        ("council", "council", "Rat", "Council"),
        ("steering-group", "steering-group", "Lenkungskreis", "Steering group"),
        *(
            (f"committee-{i + 1}", "committee", f"Ausschuss {i + 1}", f"Committee {i + 1}")
            for i in range(4)
        ),
    ]
    for name, kind, de, en in bodies:
        out.append(
            f"s:{name} a org:Organization , oparl:Organization ; org:classification kind:{kind} ;\n"
            f'    rdfs:label "{de} (synthetisch)"@de , "{en} (synthetic)"@en ; {_SOURCE} .\n'
        )
    return _Actors(n_dez, units, unit_dez, outside, [f"s:{name}" for name, *_ in bodies]), "".join(
        out
    )


def _concepts(n: int, n_dez: int) -> tuple[_Goals, str]:
    """The schemes of fields and goals, the vision, the fields and the goals (each Dezernat owns
    some per field)."""
    out = [
        f'\ns:fields a skos:ConceptScheme ; skos:prefLabel "Handlungsfelder (synthetisch)"@de , '
        f'"Fields of action (synthetic)"@en ; {_SOURCE} .\n'
        f's:goals a skos:ConceptScheme ; skos:prefLabel "Ziele (synthetisch)"@de , '
        f'"Goals (synthetic)"@en ; {_SOURCE} .\n'
        "s:vision a sckg:Vision , skos:Concept ; skos:inScheme s:goals ; skos:topConceptOf "
        "s:goals ;\n"
        '    skos:prefLabel "Zielbild der synthetischen Stadt"@de , "Vision of the synthetic '
        f'city"@en ; {_SOURCE} .\n'
    ]
    for ref, de, en, _weight, _topics in _FIELDS:
        out.append(
            f"s:field-{ref} a sckg:FieldOfAction , skos:Concept ; skos:inScheme s:fields ; "
            f"skos:exactMatch field:{ref} ;\n"
            f'    skos:prefLabel "{de} (synthetisch)"@de , "{en} (synthetic)"@en ; {_SOURCE} .\n'
        )
    n_goals = max(
        len(_FIELDS) * n_dez, n // 12
    )  # every Dezernat has goals of its own in every field
    goal_field = [g % len(_FIELDS) for g in range(n_goals)]
    unused_goals = {g for g in range(n_goals) if g % 20 == 19} | {n_goals - 1}
    for g in range(n_goals):
        de, en = _FIELDS[goal_field[g]][1:3]
        out.append(
            f"s:goal-{g + 1} a sckg:StrategicGoal , skos:Concept ; skos:inScheme s:goals ; "
            "skos:broader s:vision ;\n"
            f'    skos:prefLabel "Ziel {g + 1}: {de} (synthetisch)"@de , "Goal {g + 1}: {en} '
            '(synthetic)"@en ; '
            f"{_SOURCE} .\n"
        )
    goals = _Goals([[] for _ in _FIELDS], [defaultdict(list) for _ in _FIELDS])
    for g in range(n_goals):
        if g not in unused_goals:
            goals.of_field[goal_field[g]].append(g)
            goals.of_dezernat[goal_field[g]][(g // len(_FIELDS)) % n_dez].append(g)
    return goals, "".join(out)


class _Draws:
    """Weighted draws of fields, managing actors, participants and contractors: a few hubs, many
    small actors."""

    def __init__(self, rng: random.Random, actors: _Actors) -> None:
        self.rng = rng
        self.field_cum = list(itertools.accumulate(f[3] for f in _FIELDS))
        self.unit_order = actors.units[:]
        rng.shuffle(self.unit_order)
        self.unit_cum = _zipf(len(self.unit_order))
        self.participants = actors.units + actors.outside
        rng.shuffle(self.participants)
        self.participant_cum = _zipf(len(self.participants))
        self.contractors = [a for a in actors.outside if "contractor" in a]
        self.contractor_cum = _zipf(len(self.contractors))
        self.companies = [a for a in actors.outside if "municipal-company" in a]

    def field(self) -> int:
        return self.rng.choices(range(len(_FIELDS)), cum_weights=self.field_cum)[0]

    def manager(self) -> str:
        if self.rng.random() < 0.08:
            return self.companies[self.rng.randrange(len(self.companies))]
        return self.rng.choices(self.unit_order, cum_weights=self.unit_cum)[0]

    def participants_of(self, count: int) -> list[str]:
        return sorted(
            set(self.rng.choices(self.participants, cum_weights=self.participant_cum, k=count))
        )

    def contractor(self) -> str:
        return self.rng.choices(self.contractors, cum_weights=self.contractor_cum)[0]


def _plan(draw: _Draws, n: int, actors: _Actors) -> tuple[list[_Project], dict[str, int]]:
    """Projects in initiatives (chains of dependent projects), a few platforms many others need, and
    about one dependency cycle per 1,000 projects; with each unit's Dezernat."""
    rng = draw.rng
    n_platforms = max(1, n // 60)
    platform_cum = _zipf(n_platforms, 1.3)

    # Departments specialise: each Dezernat works mainly in three fields, each unit and company has
    # a home field, and goals belong to a Dezernat; projects mostly follow their managing actor's
    # home field and goals.
    dez_fields = []
    for _ in range(actors.dezernate):
        chosen: list[int] = []
        while len(chosen) < 3:
            f = draw.field()
            if f not in chosen:
                chosen.append(f)
        dez_fields.append(chosen)
    dezernat_of = dict(zip(actors.units, actors.unit_dezernat, strict=True))
    home_field = {
        u: rng.choice(dez_fields[d]) if d >= 0 else draw.field() for u, d in dezernat_of.items()
    }
    home_field.update({c: draw.field() for c in draw.companies})

    plan: list[_Project] = []
    by_field: list[list[int]] = [[] for _ in _FIELDS]
    cycles_wanted = n // 1000 + (1 if n >= 30 else 0)
    cycles: list[tuple[int, int]] = []
    i = 0
    while i < n:
        length = 1 if i < n_platforms else rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8))
        length = min(length, n - i)
        lead = draw.manager()
        f = home_field[lead] if rng.random() < 0.85 else draw.field()
        start = date(2016 if i < n_platforms else 2017, 1, 1) + timedelta(
            days=rng.randrange(365 * 8)
        )
        for j in range(length):
            k = i + j
            end = start + timedelta(days=rng.randrange(180, 1100))
            depends = [k - 1] if j else []
            if k >= n_platforms and rng.random() < 0.2:
                depends.append(rng.choices(range(n_platforms), cum_weights=platform_cum)[0])
            if k >= n_platforms and by_field[f] and rng.random() < 0.05:
                depends.append(by_field[f][rng.randrange(len(by_field[f]))])
            roll = rng.random()
            manager = None if roll < 0.01 else lead if roll < 0.7 else draw.manager()
            plan.append(_Project(k, f, manager, start, end, sorted(set(depends) - {k})))
            by_field[f].append(k)
            start = end + timedelta(days=rng.randrange(0, 120))
        spread = (
            (len(cycles) + 1) * n // (cycles_wanted + 1)
        )  # cycles spread over the whole portfolio
        if length >= 3 and len(cycles) < cycles_wanted and i >= max(n_platforms, spread):
            cycles.append((i, i + length - 1))
        i += length
    for first, last in cycles:  # the first project of the initiative also needs the last: a cycle
        plan[first].depends.append(last)
    return plan, dezernat_of


def _projects(
    draw: _Draws, plan: list[_Project], actors: _Actors, goals: _Goals, dezernat_of: dict[str, int]
) -> Iterator[str]:
    """The Turtle of the planned projects (every fourth with its council paper and decision), in
    pieces."""
    platforms = max(1, len(plan) // 60)
    out: list[str] = []
    for p in plan:
        text = _project(draw, p, p.index < platforms, goals, dezernat_of)
        if (p.index + 1) % 4 == 0:
            text += _decision(draw.rng, p, actors.bodies)
        out.append(text)
        if len(out) >= 2000:
            yield "".join(out)
            out = []
    yield "".join(out)


def _project(
    draw: _Draws, p: _Project, platform: bool, goals: _Goals, dezernat_of: dict[str, int]
) -> str:
    """One project: title, actors, fields, goals, dependencies, status by the reference date, dates,
    budget."""
    rng = draw.rng
    k = p.index + 1
    ref, _de, _en, _w, topics = _FIELDS[p.field]
    topic_de, topic_en = topics[rng.randrange(len(topics))]
    district = _DISTRICTS[rng.randrange(len(_DISTRICTS))]
    if platform:
        topic_de, topic_en, district = "Plattform", "Platform", "gesamtstädtisch"
    title_de = f"{topic_de} {district} {k} (synthetisch)"
    title_en = f"{topic_en} {district} {k} (synthetic)"
    lines = [
        f"s:project-{k} a sckg:Project ;\n"
        f"    dcterms:title {_lit(title_de)}@de , {_lit(title_en)}@en ;\n"
        f"    rdfs:label {_lit(title_de)}@de , {_lit(title_en)}@en ;\n"
    ]
    if p.manager:
        lines.append(f"    sckg:managedBy {p.manager} ;\n")
    extra = rng.choice((0, 0, 1, 1, 1, 2, 2, 3, 4))
    if extra:
        lines.append(f"    sckg:hasParticipant {' , '.join(draw.participants_of(extra))} ;\n")
    if rng.random() < 0.4:
        lines.append(f"    sckg:contractor {draw.contractor()} ;\n")
    if rng.random() >= 0.01:
        fields = [f"s:field-{ref}"]
        if rng.random() < 0.15:
            fields = sorted({*fields, f"s:field-{_FIELDS[draw.field()][0]}"})
        lines.append(f"    sckg:inFieldOfAction {' , '.join(fields)} ;\n")
    candidates = goals.of_field[p.field]
    own = goals.of_dezernat[p.field].get(dezernat_of.get(p.manager or "", -1), [])
    if own and rng.random() < 0.85:
        candidates = own
    if candidates and rng.random() >= 0.03:
        count = 2 if rng.random() < 0.2 else 1
        picked = sorted(
            {candidates[int(len(candidates) * rng.random() ** 1.5)] for _ in range(count)}
        )
        lines.append(f"    sckg:contributesTo {' , '.join(f's:goal-{g + 1}' for g in picked)} ;\n")
    if p.depends:
        lines.append(
            f"    sckg:dependsOn {' , '.join(f's:project-{d + 1}' for d in sorted(p.depends))} ;\n"
        )
    status = _status(rng, p)
    budget = round(rng.lognormvariate(11.5, 1.0), 2)
    lines.append(
        f"    adms:status status:{status} ;\n"
        f'    schema:startDate "{p.start.isoformat()}"^^xsd:date ;\n'
        f'    schema:endDate "{p.end.isoformat()}"^^xsd:date ;\n'
        f"    sckg:hasBudget s:budget-{k} ;\n"
        f"    {_SOURCE} .\n"
        f's:budget-{k} a schema:MonetaryAmount ; schema:value "{budget:.2f}"^^xsd:decimal ; '
        f'schema:currency "EUR" .\n'
    )
    return "".join(lines)


def _status(rng: random.Random, p: _Project) -> str:
    """A few projects are on hold; the others are completed, running or planned by the reference
    date."""
    if rng.random() < 0.03:
        return "on-hold"
    if p.end < REFERENCE_DATE:
        return "completed"
    return "running" if p.start <= REFERENCE_DATE else "planned"


def _decision(rng: random.Random, p: _Project, bodies: list[str]) -> str:
    """A council paper on the project, its consultation in a committee and the committee's
    decision."""
    k = p.index + 1
    committee = bodies[2 + rng.randrange(4)]
    day = p.start - timedelta(days=rng.randrange(30, 200))
    originator = f" sckg:originator {p.manager} ;" if p.manager else ""
    return (
        f"s:paper-{k} a oparl:Paper , prov:Entity ;{originator}\n"
        f'    dcterms:title "Vorlage zu Projekt {k} (synthetisch)"@de , '
        f'"Council paper on project {k} (synthetic)"@en ;\n'
        f'    dcterms:date "{day.isoformat()}"^^xsd:date ; sckg:decidedBy {committee} ; {_SOURCE} '
        ".\n"
        f"s:consultation-{k} a oparl:Consultation , prov:Entity ; sckg:paper s:paper-{k} ; "
        f'sckg:committee {committee} ;\n    dcterms:date "{day.isoformat()}"^^xsd:date ; '
        f"sckg:consultationRole role:decision ; sckg:isPublic true ;\n"
        f'    rdfs:label "Beratung zu Projekt {k} (synthetisch)"@de , '
        f'"Consultation on project {k} (synthetic)"@en ; {_SOURCE} .\n'
        f"s:decision-{k} a sckg:Decision ; sckg:decidedBy {committee} ; sckg:decision "
        f"s:project-{k} ;\n"
        f'    dcterms:date "{day.isoformat()}"^^xsd:date ;\n'
        f'    rdfs:label "Beschluss zu Projekt {k} (synthetisch)"@de , '
        f'"Decision on project {k} (synthetic)"@en ; {_SOURCE} .\n'
    )
