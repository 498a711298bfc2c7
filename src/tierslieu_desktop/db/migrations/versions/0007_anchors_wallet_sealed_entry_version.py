"""anchors: database identity, sealed wallet movements, versioned chain entries

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 08:00:00

- ``database_identity``: one row, a random identity naming the anchor log outside the
  file (services.safety.anchors).
- ``integrity_entry.version``: 1 for the entries written before (footprint = previous +
  content hash), 2 for new ones (the sealing time, record kind and id are sealed too).
- wallet movements (prepaid money) are sealed: record kind 'wallet', the existing ones
  sealed here in id order at the end of the chain, and protected by triggers like 0004's.

The canonical JSON and the version 2 footprint are copied here (frozen) from
services.chain: a migration never imports the services.
"""

import hashlib
import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from tierslieu_desktop.db.models import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OLD_KINDS = "record_kind IN ('invoice', 'credit_note', 'payment', 'closing')"
NEW_KINDS = "record_kind IN ('invoice', 'credit_note', 'payment', 'closing', 'wallet')"


def _change_check(table: str, name: str, old: str, new: str) -> None:
    """Replace a CHECK constraint that every existing row also satisfies in its new form
    (as 0006 does: SQLite's documented in-place change, no table copy)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        # op.f: the name as written (the naming convention would prefix it again)
        op.drop_constraint(op.f(f"ck_{table}_{name}"), table, type_="check")
        op.create_check_constraint(op.f(f"ck_{table}_{name}"), table, new)
        return
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    # counted first: the UPDATE's row count is not reliable on sqlite_master
    done = bind.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ? "
        "AND instr(sql, ?) > 0",
        (table, f"CHECK ({old})"),
    ).scalar_one()
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
        (f"CHECK ({old})", f"CHECK ({new})", table),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema=OFF")
    if done != 1:
        raise RuntimeError(f"check constraint {name} of {table} not found")


def _canon(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _digest(content: dict[str, Any]) -> str:
    raw = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _wallet_content(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in dict(row).items():
        if key == "member_id":
            value = hashlib.sha256(f"member:{int(value)}".encode()).hexdigest()
            key = "member_ref"
        out[key] = _canon(value)
    return out


def _footprint_v2(previous: str, digest: str, at: datetime, kind: str, record_id: int) -> str:
    return _digest(
        {
            "v": 2,
            "previous": previous,
            "content_hash": digest,
            "at": _canon(at),
            "record_kind": kind,
            "record_id": int(record_id),
        }
    )


def upgrade() -> None:
    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_database_identity_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")),
    )
    now = datetime.now(UTC)
    identity = sa.table(
        "database_identity",
        sa.column("id", sa.Integer()),
        sa.column("identity", sa.String()),
        sa.column("created_at", UTCDateTime()),
    )
    op.execute(identity.insert().values(id=1, identity=uuid.uuid4().hex, created_at=now))

    # Plain ADD COLUMN (a constant default): integrity_entry is sealed, never copied.
    op.add_column(
        "integrity_entry",
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    _change_check("integrity_entry", "kind", OLD_KINDS, NEW_KINDS)

    # the wallet movements written so far, sealed in id order at the end of the chain
    bind = op.get_bind()
    wallet = sa.table(
        "wallet_movement",
        sa.column("id", sa.Integer()),
        sa.column("member_id", sa.Integer()),
        sa.column("at", UTCDateTime()),
        sa.column("amount_cents", sa.Integer()),
        sa.column("usage_id", sa.Integer()),
        sa.column("operator_id", sa.Integer()),
        sa.column("note", sa.Text()),
    )
    entry = sa.table(
        "integrity_entry",
        sa.column("id", sa.Integer()),
        sa.column("record_kind", sa.String()),
        sa.column("record_id", sa.Integer()),
        sa.column("at", UTCDateTime()),
        sa.column("content_hash", sa.String()),
        sa.column("previous_footprint", sa.String()),
        sa.column("footprint", sa.String()),
        sa.column("version", sa.Integer()),
    )
    previous = bind.execute(
        sa.select(entry.c.footprint).order_by(entry.c.id.desc()).limit(1)
    ).scalar_one_or_none() or ("0" * 64)
    rows = []
    for row in bind.execute(sa.select(wallet).order_by(wallet.c.id)).mappings():
        digest = _digest(_wallet_content(row))
        footprint = _footprint_v2(previous, digest, now, "wallet", row["id"])
        rows.append(
            {
                "record_kind": "wallet",
                "record_id": row["id"],
                "at": now,
                "content_hash": digest,
                "previous_footprint": previous,
                "footprint": footprint,
                "version": 2,
            }
        )
        previous = footprint
    if rows:
        bind.execute(entry.insert(), rows)

    dialect = bind.dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER sealed_wallet_movement_{action.lower()} BEFORE {action} "
                "ON wallet_movement BEGIN SELECT RAISE(ABORT, 'wallet_movement is sealed: "
                "issued records are never changed'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE TRIGGER sealed_wallet_movement BEFORE UPDATE OR DELETE ON wallet_movement "
            "FOR EACH ROW EXECUTE FUNCTION tierslieu_sealed()"
        )


def downgrade() -> None:
    """Back to 0006: the wallet entries leave the chain; version 2 entries cannot be
    expressed in version 1 (their footprints stay, verify of 0006 will call them
    falsified)."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS sealed_wallet_movement_{action}")
        op.execute("DROP TRIGGER IF EXISTS sealed_integrity_entry_delete")
        op.execute("DELETE FROM integrity_entry WHERE record_kind = 'wallet'")
        op.execute(
            "CREATE TRIGGER sealed_integrity_entry_delete BEFORE DELETE ON integrity_entry "
            "BEGIN SELECT RAISE(ABORT, 'integrity_entry is sealed: issued records are never "
            "changed'); END"
        )
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS sealed_wallet_movement ON wallet_movement")
        op.execute("ALTER TABLE integrity_entry DISABLE TRIGGER sealed_integrity_entry")
        op.execute("DELETE FROM integrity_entry WHERE record_kind = 'wallet'")
        op.execute("ALTER TABLE integrity_entry ENABLE TRIGGER sealed_integrity_entry")
    _change_check("integrity_entry", "kind", NEW_KINDS, OLD_KINDS)
    if dialect == "sqlite":  # SQLite ≥ 3.35 drops a column in place
        op.execute("ALTER TABLE integrity_entry DROP COLUMN version")
    else:
        op.drop_column("integrity_entry", "version")
    op.drop_table("database_identity")
