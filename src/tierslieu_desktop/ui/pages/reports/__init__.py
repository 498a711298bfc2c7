"""Rapports: the annual activity report, the funder reports, the exports."""
