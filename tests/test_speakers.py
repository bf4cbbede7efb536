"""Speakers: pronouns, relative pronouns and group phrases resolved to one actor or to none."""
import pytest

from heron.types import Article


def quote_starting(article: Article, words: str):
    return next(q for q in article.quotes if q.text.startswith(words))


@pytest.mark.parametrize("text, words, name", [
    ('"We will not raise taxes," Mrs. Anna Lind said. Mr. Piotr Nowak was not convinced.\n\n'
     '"The numbers do not add up," he said.', "The numbers do not add up", "Nowak"),
    ('"We will not raise taxes," Mrs. Anna Lind said.\n\n"The numbers do not add up," she said.',
     "The numbers do not add up", "Lind"),
])
def test_pronoun_after_a_quote_fits_the_speaker(speech, text, words, name):
    quote = quote_starting(speech(text), words)
    assert quote.speaker.text in ("he", "she")
    assert name in (quote.speaker.name or "")


def test_he_is_not_the_woman_who_spoke_before(speech):
    article = speech('"We will not raise taxes," Mrs. Anna Lind said on Monday.\n\n'
                     'Asked about the budget, he said that the deficit would grow next year.')
    quote = quote_starting(article, "the deficit would grow")
    assert "Lind" not in (quote.speaker.name or "")


@pytest.mark.parametrize("text, words, mention, name", [
    ("The talks were led by Jonas Berg, a former judge, who said that both sides had made concessions.",
     "both sides had made concessions", "who", "Berg"),
])
def test_relative_pronoun_speaker_names_its_antecedent(speech, text, words, mention, name):
    quote = quote_starting(speech(text), words)
    assert quote.speaker.text == mention
    assert name in (quote.speaker.name or "")


@pytest.mark.parametrize("text, words", [
    ("President Jonas Berg of Norland met President Anna Lind of Sudmark in Brenton. "
     "The leaders said that trade between the two countries would double.",
     "trade between the two countries would double"),
])
def test_group_of_several_actors_leaves_the_speaker_unresolved(speech, text, words):
    quote = quote_starting(speech(text), words)
    assert quote.speaker.text.lower().endswith("leaders")
    assert quote.speaker.actor is None


@pytest.mark.parametrize("referred, expected", [(["a1"], "a1"), (["a1", "a2"], None), ([], None)])
def test_group_speaker_is_linked_only_to_a_single_actor(monkeypatch, speech, knowledge, referred, expected):
    from heron.pipeline.quotes import speakers
    from heron.types import Participant

    article = speech("Jonas Berg met Anna Lind in Brenton. The leaders said that the border would stay open.")
    assert {a.id for a in article.actors} >= {"a1", "a2"}
    monkeypatch.setattr(speakers, "group_reference", lambda art, head, knowledge: [
        Participant(None, None, head.text, actor_id) for actor_id in referred] or None)
    head = next(t for t in article.doc if t.lower_ == "leaders")
    found, rule = speakers.SpeakerResolver(article, [], knowledge).speaker(head.idx - 4, head.idx + len(head.text), None, head)
    assert found.actor == expected
    assert rule == ("speaker.group" if expected else "speaker.mention")
