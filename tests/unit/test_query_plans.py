"""The hot queries read through their intended index (issue 14): ``EXPLAIN QUERY PLAN``
of the statements the services really run, so that a schema or query change cannot
silently turn a bounded read into a scan of the whole history.

SQLite plans from its heuristics (the app never runs ANALYZE), so a small database
gets the plans of the large one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Executable, event
from sqlalchemy.engine import Engine

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import InvoiceOpen
from tierslieu_desktop.services.billing import baskets, documents, payments
from tierslieu_desktop.services.finance import balance as balance_service
from tierslieu_desktop.services.people.members import (
    count_members,
    homonyms_among,
    search_members,
)
from tierslieu_desktop.services.people.structure import StructureData, save_structure
from tierslieu_desktop.services.scheduling.bookings import list_bookings, overlap_stmt
from tierslieu_desktop.services.scheduling.usages import today_overview, today_stmts

# PostgreSQL plans by its statistics, not by these heuristics: its plans are not these
pytestmark = pytest.mark.sqlite_only(reason="reads SQLite's EXPLAIN QUERY PLAN")

DAY = date(2026, 12, 7)
MOMENT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _explain(engine: Engine, statement: str, parameters: Any) -> str:
    raw = engine.raw_connection()
    try:
        rows = raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
    finally:
        raw.close()
    return "\n".join(str(r[3]) for r in rows)


@contextmanager
def _captured(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """The SELECTs a service runs, with their parameters as sent to SQLite."""
    seen: list[tuple[str, Any]] = []

    def hook(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", hook)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", hook)


def plans_of(db: Database, call: Callable[[], object]) -> list[str]:
    """The query plan of every SELECT that ``call`` runs."""
    with _captured(db) as seen:
        call()
    return [_explain(db.engine, statement, params) for statement, params in seen]


def plan_of(db: Database, stmt: Executable) -> str:
    def run() -> None:
        with db.read() as session:
            session.execute(stmt).all()

    (plan,) = [p for p in plans_of(db, run) if p]
    return plan


def the_one(plans: list[str], marker: str) -> str:
    """The plan of the query reading ``marker`` (a table) first."""
    found = [p for p in plans if marker in p]
    assert found, f"no query reads {marker}:\n" + "\n---\n".join(plans)
    return found[0]


def _add_open_invoice(db: Database) -> None:
    """A running balance row (no invoice behind it: the statements run, nothing is found)."""
    with db.write() as session:
        session.add(InvoiceOpen(invoice_id=1, left_cents=100))


def test_unpaid_reads_the_open_invoices_only(db):
    """The unpaid list reads the running balances of the open invoices, then each of
    those invoices by its key: never the payments nor the whole invoice table."""
    _add_open_invoice(db)
    plans = plans_of(db, lambda: payments.unpaid(db, DAY))
    assert "SCAN invoice_open" in plans[0]
    invoices = the_one(plans, "SEARCH invoice ")
    assert "SEARCH invoice USING INTEGER PRIMARY KEY (rowid=?)" in invoices
    every = "\n".join(plans) + "\n"
    assert "payment" not in every
    assert "SCAN invoice\n" not in every


def test_the_recomputed_balances_sum_each_invoice_once_through_indexes(db):
    """The reference the running balances are checked against: one GROUP BY per index."""
    plans = plans_of(db, lambda: payments.recomputed_open_balances(db))
    plan = the_one(plans, "invoice")
    assert "ix_invoice_credited_invoice_id" in plan  # the credit notes of an invoice
    assert "ix_payment_invoice_id" in plan
    assert "CORRELATED" not in plan  # not one subquery per invoice


def test_to_collect_reads_only_the_usages_since_the_invoicing_start(db):
    save_structure(db, None, StructureData(name="Lab"))
    baskets.set_invoicing_start(db, None, date(2026, 11, 1))
    plans = plans_of(db, lambda: baskets.to_collect(db))
    usages = the_one(plans, "usage_charge")
    assert "INDEX ix_usage_start (start_at>?)" in usages
    assert "INDEX ix_usage_charge_usage_id (usage_id=?)" in usages
    assert "ix_invoice_line_usage_id (usage_id=?)" in usages  # billed: looked up per usage
    assert "ix_basket_status (status=?)" in usages  # the open baskets only
    for table in ("usage_charge", "invoice_line", "basket ", "basket_line"):
        assert f"SCAN {table}" not in usages + "\n"
    tickets = the_one(plans, "registration")
    assert "ix_basket_line_registration_id (registration_id=?)" in tickets
    assert "SCAN basket_line" not in tickets


def test_today_overview_reads_the_day_by_start(db):
    forgotten, of_day = today_stmts(DAY)
    assert "SEARCH booking USING INDEX ix_booking_start (start_at>? AND start_at<?)" in plan_of(
        db, forgotten
    )
    # Not the session index alone: "IS NULL" matches almost every booking.
    assert (
        "SEARCH booking USING INDEX ix_booking_session_start "
        "(activity_session_id=? AND start_at>? AND start_at<?)"
    ) in plan_of(db, of_day)
    plans = plans_of(db, lambda: today_overview(db, DAY, MOMENT))
    assert len([p for p in plans if "booking" in p]) == 2
    assert all("start_at>? AND start_at<?" in p for p in plans if "booking" in p)


@pytest.mark.parametrize(
    ("machine", "space", "index"),
    [(1, None, "ix_booking_machine_blocked (machine_id=?"), (None, 1, "ix_booking_space_blocked")],
)
def test_overlap_check_reads_only_the_bookings_still_blocking(db, machine, space, index):
    plan = plan_of(db, overlap_stmt(machine, space, MOMENT, MOMENT + timedelta(hours=2), 5))
    assert f"SEARCH booking USING INDEX {index}" in plan
    assert "blocked_until>?)" in plan  # bounded below: not every earlier booking
    assert "TEMP B-TREE" not in plan  # read in order, stops at the first


def test_week_view_reads_the_week_by_start(db):
    plans = plans_of(db, lambda: list_bookings(db, MOMENT, MOMENT + timedelta(days=7)))
    assert "SEARCH booking USING INDEX ix_booking_start (start_at>? AND start_at<?)" in the_one(
        plans, "booking"
    )


@pytest.mark.parametrize("words", ["", "ma", "e m"])
def test_member_search_matches_on_the_index_and_reads_one_page(db, words):
    plan = the_one(plans_of(db, lambda: search_members(db, words)), "member")
    # The page's ids: every word matched on the covering index, in name order (only
    # the ties of a name sorted apart), never the member rows themselves.
    assert (
        "SEARCH member USING COVERING INDEX ix_member_archived_sort_search (archived=?)"
    ) in plan
    assert "SCAN member" not in plan
    # Then the rows of that page only, each with its membership end through its index.
    assert "SEARCH member USING INTEGER PRIMARY KEY (rowid=?)" in plan
    assert "ix_membership_member_id (member_id=?)" in plan
    counted = the_one(plans_of(db, lambda: count_members(db, words)), "member")
    assert counted == (
        "SEARCH member USING COVERING INDEX ix_member_archived_sort_search (archived=?)"
    )


def test_the_namesakes_of_the_day_are_found_on_the_member_index(db):
    # Accueil names each member of the day's bookings apart from a namesake: one index
    # search per member asked, never a scan of every member (issue 14: 20,000 members
    # read for each booking of the day delayed the first figures by 50 ms).
    plan = the_one(plans_of(db, lambda: homonyms_among(db, [1, 2, 3])), "member")
    assert "SEARCH member USING INTEGER PRIMARY KEY (rowid=?)" in plan
    assert (
        "SEARCH member_1 USING INDEX ix_member_archived_sort_search (archived=? AND sort_name=?)"
        in plan
    )
    assert "SCAN" not in plan


def test_invoice_list_of_a_period_reads_it_by_date(db):
    plans = plans_of(
        db,
        lambda: documents.list_invoices(db, first_day=date(2026, 12, 1), last_day=DAY),
    )
    plan = the_one(plans, "invoice")
    assert "SEARCH invoice USING INDEX ix_invoice_issued (issued_at>? AND issued_at<?)" in plan
    # Each row's paid and credited sums: index lookups, never a scan of the invoices.
    assert "ix_invoice_credited_invoice_id (credited_invoice_id=?)" in plan
    assert "ix_payment_invoice_id (invoice_id=?)" in plan
    assert "SCAN" not in plan


def test_balance_sums_a_period_from_covering_indexes(db):
    """The Finances page's balance: the invoice lines and the usage charges of the period
    summed from their indexes alone (migration 0009), the rows never visited."""
    save_structure(db, None, StructureData(name="Lab"))
    plans = plans_of(db, lambda: balance_service.balance(db, date(2026, 1, 1), DAY))
    lines = the_one(plans, "invoice_line")
    assert (
        "SEARCH invoice USING COVERING INDEX ix_invoice_issued (issued_at>? AND issued_at<?)"
        in (lines)
    )
    assert "SEARCH invoice_line USING COVERING INDEX ix_invoice_line_invoice_id (invoice_id=?)" in (
        lines
    )
    charges = the_one(plans, "usage_charge")
    assert "SEARCH usage USING COVERING INDEX ix_usage_start (start_at>? AND start_at<?)" in charges
    assert "COVERING INDEX ix_usage_charge_usage_id (usage_id=?)" in charges
    assert "SCAN usage" not in charges + "\n"


def test_the_opening_entry_finds_open_documents_without_reading_the_whole_history(db):
    """The AN entry's open receivables: the documents still open, the ones paid since
    the year's first day (through the payments' time index) and the few credit notes —
    never a scan of every invoice or payment ever recorded."""
    from tierslieu_desktop.domain.calendar import local_dt
    from tierslieu_desktop.services.finance.journal.opening import _open_documents

    _add_open_invoice(db)

    def run() -> None:
        with db.read() as session:
            _open_documents(session, local_dt(date(2026, 1, 1), 0))

    plans = plans_of(db, run)
    every = "\n".join(plans) + "\n"
    assert "SCAN invoice\n" not in every
    assert "SCAN payment" not in every
    assert "SEARCH payment USING COVERING INDEX ix_payment_at (at>?)" in every


def test_the_opening_entry_sums_the_earlier_years_from_indexes(db):
    """The AN entry's sums over the earlier years (VAT of the documents, payments per
    method, card payments per day) read the time indexes alone, never the tables."""
    from tierslieu_desktop.services.finance.journal.core import saved_accounts
    from tierslieu_desktop.services.finance.journal.opening import _sales_sums

    save_structure(db, None, StructureData(name="Lab"))

    def run() -> None:
        with db.read() as session:
            numbers = {k: n for k, (n, _label) in saved_accounts(session)[0].items()}
            list(_sales_sums(session, date(2026, 1, 1), numbers))

    every = "\n".join(plans_of(db, run)) + "\n"
    assert "SCAN invoice\n" not in every and "SCAN payment" not in every
    assert "SEARCH invoice USING COVERING INDEX ix_invoice_issued (issued_at<?)" in every
    assert "SEARCH payment USING COVERING INDEX ix_payment_at (at<?)" in every


def test_what_was_billed_before_the_software_reads_the_window_only(db):
    """The memberships of the window are found through their start-day index, and the
    invoiced line that sold each one by one probe of the partial index on membership
    lines (start, end, public): never a scan of every membership or basket line, nor
    a walk through every basket of the member."""
    from tierslieu_desktop.services.finance.own_revenue import pre_software_items

    def run() -> None:
        with db.read() as session:
            pre_software_items(session, (date(2026, 1, 1), date(2026, 6, 30)))

    every = "\n".join(plans_of(db, run)) + "\n"
    assert "SCAN membership" not in every and "SCAN basket_line" not in every
    assert "ix_membership_start (start_date>? AND start_date<?)" in every
    assert (
        "ix_basket_line_membership "
        "(membership_start=? AND membership_end=? AND membership_audience_id=?)" in every
    )


def test_the_cheques_waiting_are_chosen_before_their_invoice_is_read(db):
    """Caisse › Remises (issue 14): the cheques waiting for the bank are chosen by their
    last slip's round, one seek in the (payment, round) index per cheque, before the
    invoice (drawer, number) is read — a decade of deposited cheques is not read to keep
    the dozen waiting; never a GROUP BY of every slip line ever."""
    from tierslieu_desktop.services.billing import deposits

    plan = the_one(plans_of(db, lambda: deposits.undeposited_cheques(db)), "bank_deposit_cheque")
    assert "SCAN bank_deposit_cheque" not in plan and "MATERIALIZE" not in plan
    rounds = plan.index("SEARCH bank_deposit_cheque USING COVERING INDEX")
    assert rounds < plan.index("SEARCH invoice USING INTEGER PRIMARY KEY")
