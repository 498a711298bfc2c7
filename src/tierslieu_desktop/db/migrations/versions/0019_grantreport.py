"""the funder report of a grant: its allocation key, report texts and objectives
(issue 16, point 3)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 04:00:00

- ``grant.alloc_key``: how the structure's shared costs and resources are allocated to
  the action (services.reporting.grant_budget): "direct" (none: only the charges
  assigned to the grant), "hours" (hours of the grant's machines ÷ hours of every
  machine), "staff" (staff costs assigned to the grant ÷ every staff cost of the
  period), "fixed" (``alloc_fixed_bp``, basis points).
- the qualitative annex, one text per section: objectives, actions carried out, publics
  reached, partners, difficulties, perspectives;
- numeric objectives compared with what the data shows: distinct users, machine hours,
  sessions (usages) — None = no objective.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TEXTS = (
    "report_objectives",
    "report_done",
    "report_publics",
    "report_partners",
    "report_difficulties",
    "report_perspectives",
)
TARGETS = ("target_users", "target_hours", "target_sessions")


def upgrade() -> None:
    # Plain added columns (no batch copy: "grant" is referenced by payments, machines and
    # expenses); the service checks the key and the percentage.
    op.add_column(
        "grant",
        sa.Column("alloc_key", sa.String(length=8), nullable=False, server_default="direct"),
    )
    op.add_column("grant", sa.Column("alloc_fixed_bp", sa.Integer(), nullable=True))
    for name in TEXTS:
        op.add_column("grant", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    for name in TARGETS:
        op.add_column("grant", sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("grant") as batch:
        for name in (*TARGETS, *TEXTS, "alloc_fixed_bp", "alloc_key"):
            batch.drop_column(name)
