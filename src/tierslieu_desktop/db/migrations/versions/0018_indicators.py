"""the indicators funders ask for (issue 16, point 4): a member's gender and situation,
the staff and volunteers

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 03:40:00

- ``member.gender`` and ``member.situation``: optional (NULL: « non renseigné »), never
  required at the desk (domain.enums.Gender, Situation).
- ``staff_member``: the salariés, bénévoles and volontaires en service civique running the
  lab, with their hours a month and their dates (the annual report's head-count and hours).
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLE = "staff_member"


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("gender", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("situation", sa.String(length=20), nullable=True))
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("hours_per_month", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('employee', 'volunteer', 'civic_service')",
            name=op.f("ck_staff_member_kind"),
        ),
        sa.CheckConstraint("hours_per_month >= 0", name=op.f("ck_staff_member_hours")),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_staff_member_dates")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_staff_member_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_staff_member_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
    )


def downgrade() -> None:
    op.drop_table(TABLE)
    with op.batch_alter_table("member") as batch:
        batch.drop_column("situation")
        batch.drop_column("gender")
