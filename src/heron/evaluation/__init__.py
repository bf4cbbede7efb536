"""Scoring heron against hand-coded gold: sentences and whole articles."""
