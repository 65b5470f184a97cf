"""What each page of the site says, as plain data for the templates: an entity's facts and relations
in words (with the path of each linked page), the lists with their filters, and the home page's
sections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyoxigraph as ox

from ..formatting import long_date, money, number
from ..namespaces import ADMS, DCTERMS, LABEL_PROPERTIES, ORG, SCHEMA, SCKG, XSD, shorten
from ..typed import value
from ..words import CATALOGUE, Words, t
from .collect import TYPE, Entity, SiteData

DATE_PROPERTIES = (DCTERMS + "date", SCHEMA + "startDate", SCHEMA + "endDate", DCTERMS + "modified")
_NUMBERS = {XSD + n for n in ("integer", "decimal", "double", "float", "int", "long")}


@dataclass(frozen=True)
class Value:
    """One value of a statement: text, and the page (``path``) or outside address (``url``) it links
    to."""

    text: str
    path: str | None = None
    url: str | None = None
    lang: str | None = None
    #: said after the link: a budget's amount
    note: str = ""


@dataclass
class Group:
    """The values of one property (or of one property pointing here, ``inverse``)."""

    label: str
    values: list[Value] = field(default_factory=list)


def _date(literal: ox.Literal, lang: str) -> str:
    return long_date(literal.value, lang)


def literal_text(literal: ox.Literal, lang: str) -> str:
    """A literal in words: dates written out, numbers in the page's language, yes or no."""
    datatype = literal.datatype.value
    if datatype in (XSD + "date", XSD + "dateTime"):
        return _date(literal, lang)
    if datatype == XSD + "boolean":
        return Words("site", lang)["yes" if literal.value in ("true", "1") else "no"]
    if datatype in _NUMBERS:
        found = value(literal)
        if found is not None and not isinstance(found, bool | str):
            return number(found, lang, 0 if datatype != XSD + "decimal" else 2)
    return literal.value


class Describer:
    """Turns statements into :class:`Value` and :class:`Group` lists in one language."""

    def __init__(self, data: SiteData, lang: str) -> None:
        self.data, self.lang = data, lang

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Value:
        """One object of a statement in words."""
        if isinstance(term, ox.Literal):
            text = literal_text(term, self.lang)
            url = text if term.datatype.value == XSD + "anyURI" and _web(text) else None
            return Value(text, url=url, lang=term.language)
        if isinstance(term, ox.BlankNode):
            return Value(self.blank(term))
        iri = term.value
        entity = self.data.entities.get(iri)
        if entity is not None:
            amounts = [self.amount(o) for p, o in entity.out if p == SCHEMA + "value"]
            note = ", ".join(a for a in amounts if a)
            return Value(self.data.label(iri, self.lang), path=entity.path, note=note)
        label = self.data.labels[self.lang].get(iri)
        return Value(label or iri, url=iri if _web(iri) and not label else None)

    def blank(self, node: ox.BlankNode) -> str:
        """A blank node (a budget, an address) in one line: an amount as money, else its
        statements."""
        statements = self.data.blank.get(node, [])
        props = {x.predicate.value: x.object for x in statements}
        amount = self.amount(props.get(SCHEMA + "value"))
        if amount:
            return amount
        parts = [
            f"{self.prop(x.predicate.value)}: {self.term(x.object).text}"
            for x in statements
            if x.predicate.value != TYPE and not isinstance(x.object, ox.Triple)
        ]
        return "; ".join(parts)

    def amount(self, term: object) -> str:
        """A ``schema:value`` as money in the page's language ("" when it is no number)."""
        found = value(term) if isinstance(term, ox.Literal) else None
        if found is None or isinstance(found, bool | str):
            return ""
        return money(found, self.lang)

    def prop(self, iri: str) -> str:
        """A property's label in the page's language: the ontology's, the site's word for a reused
        property, or its prefixed name."""
        short = shorten(iri)
        if iri in self.data.labels[self.lang]:
            return self.data.labels[self.lang][iri]
        return (
            t(f"site.property.{short}", self.lang)
            if f"site.property.{short}" in CATALOGUE
            else short
        )

    def statements(self, entity: Entity) -> tuple[list[Group], list[Group]]:
        """The entity's own statements in words: (facts, relations); relations link to pages."""
        facts: dict[str, Group] = {}
        links: dict[str, Group] = {}
        has_lang = {
            p for p, o in entity.out if isinstance(o, ox.Literal) and o.language == self.lang
        }
        for p, o in entity.out:
            if p == TYPE or p in LABEL_PROPERTIES:
                continue
            if (
                isinstance(o, ox.Literal)
                and o.language
                and p in has_lang
                and o.language != self.lang
            ):
                continue
            shown = self.term(o)
            target = links if shown.path else facts
            target.setdefault(p, Group(self.prop(p))).values.append(shown)
        return _ordered(facts), _ordered(links)

    def inverse(self, iri: str) -> str:
        """A property seen from its object, in the page's language: the inverse relation's name
        (``site.inverse.skos:broader`` "untergeordnet"; a symmetric one's own), else the property's
        label with this entry as its object (``site.inverse``)."""
        short = shorten(iri)
        if f"site.inverse.{short}" in CATALOGUE:
            return t(f"site.inverse.{short}", self.lang)
        return t("site.inverse", self.lang, label=self.prop(iri))

    def pointing_here(self, entity: Entity) -> list[Group]:
        """The statements of other entities about this one, by property, named the other way round:
        a sub-goal's "übergeordnet" (``skos:broader``) is "untergeordnet: Sub-goal X" on its goal's
        page, an actor's page lists "betreut federführend: Project X" (:meth:`inverse`)."""
        groups: dict[str, Group] = {}
        for s, p in entity.inc:
            source = self.data.entities[s]
            groups.setdefault(p, Group(self.inverse(p))).values.append(
                Value(self.data.label(s, self.lang), path=source.path)
            )
        return _ordered(groups)


