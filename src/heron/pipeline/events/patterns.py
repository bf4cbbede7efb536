"""PETRARCH2's CAMEO verb dictionary as the base layer under heron's curated lexicon.

Every verb of a synonym block carries the block's patterns: objects, prepositional phrases and
subject words around the verb, each with a CAMEO code (and a code for passive use). A verb in a
parsed sentence is matched against its block's patterns; the most specific pattern that matches
decides (one that upstream codes "---" blocks the verb); with none, the verb's own code applies.
CAMEO codes become PLOVER types through data/petrarch/cameo_plover.csv, with heron's departures
and its exclusions of noisy blocks in the language's lexicon/petrarch.yaml. Every event names the
upstream line that produced it: ``petrarch/CAMEO.2.0.txt:<line>``.

The stage tries these triggers only after the curated lexicon's: a heron entry matching the same
verb wins (see triggers.sentence_triggers).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from heron.errors import DataFileError
from heron.knowledge import petrarch
from heron.pipeline.events.lexicon import TYPES, LexiconEntry
from heron.pipeline.events.scores import PloverTable
from heron.pipeline.text.language import Language, lemma

RULES_FILE = "lexicon/petrarch.yaml"
ANY_PHRASE = ("$", "+", "^")  # source, target, any noun phrase: some phrase must stand there
# dependents of a verb whose words a pattern may name as objects: the verb's own phrase (its
# prepositional phrases are matched as upstream's prepositions; subjects and clauses never). An
# object predicate ("what they called a victory", "called subsidies unbearable") names or judges
# the object; it is no object of the act, so "oprd" is not here.
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "prt", "acomp", "advmod", "npadvmod", "compound"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
PATTERN_PREP_DEPS = ("prep", "agent", "dative", "prt")  # what may stand for a pattern's preposition
NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")


@dataclass(frozen=True)
class Words:
    """One upstream word slot: the forms that fill it ("a/b" alternatives, synset members, plurals);
    a multi-word synset member ("cease fire") must stand whole, ending at the token."""
    forms: frozenset[str]  # empty with no `phrases`: any noun phrase
    phrases: frozenset[tuple[str, ...]] = frozenset()  # multi-word members, by their words
    # multi-word members by the forms of their last word: the forms of the words before it
    ends: dict[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict, compare=False, hash=False)

    @property
    def any(self) -> bool:
        return not self.forms and not self.phrases

    @property
    def heads(self) -> frozenset[str]:
        return self.forms | set(self.ends)

    def fits(self, token) -> bool:
        if self.any:
            return token.pos_ in NOUNISH
        word, base = token.lower_, lemma(token)
        if word in self.forms or base in self.forms:
            return True
        return any(_preceded_by(token, before) for key in {word, base} for before in self.ends.get(key, ()))


def _preceded_by(token, before: tuple[frozenset[str], ...]) -> bool:
    start = token.i - len(before)
    if start < token.sent.start:
        return False
    return all(t.lower_ in forms or lemma(t) in forms for t, forms in zip(token.doc[start:token.i], before))


def _word_forms(word: str) -> frozenset[str]:
    return frozenset((word, *_singulars(word)))


def _ends(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    out: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for words in phrases:
        for last in _word_forms(words[-1]):
            out.setdefault(last, []).append(tuple(_word_forms(w) for w in words[:-1]))
    return {last: tuple(found) for last, found in out.items()}


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of a pattern: its head and the words that stand in the head's phrase."""
    head: Words
    modifiers: tuple[Words, ...]

    @property
    def size(self) -> int:
        return 2 * (1 + len(self.modifiers)) if not self.head.any else 1

    def match(self, pool: list, inside_of: dict[int, list] | None = None) -> object | None:
        """The first token of the pool that heads this phrase; ``inside_of`` keeps each token's
        subtree (without it) for the next phrase asking."""
        inside_of = {} if inside_of is None else inside_of
        for token in pool:
            if self.head.fits(token):
                if not self.modifiers:
                    return token
                inside = inside_of.get(token.i)
                if inside is None:
                    inside = inside_of[token.i] = [t for t in token.subtree if t.i != token.i]
                if all(any(m.fits(t) for t in inside) for m in self.modifiers):
                    return token
        return None


