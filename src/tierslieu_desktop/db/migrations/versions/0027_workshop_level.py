"""a collective workshop's level and themes on the national model (issue 22)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 23:00:00

- ``activity_session`` gains ``workshop_level`` (the Coop's « niveau de l'atelier »:
  debutant / intermediaire / avance, domain.mediation.WORKSHOP_LEVELS; empty: not given)
  and ``themes`` (the national themes, values joined by commas as on ``drop_in``). Both
  optional; existing sessions keep none.
- No table of drop-in themes: the figures count themes in SQL against the stored column
  (services.activity.figures.drop_in_lines), so nothing has to be kept equal to it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("activity_session") as batch:
        batch.add_column(sa.Column("workshop_level", sa.String(16), nullable=True))
        batch.add_column(sa.Column("themes", sa.String(800), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("activity_session") as batch:
        batch.drop_column("themes")
        batch.drop_column("workshop_level")
