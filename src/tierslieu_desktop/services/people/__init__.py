"""People: members (persons and organisations), their publics, memberships and consents,
the structure itself (the lab's identity, invoicing settings) and the operators at the
desk. Uses only ``services.common``, ``domain`` and ``db``; every other service package
may use it."""