@dataclass(frozen=True)
class Pattern:
    block: str
    subject: tuple[Phrase, ...]
    objects: tuple[Phrase, ...]
    preps: tuple[tuple[str, tuple[Phrase, ...]], ...]
    active: LexiconEntry | None  # None: upstream codes nothing (the pattern blocks the verb)
    passive: LexiconEntry | None
    passive_only: bool  # upstream "[:173]": the pattern applies to passive use only
    size: int  # how specific: two per word named, one per preposition
    rank: int = 0  # place among its block's patterns: most specific first, then upstream order

    def anchors(self) -> frozenset[str] | None:
        """Words one of which must stand near the verb for the pattern to match (its first
        preposition, else the heads of its first named object); None: no such word."""
        if self.preps:
            return frozenset({self.preps[0][0]})
        named = next((p for p in self.objects if not p.head.any), None)
        return named.head.heads if named is not None else None


@dataclass(frozen=True)
class VerbRow:
    verb: str
    particles: tuple[str, ...]
    block: str
    active: LexiconEntry | None
    passive: LexiconEntry | None


@dataclass
class VerbIndex:
    """The imported verbs by lemma and the patterns by block."""
    verbs: dict[str, list[VerbRow]] = field(default_factory=dict)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # most specific first
    anchored: dict[str, dict[str, list[Pattern]]] = field(default_factory=dict)  # block -> word -> patterns
    unanchored: dict[str, list[Pattern]] = field(default_factory=dict)  # block -> patterns tried always
    excluded_blocks: dict[str, str] = field(default_factory=dict)  # block -> why (lexicon/petrarch.yaml)
    excluded_lines: dict[int, str] = field(default_factory=dict)
    coded_patterns: int = 0  # patterns that code an event (for the counts heron reports)
    coded_verbs: int = 0
    bare_verbs_under_curated: bool = False  # see Rules


@dataclass(frozen=True)
class Rules:
    """lexicon/petrarch.yaml: heron's departures from the CAMEO-to-PLOVER table and its exclusions."""
    overrides: tuple[tuple[str, str, str | None], ...]  # (CAMEO prefix, PLOVER type, mode), longest first
    line_overrides: dict[int, tuple[str, str | None]]  # upstream line (verb or pattern) -> (PLOVER type, mode)
    complement: dict[str, str]
    needs_recipient: frozenset[str]
    mutual: frozenset[str]
    excluded_blocks: dict[str, str]
    excluded_lines: dict[int, str]
    uncoded_verbs: frozenset[str]  # blocks ("SELECT") and verb lines ("7109") whose verbs code by pattern only
    bare_verbs_under_curated: bool  # may a verb's own code apply when the curated lexicon knows the verb?
    needs_dyad: str | None  # "named" / "coded": imported entries code only between coded actors (see the file)
    named_recipient: frozenset[str]  # types whose imported entries need a recipient named in the sentence
    subject_only: bool  # are patterns that name only the subject read?


def read_rules(language: Language) -> Rules:
    return rules_from(language.read_yaml(RULES_FILE))


def rules_from(data) -> Rules:
    """The parsed lexicon/petrarch.yaml; a malformed rule is a DataFileError naming the file."""
    if not isinstance(data, dict):
        raise DataFileError(RULES_FILE, "expected a mapping")
    overrides = []
    for row in data.get("cameo_overrides") or ():
        if not isinstance(row, dict) or row.get("event") not in TYPES or not str(row.get("cameo", "")).isdigit():
            raise DataFileError(RULES_FILE, f"an override needs a CAMEO code and a PLOVER type: {row!r}")
        overrides.append((str(row["cameo"]), row["event"], row.get("mode")))
    line_overrides = {}
    for row in data.get("verb_overrides") or ():
        if not isinstance(row, dict) or row.get("event") not in TYPES or not str(row.get("line", "")).isdigit() \
                or not row.get("why"):
            raise DataFileError(RULES_FILE, f"a verb override needs an upstream line, a PLOVER type and why: {row!r}")
        line_overrides[int(row["line"])] = (row["event"], row.get("mode"))
    for key in ("exclude_blocks", "exclude_lines", "exclude_verb_codes"):
        for row in data.get(key) or ():
            if not isinstance(row, dict) or not row.get("why"):
                raise DataFileError(RULES_FILE, f"every entry of {key} needs a reason (why): {row!r}")
    return Rules(
        overrides=tuple(sorted(overrides, key=lambda o: -len(o[0]))), line_overrides=line_overrides,
        complement={str(k): str(v) for k, v in (data.get("complement") or {}).items()},
        needs_recipient=frozenset(data.get("needs_recipient") or ()), mutual=frozenset(data.get("mutual") or ()),
        excluded_blocks={str(r["block"]): str(r["why"]) for r in data.get("exclude_blocks") or ()},
        excluded_lines={int(r["line"]): str(r["why"]) for r in data.get("exclude_lines") or ()},
        uncoded_verbs=frozenset(str(r.get("block") or r.get("line")) for r in data.get("exclude_verb_codes") or ()),
        bare_verbs_under_curated=bool(data.get("bare_verbs_under_curated", False)),
        needs_dyad=_dyad_rule(data.get("needs_dyad", "named")),
        named_recipient=frozenset(data.get("named_recipient") or ()),
        subject_only=bool(data.get("subject_only_patterns", False)))


