"""the cyber-base's drop-ins on the national model of digital inclusion, and the Pass
numérique vouchers by number (issue 22)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 20:30:00

- ``drop_in`` gains the fields of the "Coop de la médiation numérique" (domain.mediation):
  activity and place type, the place's INSEE code and postcode, equipment and themes
  (values joined by commas), autonomy, referral and its structure, the beneficiary's
  gender, age range, situation, commune INSEE code, anonymous and first-accompaniment
  flags. All optional.
- Existing drop-ins: their purpose written as themes (``domain.mediation.PURPOSE_THEMES``),
  their age band as the Coop's range where it fits one (``AGE_BAND_RANGES``), their type
  "individuel".
- ``drop_in_voucher``: a Pass numérique voucher received, by its number (one per issuer),
  its expiry date and the claim list that asked for its payment.
"""

import sqlalchemy as sa
from alembic import op

from tierslieu_desktop.domain.mediation import AGE_BAND_RANGES, PURPOSE_THEMES, join_values

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_TEXTS = (("place_insee", 5), ("place_postcode", 5), ("equipment", 80), ("themes", 800))
_CHOICES = (
    ("activity_type", 12),
    ("place_type", 16),
    ("autonomy", 30),
    ("referral_structure", 40),
    ("gender", 12),
    ("age_range", 30),
    ("situation", 16),
)


def upgrade() -> None:
    with op.batch_alter_table("drop_in") as batch:
        for name, size in _CHOICES:
            batch.add_column(sa.Column(name, sa.String(size), nullable=True))
        for name, size in _TEXTS:
            batch.add_column(sa.Column(name, sa.String(size), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("commune_insee", sa.String(5), nullable=False, server_default="")
        )
        for name in ("referred", "anonymous", "first_time"):
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=True))
    drop_in = sa.table(
        "drop_in",
        sa.column("purpose", sa.String),
        sa.column("themes", sa.String),
        sa.column("age_band", sa.String),
        sa.column("age_range", sa.String),
        sa.column("activity_type", sa.String),
    )
    op.execute(drop_in.update().values(activity_type="individuel"))
    for purpose, themes in PURPOSE_THEMES.items():
        if themes:
            op.execute(
                drop_in.update()
                .where(drop_in.c.purpose == purpose)
                .values(themes=join_values(themes))
            )
    for band, age_range in AGE_BAND_RANGES.items():
        op.execute(drop_in.update().where(drop_in.c.age_band == band).values(age_range=age_range))
    op.create_table(
        "drop_in_voucher",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drop_in_id", sa.Integer(), nullable=False),
        sa.Column("issuer", sa.String(30), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("claim_reference", sa.String(40), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["drop_in_id"], ["drop_in.id"], name=op.f("fk_drop_in_voucher_drop_in_id_drop_in")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["operator.id"],
            name=op.f("fk_drop_in_voucher_created_by_id_operator"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["operator.id"],
            name=op.f("fk_drop_in_voucher_updated_by_id_operator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drop_in_voucher")),
        sa.UniqueConstraint("issuer", "number", name=op.f("uq_drop_in_voucher_issuer")),
    )
    with op.batch_alter_table("drop_in_voucher") as batch:
        batch.create_index(batch.f("ix_drop_in_voucher_drop_in_id"), ["drop_in_id"])
        batch.create_index(batch.f("ix_drop_in_voucher_claim_reference"), ["claim_reference"])


def downgrade() -> None:
    op.drop_table("drop_in_voucher")
    with op.batch_alter_table("drop_in") as batch:
        for name in ("first_time", "anonymous", "referred", "commune_insee"):
            batch.drop_column(name)
        for name, _ in reversed(_TEXTS):
            batch.drop_column(name)
        for name, _ in reversed(_CHOICES):
            batch.drop_column(name)
