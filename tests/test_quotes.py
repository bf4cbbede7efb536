import pytest

from heron.types import Article, RawDocument


def only(article: Article, direct: bool):
    found = [q for q in article.quotes if q.direct is direct]
    assert len(found) == 1, [(q.text, q.rule) for q in article.quotes]
    return found[0]


def check_offsets(article: Article) -> None:
    for quote in article.quotes:
        assert article.text[quote.start:quote.end] == quote.text
        if quote.speaker:
            assert article.text[quote.speaker.start:quote.speaker.end] == quote.speaker.text


@pytest.mark.parametrize("text, words, speaker, name, rule", [
    ('"The talks were useful," said Foreign Minister Anton Weber.',
     "The talks were useful", "Foreign Minister Anton Weber", "Weber", "direct.cue_after"),
    ('"The talks were useful," Anton Weber, the foreign minister, said on Tuesday.',
     "The talks were useful", "Anton Weber", "Weber", "direct.cue_after"),
    ('Interior Minister Lena Fischer told reporters: "The border will stay open."',
     "The border will stay open.", "Interior Minister Lena Fischer", "Fischer", "direct.cue_before"),
    ('Lena Fischer said, "The border will stay open."',
     "The border will stay open.", "Lena Fischer", "Fischer", "direct.cue_before"),
    ('«We are ready for dialogue», Prime Minister Jonas Berg said.',
     "We are ready for dialogue", "Prime Minister Jonas Berg", "Berg", "direct.cue_after"),
    ('“We are ready for dialogue»,— Prime Minister Jonas Berg said.',
     "We are ready for dialogue", "Prime Minister Jonas Berg", "Berg", "direct.cue_after"),
    ('Prime Minister Jonas Berg said the cabinet acted “in the interest of all citizens.”',
     "in the interest of all citizens.", "Prime Minister Jonas Berg", "Berg", "direct.embedded"),
    ('"The budget is balanced," according to Finance Minister Maria Keller.',
     "The budget is balanced", "Finance Minister Maria Keller", "Keller", "direct.according_to"),
])
def test_direct_quote_and_its_speaker(speech, text, words, speaker, name, rule):
    article = speech(text)
    quote = only(article, True)
    assert quote.text == words
    assert quote.speaker.text == speaker
    assert name in (quote.speaker.name or "")
    assert quote.rule.startswith(rule)
    check_offsets(article)


def test_pronoun_speaker_resolves_to_the_person_before(speech):
    article = speech('Finance Minister Maria Keller met the bankers in Vienna on Monday.\n\n'
                     '"Nobody will lose their savings," she said.')
    quote = only(article, True)
    assert quote.speaker.text == "she"
    assert "Keller" in quote.speaker.name
    assert "pronoun." in quote.rule


def test_pronoun_follows_gendered_title(speech):
    article = speech("Mrs. Anna Lind and Mr. Piotr Nowak arrived for the vote.\n\n"
                     '"The result is clear," she said.')
    assert "Lind" in only(article, True).speaker.name


@pytest.mark.parametrize("text, second_rule", [
    ('"We are ready," Anton Weber said. "But we need guarantees."', "direct.same_speaker"),
    ('"We are ready," Anton Weber said.\n\n"Our partners know this very well."', "direct.next_paragraph"),
    ('"The first part of the statement is long.\n\n"The second part ends it," Anton Weber said.',
     "direct.continued"),
])
def test_quotes_in_sequence_share_the_speaker(speech, text, second_rule):
    article = speech(text)
    quotes = [q for q in article.quotes if q.direct]
    assert len(quotes) == 2
    assert all("Weber" in q.speaker.name for q in quotes)
    assert any(q.rule.startswith(second_rule) for q in quotes)


@pytest.mark.parametrize("text", [
    'The so-called "peace plan" was rejected by the opposition.',
    "The minister's plan was published by the workers' union.",
    "The government raised pensions by four percent last year.",
    "I think the new bridge will open in the spring.",  # a hedge, not an attribution
    "Jonas Berg needs to win the vote in the north.",  # wanting and needing are not speech
])
def test_no_quote_where_nobody_speaks(speech, text):
    assert speech(text).quotes == []


@pytest.mark.parametrize("text, content, speaker, rule", [
    ("Prime Minister Jonas Berg said that the government would raise pensions next year.",
     "the government would raise pensions next year", "Prime Minister Jonas Berg", "indirect.clause"),
    ("Jonas Berg said the government would raise pensions next year.",
     "the government would raise pensions next year", "Jonas Berg", "indirect.clause"),
    ("The government will raise pensions next year, Jonas Berg noted.",
     "The government will raise pensions next year", "Jonas Berg", "indirect.clause_before"),
    ("According to Jonas Berg, the government will raise pensions next year.",
     "the government will raise pensions next year", "Jonas Berg", "indirect.according_to"),
    ("The economy grew by three percent last year. This was stated by Finance Minister Maria Keller "
     "at a press conference.", "The economy grew by three percent last year",
     "Finance Minister Maria Keller", "indirect.passive_previous"),
    ("Finance Minister Maria Keller vowed to cut taxes for small businesses.",
     "to cut taxes for small businesses", "Finance Minister Maria Keller", "indirect.infinitive"),
])
def test_reported_speech(speech, text, content, speaker, rule):
    article = speech(text)
    quote = only(article, False)
    assert quote.text == content
    assert quote.speaker.text == speaker
    assert quote.rule.startswith(rule)
    assert quote.cue
    check_offsets(article)


