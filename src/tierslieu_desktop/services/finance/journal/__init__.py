"""The double-entry journal (issue 15): sources of entries, numbering, exports."""
