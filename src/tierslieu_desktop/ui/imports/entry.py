"""Where the import wizard opens: « Importer des membres… » on Membres (Ctrl+Shift+I) and
Paramètres › « Importer… » (members, machines). Each is one line around
``ImportWizard(ctx, importer)``; a class list opens the same way from a session with
``RegistrationsImporter(session_id, ...)``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tierslieu_desktop.ui.context import AppContext
from tierslieu_desktop.ui.imports.wizard import ImportWizard


def members_wizard(ctx: AppContext, parent: QWidget | None = None) -> ImportWizard:
    """Members from any CSV/XLSX, HelloAsso, Paheko or Fab Manager (detected)."""
    from tierslieu_desktop.i18n.imports import source_name
    from tierslieu_desktop.services.imports.members import MembersImporter
    from tierslieu_desktop.services.imports.sources import SOURCES, detect_source

    return ImportWizard(
        ctx,
        MembersImporter(),
        parent,
        title=QCoreApplication.translate("ImportEntry", "Import members"),
        sources=[(s, source_name(s, ctx.language)) for s in SOURCES],
        detect=lambda table: detect_source(table.headers),
        entities=("member", "membership", "audience"),
    )


def machines_wizard(ctx: AppContext, parent: QWidget | None = None) -> ImportWizard:
    """Machines from a CSV/XLSX file, with an hourly price column per public."""
    from tierslieu_desktop.services.imports.machines import MachinesImporter

    return ImportWizard(
        ctx,
        MachinesImporter.for_database(ctx.db),
        parent,
        title=QCoreApplication.translate("ImportEntry", "Import machines"),
        entities=("machine", "machine_category", "space", "tariff"),
    )
