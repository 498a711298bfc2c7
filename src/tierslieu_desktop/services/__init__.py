"""Use cases. One function = one unit of work (``db.read()`` / ``db.write()``);
they return frozen dataclasses or plain values, never live ORM objects."""
