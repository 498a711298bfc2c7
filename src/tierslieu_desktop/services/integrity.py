"""``tierslieu verify``: an integrity check that names what is wrong."""

from __future__ import annotations

from sqlalchemy import text

from tierslieu_desktop.db.engine import Database


def verify(db: Database) -> list[str]:
    """Return a list of problems (empty when the database is sound)."""
    problems: list[str] = []
    with db.read() as session:
        if db.is_sqlite:
            for (row,) in session.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(f"integrity_check: {row}")
            for row in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"clé étrangère cassée : table {row[0]}, ligne {row[1]} → {row[2]}")
        dup = session.execute(
            text("SELECT number, COUNT(*) FROM member GROUP BY number HAVING COUNT(*) > 1")
        ).all()
        problems.extend(f"numéro d'adhérent en double : {n} ({c} fois)" for n, c in dup)
    return problems