def _dyad_rule(value) -> str | None:
    if value not in ("named", "coded", None, False):
        raise DataFileError(RULES_FILE, f"needs_dyad must be named, coded or false, not {value!r}")
    return value or None


class _Entries:
    """One LexiconEntry per upstream line and code, built once."""

    def __init__(self, rules: Rules, plover: PloverTable) -> None:
        self.rules, self.plover, self.made = rules, plover, {}

    def entry(self, code: str | None, found: petrarch.Plover | None, source: str,
              line_override: tuple[str, str | None] | None = None) -> LexiconEntry | None:
        if code is None:
            return None
        event, mode, context = (found.event, found.mode, found.context) if found else (None, None, None)
        for prefix, over_event, over_mode in self.rules.overrides:
            if code.startswith(prefix):
                event, mode = over_event, over_mode
                break
        if line_override is not None and event is not None:  # one verb's code read as another type
            event, mode = line_override
        if event is None:  # a CAMEO code PLOVER has no type for (01 statements) codes nothing
            return None
        key = (code, source)
        if key not in self.made:
            mode = mode if mode in self.plover.modes_for(event) else None
            self.made[key] = LexiconEntry(
                event=event, id=f"cameo-{code}", file="petrarch", cameo=code, mode=mode,
                context=tuple(c.strip() for c in (context or "").split(";") if c.strip()),
                complement=self.rules.complement.get(event), needs_recipient=event in self.rules.needs_recipient,
                mutual=event in self.rules.mutual, needs_dyad=self._dyad(event), source=f"petrarch/{source}")
        return self.made[key]

    def _dyad(self, event: str) -> str | None:
        if self.rules.needs_dyad and event in self.rules.named_recipient:
            return "named"
        return self.rules.needs_dyad


def _words(word: str, synsets: dict[str, tuple[str, ...]]) -> Words:
    """The forms a pattern word stands for: alternatives, synset members, and singulars of plurals
    (upstream writes "sanctions", "talks"; lemmas are singular)."""
    forms, phrases = set(), set()
    for alt in word.split("/"):
        for member in synsets.get(alt.upper(), ()) if alt.startswith("&") else (alt,):
            words = tuple(member.split())
            if len(words) == 1:
                forms |= _word_forms(words[0])
            elif words:
                phrases.add(words)
    return Words(frozenset(forms), frozenset(phrases), _ends(frozenset(phrases)))


def _singulars(word: str) -> tuple[str, ...]:
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y",)
    if word.endswith("ses") or word.endswith("xes") or word.endswith("ches") or word.endswith("shes"):
        return (word[:-2], word[:-1])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return (word[:-1],)
    return ()


def _phrase(words: tuple[str, ...], synsets: dict[str, tuple[str, ...]]) -> Phrase:
    if words[-1] in ANY_PHRASE:
        return Phrase(Words(frozenset()), ())
    return Phrase(_words(words[-1], synsets), tuple(_words(w, synsets) for w in words[:-1] if w not in ANY_PHRASE))


