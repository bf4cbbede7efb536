"""Stage actors: who is named, coded as country and sector; and the references back to them."""
