"""The Activité page: sessions (workshops, trainings), cyber-base drop-ins, figures."""

from tierslieu_desktop.ui.pages.activity.page import ActivityPage

__all__ = ["ActivityPage"]
