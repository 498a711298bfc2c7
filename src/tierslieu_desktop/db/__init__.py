"""Persistence: SQLAlchemy 2 mapped classes, engine, Alembic migrations, backups."""
