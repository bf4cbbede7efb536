"""Stages clean and parse: page text to article text, the spaCy parse, the language adapter."""
