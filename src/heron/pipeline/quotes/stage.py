"""Stage `quotes`: direct quotes and reported speech, each with its speaker and cue.

Direct quotes come from the quotation marks (quotemarks.py); their speaker from the cue next
to them. Rules (each quote's ``rule`` names the one that found it, then how the speaker was
resolved):
  "...," he said / "...," said Putin / "..." Putin said.      direct.cue_after
  "...," Ramos, 58, told AFP (subject lost by the parser)     direct.cue_after_name
  "...," he mocked. (any verb in a short tag after a comma)   direct.cue_after_tag
  "...," according to X                                       direct.according_to
  Putin told reporters: "..." / X said, "..."                 direct.cue_before
  Cruz called them on it: "..." / Putin: "..."                direct.colon_subject / direct.colon
  He said that Russia is cooperating "under ..."              direct.embedded
  a paragraph reopening a quote left open, its earlier parts  direct.continued / direct.continued_before
  a second quote after "...," he said. / the next paragraph   direct.same_speaker / direct.next_paragraph
  "..." ― Steve Quinlan (a signature line)                   direct.dash_name
  a quote of four words or more with no cue                   direct.unattributed (speaker null)
Short quoted phrases (up to three words) with no cue are scare quotes or titles: not quotes.
Reported speech comes from the parse (reported.py); speakers are resolved by speakers.py.
"""
from __future__ import annotations

import re
from itertools import chain, islice

from heron.config import Settings
from heron.pipeline.budget import check
from heron.pipeline.component import Stage
from heron.pipeline.index import Intervals, lines
from heron.pipeline.knowledge import Knowledge
from heron.pipeline.quotes.marks import QuoteSpan, find_quote_spans
from heron.pipeline.quotes.reported import Reported, according_source, cue_text, find_reported, speaker_token
from heron.pipeline.quotes.speakers import SpeakerResolver, phrase_bounds
from heron.pipeline.words import SpeechWords
from heron.types import Article, Quote, Speaker

SCARE_QUOTE_WORDS = 3
DASH_SIGNATURE = re.compile(r"[ \t,.]*[―—–-]{1,2}[ \t]*(?=\w)")  # '" ― Name' after a quote
SIGNATURE_WORDS = 6
# Dependents of a reporting verb that say where, when or to whom, not what, something was said
# (verbs whose object is the one addressed, "told NBC's "Today"", are speech.yaml's addressee_verbs).
NOT_SAID_DEPS = ("prep", "dative", "npadvmod", "nsubj", "nsubjpass", "agent", "advmod")
# A quoted stretch modifying a noun outside it is a label ('the "Perception" syllabus').
LABEL_DEPS = ("compound", "amod", "nmod")
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
SENTENCE_END = re.compile(r"[.!?…]$")
SPACES = re.compile(r"\s*")
TAGGED = ("direct.cue_after", "direct.cue_after_name", "direct.cue_after_tag", "direct.cue_before",
          "direct.colon", "direct.colon_subject", "direct.according_to", "direct.dash_name")


class QuoteStage(Stage):
    name = "quotes"
    requires = ("doc", "actors")
    provides = ("quotes",)

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge

    def __call__(self, article: Article) -> None:
        article.quotes = find_quotes(article, self.knowledge)


def find_quotes(article: Article, knowledge: Knowledge) -> list[Quote]:
    """All direct and reported speech in the article, in text order."""
    text, doc, speech = article.text, article.doc, knowledge.speech
    spans = find_quote_spans(text)
    direct = attribute_direct(doc, text, spans, speech)
    quoted = [(s.open_at, s.outer_end) for s in spans]
    said = Intervals([(d.start - 2, d.end + 2) for d in direct])
    indirect = [r for r in find_reported(doc, text, quoted, speech) if not _repeats(r, said)]
    resolver = SpeakerResolver(article, quoted, knowledge)
    quotes: list[Quote] = []
    last_direct: Quote | None = None
    for item in sorted(direct + indirect, key=lambda r: r.start):
        check()
        previous = last_direct if item.follows else (quotes[-1] if quotes else None)
        speaker, speaker_rule = _speaker(resolver, item, previous)
        cue = item.cue if not item.follows else (previous.cue if previous else None)
        rule = item.rule + (f"; {speaker_rule}" if speaker_rule else "")
        quote = Quote(text[item.start:item.end], item.start, item.end, item.direct, cue, speaker, rule)
        quotes.append(quote)
        last_direct = quote if item.direct else last_direct
    return quotes