def _pattern(raw: petrarch.VerbPattern, entries: _Entries, synsets, table) -> Pattern:
    where = raw.source
    over = entries.rules.line_overrides.get(int(where.rsplit(":", 1)[1]))
    subject = tuple(_phrase(np, synsets) for np in raw.subject)
    objects = tuple(_phrase(np, synsets) for np in raw.objects)
    preps = tuple((pp.prep, tuple(_phrase(np, synsets) for np in pp.nouns)) for pp in raw.preps)
    size = sum(p.size for p in subject + objects) + sum(1 + sum(p.size for p in nps) for _, nps in preps)
    return Pattern(raw.block, subject, objects, preps,
                   active=entries.entry(raw.cameo, table.get(raw.cameo), where, over) if raw.cameo else None,
                   passive=entries.entry(raw.passive, table.get(raw.passive), where, over) if raw.passive else None,
                   passive_only=raw.cameo is None and raw.passive is not None, size=size)


def _anchor(index: VerbIndex, block: str, patterns: list[Pattern]) -> None:
    """Patterns by the words that must be present, so a verb tries only those its phrase could fit."""
    by_word: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        words = pattern.anchors()
        if words is None:
            index.unanchored.setdefault(block, []).append(pattern)
        for word in words or ():
            by_word.setdefault(word, []).append(pattern)
    index.anchored[block] = by_word


def load_verb_index(language: Language, plover: PloverTable) -> VerbIndex:
    """PETRARCH2's verbs and patterns as heron matches them, under lexicon/petrarch.yaml's rules.
    The dictionary is English: a language without that file has no base layer."""
    if not language.path(RULES_FILE).is_file():
        return VerbIndex()
    rules = read_rules(language)
    folder = petrarch.data_folder()
    table = petrarch.read_cameo_plover(folder)
    synsets = {name.upper(): words for name, words in petrarch.read_synsets(folder).items()}
    entries = _Entries(rules, plover)
    index = VerbIndex(excluded_blocks=rules.excluded_blocks, excluded_lines=rules.excluded_lines)
    for raw in petrarch.read_patterns(folder, table):
        line = int(raw.source.rsplit(":", 1)[1])
        if raw.block in rules.excluded_blocks or line in rules.excluded_lines:
            continue
        if not rules.subject_only and raw.subject and not (raw.objects or raw.preps or raw.subject_preps):
            continue
        pattern = _pattern(raw, entries, synsets, table)
        index.patterns.setdefault(raw.block, []).append(pattern)
        index.coded_patterns += bool(pattern.active or pattern.passive)
    for block, patterns in index.patterns.items():
        patterns.sort(key=lambda p: -p.size)  # stable: upstream order among equals
        patterns[:] = [dataclasses.replace(p, rank=i) for i, p in enumerate(patterns)]
        _anchor(index, block, patterns)
    for raw in petrarch.read_verbs(folder, table):
        line = int(raw.source.rsplit(":", 1)[1])
        if raw.block in rules.excluded_blocks or line in rules.excluded_lines:
            continue
        own = not {raw.block, str(line)} & rules.uncoded_verbs  # else the verb codes through patterns only
        over = rules.line_overrides.get(line)
        row = VerbRow(raw.verb, tuple(raw.particles.split()), raw.block,
                      entries.entry(raw.cameo, table.get(raw.cameo or ""), raw.source, over) if own else None,
                      entries.entry(raw.passive, table.get(raw.passive or ""), raw.source, over) if own else None)
        index.verbs.setdefault(raw.verb, []).append(row)
        index.coded_verbs += bool(row.active or row.passive)
    for rows in index.verbs.values():
        rows.sort(key=lambda r: -len(r.particles))  # "ask for" before "ask"
    index.bare_verbs_under_curated = rules.bare_verbs_under_curated
    return index


# --- matching -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    entry: LexiconEntry
    words: list  # the verb, its particles and the tokens the pattern named
    pattern: str  # the words, for the rule field


