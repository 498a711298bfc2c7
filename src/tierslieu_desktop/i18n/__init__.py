"""Locale-aware formatting (Babel). Qt translators are loaded in ``ui/``."""
