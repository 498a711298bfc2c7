"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 16:08:06.744776
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "machine_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_machine_category")),
        sa.UniqueConstraint("name", name=op.f("uq_machine_category_name")),
    )
    op.create_table(
        "operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator")),
        sa.UniqueConstraint("name", name=op.f("uq_operator_name")),
    )
    op.create_table(
        "audience",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_audience_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_audience_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audience")),
        sa.UniqueConstraint("name", name=op.f("uq_audience_name")),
    )
    op.create_table(
        "space",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("bookable", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_space_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_space_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_space")),
        sa.UniqueConstraint("name", name=op.f("uq_space_name")),
    )
    op.create_table(
        "structure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_form", sa.String(length=120), nullable=False),
        sa.Column("siret", sa.String(length=14), nullable=False),
        sa.Column("rna", sa.String(length=10), nullable=False),
        sa.Column("vat_number", sa.String(length=20), nullable=False),
        sa.Column("vat_regime", sa.String(length=30), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("iban", sa.String(length=42), nullable=False),
        sa.Column("bic", sa.String(length=11), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_structure_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_structure_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_structure")),
    )
    op.create_table(
        "machine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("space_id", sa.Integer(), nullable=False),
        sa.Column("make", sa.String(length=120), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("serial_number", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_note", sa.Text(), nullable=False),
        sa.Column("authorization_required", sa.Boolean(), nullable=False),
        sa.Column("hour_counter_minutes", sa.Integer(), nullable=False),
        sa.Column("purchase_date", sa.Date(), nullable=True),
        sa.Column("purchase_value_cents", sa.Integer(), nullable=True),
        sa.Column("funded_by", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('available', 'maintenance', 'out_of_order')", name=op.f("ck_machine_status")
        ),
        sa.CheckConstraint("hour_counter_minutes >= 0", name=op.f("ck_machine_hours")),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["machine_category.id"],
            name=op.f("fk_machine_category_id_machine_category"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_machine_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(["space_id"], ["space.id"], name=op.f("fk_machine_space_id_space")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_machine_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_machine")),
        sa.UniqueConstraint("name", name=op.f("uq_machine_name")),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("first_name", sa.String(length=120), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("organisation_type", sa.String(length=30), nullable=True),
        sa.Column("siret", sa.String(length=14), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("age_band", sa.String(length=20), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("audience_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("consent_newsletter", sa.Boolean(), nullable=False),
        sa.Column("consent_photos", sa.Boolean(), nullable=False),
        sa.Column("guardian_name", sa.String(length=200), nullable=False),
        sa.Column("guardian_phone", sa.String(length=40), nullable=False),
        sa.Column("guardian_email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("sort_name", sa.String(length=320), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('person', 'organisation')", name=op.f("ck_member_kind")),
        sa.ForeignKeyConstraint(
            ["audience_id"], ["audience.id"], name=op.f("fk_member_audience_id_audience")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_member_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["member.id"], name=op.f("fk_member_organisation_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_member_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("number", name=op.f("uq_member_number")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_archived_sort", ["archived", "sort_name"], unique=False)

    op.create_table(
        "authorization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("machine_id", sa.Integer(), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("trainer", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(machine_id IS NULL) <> (category_id IS NULL)",
            name=op.f("ck_authorization_machine_xor_category"),
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["machine_category.id"],
            name=op.f("fk_authorization_category_id_machine_category"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_authorization_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["machine_id"], ["machine.id"], name=op.f("fk_authorization_machine_id_machine")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_authorization_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_authorization_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authorization")),
    )
    with op.batch_alter_table("authorization", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_authorization_machine_id"), ["machine_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_authorization_member_id"), ["member_id"], unique=False)

    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("audience_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_membership_dates")),
        sa.CheckConstraint("fee_cents >= 0", name=op.f("ck_membership_fee")),
        sa.ForeignKeyConstraint(
            ["audience_id"], ["audience.id"], name=op.f("fk_membership_audience_id_audience")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["operator.id"], name=op.f("fk_membership_created_by_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_membership_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["operator.id"], name=op.f("fk_membership_updated_by_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_membership_member_id"), ["member_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_member_id"))

    op.drop_table("membership")
    with op.batch_alter_table("authorization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_authorization_member_id"))
        batch_op.drop_index(batch_op.f("ix_authorization_machine_id"))

    op.drop_table("authorization")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_archived_sort")

    op.drop_table("member")
    op.drop_table("machine")
    op.drop_table("structure")
    op.drop_table("space")
    op.drop_table("audience")
    op.drop_table("operator")
    op.drop_table("machine_category")