def _ordered(groups: dict[str, Group]) -> list[Group]:
    for group in groups.values():
        unique = {(v.text, v.path, v.url): v for v in group.values}
        group.values = sorted(unique.values(), key=lambda v: (v.text.casefold(), v.path or ""))
    return sorted(groups.values(), key=lambda g: g.label.casefold())


def _web(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def objects(entity: Entity, prop: str) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
    """The objects of ``entity``'s statements with ``prop``."""
    return [o for p, o in entity.out if p == prop]


def first_date(entity: Entity) -> str | None:
    """The entity's date (ISO): its ``dcterms:date``, else its start, end or modification date."""
    for prop in DATE_PROPERTIES:
        for o in objects(entity, prop):
            if isinstance(o, ox.Literal) and len(o.value) >= 10:
                try:
                    date.fromisoformat(o.value[:10])
                except ValueError:
                    continue
                return o.value[:10]
    return None


# --- the lists and their filters
# ---------------------------------------------------------------------------

Facet = Callable[[SiteData, Entity], list[str]]
"""The IRIs (or plain keys) by which a list can be filtered, for one entity."""


def _linked(prop: str) -> Facet:
    def facet(data: SiteData, entity: Entity) -> list[str]:
        return sorted({o.value for o in objects(entity, prop) if isinstance(o, ox.NamedNode)})

    return facet


def _year(data: SiteData, entity: Entity) -> list[str]:
    found = first_date(entity)
    return [found[:4]] if found else []


def _paper_fields(data: SiteData, entity: Entity) -> list[str]:
    """A paper's fields of action: its subjects that are fields, and the fields of its subject
    projects."""
    fields: set[str] = set()
    for o in objects(entity, DCTERMS + "subject"):
        target = data.entities.get(o.value) if isinstance(o, ox.NamedNode) else None
        if target is None:
            continue
        if target.kind == "field":
            fields.add(target.iri)
        fields.update(_linked(SCKG + "inFieldOfAction")(data, target))
    return sorted(fields)


#: The filters of each list: (the word naming it, the entity's values).
FACETS: dict[str, list[tuple[str, Facet]]] = {
    "project": [
        ("field", _linked(SCKG + "inFieldOfAction")),
        ("status_column", _linked(ADMS + "status")),
        ("department", _linked(SCKG + "managedBy")),
    ],
    "actor": [("actor_kind", _linked(ORG + "classification"))],
    "paper": [("year", _year), ("field", _paper_fields)],
}


@dataclass
class ListPage:
    """A list of one kind of entity with its filters."""

    kind: str
    title: str
    filters: list[tuple[str, list[tuple[str, str]]]]
    rows: list[tuple[Value, str, list[list[str]]]]


def list_page(data: SiteData, kind: str, lang: str) -> ListPage:
    """The list of ``kind``: each entity with its date and description, filterable by
    :data:`FACETS`."""
    w = Words("site", lang)
    facets = FACETS.get(kind, [])
    entities = data.of_kind(kind)
    values = [[facet(data, e) for _, facet in facets] for e in entities]
    filters = []
    for i, (name, _) in enumerate(facets):
        keys = sorted({key for row in values for key in row[i]})
        options = [(key, key if name == "year" else data.label(key, lang)) for key in keys]
        filters.append((w[name], sorted(options, key=lambda o: (o[1].casefold(), o[0]))))
    rows = [
        (Value(data.label(e.iri, lang), path=e.path), first_date(e) or "", row)
        for e, row in zip(entities, values, strict=True)
    ]
    return ListPage(kind, data.kinds[kind][lang], filters, rows)


def by_kind(data: SiteData) -> dict[str, list[Entity]]:
    """The entities of each kind."""
    found: dict[str, list[Entity]] = defaultdict(list)
    for entity in data.entities.values():
        found[entity.kind].append(entity)
    return dict(found)


def page_meta(data: SiteData, entity: Entity, lang: str) -> dict[str, Any]:
    """The head of an entity's page: title, kind, description."""
    from .collect import DESCRIPTION_PROPERTIES

    return {
        "title": data.label(entity.iri, lang),
        "kind": data.kinds[entity.kind][lang],
        "description": data.text(entity.iri, DESCRIPTION_PROPERTIES, lang),
    }
