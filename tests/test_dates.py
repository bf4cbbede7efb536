"""Event dates: date expressions in a clause, resolved against the publication date."""
from __future__ import annotations

import pytest

from heron.pipeline.events.dates import resolve_date
from heron.pipeline.text.language import language_for
from heron.pipeline.words import DateWords
from heron.types import Article

PUBLISHED = "2022-07-01"  # a Friday
WORDS = DateWords(language_for("en"))


def _article(nlp, text: str, published: str | None = PUBLISHED) -> Article:
    return Article(id="t", text=text, published=published, doc=nlp(text) if nlp else None)


@pytest.mark.parametrize("text, expected", [
    ("On June 25, the two presidents held talks in the capital.", ("2022-06-25", "On June 25")),
    ("In mid-June, the minister stressed that the country would not yield.", ("2022-06-15", "In mid-June")),
    ("The ministers met last week in Geneva.", ("2022-06-24", "last week")),
    ("The rebels released two hostages yesterday, officials said.", ("2022-06-30", "yesterday")),
    ("Police detained 40 protesters on Monday.", ("2022-06-27", "on Monday")),
    ("Police detained 40 protesters last Friday.", ("2022-06-24", "last Friday")),
    ("Russia annexed Crimea in 2014.", ("2014", "in 2014")),
    ("The talks began earlier this month.", ("2022-07", "earlier this month")),
    ("The agreement was signed in June 2021.", ("2021-06", "in June 2021")),
    ("The border was closed on 25 June.", ("2022-06-25", "on 25 June")),
    ("Troops crossed the border on Jan. 5.", ("2022-01-05", "on Jan. 5")),
    ("Troops crossed the border on Dec. 5.", ("2021-12-05", "on Dec. 5")),
    ("The ceasefire collapsed on March 3, 2020.", ("2020-03-03", "on March 3, 2020")),
    ("The foreign minister will visit Beijing on Dec. 5.", ("2022-12-05", "on Dec. 5")),
    ("The minister will travel to Paris on Monday.", ("2022-07-04", "on Monday")),
    ("The two sides clashed three days ago.", ("2022-06-28", "three days ago")),
    ("Lawmakers approved the budget last month.", ("2022-06", "last month")),
    ("The company was fined last year.", ("2021", "last year")),
    ("The envoy arrives tomorrow for talks.", ("2022-07-02", "tomorrow")),
    ("Protesters marched in late May.", ("2022-05", "in late May")),
])
def test_date_forms(nlp, text, expected):
    article = _article(nlp, text)
    assert resolve_date(article, WORDS, 0, len(text)) == expected


@pytest.mark.parametrize("text", [
    "Officials said the ceasefire held.",
    "The army has shelled the town since 2014.",
    "About 2000 troops crossed into the region.",
    "The court may rule on the appeal.",
    "The president, born in 1954, addressed the nation.",
])
def test_no_event_date(nlp, text):
    assert resolve_date(_article(nlp, text), WORDS, 0, len(text)) == (None, None)


def test_date_of_the_main_verb_not_of_a_relative_clause(nlp):
    text = "The governor, who took office in 2019, met the protesters on Tuesday."
    assert resolve_date(_article(nlp, text), WORDS, 0, len(text)) == ("2022-06-28", "on Tuesday")


def test_only_the_given_span_is_read(nlp):
    text = "Talks ended on June 20. Fighting resumed on June 22."
    second = text.index("Fighting")
    assert resolve_date(_article(nlp, text), WORDS, second, len(text)) == ("2022-06-22", "on June 22")
    assert resolve_date(_article(nlp, text), WORDS, 0, second) == ("2022-06-20", "on June 20")


@pytest.mark.parametrize("text, expected", [
    ("Talks were held on June 25 in the capital.", ("2022-06-25", "on June 25")),
    ("The rebels attacked the base yesterday.", ("2022-06-30", "yesterday")),
    ("The leaders will meet next week.", ("2022-07-08", "next week")),
])
def test_without_a_parse(text, expected):
    assert resolve_date(_article(None, text), WORDS, 0, len(text)) == expected


def test_without_publication_date_keeps_the_text(nlp):
    text = "Talks were held on June 25."
    assert resolve_date(_article(nlp, text, published=None), WORDS, 0, len(text)) == (None, "on June 25")
    text = "Talks were held on June 25, 2021."
    assert resolve_date(_article(nlp, text, published=None), WORDS, 0, len(text)) == ("2021-06-25", "on June 25, 2021")


def test_seed_dates(seed_article):
    text = seed_article.text
    for phrase, expected in [("On June 25, the presidents", "2022-06-25"), ("In mid-June, the Belarusian", "2022-06-15")]:
        start = text.index(phrase)
        end = text.index(".", start)
        value, date_text = resolve_date(seed_article, WORDS, start, end)
        assert value == expected
        assert date_text == phrase.split(",")[0]


@pytest.mark.parametrize("text, expected", [
    ("They attacked the hotel at dawn this morning, a lawmaker said.", ("2022-07-01", "this morning")),
    ("In the past month, the two sides have traded tariffs.", (None, None)),
])
def test_more_relative_forms(nlp, text, expected):
    assert resolve_date(_article(nlp, text), WORDS, 0, len(text)) == expected


def test_anchor_picks_the_date_of_the_trigger(nlp):
    text = "The minister, who resigned on Monday, said talks were held on Wednesday."
    article = _article(nlp, text)
    assert resolve_date(article, WORDS, 0, len(text), anchor=text.index("held")) == ("2022-06-29", "on Wednesday")
    assert resolve_date(article, WORDS, 0, len(text), anchor=text.index("resigned")) == ("2022-06-27", "on Monday")


@pytest.mark.parametrize("text, expected", [
    ("The kingdom fell in the 1860s, historians said.", (None, None)),
    ("According to the Global Peace Index 2022, violence rose.", (None, None)),
    ("Officials said those involved in Tuesday's attack had fled.", ("2022-06-28", "Tuesday")),
])
def test_decades_names_and_possessive_weekdays(nlp, text, expected):
    assert resolve_date(_article(nlp, text), WORDS, 0, len(text)) == expected


@pytest.mark.parametrize("text, published, expected", [
    # present tense (headline style): the year nearest publication
    ("Gunmen attack a hotel on Dec. 30, officials say.", "2023-01-02", "2022-12-30"),
    ("The new law takes effect on March 3.", "2022-03-01", "2022-03-03"),
    # past tense: never after publication
    ("Gunmen attacked a hotel on Dec. 30.", "2023-01-02", "2022-12-30"),
    ("The vote took place on March 3.", "2022-03-01", "2021-03-03"),
    # future: never long before publication
    ("Elections will be held in June.", "2022-07-01", "2023-06"),
    ("The summit is scheduled for March 3.", "2022-12-20", "2023-03-03"),
])
def test_year_of_yearless_dates_follows_tense(nlp, text, published, expected):
    assert resolve_date(_article(nlp, text, published), WORDS, 0, len(text))[0] == expected


def test_seed_talks_event_has_date_and_place(seed_article):
    """The must-show: the June 25 talks are dated and placed in Saint Petersburg."""
    talks = [e for e in seed_article.events if "June 25" in e.text and not e.negated]
    assert talks, "no event coded in the 'On June 25 ... held talks in St. Petersburg' sentence"
    for event in talks:
        assert (event.date, event.date_text) == ("2022-06-25", "On June 25")
    placed = [e for e in talks if e.location is not None]
    assert placed and all(e.location.geonameid == 498817 and e.location.country == "RUS" for e in placed)
