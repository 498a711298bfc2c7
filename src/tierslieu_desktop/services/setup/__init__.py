"""The setup assistant's use cases (issue 18, point 1): the built-in catalogue of common
fablab and cyber-base equipment (``catalogue``: data in ``tierslieu_desktop/data/
equipment_catalogue.json``), whether a database is still unconfigured and the VAT regime
recommended to a new structure (``state``), and everything the assistant creates written
in one transaction through the existing services of people, park, scheduling, pricing and
billing (``apply``)."""
