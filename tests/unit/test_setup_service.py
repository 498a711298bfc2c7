"""The setup assistant's services (issue 18, point 1): the built-in equipment catalogue,
the « unconfigured database » rule, the VAT advice, and the plan written in one
transaction through the existing services."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from tierslieu_desktop.domain.enums import SpaceKind, VatRegime
from tierslieu_desktop.domain.errors import ValidationError
from tierslieu_desktop.services.park import machines as park
from tierslieu_desktop.services.park.opening_hours import get_schedule
from tierslieu_desktop.services.people import audiences
from tierslieu_desktop.services.people.structure import StructureData, get_structure, save_structure
from tierslieu_desktop.services.pricing.tariffs import list_rules
from tierslieu_desktop.services.scheduling.usages import consumables_for_machine, list_consumables
from tierslieu_desktop.services.setup import catalogue as cat
from tierslieu_desktop.services.setup.apply import ChosenItem, SetupPlan, apply_setup
from tierslieu_desktop.services.setup.state import (
    is_unconfigured,
    recommend_vat_regime,
    setup_state,
)

TODAY = date(2026, 12, 7)
WANTED = {
    "laser_cutter",
    "fdm_printer",
    "resin_printer",
    "cnc_mill",
    "vinyl_cutter",
    "embroidery",
    "sewing",
    "thermoformer",
    "scanner_3d",
    "pc",
    "coworking_desk",
    "meeting_room",
}


def test_the_catalogue_holds_the_common_equipment_with_consumables_rules_and_prices():
    catalogue = cat.load_catalogue()
    assert {item.key for item in catalogue.items} == WANTED
    laser = catalogue.item("laser_cutter")
    assert laser.name == "Découpeuse laser" and laser.label_en == "Laser cutter"
    assert laser.authorization_required  # a dangerous machine needs a training
    assert laser.consumables and all(c.price_cents > 0 for c in laser.consumables)
    assert laser.prices["adults"] > laser.prices["jobseekers"] > 0
    assert catalogue.item("meeting_room").is_space
    assert catalogue.item("meeting_room").space_kind == SpaceKind.MEETING_ROOM
    for item in catalogue.items:
        # rules the machine service accepts as they are
        rules = {name: getattr(item.rules, name) for name in cat.RULE_KEYS}
        if item.is_space:
            park.validate_space(park.SpaceInput(name=item.name, **rules))
        else:
            park.validate_machine(
                park.MachineInput(name=item.name, space_id=1, **rules), new_category=item.category
            )
            assert catalogue.space(item.space)
        assert set(item.prices) <= {a.key for a in catalogue.audiences}
        # the English interface shows English names; the database keeps the French ones
        assert item.label("en") == item.label_en != item.name == item.label("fr")
        assert all(c.label("en") and c.label("fr") == c.name for c in item.consumables)
    assert all(a.label("en") != a.name for a in catalogue.audiences)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda raw: raw["equipment"][0]["consumables"][0].update(unit="litre"),
        lambda raw: raw["equipment"][0]["prices"].update(adults=-1),
        lambda raw: raw["equipment"][0].update(space="garage"),
        lambda raw: raw["equipment"][0]["prices"].update(elves=100),
        lambda raw: raw["equipment"].append(copy.deepcopy(raw["equipment"][0])),
    ],
    ids=["unit", "negative", "space", "public", "duplicate"],
)
def test_a_catalogue_breaking_a_rule_is_refused(spoil):
    raw = json.loads(cat.CATALOGUE_FILE.read_text(encoding="utf-8"))
    spoil(raw)
    with pytest.raises(cat.CatalogueInvalid):
        cat.parse_catalogue(raw)


def test_a_database_is_unconfigured_until_a_name_a_space_or_a_machine_exists(db, operator):
    assert is_unconfigured(db)
    save_structure(db, operator, StructureData(name="Fablab"))
    assert not is_unconfigured(db)


def test_a_space_alone_makes_the_database_configured(db, operator):
    park.save_space(db, operator, park.SpaceInput(name="Atelier"))
    state = setup_state(db)
    assert (state.structure_named, state.spaces, state.unconfigured) == (False, 1, False)


def test_the_vat_advice_speaks_of_the_structure_it_is_given():
    assert recommend_vat_regime("Association loi 1901").regime == VatRegime.EXEMPT_NON_PROFIT
    small = recommend_vat_regime("SAS", 2_000_000)
    assert (small.regime, small.reason) == (VatRegime.FRANCHISE, "small_business")
    assert recommend_vat_regime("SARL", 5_000_000).regime == VatRegime.LIABLE


def _full_plan() -> SetupPlan:
    catalogue = cat.load_catalogue()

    def chosen(key: str, count: int = 1) -> ChosenItem:
        return ChosenItem(key, count, tuple(catalogue.item(key).prices.items()))

    return SetupPlan(
        structure=StructureData(name="Fablab du Causse", siret="73282932000074"),
        spaces=("fablab",),
        schedule={1: [(600, 750), (840, 1080)], 2: [(600, 1080)]},
        audiences=tuple(a.key for a in catalogue.audiences),
        items=(chosen("laser_cutter"), chosen("pc", 3), chosen("meeting_room")),
        invoice_pattern="FAC{year}-{counter:05}",
    )


def test_the_plan_creates_spaces_machines_consumables_prices_and_publics(db, operator):
    result = apply_setup(db, operator, _full_plan(), today=TODAY)
    assert result.spaces == ("Fablab", "Cyber-base", "Salle de réunion")  # PCs need one
    assert result.machines == (
        "Découpeuse laser",
        "Poste informatique 1",
        "Poste informatique 2",
        "Poste informatique 3",
    )
    laser = result.machine_ids["Découpeuse laser"]
    offered = {c.name for c in consumables_for_machine(db, laser)}
    assert "Plexiglas 3 mm (60 × 40 cm)" in offered and "Impression couleur A4" not in offered
    fablab = result.space_ids["Fablab"]
    assert get_schedule(db, fablab) == {1: [(600, 750), (840, 1080)], 2: [(600, 1080)]}
    assert get_schedule(db, result.space_ids["Salle de réunion"])  # every new space
    rules = list_rules(db, on=TODAY)
    laser_prices = {
        r.audience_name: r.amount_cents
        for r in rules
        if r.kind == "category" and r.resource_name == "Découpe laser"
    }
    assert laser_prices[""] == 1500 and laser_prices["Jeunes (moins de 18 ans)"] == 800
    assert any(r.kind == "space" and r.amount_cents == 2000 for r in rules)
    assert any(r.kind == "consumable" and r.unit == "consumable" for r in rules)
    assert len(audiences.list_audiences(db)) == 6
    assert get_structure(db).name == "Fablab du Causse"


def test_the_plan_again_adds_without_duplicating_publics_or_consumables(db, operator):
    apply_setup(db, operator, _full_plan(), today=TODAY)
    consumables = len(list_consumables(db))
    again = apply_setup(db, operator, _full_plan(), today=TODAY)
    assert again.machines[0] == "Découpeuse laser 2"
    assert again.audiences == () and len(audiences.list_audiences(db)) == 6
    assert len(list_consumables(db)) == consumables


def test_a_refused_field_writes_nothing_and_is_named_with_its_step(db, operator):
    plan = _full_plan()
    bad = SetupPlan(**{**plan.__dict__, "structure": StructureData(name="X", siret="123")})
    with pytest.raises(ValidationError) as refused:
        apply_setup(db, operator, bad, today=TODAY)
    assert refused.value.fields == {"structure.siret": "siret_invalid"}
    assert is_unconfigured(db) and audiences.list_audiences(db) == []


def test_a_failure_inside_the_transaction_rolls_back_every_step(db, operator, monkeypatch):
    """The machines' consumables refused after the structure, publics, spaces, machines
    and prices were written: none of them stays."""
    from tierslieu_desktop.services.scheduling import usages

    def refuse(*_args, **_kwargs):
        raise ValidationError({"consumable": "unknown"})

    monkeypatch.setattr(usages, "_set_machine_consumables_impl", refuse)  # its body
    with pytest.raises(ValidationError):
        apply_setup(db, operator, _full_plan(), today=TODAY)
    assert is_unconfigured(db) and audiences.list_audiences(db) == []
    assert list_rules(db) == [] and list_consumables(db) == []
