"""the communes of the lab's territory classified ZRR / FRR and containing a QPV
(issue 16, point 4)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 05:00:00

The official lists are not shipped (not reachable offline): the lab types the communes
of its territory in Paramètres › Structure. ``structure.zrr_communes`` and
``structure.qpv_communes``: INSEE codes separated by spaces ("" = none typed).
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

COLUMNS = ("zrr_communes", "qpv_communes")


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column("structure", sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("structure") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
