"""operator accounts: roles, a password or PIN, failed logins (issue 19 point 1)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 16:00:00

``operator.roles`` (``"accueil,tresorerie"``: domain.permissions), ``operator.password_hash``
(argon2id; NULL: the account cannot log in yet), ``failed_logins`` and ``locked_until``
(a few wrong tries make the next one wait). The operators of an upgraded database keep
their names with the Accueil role and no password: at the first start the window asks who
administers the lab and their password (services.people.accounts.claim_administration).
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("operator") as batch:
        batch.add_column(
            sa.Column("roles", sa.String(80), nullable=False, server_default="accueil")
        )
        batch.add_column(sa.Column("password_hash", sa.String(255), nullable=True))
        batch.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("operator") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
        batch.drop_column("password_hash")
        batch.drop_column("roles")
