"""Tiers-Lieu Desktop: run a rural fablab / tiers-lieu from the front desk."""

__version__ = "0.1.0"
