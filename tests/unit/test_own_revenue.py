"""Own revenue, every euro once (issue 16): a usage, membership, pack or ticket is counted
either on the invoice the software issued for it or, when none did and it is dated before
the invoicing start day, as billed before the software — never both, whatever the start
day and the order in which the start day was set and the invoices issued."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tierslieu_desktop.db.models import (
    Activity,
    ActivitySession,
    Audience,
    Member,
    MemberPack,
    Membership,
    PackType,
    Registration,
    Space,
    Structure,
    Usage,
    UsageCharge,
)
from tierslieu_desktop.domain.calendar import local_dt
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.finance import is_pre_software, pre_software_note
from tierslieu_desktop.services.billing import baskets, documents
from tierslieu_desktop.services.finance import balance as balance_service

Y = 2025
JAN1, DEC31 = date(Y, 1, 1), date(Y, 12, 31)
BASE = date(Y, 3, 1)
KINDS = ("usage", "membership", "pack", "ticket")


def _add(db, *objects):
    with db.write() as s:
        s.add_all(objects)
        s.flush()
        return [o.id for o in objects]


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 14, tzinfo=UTC)


def _lab(db):
    _add(
        db,
        Structure(
            id=1,
            name="Fab'Causse",
            siret="73282932000074",
            address="2 place de la Halle",
            postcode="46160",
            city="Cajarc",
            vat_regime="exempt_non_profit",
        ),
    )
    audience, space = _add(db, Audience(name="Grand public"), Space(name="Fablab", kind="fablab"))
    (activity,) = _add(db, Activity(name="Atelier", kind="workshop"))
    return audience, space, activity


def _item(db, i, kind, day, amount, invoiced, lab):
    """Make the thing (or, for an invoiced membership or pack, the member who will buy
    it). Returns (member id, reference or None until invoiced, pack type id)."""
    audience, space, activity = lab
    (member,) = _add(
        db,
        Member(
            number=f"T{i:05}",
            first_name="Test",
            last_name=f"N{i}",
            sort_name=f"n{i}",
            audience_id=audience,
        ),
    )
    if kind == "usage":
        start = local_dt(day, 10 * 60)
        (uid,) = _add(
            db,
            Usage(
                space_id=space,
                member_id=member,
                start_at=start,
                end_at=start + timedelta(hours=1),
                minutes=60,
            ),
        )
        _add(
            db,
            UsageCharge(
                usage_id=uid,
                kind="time",
                label="Fablab",
                list_cents=amount,
                reduction_cents=0,
                charged_cents=amount,
            ),
        )
        return member, f"U{uid}", None
    if kind == "ticket":
        start = local_dt(day, 14 * 60)
        (sid,) = _add(
            db,
            ActivitySession(
                activity_id=activity, start_at=start, end_at=start + timedelta(hours=2), capacity=9
            ),
        )
        (rid,) = _add(
            db,
            Registration(
                session_id=sid,
                member_id=member,
                status="registered",
                queued_at=start - timedelta(days=3),
                price_cents=amount,
            ),
        )
        return member, f"R{rid}", None
    if kind == "pack":
        (type_id,) = _add(
            db, PackType(name=f"Pack {i}", minutes=600, validity_months=12, price_cents=amount)
        )
        if not invoiced:
            (pid,) = _add(
                db,
                MemberPack(
                    member_id=member,
                    pack_type_id=type_id,
                    purchased_on=day,
                    expires_on=day + timedelta(days=364),
                    minutes_total=600,
                    price_cents=amount,
                ),
            )
            return member, f"P{pid}", type_id
        return member, None, type_id
    if not invoiced:
        _add(
            db,
            Membership(
                member_id=member,
                audience_id=audience,
                start_date=day,
                end_date=day + timedelta(days=364),
                fee_cents=amount,
            ),
        )
    return member, f"M{member}", None


def _invoice(db, kind, member, day, amount, pack_type, lab, issued: date) -> bool:
    """Issue the invoice of one thing on ``issued``; False when the desk does not propose
    it (a usage or ticket before the invoicing start, once the start day is set)."""
    basket = baskets.open_basket(db, None, member)
    if kind == "membership":
        baskets.add_membership_line(
            db,
            None,
            basket,
            audience_id=lab[0],
            start=day,
            end=day + timedelta(days=364),
            fee_cents=amount,
        )
    elif kind == "pack":
        baskets.add_pack_line(db, None, basket, pack_type)
    try:
        documents.validate_basket(db, None, basket, [], issued_at=_at(issued))
    except DomainError as err:
        assert err.code == "basket_empty"
        baskets.cancel_basket(db, None, basket)
        return False
    return True


items_strategy = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(0, 150),  # the thing's day after BASE
        st.integers(1, 9000),  # its amount
        st.booleans(),  # invoiced by the software?
        st.integers(0, 150),  # the invoice's day after BASE
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    items=items_strategy,
    start_offset=st.one_of(st.none(), st.integers(0, 160)),
    order=st.randoms(use_true_random=False),
    start_position=st.integers(0, 8),
    cut=st.integers(0, 300),
)
def test_every_item_is_counted_exactly_once(
    tmp_path_factory, items, start_offset, order, start_position, cut
):
    from tierslieu_desktop.db.engine import open_database

    db = open_database(str(tmp_path_factory.mktemp("own") / "db.sqlite"))
    try:
        lab = _lab(db)
        made = []
        for i, (kind, offset, amount, invoiced, inv_offset) in enumerate(items):
            day = BASE + timedelta(days=offset)
            member, ref, pack_type = _item(db, i, kind, day, amount, invoiced, lab)
            made.append([kind, day, amount, invoiced, BASE + timedelta(days=inv_offset), member])
            made[-1] += [ref, pack_type]
        start = BASE + timedelta(days=start_offset) if start_offset is not None else None
        # the invoices, in any order, with the start day set somewhere among them
        to_invoice = [i for i, m in enumerate(made) if m[3]]
        order.shuffle(to_invoice)
        position = min(start_position, len(to_invoice))
        events = [*to_invoice[:position], "start", *to_invoice[position:]]
        invoiced_on: dict[int, date] = {}
        for event in events:
            if event == "start":
                baskets.set_invoicing_start(db, None, start)
                continue
            kind, day, amount, _inv, issued, member, _ref, pack_type = made[event]
            if _invoice(db, kind, member, day, amount, pack_type, lab, issued):
                invoiced_on[event] = issued
        # what each thing should count for, once
        expected_invoiced = sum(made[i][2] for i in invoiced_on)
        pre = {
            i: m
            for i, m in enumerate(made)
            if is_pre_software(m[1], start, i in invoiced_on)
            and not (m[0] in ("membership", "pack") and m[3])  # bought by its invoice
        }
        b = balance_service.balance(db, JAN1, DEC31)
        assert b.invoiced_cents == expected_invoiced
        assert b.pre_software_cents == sum(m[2] for m in pre.values())
        assert b.own_cents == expected_invoiced + b.pre_software_cents
        # the pre-software lines are exactly the things no invoice carries, each once
        rows = [r for r in balance_service.details(db, "own", JAN1, DEC31)]
        pre_refs = [r.reference for r in rows if r.source not in ("invoice", "credit_note")]
        assert sorted(pre_refs) == sorted(m[6] for m in pre.values())
        assert sum(r.amount_cents for r in rows) == b.own_cents
        by_kind: dict[str, int] = {}
        for m in pre.values():
            by_kind[m[0]] = by_kind.get(m[0], 0) + m[2]
        assert b.pre_software_by_kind == by_kind
        # any cut of the year adds up to the whole
        middle = JAN1 + timedelta(days=cut)
        first = balance_service.balance(db, JAN1, middle)
        second = balance_service.balance(db, middle + timedelta(days=1), DEC31)
        assert first.own_cents + second.own_cents == b.own_cents
        assert first.pre_software_cents + second.pre_software_cents == b.pre_software_cents
    finally:
        db.dispose()


def test_a_usage_invoiced_before_the_start_day_was_moved_counts_once(db, operator):
    """The demo's case: usages invoiced by the software, then the start day set later
    than them — they stay on their invoice and are not billed-before-the-software too."""
    lab = _lab(db)
    member, ref, _ = _item(db, 1, "usage", date(Y, 3, 2), 2400, True, lab)
    _item(db, 2, "usage", date(Y, 3, 3), 1000, False, lab)
    assert _invoice(db, "usage", member, date(Y, 3, 2), 2400, None, lab, date(Y, 3, 20))
    baskets.set_invoicing_start(db, operator, date(Y, 4, 1))
    b = balance_service.balance(db, JAN1, DEC31)
    assert (b.own_cents, b.invoiced_cents, b.pre_software_cents) == (3400, 2400, 1000)
    assert b.pre_software_by_kind == {"usage": 1000}
    rows = balance_service.details(db, "own", JAN1, DEC31)
    assert [r.reference for r in rows if r.source == "usage"] != [ref]
    assert sorted(r.amount_cents for r in rows) == [1000, 2400]


def test_the_pre_software_note_says_what_and_until_when():
    def money(cents: int) -> str:
        return f"{cents / 100:.2f} €"

    note = pre_software_note(date(2026, 10, 25), 123450, {"usage": 1, "membership": 1}, money)
    assert note == (
        "Facturé avant l'utilisation du logiciel : 1234.50 € (usages et adhésions antérieurs "
        "au 25/10/2026 sans facture émise par le logiciel)."
    )
    assert pre_software_note(None, 100, {"usage": 100}, money) == ""


def test_the_funder_report_counts_its_machines_revenue_by_the_same_rule(db, operator):
    from tierslieu_desktop.db.models import Machine, MachineCategory
    from tierslieu_desktop.services.finance import funding
    from tierslieu_desktop.services.reporting.grant import grant_figures

    lab = _lab(db)
    (cat,) = _add(db, MachineCategory(name="Laser"))
    (laser,) = _add(db, Machine(name="Laser", category_id=cat, space_id=lab[1]))

    def machine_usage(i, day, amount):
        member, ref, _ = _item(db, i, "usage", day, amount, False, lab)
        with db.write() as s:
            u = s.get(Usage, int(ref[1:]))
            u.space_id, u.machine_id = None, laser
        return member

    invoiced = machine_usage(1, date(Y, 3, 2), 2400)  # invoiced, then the start day set later
    machine_usage(2, date(Y, 3, 3), 1000)  # billed before the software
    machine_usage(3, date(Y, 5, 3), 500)  # after the start day, not invoiced yet: not revenue
    assert _invoice(db, "usage", invoiced, date(Y, 3, 2), 2400, None, lab, date(Y, 3, 20))
    baskets.set_invoicing_start(db, operator, date(Y, 4, 1))
    funder = funding.save_funder(db, operator, name="Région", sector="public", level="region")
    gid = funding.save_grant(
        db, operator, funder_id=funder, purpose="Laser", nature="investment",
        period_start=JAN1, period_end=DEC31, requested_cents=1000_00, granted_cents=1000_00,
        machine_ids=[laser],
    )  # fmt: skip
    # an investment grant is reported against its machines: the laser's own revenue
    (laser_row,) = grant_figures(db, gid).investment
    assert laser_row.revenue_cents == 2400 + 1000
    b = balance_service.balance(db, JAN1, DEC31)
    assert b.own_cents == 2400 + 1000
