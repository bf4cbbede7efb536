"""Code any span of an article's text, actor or not ("Haitian government officials", "Israeli").

The actor whose mention holds the span's head word decides; otherwise the actor rules run on
the span's own words: a country, organisation or place gives the code, a role noun the sector,
and a role without a country takes the sentence's only country (else the article's dominant),
never one its own clause acts upon.
"""
from __future__ import annotations

from heron.pipeline.actors.dictionary import ActorEntry, CountryForm
from heron.pipeline.actors.matcher import dominant_code
from heron.pipeline.actors.titles import Origin, choose_role, find_roles, implied_code, origins_in, target_tokens
from heron.pipeline.index import mentions
from heron.pipeline.knowledge import Knowledge
from heron.types import NON_STATE_CODES, Actor, Article

GOVERNMENT_FORMS = {"name", "seat", "code"}


class SpanCoder:
    def __init__(self, article: Article, knowledge: Knowledge) -> None:
        self.article = article
        self.doc = article.doc
        self.words = knowledge.words
        self.matcher = knowledge.matcher

    def code(self, start: int, end: int) -> tuple[str | None, str | None]:
        if self.doc is None:
            return None, None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None, None
        actor = self.actor_at(span.root.idx, span.start_char, span.end_char)
        if actor is not None and (actor.code is not None or actor.kind == "person"):
            return actor.code, actor.sector  # a person the stage could not place stays unknown
        return self.by_rules(span)

    def actor_at(self, offset: int, start: int, end: int) -> Actor | None:
        """The actor mentioned at the head word; of several, the largest mention inside the span."""
        best, best_key = None, None
        for s, e, position, _ in mentions(self.article).overlapping(offset, offset + 1):
            key = (start <= s and e <= end, e - s if start <= s and e <= end else s - e)
            if best_key is None or key > best_key:
                best, best_key = self.article.actors[position], key
        return best

    def by_rules(self, span) -> tuple[str | None, str | None]:
        hits = self.matcher.hits(span)
        hit_at = {i: h for h in hits for i in range(h.start, h.end)}
        found = find_roles(self.doc, self.matcher.dictionary, span.start, span.end).values()
        roles = [r for r in {id(r): r for r in found}.values()  # words of a dictionary name are not roles
                 if not any(j in hit_at for j in range(r.start, r.end))]
        role = choose_role(sorted(roles, key=lambda r: r.start), span.root)
        origins = origins_in(list(span), hit_at, self.article.published, self.matcher.place_country)
        origins += self.actor_origins(span)
        implied = implied_code(roles)
        code = origins[0].code if origins else (implied.code if implied else None)
        sector = role.sector if role else self.sector_of_hit(hit_at.get(span.root.i))
        if code is None and role is not None:
            code = self.context_code(span)
        if code is None and role is None and bare_place_name(span):
            code = self.matcher.place_country(" ".join(t.text for t in span if t.lower_ != "the"))
        return code, sector

    def named_codes(self, span) -> list[str]:
        """The codes the span's own words name (countries, organisations, places), in text order,
        each once: no role noun, no context."""
        hit_at = {i: h for h in self.matcher.hits(span) for i in range(h.start, h.end)}
        origins = origins_in(list(span), hit_at, self.article.published, self.matcher.place_country)
        return list(dict.fromkeys(o.code for o in origins if o.code))

    def actor_origins(self, span) -> list:
        """Coded actors mentioned inside the span ("Putin's government")."""
        actors = [self.article.actors[p] for p in self.positions_in(span.start_char, span.end_char)]
        return [Origin(a.code, a.rule or a.name) for a in actors if a.code]

    def positions_in(self, start: int, end: int) -> list[int]:
        """Positions in article.actors of the actors with a mention starting in [start, end)."""
        return sorted({m[2] for m in mentions(self.article).starting_in(start, end)})

    def sector_of_hit(self, hit) -> str | None:
        if hit is None:
            return None
        target = hit.target
        if isinstance(target, ActorEntry):
            office = target.office_at(self.article.published)
            return office.sector if office else None
        if isinstance(target, CountryForm) and target.form in GOVERNMENT_FORMS and target.code not in NON_STATE_CODES:
            return "GOV"
        return None

    def context_code(self, span) -> str | None:
        """The sentence's only country, else the article's dominant one; never a country the
        span's own clause acts upon ("Quad leaders criticised China": not CHN)."""
        sent = span.root.sent
        targets = target_tokens(span.root, self.words)
        named = [(h.start, h.code) for h in self.matcher.hits(sent)]
        named += [(self.doc.char_span(s, e, alignment_mode="expand").start, a.code)
                  for a in map(self.article.actors.__getitem__, self.positions_in(sent.start_char, sent.end_char))
                  for s, e in a.mentions if sent.start_char <= s < sent.end_char]
        named = [(i, code) for i, code in named if code and code not in NON_STATE_CODES]
        target_codes = {code for i, code in named if i in targets}
        codes = {code for i, code in named} - target_codes
        if len(codes) == 1:
            return codes.pop()
        code = self.dominant()
        return None if code in target_codes else code

    def dominant(self) -> str | None:
        """The article's dominant state (matcher.dominant_code), worked out once per Doc."""
        held = self.doc.user_data.get(("heron", "dominant code"))
        if held is None or held[0] is not self.matcher:
            held = (self.matcher, dominant_code(self.matcher.hits(self.doc)))
            self.doc.user_data[("heron", "dominant code")] = held
        return held[1]


PLACE_LABELS = {"", "GPE", "LOC", "NORP", "FAC"}


def bare_place_name(span) -> bool:
    """A capitalised name the tagger left unlabelled or mislabelled ("hit Aleppo" as NORP) that
    may still be a city: never a person's or an organisation's name."""
    words = [t for t in span if t.lower_ != "the"]
    return bool(words) and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in PLACE_LABELS
                               for t in words)


def named_codes(article: Article, start: int, end: int, knowledge: Knowledge) -> list[str]:
    """The codes the words of [start, end) name themselves ("Canadian and Mexican" -> CAN, MEX)."""
    span = article.doc.char_span(start, end, alignment_mode="expand") if article.doc is not None else None
    return SpanCoder(article, knowledge).named_codes(span) if span is not None and len(span) else []
