"""members' personal data (issue 19, point 3): dated consent changes, the anonymisation
mark and the retention period

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 06:10:00

- ``consent_change``: each change of a member's newsletter or photo consent (given or
  withdrawn), when and by whom (docs/legal-fr.md §7: separate, dated, revocable). The
  consents held when the history starts are written once, reason ``initial``, dated by
  the member card's creation (the day they were given is not known).
- ``member.anonymised_at``: when the member's personal data was anonymised (NULL: never).
- ``structure.retention_years``: a member without any activity for this many years is
  proposed for anonymisation (3 by default).
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TABLE = "consent_change"


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("anonymised_at", sa.DateTime(), nullable=True))
    op.add_column(
        "structure",
        sa.Column("retention_years", sa.Integer(), nullable=False, server_default="3"),
    )
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("consent", sa.String(length=20), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "consent IN ('newsletter', 'photos')", name=op.f("ck_consent_change_consent")
        ),
        sa.CheckConstraint(
            "reason IN ('edit', 'created', 'anonymised', 'initial')",
            name=op.f("ck_consent_change_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_consent_change_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_consent_change_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_change")),
    )
    op.create_index(op.f("ix_consent_change_member_id"), TABLE, ["member_id"], unique=False)
    for consent in ("newsletter", "photos"):
        op.execute(
            f"INSERT INTO {TABLE} (member_id, consent, given, at, operator_id, reason) "
            f"SELECT id, '{consent}', consent_{consent}, created_at, created_by_id, 'initial' "
            f"FROM member WHERE consent_{consent}"
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_consent_change_member_id"), table_name=TABLE)
    op.drop_table(TABLE)
    with op.batch_alter_table("structure") as batch:
        batch.drop_column("retention_years")
    with op.batch_alter_table("member") as batch:
        batch.drop_column("anonymised_at")
