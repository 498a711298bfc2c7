"""Finances: the public/private balance of the lab, funders and grants, expenses."""