def _repeats(item: Reported, direct: Intervals) -> bool:
    """A reported clause that is just a direct quote again ("...," he said) is not a second
    quote; ``direct`` holds each direct quote's span widened by two characters."""
    return direct.covers(item.start, item.end)


def _speaker(resolver: SpeakerResolver, item: Reported, previous: Quote | None) -> tuple[Speaker | None, str]:
    if item.follows:
        if previous is None or previous.speaker is None:
            return None, ""
        return previous.speaker, "speaker.previous_quote"
    if item.speaker_token is None:
        return None, ""
    head = item.speaker_token
    start, end = phrase_bounds(head)
    if start < item.end and item.start < end:  # a misparse ran the name into the words said
        start, end = head.idx, head.idx + len(head.text)
    return resolver.speaker(start, end, previous, head)


def attribute_direct(doc, text: str, spans: list[QuoteSpan], speech: SpeechWords) -> list[Reported]:
    """Find the cue and speaker of each quoted span; drop scare quotes."""
    found: list[Reported] = []
    by_span: dict[int, Reported] = {}
    previous: QuoteSpan | None = None  # the last attributed span that is no quoted phrase
    for k, span in enumerate(spans):
        check()
        following = spans[k + 1] if k + 1 < len(spans) else None
        item = (_cue_after(doc, text, span, following, speech) or _cue_before(doc, text, span, previous, speech)
                or _dash_name(doc, text, span) or _embedded(doc, text, span, speech)
                or _continued(doc, text, span, previous, found))
        if item is None and span.words(text) > SCARE_QUOTE_WORDS and not _title(doc, text, span, speech):
            item = Reported(span.start, span.end, True, "direct.unattributed")
        if item is not None:
            found.append(item)
            by_span[k] = item
            # quoted titles and phrases ('on "Meet the Press"') do not break a run of quotes
            previous = span if not _phrase(text, span, item) else previous
    _carry_back(spans, by_span)
    return found


def _phrase(text: str, span: QuoteSpan, item: Reported) -> bool:
    """A short quoted phrase or title inside a sentence ('on "Meet the Press"'), as opposed
    to a short quote tagged with its own cue ('"Too many," he said')."""
    return span.words(text) <= SCARE_QUOTE_WORDS and item.rule not in TAGGED


def _carry_back(spans: list[QuoteSpan], by_span: dict[int, Reported]) -> None:
    """A quote running over several paragraphs is tagged once, often at its last part:
    give the earlier, untagged parts the speaker of the part that carries the cue."""
    for k in range(len(spans) - 2, -1, -1):
        item, after = by_span.get(k), by_span.get(k + 1)
        if item is None or after is None or item.rule != "direct.unattributed":
            continue
        if spans[k].close_at is None and spans[k + 1].continues and after.speaker_token is not None:
            item.rule, item.cue, item.cue_at = "direct.continued_before", after.cue, after.cue_at
            item.speaker, item.speaker_token = after.speaker, after.speaker_token


def _paragraph(doc, at: int) -> tuple[int, int]:
    """Start and end of the paragraph (line) holding offset ``at``."""
    index = lines(doc)
    end = index.end(at)
    return index.start(at), index.length if end < 0 else end


def _tokens(doc, start: int, end: int):
    return list(_within(doc, start, end))


