"""Alembic migrations. ``HEAD_REVISION`` lets start-up skip importing Alembic when the
database is already current (a test checks it equals Alembic's head)."""

HEAD_REVISION = "0027"
