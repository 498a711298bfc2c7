"""a version on every row a person edits in a form and saves back (issue 20 point 4:
concurrent edits, optimistic locking)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 23:00:00

Each table of ``db.models.VersionMixin`` gains ``version`` (integer, not null), 1 for the
existing rows. SQLAlchemy's ``version_id_col`` then makes every ORM UPDATE of such a row
check the version it read and set the next one. The sealed documents (invoices, credit
notes, payments, closings, the chain) have none: they are never updated.
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# the tables of the models that carry db.models.VersionMixin (a test checks the two agree)
VERSIONED_TABLES = (
    "structure",
    "audience",
    "member",
    "staff_member",
    "space",
    "machine_category",
    "machine",
    "price_rule",
    "membership_fee",
    "reduction",
    "quota",
    "pack_type",
    "calendar_exception",
    "booking",
    "consumable",
    "usage",
    "maintenance_entry",
    "activity",
    "activity_session",
    "registration",
    "drop_in",
    "funder",
    "grant",
    "in_kind_contribution",
    "expense",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
