"""Find dictionary actors in a parsed text: spaCy PhraseMatchers built once per knowledge object.

Abbreviations (all capitals, "U.S.", "UN") match case-sensitively; other names match in any
case but need a capitalised word in the text ("Turkey" the country, not "turkey"), unless the
whole text is in lower case (some archives are), where capitals tell nothing.
Names from an imported base layer (PETRARCH2, ``petrarch_layer``) are held to more: every word
of four letters or more must be capitalised ("Ali Said", not "Ali said").
Overlapping matches keep the longest, then the leftmost.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from heron.pipeline.actors.dictionary import ActorDictionary, ActorEntry, CountryForm
from heron.pipeline.index import tokens
from heron.types import NON_STATE_CODES


@dataclass(frozen=True)
class Hit:
    start: int  # token index
    end: int  # token index, exclusive
    target: ActorEntry | CountryForm

    @property
    def code(self) -> str | None:
        if isinstance(self.target, CountryForm):
            return self.target.code
        return None


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (text == text.upper() or len(text) <= 3)


# first word -> second word ("" for one-word names) -> (words, key, cased): imported names
NameIndex = dict[str, dict[str, list[tuple[tuple[str, ...], str, bool]]]]


@dataclass(frozen=True)
class MatcherNames:
    """What an ActorMatcher looks for, as plain tables (the knowledge cache keeps them; the spaCy
    matchers are rebuilt from them over the model's vocabulary): each surface key's targets,
    the keys matched as written and in any case, and the imported names by their first words."""

    targets: dict[str, list[ActorEntry | CountryForm]]
    cased: frozenset[str]
    uncased: frozenset[str]
    imported: NameIndex  # ImportedNames.by_start


def matcher_names(dictionary: ActorDictionary, nlp) -> MatcherNames:
    """Every name of the dictionary under the key the matchers find it by."""
    targets: dict[str, list[ActorEntry | CountryForm]] = {}
    cased_texts, uncased_texts = set(), set()
    imported_names = ImportedNames(nlp)
    for text, target in dictionary.phrases():
        key = text if _is_abbreviation(text) else text.lower()
        if imported(target):
            if key not in targets:  # curated texts come first and keep their targets
                targets[key] = [target]
                imported_names.add(text, key, _is_abbreviation(text))
            continue
        targets.setdefault(key, [])
        if target not in targets[key]:
            targets[key].append(target)
        (cased_texts if _is_abbreviation(text) else uncased_texts).add(key)
    return MatcherNames(targets, frozenset(cased_texts), frozenset(uncased_texts), imported_names.by_start)


class ActorMatcher:
    """PhraseMatchers over one spaCy vocabulary for all names in an ActorDictionary."""

    def __init__(self, dictionary: ActorDictionary, nlp, cities: dict[str, str],
                 clear: dict[str, str] | None = None, names: MatcherNames | None = None) -> None:
        """``cities``: city name (lower case) -> ISO3, for names no dictionary entry covers;
        ``clear``: city names one place clearly owns (``clear_places``) -> ISO3; ``names``:
        the dictionary's names as ``matcher_names`` gives them (read from the cache), else
        computed here."""
        from spacy.matcher import PhraseMatcher

        self.dictionary = dictionary
        self.cities = cities
        self.clear = clear or {}
        self.names = names or matcher_names(dictionary, nlp)
        self.targets = self.names.targets
        self.imported = ImportedNames(nlp, self.names.imported)
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key in self.names.cased:
            self.cased.add(key, [nlp.make_doc(key)])
        for key in self.names.uncased:
            self.uncased.add(key, [nlp.make_doc(key)])
        # match ids are string hashes; keep their keys here so any Doc's vocabulary works
        self.key_of = {nlp.vocab.strings[key]: key for key in self.names.cased | self.names.uncased}

    def hits(self, span) -> list[Hit]:
        """Non-overlapping dictionary hits in a Doc or Span, in text order (token indices of the Doc)."""
        doc = span.doc if hasattr(span, "root") else span  # a Span; matchers give Doc indices either way
        any_case = lower_cased(doc)
        found = []
        for matcher, cased in ((self.cased, True), (self.uncased, False)):
            for match_id, start, end in matcher(span):
                key = self.key_of[match_id]
                if cased or any_case or (_capitalised(doc[start:end])
                                         and (not imported(self.targets[key][0]) or _title_case(doc[start:end]))):
                    found.append((start, end, key))
        found += [m for m in self.imported.matches(span) if (any_case or _title_case(doc[m[0]:m[1]]))
                  and not (getattr(self.targets[m[2]][0], "kind", None) == "person" and _name_goes_on(doc, m[1]))]
        found = [m for m in found if not self.inside_a_name(doc, m[0], m[1], self.targets[m[2]][0])]
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken: set[int] = set()
        hits = []
        for start, end, key in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                hits.append(Hit(start, end, self.targets[key][0]))
        return sorted(hits, key=lambda h: h.start)

    def inside_a_name(self, doc, start: int, end: int, target) -> bool:
        """A country word that is part of a longer proper name and so names no country: any
        country word in the name of a region, sea or range ("Western Balkans", "South China
        Sea"); a place in an organisation's name ("Jamestown Foundation") unless the place name
        is clearly one city of that country ("Lagos Teachers Association")."""
        state = isinstance(target, CountryForm) and target.code not in NON_STATE_CODES
        label = doc[end - 1].ent_type_
        if (label == "LOC" or (label == "NORP" and not state)) and self.part_of_name(doc, start, end, label):
            return True  # "South China Sea", "the West" of "West African" (not "Bosnian" of "Bosnian Serbs")
        if not isinstance(target, CountryForm):
            return False
        place_like = target.form in PLACE_FORMS or target.code in NON_STATE_CODES
        text = doc[start:end].text.lower()
        return place_like and self.clear.get(text) != target.code and self.part_of_name(doc, start, end, "ORG")

    def part_of_name(self, doc, start: int, end: int, label: str = "ORG") -> bool:
        """doc[start:end] modifies a capitalised noun that is no title, or lies inside a longer
        entity with such a noun: "Moscow State University", not "Moscow police", "eastern
        Ukraine" or "Moscow Mayor"."""
        roles = self.dictionary.roles
        head = doc[end - 1]
        if head.dep_ in ("compound", "amod") and head.head.i >= end and _proper_head(head.head, roles):
            return True  # parsed as a modifier of a name ("Western Balkans" with no entity label)
        if doc[end - 1].ent_type_ != label:
            return False
        # the name goes on after the place ("Jamestown Foundation"): a place last in a
        # mislabelled entity ("Khanty-Mansiysk (Siberia)") is still a place
        _, last = _in_entity(doc, start, end)
        return any(_proper_head(t, roles, any_tag=True) for t in doc[end:last])

    def place_country(self, text: str) -> str | None:
        """ISO3 of a city name (geonames, most populous of the name), or None."""
        return self.cities.get(text.lower())


def lower_cased(doc) -> bool:
    """A text written (or archived) in lower case, where capitals cannot mark names (read once
    per Doc: every sentence asks)."""
    held = doc.user_data.get(("heron", "lower cased"))
    if held is None:
        words = [t for t in doc[:400] if t.is_alpha]
        held = len(words) >= 20 and sum(t.text[:1].isupper() for t in words) < 0.03 * len(words)
        doc.user_data[("heron", "lower cased")] = held
    return held


def _capitalised(span) -> bool:
    """Some word other than "the" starts with a capital letter ("the collective West")."""
    return any(t.text[:1].isupper() for t in span if t.lower_ != "the" and t.is_alpha)


class ImportedNames:
    """The names of an imported layer (tens of thousands) by their first two words, matched by a
    scan of the text's words: building spaCy PhraseMatchers over them would cost seconds at every
    start for no faster matching. Plain names split on spaces; others are tokenised by spaCy.
    Names other than abbreviations match without regard to diacritics ("Sebastián Piñera")."""

    def __init__(self, nlp, by_start: NameIndex | None = None) -> None:
        self.nlp = nlp
        self.by_start: NameIndex = {} if by_start is None else by_start

    def add(self, text: str, key: str, cased: bool) -> None:
        words = text.split() if _PLAIN.fullmatch(text) else [t.text for t in self.nlp.make_doc(text)]
        words = tuple(words if cased else (fold(w.lower()) for w in words))
        rest = [w for w in words[1:] if w != "-"]  # matches() looks past a hyphen too
        second = rest[0].lower() if rest else ""
        self.by_start.setdefault(words[0].lower(), {}).setdefault(second, []).append((words, key, cased))

    def matches(self, span) -> list[tuple[int, int, str]]:
        """(start, end, key) of every name in the span (token indices of its Doc)."""
        doc = span.doc if hasattr(span, "root") else span
        first, limit = (span.start, span.end) if hasattr(span, "root") else (0, len(doc))
        lowers, texts = _words_of(doc)
        found = []
        for i in range(first, limit):
            by_second = self.by_start.get(lowers[i])
            if by_second is None:
                continue
            j = i + 2 if i + 2 < limit and texts[i + 1] == "-" else i + 1
            candidates = by_second.get("", []) + (by_second.get(lowers[j], []) if j < limit else [])
            for words, key, cased in candidates:
                end = _match_end(lowers, texts, i, limit, words, cased)
                if end is not None:
                    found.append((i, end, key))
        return found


def fold(word: str) -> str:
    """The word without diacritics ("erdoğan" -> "erdogan"): upstream writes most names in plain
    capitals, news often keeps the accents."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _words_of(doc) -> tuple[list[str], list[str]]:
    """The Doc's words in lower case without diacritics and as written (the folded words are
    worked out once per Doc from its token table: every sentence asks)."""
    read = tokens(doc)
    held = doc.user_data.get(("heron", "folded words"))
    if held is None or held[0] is not read.lower:
        held = (read.lower, [fold(w) for w in read.lower])
        doc.user_data[("heron", "folded words")] = held
    return held[1], read.text


def _match_end(lowers: list[str], texts: list[str], start: int, limit: int,
               words: tuple[str, ...], cased: bool) -> int | None:
    """Where ``words`` end when they are written from word ``start`` on, a hyphen standing for a
    space ("Jean-Bertrand Aristide" for JEAN BERTRAND ARISTIDE); None when they are not."""
    i = start
    for n, word in enumerate(words):
        if n and i < limit and texts[i] == "-" and word != "-":
            i += 1
        if i >= limit or (texts[i] if cased else lowers[i]) != word:
            return None
        i += 1
    return i


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


PLACE_FORMS = {"seat", "region"}


def clear_places(cities: dict[str, tuple]) -> dict[str, str]:
    """Place name -> ISO3 where the name's most populous place has ten times the people of any
    other of that name (Lagos, Moscow; not Jamestown, which GeoNames knows in several states)."""
    clear = {}
    for name, places in cities.items():
        ranked = sorted(places, key=lambda p: -p.population)
        if ranked[0].country and (len(ranked) == 1 or ranked[0].population >= 10 * ranked[1].population):
            clear[name] = ranked[0].country
    return clear


def _in_entity(doc, start: int, end: int) -> tuple[int, int]:
    """The token span of the entity around doc[start:end]."""
    first, last = start, end
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return first, last


def _proper_head(token, roles: dict, any_tag: bool = False) -> bool:
    """A capitalised noun that is no title ("Balkans", "Foundation", not "Mayor"); inside an
    entity any capitalised word ("African" of "West African")."""
    if not (token.is_alpha and token.text[:1].isupper() and (any_tag or token.pos_ in ("PROPN", "NOUN"))):
        return False
    role = roles.get(token.lower_) or roles.get(token.lemma_.lower())
    return role is None or not role.title


def imported(target: ActorEntry | CountryForm) -> bool:
    """An entry or form of an imported layer (its rule names the upstream file)."""
    return target.rule.startswith("petrarch/")


def _name_goes_on(doc, end: int) -> bool:
    """The personal name before ``end`` goes on: "Kim Min" of "Kim Min-jae", "Pak Chol" of
    "Pak Chol Su" (spaCy's person entity continues) are not the people so named."""
    if end >= len(doc):
        return False
    following = doc[end]
    if following.text[:1] in ("-", "‐") and not doc[end - 1].whitespace_:
        return True
    return following.ent_type_ == "PERSON" and following.ent_iob_ == "I"


def _title_case(span) -> bool:
    """Every word of four letters or more starts with a capital ("Abu Nidal Organization")."""
    return all(t.text[:1].isupper() for t in span if t.is_alpha and len(t.text) >= 4)


def dominant_code(hits: list[Hit]) -> str | None:
    """The state named most often (names, adjectives, capitals), when it has >= 3 mentions and at
    least twice as many as the next; else None."""
    counts: dict[str, int] = {}
    for hit in hits:
        if hit.code and hit.code not in NON_STATE_CODES:
            counts[hit.code] = counts.get(hit.code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1]) + [("", 0)]
    if ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None
