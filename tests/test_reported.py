"""Reported speech: which verbs count as cues, datelines, "call for", "Name: claim" lines."""
import pytest

from heron.pipeline.quotes.reported import dateline_end
from heron.types import Article


def indirect(article: Article):
    return [q for q in article.quotes if not q.direct]


@pytest.mark.parametrize("text, cue", [
    ("Finance Minister Maria Keller promised to cut taxes for small businesses.", "promised"),
    ("The two ministers agreed to open a new border crossing next spring.", "agreed"),
    ("Jonas Berg refused to comment on the leaked budget figures.", "refused"),
])
def test_commitments_to_act_are_reported(speech, text, cue):
    quotes = indirect(speech(text))
    assert [q.cue for q in quotes] == [cue]


@pytest.mark.parametrize("text", [
    "Jonas Berg invited Maria Keller to visit the new port in the autumn.",
    "The mayor invited residents to attend the opening of the bridge.",
])
def test_an_invitation_is_an_act_not_speech(speech, text):
    assert indirect(speech(text)) == []


@pytest.mark.parametrize("text, content", [
    ("Prime Minister Jonas Berg called for an inquiry into the collapse of the bridge.",
     "an inquiry into the collapse of the bridge"),
    ("Maria Keller is calling for the government to lower taxes on small farms.",
     "the government to lower taxes on small farms"),
])
def test_what_was_called_for_is_reported(speech, text, content):
    quotes = indirect(speech(text))
    assert [(q.text, q.rule.split(";")[0]) for q in quotes] == [(content, "indirect.call_for")]


@pytest.mark.parametrize("paragraph, rest", [
    ("BRENTON, May 3 (Northwire) — The minister said ...", "The minister said ..."),
    ("PORT ELLIS, Fla. (Daily Courier) - The mayor said ...", "The mayor said ..."),
    ("Brenton (Northwire) – The mayor said ...", "The mayor said ..."),
    ("OSTRAVEL, June 30. /NWA/. The mayor said ...", "The mayor said ..."),
    ("The minister said - quite openly - that ...", "The minister said - quite openly - that ..."),
    ("EU - Canada talks resumed.", "EU - Canada talks resumed."),
])
def test_dateline_end(paragraph, rest):
    text = "Title line\n" + paragraph
    assert text[dateline_end(text, len(text) - 1):] == rest


@pytest.mark.parametrize("text, content, speaker", [
    ("BRENTON, May 3 (Northwire) — The talks will resume next week, the foreign ministry said.",
     "The talks will resume next week", "the foreign ministry"),
    ("PORT ELLIS, Fla. (Daily Courier) - Governor Anna Lind said the storm damage was severe.",
     "the storm damage was severe", "Governor Anna Lind"),
])
def test_dateline_is_neither_content_nor_speaker(speech, text, content, speaker):
    quote = indirect(speech(text))[0]
    assert quote.text == content
    assert quote.speaker.text == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("Berg: New Taxes Will Hurt the Farmers in the North\n\nThe debate went on for hours.",
     "New Taxes Will Hurt the Farmers in the North", "Berg"),
    ("KELLER: And the budget will be balanced by the end of the year.",
     "And the budget will be balanced by the end of the year", "KELLER"),
])
def test_name_and_colon_lines_are_speech(speech, text, content, speaker):
    quote = indirect(speech(text))[0]
    assert (quote.text, quote.speaker.text, quote.rule.split(";")[0]) == (content, speaker, "indirect.headline")


@pytest.mark.parametrize("text", [
    "Berg: Now or never.\n\nThe campaign enters its final week.",
    "Update: the article was corrected on Monday to fix the date of the vote.",
    "Wait, it gets even better: the vote was held twice.",
])
def test_section_titles_and_labels_are_not_speech(speech, text):
    assert [q for q in indirect(speech(text)) if q.rule.startswith("indirect.headline")] == []
