"""Stub replaced by the real page."""

from tierslieu_desktop.ui.pages.placeholder import PlaceholderPage


class MembersPage(PlaceholderPage):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, "members", "coming", parent)

    def focus_search(self):
        pass

    def new_member(self):
        pass
