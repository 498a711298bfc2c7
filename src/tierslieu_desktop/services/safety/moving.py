"""Moving a lab's database to another engine (issue 20): an SQLite file onto the lab's
PostgreSQL server, or back. Every table of the models is copied row by row with its ids,
in an order where each row finds the rows it points to, in ONE transaction on the target
(all or nothing). The target must be empty (its schema is made by the migrations when it
is opened); afterwards the row counts of every table are compared and both sides are
verified (the integrity chain recomputed from the copied rows: a copy that changed one
value of a sealed row would not verify). PostgreSQL's sequences follow the copied ids
(``db.engine``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, func, insert, select

from tierslieu_desktop.db.engine import Database
from tierslieu_desktop.db.models import Base
from tierslieu_desktop.domain.errors import DomainError
from tierslieu_desktop.domain.permissions import Permission
from tierslieu_desktop.services.access import guarded
from tierslieu_desktop.services.safety.integrity import verify

BATCH = 2000
# Rows the migrations themselves write in a new database: the copy replaces them with the
# source's (the identity names the anchor log outside the file: the moved lab keeps its own).
MADE_BY_MIGRATIONS = frozenset({"database_identity"})
# Neither copied nor counted: the live refresh's log of the desks' recent changes (issue
# 20, db.changes), which every write on an SQLite file adds to and the desks of the moved
# lab never read.
NOT_MOVED = frozenset({"change_log"})


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_MOVED]


Progress = Callable[[str, int, int], None]  # table, rows copied, rows of that table


@dataclass(frozen=True)
class MoveReport:
    counts: dict[str, int]  # table -> rows copied (equal on both sides)
    source_problems: int  # verify's findings on the source (0: sound)
    target_problems: int  # and on the target after the copy


@guarded(Permission.BACKUPS)
def row_counts(db: Database) -> dict[str, int]:
    """Every model table's row count."""
    return _row_counts_impl(db)


def _row_counts_impl(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t.name: int(s.scalar(select(func.count()).select_from(t)) or 0) for t in _tables()}


@guarded(Permission.BACKUPS)
def move_database(
    source: Database, target: Database, progress: Progress | None = None
) -> MoveReport:
    """Copy ``source`` into the empty ``target``.

    Raises ``DomainError("target_not_empty", table=...)`` when the target holds a row,
    ``DomainError("source_unsound", problems=N)`` when the source does not verify (a
    damaged chain is not carried over silently: restore a backup first), and
    ``DomainError("move_mismatch", table=..., source=..., target=...)`` when a count
    differs after the copy (then the target is left as it was: empty)."""
    for name, count in _row_counts_impl(target).items():
        if count and name not in MADE_BY_MIGRATIONS:
            raise DomainError("target_not_empty", table=name, rows=count)
    before = verify(source)
    if before:
        raise DomainError("source_unsound", problems=len(before))
    counts = _row_counts_impl(source)
    with source.engine.connect() as src, target.engine.begin() as dst:
        for name in MADE_BY_MIGRATIONS:
            dst.execute(Base.metadata.tables[name].delete())
        for table in _tables():
            total, done = counts[table.name], 0
            order = list(table.primary_key.columns) or list(table.columns)
            result = src.execution_options(stream_results=True).execute(
                select(table).order_by(*order)
            )
            while rows := result.fetchmany(BATCH):
                dst.execute(insert(table), [dict(r._mapping) for r in rows])
                done += len(rows)
                if progress is not None:
                    progress(table.name, done, total)
        copied = {
            t.name: int(dst.scalar(select(func.count()).select_from(t)) or 0) for t in _tables()
        }
        for name, count in counts.items():
            if copied[name] != count:  # raised inside the transaction: nothing stays
                raise DomainError("move_mismatch", table=name, source=count, target=copied[name])
    after = verify(target)
    return MoveReport(counts=counts, source_problems=0, target_problems=len(after))
