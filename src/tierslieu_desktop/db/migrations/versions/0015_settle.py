"""card payments and vouchers settle: the card settlement delay, the voucher value,
the voucher issuers' settlements (issue 15, point 2)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 01:15:00

- ``structure.card_settlement_days``: business days between a card payment and the day
  the bank credits it (default 1); the journal moves the card payments from 5115 to 512
  on that day (services.finance.journal.settlements).
- ``structure.voucher_value_cents``: the face value of one Pass numérique voucher
  (default 10,00 €); the drop-in log's vouchers reach the accounts at that value.
- ``voucher_settlement``: an issuer paid the vouchers received (512 / 4687), insert-only:
  triggers refuse UPDATE and DELETE, like the sealed tables (0004).
- The account of ``payment:card`` now means "card payments awaiting the bank" (5115): a
  saved mapping still on the old default 512 "Banque" moves to 5115.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLE = "voucher_settlement"


def upgrade() -> None:
    op.add_column(
        "structure",
        sa.Column("card_settlement_days", sa.Integer(), nullable=False, server_default="1"),
    )
    op.add_column(
        "structure",
        sa.Column("voucher_value_cents", sa.Integer(), nullable=False, server_default="1000"),
    )
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(length=30), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("voucher_count", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "issuer IN ('pass_numerique')", name=op.f("ck_voucher_settlement_issuer")
        ),
        sa.CheckConstraint("amount_cents <> 0", name=op.f("ck_voucher_settlement_amount")),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operator.id"],
            name=op.f("fk_voucher_settlement_operator_id_operator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voucher_settlement")),
    )
    op.create_index(op.f("ix_voucher_settlement_day"), TABLE, ["day"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER insert_only_{TABLE}_{action.lower()} BEFORE {action} "
                f"ON {TABLE} BEGIN SELECT RAISE(ABORT, '{TABLE} is insert-only: a mistake "
                f"is corrected by a negative settlement'); END"
            )
    elif dialect == "postgresql":
        # tierslieu_sealed() exists since 0004
        op.execute(
            f"CREATE TRIGGER insert_only_{TABLE} BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION tierslieu_sealed()"
        )
    op.execute(
        "UPDATE account_mapping SET account = '5115', label = 'Cartes bancaires à encaisser' "
        "WHERE key = 'payment:card' AND account = '512'"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE account_mapping SET account = '512', label = 'Banque' "
        "WHERE key = 'payment:card' AND account = '5115'"
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS insert_only_{TABLE}_{action}")
    elif dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS insert_only_{TABLE} ON {TABLE}")
    op.drop_index(op.f("ix_voucher_settlement_day"), table_name=TABLE)
    op.drop_table(TABLE)
    with op.batch_alter_table("structure") as batch:
        batch.drop_column("voucher_value_cents")
        batch.drop_column("card_settlement_days")
