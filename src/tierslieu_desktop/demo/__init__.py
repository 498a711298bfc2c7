"""The demonstration database generator (``tierslieu demo``, ``tierslieu --demo``).
Builds a realistic rural fablab through the services, as the desk would. Imported by the
CLI and the tests only."""
