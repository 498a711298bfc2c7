"""Bringing a lab's existing records in: members (any CSV/XLSX, HelloAsso, Paheko, Fab
Manager), their memberships, machines, a class list into a session's registrations.

Every import goes the same way (``base``): the file is read into a :class:`~.tables.Table`
(``tables.read_table``: CSV in UTF-8 with or without BOM or Windows-1252, ``;``/``,``/tab,
or XLSX), its columns are mapped to the importer's fields, ``plan`` checks each line and
finds the duplicates without writing anything (the preview and the dry run), then
``apply`` writes the planned lines in one transaction — all or nothing — with the
user's decision for each duplicate. Codes, never sentences, come out of here: the CLI
and the window word them.
"""
