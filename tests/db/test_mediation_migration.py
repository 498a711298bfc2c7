"""Migration 0025 (issue 22): the drop-ins logged before the national model get their
purpose as the Coop's themes and their age band as its range where one fits."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from tierslieu_desktop.db.migrations.runner import alembic_config, upgrade
from tierslieu_desktop.db.models import Base
from tierslieu_desktop.services.activity.dropins import DropInInput, log_drop_in


def test_old_drop_ins_get_themes_and_age_range_then_go_down_and_up(db):
    admin = log_drop_in(db, None, DropInInput(purpose="admin", age_band="40_59"))
    printing = log_drop_in(db, None, DropInInput(purpose="print_scan", age_band="18_25"))
    other = log_drop_in(db, None, DropInInput(purpose="other"))
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0024")
    insp = inspect(db.engine)
    assert "drop_in_voucher" not in insp.get_table_names()
    assert "themes" not in {c["name"] for c in insp.get_columns("drop_in")}
    # 0027 went down first: a session's workshop level and themes
    assert not {"workshop_level", "themes"} & {
        c["name"] for c in insp.get_columns("activity_session")
    }
    upgrade(db.engine)
    with db.engine.connect() as conn:
        rows = dict(
            (r[0], r[1:])
            for r in conn.execute(
                text("SELECT id, themes, age_range, activity_type FROM drop_in")
            ).all()
        )
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert rows[admin] == (
        "aide_aux_demarches_administratives",
        "quarante_cinquante_neuf",
        "individuel",
    )
    # 18–25 straddles the Coop's 18–24 and 25–39: left « non communiqué »
    assert rows[printing] == ("prendre_en_main_du_materiel", None, "individuel")
    assert rows[other] == ("", None, "individuel")
    assert diff == []
