"""Stub home page (replaced below)."""

from tierslieu_desktop.ui.pages.placeholder import PlaceholderPage


class HomePage(PlaceholderPage):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, "Accueil", "coming", parent)
