"""the audit trail and soft deletes (issue 19, point 2)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 06:30:00

``audit_value``: the personal and free-text values of the journal, beside it (its rows
hold their digests), deleted when a member is anonymised.

``audit_entry``: every change made through the services (who, when, which row, what
action, the changed columns before → after as JSON). Insert-only (triggers, like the
bank deposits of 0014); each finished day's rows are sealed into the integrity chain
(record kind "audit", services.audit).

Soft delete: memberships, authorizations, calendar exceptions, maintenance entries,
expenses, grants and in-kind contributions keep the row removed by an operator with
``deleted_at``, ``deleted_by_id`` and ``deletion_reason``; every read skips them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

OLD_KINDS = "record_kind IN ('invoice', 'credit_note', 'payment', 'closing', 'wallet')"
NEW_KINDS = "record_kind IN ('invoice', 'credit_note', 'payment', 'closing', 'wallet', 'audit')"

SOFT_DELETED = (
    "membership",
    "authorization",
    "calendar_exception",
    "maintenance_entry",
    "expense",
    "grant",
    "in_kind_contribution",
)


def _change_check(table: str, name: str, old: str, new: str) -> None:
    """Replace a CHECK constraint that every existing row also satisfies in its new form
    (as 0007 does: SQLite's documented in-place change, no copy of the sealed table)."""
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


def upgrade() -> None:
    # the audit trail's daily seal is a new kind of chain entry
    _change_check("integrity_entry", "kind", OLD_KINDS, NEW_KINDS)
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'delete', 'restore')",
            name=op.f("ck_audit_entry_action"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index("ix_audit_entry_entity", "audit_entry", ["entity", "entity_id"])
    op.create_table(
        "audit_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_value")),
        sa.UniqueConstraint("entity", "entity_id", "digest", name=op.f("uq_audit_value_entity")),
    )
    op.create_index(op.f("ix_audit_entry_at"), "audit_entry", ["at"])
    op.create_index(op.f("ix_audit_entry_operator_id"), "audit_entry", ["operator_id"])
    for table in SOFT_DELETED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
            batch.add_column(
                sa.Column(
                    "deleted_by_id",
                    sa.Integer(),
                    sa.ForeignKey("operator.id", name=f"fk_{table}_deleted_by_id_operator"),
                    nullable=True,
                )
            )
            batch.add_column(
                sa.Column(
                    "deletion_reason", sa.String(length=500), nullable=False, server_default=""
                )
            )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER insert_only_audit_entry_{action.lower()} BEFORE {action} "
                "ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is insert-only: "
                "the audit trail is never changed'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE TRIGGER insert_only_audit_entry BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION tierslieu_sealed()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS insert_only_audit_entry_{action}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS insert_only_audit_entry ON audit_entry")
    for table in reversed(SOFT_DELETED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("deletion_reason")
            batch.drop_column("deleted_by_id")
            batch.drop_column("deleted_at")
    op.drop_table("audit_value")
    op.drop_index(op.f("ix_audit_entry_operator_id"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_at"), table_name="audit_entry")
    op.drop_index("ix_audit_entry_entity", table_name="audit_entry")
    op.drop_table("audit_entry")
    # the audit seals leave the chain with their table (a downgrade is a repair tool)
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS sealed_integrity_entry_delete")
        op.execute("DELETE FROM integrity_entry WHERE record_kind = 'audit'")
        op.execute(
            "CREATE TRIGGER sealed_integrity_entry_delete BEFORE DELETE ON integrity_entry "
            "BEGIN SELECT RAISE(ABORT, 'integrity_entry is sealed: issued records are never "
            "changed'); END"
        )
    elif dialect == "postgresql":
        op.execute("ALTER TABLE integrity_entry DISABLE TRIGGER sealed_integrity_entry")
        op.execute("DELETE FROM integrity_entry WHERE record_kind = 'audit'")
        op.execute("ALTER TABLE integrity_entry ENABLE TRIGGER sealed_integrity_entry")
    _change_check("integrity_entry", "kind", NEW_KINDS, OLD_KINDS)
