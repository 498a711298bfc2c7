"""Use cases. One function = one unit of work (``db.read()`` / ``db.write()``);
they return frozen dataclasses or plain values, never live ORM objects."""

# Every sealing transaction, once committed, copies its footprints to the anchor log
# outside the database: the log registers itself as a listener of services.chain.
from tierslieu_desktop.services.safety import anchors as _anchors  # noqa: F401