def _within(doc, start: int, end: int):
    """The tokens inside [start, end) as a Span (read lazily: a paragraph may be long), or ()."""
    span = doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return span if span is not None else ()


def _make(span: QuoteSpan, verb, rule: str, who=None) -> Reported | None:
    who = who if who is not None else speaker_token(verb)
    if who is None:  # 'said Putin' parsed without a subject: the name right after the verb
        who = next((t for t in verb.doc[verb.i + 1:verb.i + 3] if t.pos_ == "PROPN"), None)
    if who is None:
        return None
    return Reported(span.start, span.end, True, rule, cue_text(verb), verb.idx,
                    (who.idx, who.idx + len(who.text)), who)


def _tail(doc, text: str, span: QuoteSpan, following: QuoteSpan | None) -> list:
    """Tokens after the closing mark up to the sentence end, the next quote or the paragraph end."""
    para_end = _paragraph(doc, span.open_at)[1]
    stop = para_end
    if following is not None and following.words(text) > SCARE_QUOTE_WORDS:
        stop = min(para_end, following.open_at)  # short quoted phrases may sit inside the tag
    tokens = []
    for token in _within(doc, span.outer_end, stop):
        tokens.append(token)
        if token.text in (".", "!", "?"):
            break
    return tokens


def _cue_after(doc, text: str, span: QuoteSpan, following: QuoteSpan | None,
               speech: SpeechWords) -> Reported | None:
    """'"...," he said' / '"...," said Putin' / '"...," Trump, the nominee, said' / '"..." according to X'."""
    if not any(ch in ",.!?…—–:;" for ch in text[span.end - 1:span.outer_end + 2]):
        return None  # '"Ted Cruz" campaign pins': a quoted name inside a phrase, not a tagged quote
    tokens = _tail(doc, text, span, following)
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return None
    # after a full stop, a capitalised word may start a sentence of its own ('He said the ...')
    new_sentence = SENTENCE_END.search(text[span.start:span.end]) and words[0].text[0].isupper()
    first = words[0]
    source = according_source(first, speech)
    if source is not None:
        who = source[1]
        if first.i + 1 < len(doc):
            return Reported(span.start, span.end, True, "direct.according_to",
                            f"{first.text} {doc[first.i + 1].text}", first.idx,
                            (who.idx, who.idx + len(who.text)), who)
    verbs = speech.quote_verbs
    for token in words:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() in speech.not_cues:
            continue
        if token.lemma_.lower() not in verbs:
            return _manner_tag(text, span, words, token)
        who = speaker_token(token)
        if new_sentence and (token.i - first.i > 3 or any(c.dep_ in ("ccomp", "dobj") for c in token.rights)):
            return None  # 'He said the talks failed.' reports something else
        if token is first:  # inverted: '"...," said Putin'
            return _make(span, token, "direct.cue_after", who if who is not None and who.i > token.i else None)
        if who is not None and who.left_edge.i <= first.i <= who.i:
            return _make(span, token, "direct.cue_after", who)
        name = _leading_name(words, token)
        if name is not None:
            return _make(span, token, "direct.cue_after_name", name)
        return None  # the first cue word does not tag this quote
    return None


def _manner_tag(text: str, span: QuoteSpan, words: list, verb) -> Reported | None:
    """'"...," he mocked.' / '"...," an angry Hollande retaliated.': a short tag of subject and
    verb closing a quote that ends in a comma is a speech tag whatever the verb."""
    if text[span.end:span.outer_end].strip()[:1] != "," and text[span.outer_end:span.outer_end + 1] != ",":
        return None
    who = speaker_token(verb)
    if who is None or who.left_edge.i != words[0].i or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.rights):
        return None
    rest = [t for t in verb.doc[verb.i + 1:] if not t.is_space][:1]
    if rest and rest[0].text not in (".", ",", ";", "!", "?"):
        return None  # a longer sentence, not a tag
    return _make(span, verb, "direct.cue_after_tag", who)


NAME_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")


