"""The terminal summary of `heron code`: actors, quotes and events tables a reader can check."""
from __future__ import annotations

from rich.console import Console

from heron.summary import print_summary


def render(article, width: int = 200) -> str:
    console = Console(record=True, width=width, force_terminal=False)
    print_summary(article, console)
    return console.export_text()


def test_summary_shows_the_three_tables(code_text):
    article = code_text("Kenya's foreign minister, Kofi Otieno, held talks with Ethiopia in Nairobi on Monday. "
                        "\u201cWe agreed to open the border,\u201d Otieno said.", published="2024-05-08")
    text = render(article)
    for title in ("Actors", "Quotes", "Events"):
        assert title in text
    assert "KEN/GOV Kofi Otieno" in text  # codes first, then the actor's name
    assert "CONSULT" in text and "2024-05-06" in text and "Nairobi" in text
    assert "We agreed to open the border" in text


def test_summary_names_the_speaker_who_claims_an_event(code_text):
    article = code_text("Ukrainian President Volodymyr Zelensky said Russian troops shelled Kharkiv on Monday.",
                        published="2024-05-08")
    claimed = [e for e in article.events if e.asserted_by is not None]
    assert claimed
    assert "Volodymyr Zelensky" in render(article)


def test_seed_summary_reads_as_a_story(seed_article):
    text = render(seed_article)
    assert "rbc.ru (repost)" in text
    assert "2022-06-25" in text and "St. Petersburg" in text
    assert "BLR/GOV Alexander Lukashenko" in text and "RUS/GOV Vladimir Putin" in text
