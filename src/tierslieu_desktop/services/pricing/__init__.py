"""Prices: the tariff grid (price rules by resource, public and date, membership fees,
reductions, quotas, CSV import/export), the engine's glue (loading the tariffs, pricing
and freezing a usage, re-pricing a period) and prepaid packs and the wallet. Uses only
``services.common``; the pure rules live in ``domain.pricing``."""