def test_reported_clause_keeps_its_quoted_words(speech):
    article = speech("Jonas Berg said the cabinet acted “in the interest of all citizens” this week.")
    indirect, direct = only(article, False), only(article, True)
    assert "“in the interest of all citizens”" in indirect.text
    assert direct.text == "in the interest of all citizens"
    assert indirect.speaker.start == direct.speaker.start


def test_quotes_without_actors_still_name_the_speaker(settings):
    from heron.pipeline import build_pipeline
    from heron.pipeline.quotes.stage import QuoteStage

    parse = build_pipeline(settings, ["parse"])
    article = parse.process(RawDocument(origin="<test>", text='"We will appeal," said the lawyer Ruth Adler.'))
    article.stages.append("actors")  # the actors stage ran and found nobody
    QuoteStage(settings, parse.knowledge)(article)
    quote = only(article, True)
    assert quote.speaker.text == "the lawyer Ruth Adler"
    assert quote.speaker.actor is None
    assert "Adler" in quote.speaker.name


def test_seed_putin_quote_is_his(seed_article):
    quote = next(q for q in seed_article.quotes if q.text.startswith("Unprecedented political and sanctions pressure"))
    assert quote.direct
    assert quote.text.endswith("accelerate unification processes")
    assert quote.speaker.text == "he"
    assert "Putin" in quote.speaker.name
    if not seed_article.actors:
        pytest.skip("the actors stage found no actors: the speaker's actor id cannot be checked")
    actor = seed_article.actor_by_id(quote.speaker.actor)
    assert actor is not None and "Putin" in actor.name


def test_seed_shoigu_quote_is_his(seed_article):
    quote = next(q for q in seed_article.quotes
                 if q.direct and q.text == "under conditions of unprecedented pressure from the West, an undeclared war.")
    assert "Shoigu" in quote.speaker.name
    if not seed_article.actors:
        pytest.skip("the actors stage found no actors: the speaker's actor id cannot be checked")
    actor = seed_article.actor_by_id(quote.speaker.actor)
    assert actor is not None and "Shoigu" in actor.name


def test_seed_reported_speech(seed_article):
    by_rule = {q.rule.split(";")[0]: q for q in seed_article.quotes if not q.direct}
    noted = next(q for q in seed_article.quotes if q.cue == "noted")
    assert noted.text.startswith("Russia and Belarus continue to increase cooperation")
    assert "Putin" in noted.speaker.name
    passive = by_rule["indirect.passive_previous"]
    assert passive.text.startswith("Pressure on Russia and Belarus from Western countries")
    assert "Putin" in passive.speaker.name
    assert "Putin" in by_rule["indirect.according_to"].speaker.name
    # every quoted phrase in the seed has a speaker; none stands alone as a scare quote
    assert all(q.speaker is not None for q in seed_article.quotes if q.direct)


@pytest.mark.parametrize("text, words", [
    ('Anna Lind told NTV\'s "Morning Today" on Monday that the vote was fair.', "Morning Today"),
    ('"We will win," Anna Lind said on "Meet the Voters."', "Meet the Voters."),
    ('Jonas Berg posted the "Perception" reading list on his page.', "Perception"),
    ('Local papers have combed his new book "Building Bridges: A Life in Politics" for clues.',
     "Building Bridges: A Life in Politics"),
    ('Supporters carried a "Talk Policy to Me" banner at the rally in the park.', "Talk Policy to Me"),
])
def test_quoted_titles_are_not_quotes(speech, text, words):
    assert all(not q.text.startswith(words.rstrip(".,")) for q in speech(text).quotes if q.direct)


def test_quoted_words_the_speaker_described_something_as(speech):
    quote = only(speech('Anna Lind described the new budget as "a disaster for the farmers."'), True)
    assert "Lind" in quote.speaker.name


def test_quote_inside_a_clause_takes_the_speaker_of_the_clause(speech):
    article = speech('The Norland Foreign Ministry said Norland would respond with "proportionate measures".')
    quote = only(article, True)
    assert quote.cue == "said"
    assert quote.speaker.text == "The Norland Foreign Ministry"


@pytest.mark.parametrize("text, speakers", [
    ("“We can still build a better town.” ― Steve Quinlan.\n“I hope that the young people go out and vote.” ― Maria Lopez",
     ["Steve Quinlan", "Maria Lopez"]),
])
def test_quote_signed_with_a_dash(speech, text, speakers):
    quotes = [q for q in speech(text).quotes if q.direct]
    assert [q.speaker.text for q in quotes] == speakers
    assert all(q.rule.startswith("direct.dash_name") for q in quotes)


def test_second_quote_after_a_tag_ending_in_a_title(speech):
    article = speech('"He is right," Anton Weber, a senior adviser, said on Monday on NTV\'s "Early Start." '
                     '"There is a lot of frustration within the ranks."')
    second = next(q for q in article.quotes if q.text.startswith("There is a lot"))
    assert second.direct and "Weber" in second.speaker.name
    assert all(q.speaker is None or "Early" not in q.speaker.text for q in article.quotes)


def test_speaker_mention_does_not_overlap_what_was_said(speech):
    article = speech("A step that President Anna Lind has said strengthens the security of the country.")
    for quote in article.quotes:
        if quote.speaker is not None:
            assert quote.speaker.end <= quote.start or quote.end <= quote.speaker.start
