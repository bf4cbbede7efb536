"""Stage quotes: direct quotes and reported speech, each with its cue and speaker."""
