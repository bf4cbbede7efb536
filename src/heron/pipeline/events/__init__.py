"""Stage events: PLOVER events from triggers, participants, modality, dates, places and scores."""
