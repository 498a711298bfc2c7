"""The machine park and the spaces: machines, categories, spaces and consumables,
maintenance log and status, members' authorizations (trainings) on machines, opening
hours and exceptional closings. Uses ``services.people``."""
