"""desk money reaches the bank: deposits of cheques and cash, voucher settlements (issue 15)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 19:30:00

- ``bank_deposit``: a remittance of cheques (slip RC-…), of cash from the till (RE-…) or a
  voucher issuer's payment (RV-…), numbered continuously per kind; insert-only (a
  mistaken one is cancelled by a reversing deposit, ``cancels_id``).
- ``bank_deposit_cheque``: the cheque payments on each slip, with their round (1 on the
  first deposit, 2 on its cancellation…), unique per payment.
Both refuse UPDATE and DELETE by trigger, like the sealed tables (0004).
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("bank_deposit", "bank_deposit_cheque")


def upgrade() -> None:
    op.create_table(
        "bank_deposit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("voucher_count", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("cancels_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('cheque', 'cash', 'voucher')", name=op.f("ck_bank_deposit_kind")
        ),
        sa.CheckConstraint("amount_cents <> 0", name=op.f("ck_bank_deposit_amount")),
        sa.ForeignKeyConstraint(
            ["cancels_id"],
            ["bank_deposit.id"],
            name=op.f("fk_bank_deposit_cancels_id_bank_deposit"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_bank_deposit_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_deposit")),
        sa.UniqueConstraint("kind", "seq", name="uq_bank_deposit_kind_seq"),
        sa.UniqueConstraint("number", name=op.f("uq_bank_deposit_number")),
        sa.UniqueConstraint("cancels_id", name=op.f("uq_bank_deposit_cancels_id")),
    )
    op.create_index(op.f("ix_bank_deposit_day"), "bank_deposit", ["day"], unique=False)
    op.create_table(
        "bank_deposit_cheque",
        sa.Column("deposit_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deposit_id"],
            ["bank_deposit.id"],
            name=op.f("fk_bank_deposit_cheque_deposit_id_bank_deposit"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.id"], name=op.f("fk_bank_deposit_cheque_payment_id_payment")
        ),
        sa.PrimaryKeyConstraint("deposit_id", "payment_id", name=op.f("pk_bank_deposit_cheque")),
        sa.UniqueConstraint("payment_id", "round", name="uq_deposit_cheque_round"),
    )
    _insert_only()


def _insert_only() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER insert_only_{table}_{action.lower()} BEFORE {action} "
                    f"ON {table} BEGIN SELECT RAISE(ABORT, '{table} is insert-only: a deposit "
                    f"is cancelled by a reversing deposit'); END"
                )
    elif dialect == "postgresql":
        for table in TABLES:
            # tierslieu_sealed() exists since 0004
            op.execute(
                f"CREATE TRIGGER insert_only_{table} BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION tierslieu_sealed()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS insert_only_{table}_{action}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS insert_only_{table} ON {table}")
    op.drop_table("bank_deposit_cheque")
    op.drop_index(op.f("ix_bank_deposit_day"), table_name="bank_deposit")
    op.drop_table("bank_deposit")
