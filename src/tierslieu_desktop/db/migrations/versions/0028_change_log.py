"""the change feed's log, for the desks sharing one SQLite file (issue 20, live refresh)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 23:00:00

- ``change_log``: what each committed transaction changed (the sending desk, a JSON
  payload of entities and ids), read by the other windows on the same file
  (``db.changes``). Made on PostgreSQL too, where it stays empty (NOTIFY carries the
  changes there).
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("desk", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    op.create_index(op.f("ix_change_log_at"), "change_log", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_change_log_at"), table_name="change_log")
    op.drop_table("change_log")
