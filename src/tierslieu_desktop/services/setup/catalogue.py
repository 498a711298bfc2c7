"""The built-in equipment catalogue of the setup assistant: common fablab and cyber-base
machines (and a meeting room) with their typical consumables (unit and price), booking
rules and a starter hourly price per public, plus the default publics and spaces.

The data is ``tierslieu_desktop/data/equipment_catalogue.json``; names are French (what
the database stores), ``label_en`` is what the English interface shows. Prices are euro
cents: per hour for machines and spaces, per unit for consumables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tierslieu_desktop.domain.enums import SpaceKind
from tierslieu_desktop.services.scheduling.usages import UNITS

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "data" / "equipment_catalogue.json"
RULE_KEYS = (
    "slot_step_minutes",
    "min_duration_minutes",
    "max_duration_minutes",
    "buffer_minutes",
    "max_advance_days",
)


@dataclass(frozen=True)
class CatalogueAudience:
    key: str
    name: str
    label_en: str
    description: str

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.name


@dataclass(frozen=True)
class CatalogueSpace:
    key: str
    name: str
    label_en: str
    kind: SpaceKind
    capacity: int | None

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.name


@dataclass(frozen=True)
class CatalogueConsumable:
    name: str
    unit: str  # one of services.scheduling.usages.UNITS
    price_cents: int  # per unit, every public
    label_en: str = ""

    def label(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.name


@dataclass(frozen=True)
class BookingRules:
    slot_step_minutes: int
    min_duration_minutes: int
    max_duration_minutes: int
    buffer_minutes: int
    max_advance_days: int


@dataclass(frozen=True)
class CatalogueItem:
    """A machine (``is_space`` False: created in the space ``space``, in its category) or
    a bookable space (a meeting room, of ``space_kind``)."""

    key: str
    name: str
    label_en: str
    category: str  # "" for a space
    space: str  # the key of its CatalogueSpace ("" for a space)
    is_space: bool
    space_kind: SpaceKind
    capacity: int | None
    count: int  # how many a lab typically has (the assistant's suggestion)
    authorization_required: bool
    rules: BookingRules
    prices: dict[str, int]  # audience key → cents per hour
    consumables: tuple[CatalogueConsumable, ...]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.name


@dataclass(frozen=True)
class Catalogue:
    audiences: tuple[CatalogueAudience, ...]
    spaces: tuple[CatalogueSpace, ...]
    items: tuple[CatalogueItem, ...]

    def item(self, key: str) -> CatalogueItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def space(self, key: str) -> CatalogueSpace:
        for space in self.spaces:
            if space.key == key:
                return space
        raise KeyError(key)

    def audience(self, key: str) -> CatalogueAudience:
        for audience in self.audiences:
            if audience.key == key:
                return audience
        raise KeyError(key)


class CatalogueInvalid(ValueError):
    """The catalogue file breaks a rule (a shipped file: a bug, caught by the tests)."""


def _item(raw: dict[str, Any], spaces: set[str], audiences: set[str]) -> CatalogueItem:
    key = raw["key"]
    is_space = raw.get("kind", "machine") == "space"
    rules = BookingRules(**{name: int(raw["rules"][name]) for name in RULE_KEYS})
    prices = {str(k): int(v) for k, v in raw["prices"].items()}
    consumables = tuple(
        CatalogueConsumable(c["name"], c["unit"], int(c["price_cents"]), c.get("label_en", ""))
        for c in raw.get("consumables", ())
    )
    if not is_space and raw["space"] not in spaces:
        raise CatalogueInvalid(f"{key}: unknown space {raw['space']!r}")
    if set(prices) - audiences or "adults" not in prices:
        raise CatalogueInvalid(f"{key}: prices for unknown publics or none for adults")
    if any(v < 0 for v in prices.values()) or int(raw.get("count", 1)) < 1:
        raise CatalogueInvalid(f"{key}: negative price or count below 1")
    for c in consumables:
        if c.unit not in UNITS or c.price_cents < 0:
            raise CatalogueInvalid(f"{key}: consumable {c.name!r}")
    return CatalogueItem(
        key=key,
        name=raw["name"],
        label_en=raw["label_en"],
        category="" if is_space else raw["category"],
        space="" if is_space else raw["space"],
        is_space=is_space,
        space_kind=SpaceKind(raw.get("space_kind", "other")),
        capacity=raw.get("capacity"),
        count=int(raw.get("count", 1)),
        authorization_required=bool(raw["authorization_required"]),
        rules=rules,
        prices=prices,
        consumables=consumables,
    )


def parse_catalogue(raw: dict[str, Any]) -> Catalogue:
    """The catalogue from its JSON data; ``CatalogueInvalid`` when a rule is broken."""
    audiences = tuple(
        CatalogueAudience(a["key"], a["name"], a["label_en"], a.get("description", ""))
        for a in raw["audiences"]
    )
    spaces = tuple(
        CatalogueSpace(s["key"], s["name"], s["label_en"], SpaceKind(s["kind"]), s.get("capacity"))
        for s in raw["spaces"]
    )
    audience_keys = {a.key for a in audiences}
    items = tuple(_item(i, {s.key for s in spaces}, audience_keys) for i in raw["equipment"])
    for what, keys in (
        ("audience", [a.key for a in audiences]),
        ("space", [s.key for s in spaces]),
        ("item", [i.key for i in items]),
    ):
        if len(set(keys)) != len(keys):
            raise CatalogueInvalid(f"duplicate {what} key")
    return Catalogue(audiences, spaces, items)


@cache
def load_catalogue() -> Catalogue:
    """The shipped catalogue (read once)."""
    return parse_catalogue(json.loads(CATALOGUE_FILE.read_text(encoding="utf-8")))