def is_passive(verb) -> bool:
    """"was hit", "were imposed", "sanctions imposed by": the object stands before the verb."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ == "acl")


def _pool(verb, passive: bool) -> list:
    """The words a pattern may name as objects: the verb's object phrases (with the passive
    subject, which is the object), and its prepositions."""
    out = [t for c in verb.children if c.dep_ in OBJECT_DEPS for t in c.subtree]
    out += [c for c in verb.children if c.dep_ in PREP_DEPS]
    if passive:
        out += [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        if verb.dep_ == "acl":
            out.append(verb.head)
    return out


def _prep_candidates(verb, prep: str, named: list) -> list:
    """Where a pattern's preposition may stand: after the verb as its own dependent ("called on
    China", never "On Wednesday, X called"), in the passive subject's phrase, or on the verb's
    direct object, where the parser often hangs the verb's own phrase ("departs the UK for
    Germany", "fired tear gas at protesters"). Not deeper ("cease support for the war in
    Ukraine"), and not when the verb names or judges its object ("what they called a victory
    for Sudan", "calls the idea for a wall stupid"): there the phrase belongs to the object."""
    hosts = {verb.i} | {t.i for t in named}
    if not any(c.dep_ == "oprd" for c in verb.children):
        hosts |= {c.i for c in verb.children if c.dep_ in ("dobj", "dative")}
    if is_passive(verb):
        hosts |= {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
    return [t for t in verb.sent if t.head.i in hosts and t.lower_ == prep and t.dep_ in PATTERN_PREP_DEPS
            and (t.head.i != verb.i or t.i > verb.i)]


def _subject_pool(verb) -> list:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects and verb.dep_ in ("conj", "xcomp"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")]
    return [t for s in subjects for t in s.subtree]


def _particles(verb, particles: tuple[str, ...]) -> list | None:
    found = []
    for word in particles:
        match = next((c for c in verb.children if c.lower_ == word and c.dep_ in ("prt", "prep", "advmod")), None)
        if match is None:
            return None
        found.append(match)
    return found


def _named(pattern: Pattern, verb, pool: list, words: set[str], inside_of: dict[int, list]) -> list | None:
    """The tokens the pattern names around the verb, or None when it does not match.
    ``inside_of``: each token's subtree without it, filled as they are asked for (one verb's
    patterns ask about the same prepositions and phrases again and again)."""
    named = []
    for phrase in pattern.objects:
        if not phrase.head.any and not phrase.head.heads & words:
            return None
        token = phrase.match(pool, inside_of)
        if token is None:
            return None
        named.append(token)
    for prep, phrases in pattern.preps:
        hit = None
        for token in _prep_candidates(verb, prep, named):
            inside = inside_of.get(token.i)
            if inside is None:
                inside = inside_of[token.i] = [t for t in token.subtree if t.i != token.i]
            found = [phrase.match(inside, inside_of) for phrase in phrases]
            if all(f is not None for f in found) and (phrases or inside):
                hit = [token, *found]
                break
        if hit is None:
            return None
        named += hit
    if pattern.subject:
        subject = _subject_pool(verb)
        for phrase in pattern.subject:
            token = phrase.match(subject, inside_of)
            if token is None:
                return None
            named.append(token)
    return named


def _candidates(index: VerbIndex, block: str, words: set[str]) -> list[Pattern]:
    """The block's patterns whose anchor word stands near the verb, most specific first."""
    anchored = index.anchored.get(block, {})
    found = {p.rank: p for w in words for p in anchored.get(w, ())}
    found.update((p.rank, p) for p in index.unanchored.get(block, ()))
    return [found[rank] for rank in sorted(found)]


def match_verb(verb, verb_forms: tuple[str, ...], index: VerbIndex, curated: bool) -> Match | None:
    """The imported entry a verb codes here: its block's most specific matching pattern, else the
    verb's own code (not when the curated lexicon knows the verb, unless the rules allow it)."""
    rows = next((index.verbs[f] for f in verb_forms if f in index.verbs), None)
    if not rows:
        return None
    passive = is_passive(verb)
    pool = _pool(verb, passive)
    words = {t.lower_ for t in pool} | {lemma(t) for t in pool}
    inside_of: dict[int, list] = {}
    for row in rows:
        near = _particles(verb, row.particles)
        if near is None:
            continue
        for pattern in _candidates(index, row.block, words):
            if pattern.passive_only and not passive:
                continue
            named = _named(pattern, verb, pool, words, inside_of)
            if named is None:
                continue
            entry = pattern.passive if passive and pattern.passive else pattern.active
            if entry is None:
                return None  # upstream's "---" pattern: this use of the verb is no event
            return Match(entry, [verb, *near, *named], " ".join(t.lower_ for t in [verb, *near, *named]))
        if curated and not index.bare_verbs_under_curated:
            return None
        entry = row.passive if passive and row.passive else row.active
        return Match(entry, [verb, *near], " ".join(t.lower_ for t in [verb, *near])) if entry else None
    return None
