"""Tariffs: dated price rules, the grid edit, CSV, fees, reductions, quotas, packs, stock."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tierslieu_desktop.db.models import (
    Audience,
    Consumable,
    Machine,
    MachineCategory,
    Member,
    PriceRule,
    Space,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain.errors import DomainError, ValidationError
from tierslieu_desktop.services.pricing import catalogue, conditions, tariff_csv
from tierslieu_desktop.services.pricing import tariffs as t
from tierslieu_desktop.services.pricing.tariff_csv import CsvImportError

D = date


@pytest.fixture
def ids(db):
    """Two publics, a laser (and its category), the fablab space, plywood and filament."""
    with db.write() as s:
        public = Audience(name="Grand public", position=1)
        jobseekers = Audience(name="Demandeurs d'emploi", position=2)
        fablab = Space(name="Fablab", position=1)
        laser_cat = MachineCategory(name="Découpe laser", position=1)
        s.add_all([public, jobseekers, fablab, laser_cat])
        s.flush()
        laser = Machine(name="Découpeuse laser", category_id=laser_cat.id, space_id=fablab.id)
        plywood = Consumable(name="Contreplaqué 3 mm", unit="sheet", position=1)
        pla = Consumable(name="Filament PLA", unit="gram", position=2)
        s.add_all([laser, plywood, pla])
        s.flush()
        return {
            "public": public.id,
            "jobseekers": jobseekers.id,
            "fablab": fablab.id,
            "laser_cat": laser_cat.id,
            "laser": laser.id,
            "plywood": plywood.id,
            "pla": pla.id,
        }


def laser_price(db, operator, ids, amount, day, audience="public", **kw):
    args = {
        "kind": "machine",
        "resource_id": ids["laser"],
        "audience_id": ids[audience] if audience else None,
        "membership": "any",
        "unit": "hour",
        "step_minutes": 15,
        "amount_cents": amount,
        "from_day": day,
    }
    args.update(kw)
    return t.set_price(db, operator, **args)


def history(db, ids, audience="public"):
    rows = t.rule_history(db, "machine", ids["laser"], ids[audience], "any")
    return [(r.amount_cents, r.valid_from, r.valid_to) for r in rows]


def rule_count(db):
    with db.read() as s:
        return s.scalar(select(func.count(PriceRule.id)))


# --------------------------------------------------------------------------- set_price


def test_editing_a_price_keeps_the_old_rule_for_the_days_before(db, operator, ids):
    first = laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    second = laser_price(db, operator, ids, 1800, D(2026, 7, 1))
    assert second != first
    assert history(db, ids) == [
        (1500, D(2026, 1, 1), D(2026, 6, 30)),
        (1800, D(2026, 7, 1), None),
    ]
    june = {r.id: r.amount_cents for r in t.list_rules(db, on=D(2026, 6, 30))}
    july = {r.id: r.amount_cents for r in t.list_rules(db, on=D(2026, 7, 1))}
    assert june == {first: 1500}
    assert july == {second: 1800}


def test_editing_twice_the_same_day_updates_in_place(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    a = laser_price(db, operator, ids, 1800, D(2026, 7, 1))
    b = laser_price(db, operator, ids, 2000, D(2026, 7, 1))
    assert a == b
    assert history(db, ids) == [
        (1500, D(2026, 1, 1), D(2026, 6, 30)),
        (2000, D(2026, 7, 1), None),
    ]


def test_same_price_again_changes_nothing(db, operator, ids):
    first = laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    assert laser_price(db, operator, ids, 1500, D(2026, 3, 1)) == first
    assert history(db, ids) == [(1500, D(2026, 1, 1), None)]


def test_clearing_a_price_closes_the_rule(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    assert laser_price(db, operator, ids, None, D(2026, 9, 1)) is None
    assert history(db, ids) == [(1500, D(2026, 1, 1), D(2026, 8, 31))]
    assert t.list_rules(db, on=D(2026, 9, 1)) == []
    # Clearing where nothing is in force does nothing.
    assert laser_price(db, operator, ids, None, D(2026, 10, 1)) is None
    assert rule_count(db) == 1


def test_clearing_on_the_first_day_of_a_rule_removes_it(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    laser_price(db, operator, ids, 1800, D(2026, 7, 1))
    laser_price(db, operator, ids, None, D(2026, 7, 1))
    assert history(db, ids) == [(1500, D(2026, 1, 1), D(2026, 6, 30))]


def test_editing_in_the_middle_of_a_rule_keeps_the_later_rule(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    laser_price(db, operator, ids, 1800, D(2026, 7, 1))
    laser_price(db, operator, ids, 1600, D(2026, 3, 1))
    assert history(db, ids) == [
        (1500, D(2026, 1, 1), D(2026, 2, 28)),
        (1600, D(2026, 3, 1), D(2026, 6, 30)),
        (1800, D(2026, 7, 1), None),
    ]


def test_a_price_before_the_first_rule_ends_the_day_before_it(db, operator, ids):
    laser_price(db, operator, ids, 1800, D(2026, 7, 1))
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    assert history(db, ids) == [
        (1500, D(2026, 1, 1), D(2026, 6, 30)),
        (1800, D(2026, 7, 1), None),
    ]


def test_prices_of_other_publics_are_separate(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    laser_price(db, operator, ids, 1000, D(2026, 3, 1), audience="jobseekers")
    laser_price(db, operator, ids, 1200, D(2026, 1, 1), audience=None)
    assert history(db, ids) == [(1500, D(2026, 1, 1), None)]
    assert history(db, ids, "jobseekers") == [(1000, D(2026, 3, 1), None)]


def test_nothing_is_half_written_on_error(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    with pytest.raises(ValidationError) as err:
        laser_price(db, operator, ids, -5, D(2026, 7, 1))
    assert err.value.fields == {"amount_cents": "negative"}
    with pytest.raises(ValidationError) as err:
        laser_price(db, operator, ids, 1800, D(2026, 7, 1), unit="session")
    assert err.value.fields == {"step_minutes": "step_hour_only"}
    assert history(db, ids) == [(1500, D(2026, 1, 1), None)]
    assert rule_count(db) == 1


def test_set_price_checks_units_against_kinds(db, operator, ids):
    with pytest.raises(ValidationError) as err:
        t.set_price(
            db, operator, kind="consumable", resource_id=ids["plywood"], audience_id=None,
            membership="any", unit="hour", step_minutes=None, amount_cents=600,
            from_day=D(2026, 1, 1),
        )  # fmt: skip
    assert err.value.fields == {"unit": "unit_kind"}
    with pytest.raises(ValidationError) as err:
        laser_price(db, operator, ids, 1500, D(2026, 1, 1), unit="consumable", step_minutes=None)
    assert err.value.fields == {"unit": "unit_kind"}
    with pytest.raises(ValidationError) as err:
        laser_price(db, operator, ids, 1500, D(2026, 1, 1), resource_id=9999)
    assert err.value.fields == {"resource_id": "unknown"}
    assert rule_count(db) == 0


# --------------------------------------------------------------------------- save_rule


def rule_kwargs(ids, **kw):
    base = {
        "kind": "space",
        "resource_id": ids["fablab"],
        "audience_id": None,
        "membership": "any",
        "unit": "flat",
        "step_minutes": None,
        "amount_cents": 6000,
        "valid_from": D(2026, 1, 1),
        "valid_to": None,
        "label": "Groupe scolaire",
    }
    base.update(kw)
    return base


def test_save_rule_validates_every_field(db, operator, ids):
    with pytest.raises(ValidationError) as err:
        t.save_rule(
            db,
            operator,
            **rule_kwargs(
                ids,
                audience_id=9999,
                unit="consumable",
                step_minutes=15,
                amount_cents=None,
                valid_to=D(2025, 12, 31),
            ),
        )
    assert err.value.fields == {
        "audience_id": "unknown",
        "unit": "unit_kind",
        "step_minutes": "step_hour_only",
        "amount_cents": "required",
        "valid_to": "dates",
    }


def test_save_rule_refuses_an_overlap_of_the_same_key(db, operator, ids):
    rid = t.save_rule(db, operator, **rule_kwargs(ids, valid_to=D(2026, 6, 30)))
    with pytest.raises(ValidationError) as err:
        t.save_rule(db, operator, **rule_kwargs(ids, valid_from=D(2026, 6, 1)))
    assert err.value.fields == {"valid_from": "price_rule_overlap"}
    # Another public, another membership or the next day are fine.
    t.save_rule(db, operator, **rule_kwargs(ids, audience_id=ids["public"]))
    t.save_rule(db, operator, **rule_kwargs(ids, membership="member"))
    t.save_rule(db, operator, **rule_kwargs(ids, valid_from=D(2026, 7, 1)))
    # Editing a rule does not clash with itself.
    t.save_rule(
        db, operator, rule_id=rid, **rule_kwargs(ids, amount_cents=6500, valid_to=D(2026, 6, 30))
    )
    rows = t.list_rules(db, on=D(2026, 3, 1), kind="space")
    assert sorted(r.amount_cents for r in rows) == [6000, 6000, 6500]
    names = {(r.resource_name, r.audience_name, r.membership) for r in rows}
    assert ("Fablab", "", "any") in names and ("Fablab", "Grand public", "any") in names


def test_delete_rule_refused_once_a_usage_was_priced_with_it(db, operator, ids):
    unused = t.save_rule(db, operator, **rule_kwargs(ids, valid_to=D(2026, 6, 30)))
    used = t.save_rule(db, operator, **rule_kwargs(ids, valid_from=D(2026, 7, 1)))
    t.delete_rule(db, operator, unused)
    with db.write() as s:
        from datetime import UTC, datetime

        member = Member(number="A1", last_name="Martin")
        s.add(member)
        s.flush()
        usage = Usage(
            space_id=ids["fablab"],
            member_id=member.id,
            start_at=datetime(2026, 7, 2, 9, tzinfo=UTC),
            end_at=datetime(2026, 7, 2, 11, tzinfo=UTC),
            minutes=120,
        )
        s.add(usage)
        s.flush()
        s.add(
            UsageCharge(
                usage_id=usage.id, kind="flat", label="Fablab", list_cents=6000,
                reduction_cents=0, charged_cents=6000, rule_id=used,
            )
        )  # fmt: skip
    with pytest.raises(DomainError) as err:
        t.delete_rule(db, operator, used)
    assert err.value.code == "price_rule_used"
    assert [r.id for r in t.list_rules(db)] == [used]


# --------------------------------------------------------------------------- grid


def test_grid_shows_the_cells_in_force_for_the_membership(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    laser_price(db, operator, ids, 1800, D(2026, 7, 1))
    laser_price(db, operator, ids, 1000, D(2026, 1, 1), audience=None)
    laser_price(db, operator, ids, 2250, D(2026, 1, 1), membership="non_member")
    t.set_price(
        db, operator, kind="consumable", resource_id=ids["plywood"], audience_id=None,
        membership="any", unit="consumable", step_minutes=None, amount_cents=600,
        from_day=D(2026, 1, 1),
    )  # fmt: skip
    grid = t.tariff_grid(db, D(2026, 5, 1))
    assert grid.audiences == [
        (None, ""),
        (ids["public"], "Grand public"),
        (ids["jobseekers"], "Demandeurs d'emploi"),
    ]
    kinds = [(r.kind, r.name, r.unit_hint) for r in grid.resources]
    assert kinds == [
        ("machine", "Découpeuse laser", ""),
        ("category", "Découpe laser", ""),
        ("space", "Fablab", ""),
        ("consumable", "Contreplaqué 3 mm", "sheet"),
        ("consumable", "Filament PLA", "gram"),
    ]
    assert grid.cells[("machine", ids["laser"], ids["public"])].amount_cents == 1500
    assert grid.cells[("machine", ids["laser"], None)].amount_cents == 1000
    assert grid.cells[("consumable", ids["plywood"], None)].unit == "consumable"
    assert ("machine", ids["laser"], ids["jobseekers"]) not in grid.cells
    assert (
        t.tariff_grid(db, D(2026, 7, 1))
        .cells[("machine", ids["laser"], ids["public"])]
        .amount_cents
        == 1800
    )
    non_members = t.tariff_grid(db, D(2026, 5, 1), "non_member")
    assert {k: c.amount_cents for k, c in non_members.cells.items()} == {
        ("machine", ids["laser"], ids["public"]): 2250
    }


# --------------------------------------------------------------------------- CSV


def test_csv_export_then_import_round_trips(db, operator, ids, tmp_path):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    laser_price(db, operator, ids, 1850, D(2026, 7, 1))
    laser_price(db, operator, ids, 3000, D(2026, 1, 1), audience=None, membership="non_member")
    t.set_price(
        db, operator, kind="consumable", resource_id=ids["pla"], audience_id=None,
        membership="any", unit="consumable", step_minutes=None, amount_cents=10,
        from_day=D(2026, 1, 1),
    )  # fmt: skip
    text = tariff_csv.export_rules_csv(db)
    lines = text.splitlines()
    assert lines[0] == "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au"
    assert (
        "machine;Découpeuse laser;Grand public;tous;heure;15;15,00;01/01/2026;30/06/2026" in lines
    )
    assert "machine;Découpeuse laser;Tous publics;non_adherent;heure;15;30,00;01/01/2026;" in lines
    assert "consommable;Filament PLA;Tous publics;tous;unite;;0,10;01/01/2026;" in lines
    in_force = tariff_csv.export_rules_csv(db, D(2026, 8, 1))
    assert "18,50" in in_force and "15,00" not in in_force

    from tierslieu_desktop.db.engine import open_database

    other = open_database(str(tmp_path / "other.sqlite"))
    try:
        with db.read() as s, other.write() as o:
            for model in (Audience, Space, MachineCategory, Machine, Consumable):
                for row in s.scalars(select(model)):
                    cols = {c.key: getattr(row, c.key) for c in model.__table__.columns}
                    o.add(model(**cols))
        assert tariff_csv.import_rules_csv(other, None, "\ufeff" + text, D(2020, 1, 1)) == 4
        assert tariff_csv.export_rules_csv(other) == text
    finally:
        other.dispose()


def test_csv_import_applies_lines_from_the_given_day(db, operator, ids):
    laser_price(db, operator, ids, 1500, D(2026, 1, 1))
    text = (
        "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au\n"
        "machine;Découpeuse laser;Grand public;tous;heure;15;18;01/01/2026;\n"
        "consommable;contreplaqué 3 MM;Tous publics;tous;unite;;6,5;;\n"
        "categorie;Découpe laser;Demandeurs d'emploi;adherent;heure;;15.50 €;;\n"
    )
    assert tariff_csv.import_rules_csv(db, operator, text, D(2026, 7, 1)) == 3
    assert history(db, ids) == [
        (1500, D(2026, 1, 1), D(2026, 6, 30)),
        (1800, D(2026, 7, 1), None),
    ]
    amounts = {(r.kind, r.amount_cents, r.valid_from) for r in t.list_rules(db, on=D(2026, 7, 1))}
    assert ("consumable", 650, D(2026, 7, 1)) in amounts
    assert ("category", 1550, D(2026, 7, 1)) in amounts


@pytest.mark.parametrize(
    ("line", "field", "problem"),
    [
        ("robot;Découpeuse laser;Tous publics;tous;heure;;15,00;;", "type", "invalid"),
        ("machine;Inconnue;Tous publics;tous;heure;;15,00;;", "ressource", "unknown"),
        ("machine;Découpeuse laser;Retraités;tous;heure;;15,00;;", "public", "unknown"),
        ("machine;Découpeuse laser;Tous publics;parfois;heure;;15,00;;", "adhesion", "invalid"),
        ("machine;Découpeuse laser;Tous publics;tous;unite;;15,00;;", "unite", "invalid"),
        ("machine;Découpeuse laser;Tous publics;tous;seance;15;15,00;;", "pas_minutes", "invalid"),
        ("machine;Découpeuse laser;Tous publics;tous;heure;;quinze;;", "prix", "invalid"),
        ("machine;Découpeuse laser;Tous publics;tous;heure;;;;", "prix", "required"),
        ("machine;Découpeuse laser;Tous publics;tous;heure;;15,00;32/01/2026;", "du", "invalid"),
        (
            "machine;Découpeuse laser;Tous publics;tous;heure;;15;01/02/2026;01/01/2026",
            "au",
            "dates",
        ),
        ("machine;Découpeuse laser;Tous publics;tous;heure;15,00", "ligne", "columns"),
    ],
)
def test_a_bad_csv_line_is_refused_with_its_number_and_nothing_is_written(
    db, operator, ids, line, field, problem
):
    text = (
        "type;ressource;public;adhesion;unite;pas_minutes;prix;du;au\n"
        "machine;Découpeuse laser;Grand public;tous;heure;15;15,00;;\n"
        f"{line}\n"
    )
    with pytest.raises(CsvImportError) as err:
        tariff_csv.import_rules_csv(db, operator, text, D(2026, 1, 1))
    assert (err.value.line, err.value.field, err.value.problem) == (3, field, problem)
    assert err.value.params["line"] == 3 and err.value.params["field"] == field
    assert isinstance(err.value, DomainError)
    assert rule_count(db) == 0


def test_csv_header_is_checked(db, operator, ids):
    with pytest.raises(CsvImportError) as err:
        tariff_csv.import_rules_csv(db, operator, "nom;prix\nlaser;15\n", D(2026, 1, 1))
    assert (err.value.line, err.value.field) == (1, "header")


@pytest.mark.parametrize(
    ("text", "cents"),
    [("15,00", 1500), ("15", 1500), ("15,5", 1550), ("15.50 €", 1550), ("1 200,00", 120000),
     ("0,10", 10), ("15,555", None), ("-3", None), ("", None), ("abc", None)],
)  # fmt: skip
def test_parse_amount(text, cents):
    assert tariff_csv.parse_amount(text) == cents


# --------------------------------------------------------------------------- fees etc.


def test_fees_overlap_and_lookup(db, operator, ids):
    everyone = conditions.save_fee(
        db, operator, audience_id=None, duration="calendar_year", amount_cents=2000,
        valid_from=D(2026, 1, 1), valid_to=None, label="Adhésion",
    )  # fmt: skip
    reduced = conditions.save_fee(
        db, operator, audience_id=ids["jobseekers"], duration="calendar_year",
        amount_cents=1000, valid_from=D(2026, 1, 1), valid_to=None,
    )  # fmt: skip
    with pytest.raises(ValidationError) as err:
        conditions.save_fee(
            db, operator, audience_id=None, duration="calendar_year", amount_cents=2500,
            valid_from=D(2026, 6, 1), valid_to=None,
        )  # fmt: skip
    assert err.value.fields == {"valid_from": "fee_overlap"}
    with pytest.raises(ValidationError) as err:
        conditions.save_fee(
            db, operator, audience_id=None, duration="forever", amount_cents=-1,
            valid_from=D(2026, 6, 1), valid_to=D(2026, 1, 1),
        )  # fmt: skip
    assert err.value.fields == {
        "duration": "invalid", "amount_cents": "negative", "valid_to": "dates"
    }  # fmt: skip
    assert conditions.fee_for(db, ids["jobseekers"], "calendar_year", D(2026, 3, 1)).id == reduced
    assert conditions.fee_for(db, ids["public"], "calendar_year", D(2026, 3, 1)).id == everyone
    assert conditions.fee_for(db, ids["public"], "calendar_year", D(2025, 3, 1)) is None
    assert [f.audience_name for f in conditions.list_fees(db)] == ["", "Demandeurs d'emploi"]


def test_reductions_and_quotas(db, operator, ids):
    rid = conditions.save_reduction(
        db, operator, audience_id=ids["jobseekers"], scope_kind=None, scope_id=None,
        percent_bp=5000, valid_from=D(2026, 1, 1), valid_to=None, label="Solidaire",
    )  # fmt: skip
    with pytest.raises(ValidationError) as err:
        conditions.save_reduction(
            db, operator, audience_id=None, scope_kind="machine", scope_id=9999,
            percent_bp=0, valid_from=D(2026, 1, 1), valid_to=None,
        )  # fmt: skip
    assert err.value.fields == {
        "audience_id": "required", "scope_id": "unknown", "percent_bp": "percent"
    }  # fmt: skip
    conditions.end_reduction(db, operator, rid, D(2026, 6, 30))
    assert [r.id for r in conditions.list_reductions(db, on=D(2026, 6, 30))] == [rid]
    assert conditions.list_reductions(db, on=D(2026, 7, 1)) == []
    with pytest.raises(ValidationError):
        conditions.end_reduction(db, operator, rid, D(2025, 1, 1))

    qid = conditions.save_quota(
        db, operator, audience_id=ids["jobseekers"], scope_kind="category",
        scope_id=ids["laser_cat"], free_minutes_per_month=180, valid_from=D(2026, 1, 1),
        valid_to=None,
    )  # fmt: skip
    row = conditions.list_quotas(db, on=D(2026, 2, 1))[0]
    assert (row.id, row.scope_name, row.free_minutes_per_month) == (qid, "Découpe laser", 180)
    with pytest.raises(ValidationError) as err:
        conditions.save_quota(
            db, operator, audience_id=ids["jobseekers"], scope_kind="consumable",
            scope_id=ids["pla"], free_minutes_per_month=0, valid_from=D(2026, 1, 1),
            valid_to=None,
        )  # fmt: skip
    assert err.value.fields == {"scope_kind": "invalid", "free_minutes_per_month": "positive"}
    conditions.end_quota(db, operator, qid, D(2026, 12, 31))
    assert conditions.list_quotas(db)[0].valid_to == D(2026, 12, 31)


def test_pack_types(db, operator, ids):
    pid = catalogue.save_pack_type(
        db, operator, name="Laser 10 h", scope_kind="machine", scope_id=ids["laser"],
        minutes=600, validity_months=12, price_cents=15000,
    )  # fmt: skip
    with pytest.raises(ValidationError) as err:
        catalogue.save_pack_type(
            db, operator, name="laser 10 H", scope_kind=None, scope_id=None,
            minutes=0, validity_months=12, price_cents=-1,
        )  # fmt: skip
    assert err.value.fields == {
        "name": "name_taken", "minutes": "positive", "price_cents": "negative"
    }  # fmt: skip
    [row] = catalogue.list_pack_types(db)
    assert (row.id, row.scope_name, row.minutes, row.price_cents) == (
        pid, "Découpeuse laser", 600, 15000
    )  # fmt: skip
    catalogue.set_pack_type_archived(db, operator, pid, True)
    assert catalogue.list_pack_types(db) == []
    assert catalogue.list_pack_types(db, include_archived=True)[0].archived


def test_stock_levels(db, operator, ids):
    assert catalogue.stock_levels(db) == []
    catalogue.set_consumable_stock(db, operator, ids["pla"], 4_000_000, 2_000_000)
    catalogue.set_consumable_stock(db, operator, ids["plywood"], 3_000, 5_000)
    rows = {r.name: (r.stock_milli, r.low) for r in catalogue.stock_levels(db)}
    assert rows == {"Filament PLA": (4_000_000, False), "Contreplaqué 3 mm": (3_000, True)}
    with pytest.raises(ValidationError) as err:
        catalogue.set_consumable_stock(db, operator, ids["pla"], -1, None)
    assert err.value.fields == {"stock_milli": "negative"}
    catalogue.set_consumable_stock(db, operator, ids["plywood"], None, None)
    assert [r.name for r in catalogue.stock_levels(db)] == ["Filament PLA"]


def test_empty_cells_show_the_price_that_applies_and_where_it_comes_from(db, operator, ids):
    """A machine without its own price is charged its category's; a public without its own
    price the every-public one; members, when they have no price of their own, the price
    for everyone — the grid says so instead of looking empty."""
    t.set_price(
        db, operator, kind="category", resource_id=ids["laser_cat"], audience_id=None,
        membership="any", unit="hour", step_minutes=15, amount_cents=1200,
        from_day=D(2026, 1, 1),
    )  # fmt: skip
    laser_price(db, operator, ids, 900, D(2026, 1, 1), audience="jobseekers")
    grid = t.tariff_grid(db, D(2026, 5, 1))
    from_category = grid.inherited[("machine", ids["laser"], ids["public"])]
    assert (from_category.amount_cents, from_category.source_kind) == (1200, "category")
    assert from_category.source_name == "Découpe laser"
    assert from_category.source_audience_id is None
    assert ("machine", ids["laser"], ids["jobseekers"]) not in grid.inherited  # its own
    assert ("category", ids["laser_cat"], None) not in grid.inherited  # its own too
    assert grid.inherited[("category", ids["laser_cat"], ids["jobseekers"])].amount_cents == 1200
    assert ("consumable", ids["pla"], None) not in grid.inherited  # no price at all

    members = t.tariff_grid(db, D(2026, 5, 1), "member")
    assert members.cells == {}
    seekers = members.inherited[("machine", ids["laser"], ids["jobseekers"])]
    assert (seekers.amount_cents, seekers.source_membership) == (900, "any")
    # Before any rule is in force, nothing applies.
    assert t.tariff_grid(db, D(2025, 5, 1)).inherited == {}
