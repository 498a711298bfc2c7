"""Keeping what the lab recorded: the integrity check (SQLite checks, overlapping
bookings, the ledger's chain). Backups, anchors and restores belong here too. Uses
``services.billing`` (the ledger's verification); nothing else uses it but the CLI and
the screens."""
