"""Stub replaced by the real page."""

from tierslieu_desktop.ui.pages.placeholder import PlaceholderPage


class SettingsPage(PlaceholderPage):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, "settings", "coming", parent)

    def focus_search(self):
        pass

    def new_member(self):
        pass
