"""usage corrections before invoicing: the audit of each correction and the stock a
check-out really took (issue 17, point 3)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 03:45:00

- ``usage_correction``: who corrected which field of a usage (times, a consumable's
  quantity) and when, with the values before and after; insert-only (triggers refuse
  UPDATE and DELETE).
- ``usage_consumable.stock_taken_milli``: what a check-out really took from a followed
  stock (never below 0, so it can be less than the quantity): a correction gives back
  exactly that. NULL for the lines recorded before (a correction then assumes the whole
  quantity was taken).
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TABLE = "usage_correction"


def upgrade() -> None:
    with op.batch_alter_table("usage_consumable") as batch:
        batch.add_column(sa.Column("stock_taken_milli", sa.Integer(), nullable=True))
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("usage_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("consumable_id", sa.Integer(), nullable=True),
        sa.Column("before_value", sa.String(length=40), nullable=False),
        sa.Column("after_value", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "field IN ('start_at', 'end_at', 'consumable')", name=op.f("ck_usage_correction_field")
        ),
        sa.ForeignKeyConstraint(
            ["usage_id"], ["usage.id"], name=op.f("fk_usage_correction_usage_id_usage")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_usage_correction_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["consumable_id"],
            ["consumable.id"],
            name=op.f("fk_usage_correction_consumable_id_consumable"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usage_correction")),
    )
    op.create_index(op.f("ix_usage_correction_usage_id"), TABLE, ["usage_id"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER insert_only_{TABLE}_{action.lower()} BEFORE {action} "
                f"ON {TABLE} BEGIN SELECT RAISE(ABORT, '{TABLE} is insert-only'); END"
            )
    elif dialect == "postgresql":
        # tierslieu_sealed() exists since 0004
        op.execute(
            f"CREATE TRIGGER insert_only_{TABLE} BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION tierslieu_sealed()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS insert_only_{TABLE}_{action}")
    elif dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS insert_only_{TABLE} ON {TABLE}")
    op.drop_index(op.f("ix_usage_correction_usage_id"), table_name=TABLE)
    op.drop_table(TABLE)
    with op.batch_alter_table("usage_consumable") as batch:
        batch.drop_column("stock_taken_milli")
