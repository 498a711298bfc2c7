"""Pure domain: value objects, enums, rules. No database, no Qt."""