def _leading_name(words: list, verb):
    """'"...," Ramos, 58, told AFP' misparsed: the name that opens the tag, then the cue
    right after it or after an aside set off by commas."""
    run = []
    for token in words[0].doc[words[0].i:verb.i]:
        if token.pos_ not in NAME_POS:
            break  # punctuation or a verb ends the name
        run.append(token)
    heads = [t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not heads:
        return None
    head, doc = heads[-1], verb.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is not None and after.i == verb.i:
        return head
    if after is not None and after.text == "," and doc[verb.i - 1].text == ",":
        return head
    return None


def _lead_in(doc, text: str, span: QuoteSpan, previous: QuoteSpan | None) -> list:
    """Tokens of the clause that leads into the quote: this paragraph's, or a previous
    paragraph that ends in a colon ('Cruz continued:' on a line of its own)."""
    para_start = _paragraph(doc, span.open_at)[0]
    begin = max(para_start, previous.outer_end if previous and previous.outer_end > para_start else para_start)
    if SPACES.match(text, begin).end() >= span.open_at and para_start > 0:
        prev_start, prev_end = _paragraph(doc, max(0, para_start - 2))
        before = text[prev_start:prev_end].rstrip()
        if before.endswith(":") and not (previous and previous.outer_end > prev_start):
            begin, para_start = prev_start, prev_end
    clause = []  # read back from the quote to the last sentence end
    tokens = _within(doc, begin, span.open_at)
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in (".", "!", "?"):
            break
        clause.append(tokens[k])
    return [t for t in reversed(clause) if not t.is_space]


def _cue_before(doc, text: str, span: QuoteSpan, previous: QuoteSpan | None,
                speech: SpeechWords) -> Reported | None:
    """'Putin told reporters: "..."' / 'X said, "..."' / 'Putin: "..."'."""
    clause = _lead_in(doc, text, span, previous)
    verbs = speech.quote_verbs
    if not clause or clause[-1].text not in (":", ",", "—", "–") and clause[-1].lemma_.lower() not in verbs:
        return None
    for token in reversed(clause):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
            return _make(span, token, "direct.cue_before")
    if clause[-1].text != ":":
        return None
    # 'Cruz called them on it:' / 'Putin:' -- the one who leads in with a colon speaks
    roots = [t for t in clause if t.pos_ in ("VERB", "AUX") and speaker_token(t) is not None]
    if roots:
        verb = roots[-1]
        return _make(span, verb, "direct.colon_subject")
    names = [t for t in clause[:-1] if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP")]
    if names:
        head = names[-1]
        return Reported(span.start, span.end, True, "direct.colon", None, None,
                        (head.idx, head.idx + len(head.text)), head)
    return None


def _dash_name(doc, text: str, span: QuoteSpan) -> Reported | None:
    """'"Maybe we can build a wall." ― Steve Quinlan': a quote signed with a dash and a name
    that ends its paragraph."""
    para_end = _paragraph(doc, span.open_at)[1]
    found = DASH_SIGNATURE.match(text, span.outer_end, para_end)
    if found is None:
        return None
    words = (t for t in _within(doc, found.end(), para_end) if not t.is_punct)
    names = list(islice(words, SIGNATURE_WORDS + 1))  # one more than a signature may have
    if not names or len(names) > SIGNATURE_WORDS or not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") for t in names):
        return None
    propns = [t for t in names if t.pos_ == "PROPN"]
    if not propns:
        return None
    who = propns[-1] if len(propns) == len(names) else propns[0]
    return Reported(span.start, span.end, True, "direct.dash_name", None, None,
                    (who.idx, who.idx + len(who.text)), who)


def _embedded(doc, text: str, span: QuoteSpan, speech: SpeechWords) -> Reported | None:
    """A quote inside the clause of a reporting verb: 'He said that X is "..."'; not a name
    beside it ('told ABC's "Good Morning America"', 'said on "Meet the Press"', 'the
    "Perception" syllabus')."""
    inside = _tokens(doc, span.start, span.end)
    if not inside or _title(doc, text, span, speech):
        return None
    verbs = speech.reporting_verbs
    para_start, para_end = _paragraph(doc, span.open_at)
    for token in inside:
        if span.open_at <= token.head.idx < span.outer_end:
            continue
        if token.dep_ in LABEL_DEPS:
            return None  # a quoted name modifying a noun outside the quote
        path = [token]
        for ancestor in token.ancestors:
            if not para_start <= ancestor.idx < para_end:
                break  # a parse that runs across a line break says nothing about this quote
            if ancestor.idx < span.open_at or ancestor.idx >= span.outer_end:
                if ancestor.lemma_.lower() in verbs and ancestor.pos_ in ("VERB", "AUX") and _said(ancestor, path[-1], speech):
                    return _make(span, ancestor, "direct.embedded")
            path.append(ancestor)
    return None


def _said(verb, branch, speech: SpeechWords) -> bool:
    """Whether the dependent ``branch`` of a reporting verb can hold what was said: its clause
    or object, not where or to whom it was said ('on "Meet the Press"', 'told "Today"')."""
    if branch.dep_ in NOT_SAID_DEPS:
        return branch.dep_ == "prep" and branch.lower_ == "as"  # 'described it as "unhinged"'
    return not (branch.dep_ == "dobj" and verb.lemma_.lower() in speech.addressee_verbs)


def _title(doc, text: str, span: QuoteSpan, speech: SpeechWords) -> bool:
    """A quoted title in running text ('the book "Crippled America: How to Make America Great
    Again"', 'a "Talk Bernie to Me" tote bag'): every longer word capitalised while the
    paragraph around it is not in title case (a headline quoting someone is)."""
    words = [w for w in TITLE_WORD.findall(text[span.start:span.end]) if w.lower() not in speech.title_small_words]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    para_start, para_end = _paragraph(doc, span.open_at)
    around = chain(TITLE_WORD.finditer(text, para_start, span.open_at),
                   TITLE_WORD.finditer(text, span.outer_end, para_end))
    lower = (w for w in around if w.group().lower() not in speech.title_small_words and w.group()[0].islower())
    return next(lower, None) is not None and next(lower, None) is not None  # two will do: read no further


def _continued(doc, text: str, span: QuoteSpan, previous: QuoteSpan | None,
               found: list[Reported]) -> Reported | None:
    """A quote that carries on from the one before: reopened paragraph, right after its cue,
    or a paragraph opening with a quote right after a paragraph whose speech was attributed."""
    last = next((f for f in reversed(found) if previous is not None and f.start == previous.start), None)
    if previous is None or last is None:
        return None
    if span.continues:
        return Reported(span.start, span.end, True, "direct.continued", follows=True)
    here = _paragraph(doc, span.open_at)[0]
    there = _paragraph(doc, previous.open_at)[0]
    ends = _last_mark(text, previous.outer_end, span.open_at)  # a quoted title may close the tag ('on "Today."')
    if here == there and last.rule.startswith("direct.cue_after") and ends in (".", ",", ";", ""):
        return Reported(span.start, span.end, True, "direct.same_speaker", follows=True)
    if here != there and span.open_at - here <= 1 and _paragraph(doc, max(0, here - 2))[0] == there:
        if last.speaker_token is not None or last.follows:
            return Reported(span.start, span.end, True, "direct.next_paragraph", follows=True)
    return None


def _last_mark(text: str, start: int, end: int) -> str:
    """``text[start:end].strip().rstrip('”"»’')[-1:]``, read from the end only."""
    k = end
    while k > start and text[k - 1].isspace():
        k -= 1
    while k > start and text[k - 1] in "”\"»’":
        k -= 1
    if k > start and text[k - 1].isspace():  # nothing but space before it: strip() took it all
        return text[k - 1] if SPACES.match(text, start).end() < k - 1 else ""
    return text[k - 1] if k > start else ""
