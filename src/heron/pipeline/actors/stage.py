"""Stage `actors`: who is named in the article, coded as country (ISO3/IGO/WST) and sector.

Order of resolution, so that each word belongs to one actor:
1. people: dictionary names and spaCy PERSON names, with the title before them ("Russian
   Defense Minister Sergei Shoigu" -> RUS GOV); later surnames and close spellings join them;
2. organisations and groups from the dictionary (EU, NATO, Hamas, "the West");
3. role phrases: "the Belarusian president" is the person holding that office (in this article,
   else by the publication date; a bare "the president" is the president named last),
   "Russian troops" a group RUS MIL;
4. countries, capitals and seats of power used as actors ("Moscow recognized ..." -> RUS GOV),
   not as places ("talks in Moscow");
5. other organisations spaCy finds, coded by the words inside them ("Serbian Workers' Union").
A title or group without a country takes the sentence's only country, else the article's
dominant one when it clearly dominates, else stays unknown.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable

from heron.config import Settings
from heron.pipeline.actors.dictionary import ActorEntry, CountryForm
from heron.pipeline.actors.matcher import PLACE_FORMS, Hit, dominant_code
from heron.pipeline.actors.draft import ActorDraft
from heron.pipeline.actors.span_coder import SpanCoder
from heron.pipeline.actors.surnames import Surnames
from heron.pipeline.actors.titles import (Origin, RoleHit, breaks_office, choose_role, find_roles, implied_code,
                                         left_tokens, object_origins, origins_in, phrase_head, prep_objects,
                                         target_tokens)
from heron.pipeline.budget import check
from heron.pipeline.component import Stage
from heron.pipeline.index import mentions
from heron.pipeline.knowledge import Knowledge
from heron.types import NON_STATE_CODES, Actor, Article

STATE_FORMS = {"name", "seat", "code"}


class ActorStage(Stage):
    name = "actors"
    requires = ("doc",)
    provides = ("actors",)

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge

    def __call__(self, article: Article) -> None:
        article.actors = ActorFinder(article, self.knowledge).run()


class ActorFinder:
    """Finds and codes the actors of one parsed article."""

    def __init__(self, article: Article, knowledge: Knowledge) -> None:
        self.doc = article.doc
        self.date = article.published
        self.words = knowledge.words
        self.matcher = knowledge.matcher
        self.dictionary = knowledge.actors
        self.hits = self.matcher.hits(self.doc)
        self.hit_at = {i: h for h in self.hits for i in range(h.start, h.end)}
        self.hit_starts = [h.start for h in self.hits]  # hits are in text order and never overlap
        self.named_in_full = {id(h.target) for h in self.hits if h.end - h.start > 1}
        self.dominant = dominant_code(self.hits)
        # role words inside a dictionary name ("European Union") are part of that name
        self.role_at = {i: r for i, r in find_roles(self.doc, self.dictionary).items()
                        if not any(j in self.hit_at for j in range(r.start, r.end))}
        self.owned: set[int] = set()
        self.title_tokens: set[int] = set()  # words of someone's title: not context for others
        self.drafts: list[ActorDraft] = []
        self.people = Surnames(knowledge.words["name_particles"])  # the person drafts, by surname
        self.by_entry: dict[int, ActorDraft] = {}  # id(entry) -> the first person draft of that entry
        self.indexes: dict[str, tuple[int, dict]] = {}  # see first_draft

    def run(self) -> list[Actor]:
        for step in (self.find_people, self.find_entries, self.find_roles, self.find_countries,
                     self.find_organisations, self.apply_context):
            check()  # between steps: the article may have used up its time budget
            step()
        return self.finish()

    # -- 1. people -------------------------------------------------------------------------
    def find_people(self) -> None:
        for start, end, entry in self.person_names():
            title = self.title_of(start, end)
            draft = self.person_draft(start, end, entry, title)
            draft.mentions.append((start, end))
            self.owned.update(range(start, end))
        self.find_surnames()

    def person_names(self) -> list[tuple[int, int, ActorEntry | None]]:
        """Name spans: dictionary people first, then spaCy PERSON entities without titles."""
        names = [(h.start, h.end, h.target) for h in self.hits
                 if isinstance(h.target, ActorEntry) and h.target.kind == "person" and self.person_hit_ok(h)]
        taken = {i for s, e, _ in names for i in range(s, e)}
        rejected = {i for h in self.hits if isinstance(h.target, ActorEntry) and h.target.kind == "person"
                    for i in range(h.start, h.end) if i not in taken}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            tokens = [t for t in ent if t.i not in taken and t.i not in self.role_at
                      and (t.i not in self.hit_at or t.i in rejected)
                      and t.text not in ("'s", "’s")]
            if tokens and tokens[-1].i - tokens[0].i + 1 == len(tokens) and any(t.pos_ == "PROPN" for t in tokens):
                names.append((tokens[0].i, tokens[-1].i + 1, None))
        return sorted(names)

    def person_hit_ok(self, hit: Hit) -> bool:
        """A bare surname ("Abbas") counts when its holder is in office, tagged, or named in full."""
        entry = hit.target
        span = self.doc[hit.start:hit.end]
        if hit.end - hit.start > 1 or span.text == entry.name:
            return True
        token = span[0]
        if token.ent_type_ == "PERSON" and (token.ent_iob_ == "I" or self.continues_name(token)):
            return False  # part of a longer name: "Abbas" in "Abbas Kiarostami"
        office = entry.office_at(self.date)
        if office is not None and office.sector is not None:
            return True
        if token.ent_type_ == "PERSON":
            return True
        return id(entry) in self.named_in_full  # named in full elsewhere in the article

    def continues_name(self, token) -> bool:
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        return following is not None and following.ent_iob_ == "I" and following.ent_type_ == "PERSON"

    def title_of(self, start: int, end: int) -> tuple[Origin | None, RoleHit | None, list]:
        """The title around a name: origin (country/IGO), the deciding role, and its tokens."""
        head = self.doc[end - 1]
        tokens = [t for t in left_tokens(head) if t.i < start]
        for child in head.rights:  # "Sergei Shoigu, Russia's defense minister,"
            if child.dep_ == "appos" and child.i in self.role_at:
                tokens += list(child.subtree)
        title = head.head
        if title.dep_ == "pobj" and title.head.head.i in self.role_at:  # "the envoy for Syria, Geir Pedersen"
            title = title.head.head
        if head.dep_ == "appos" and title.i < start and title.i in self.role_at:
            # "Kenya's foreign minister, Musalia Mudavadi,": the title comes first
            tokens += [t for t in title.subtree if t.i < start and t.dep_ != "punct" and t.i not in self.owned]
        roles = self.roles_in(tokens)
        origins = origins_in(tokens, self.hit_at, self.date, self.matcher.place_country, people=False)
        role = choose_role(roles, head)
        chosen = next((r for r in roles if r.role is role), None)
        return (origins[0] if origins else None), chosen, tokens

    def roles_in(self, tokens) -> list[RoleHit]:
        found: list[RoleHit] = []
        for token in tokens:
            hit = self.role_at.get(token.i)
            if hit is not None and hit not in found:
                found.append(hit)
        return found

    def person_draft(self, start: int, end: int, entry: ActorEntry | None, title) -> ActorDraft:
        origin, role_hit, tokens = title
        self.owned.update(t.i for t in tokens)
        self.title_tokens.update(t.i for t in tokens)
        office = entry.office_at(self.date) if entry else None
        code = origin.code if origin else (office.code if office else None)
        sector = role_hit.role.sector if role_hit else (office.sector if office else None)
        held = None
        if role_hit and role_hit.role.office and not breaks_office(tokens, self.words):
            held = role_hit.role.office
        rules = [r for r in (entry.rule + ":" + entry.name if entry else "name:PERSON",
                             role_hit.role.rule if role_hit else None, origin.rule if origin else None) if r]
        name = entry.name if entry else self.doc[start:end].text
        existing = self.same_person(name, entry)
        if existing is not None:
            if (existing.code is None and code) or (existing.sector is None and sector):
                existing.rule += "+" + "+".join(rules[1:] or rules)
            existing.code = existing.code or code
            existing.sector = existing.sector or sector
            existing.office = existing.office or held
            return existing
        draft = ActorDraft(name, "person", code, sector, "+".join(rules), entry, held or (office.office if office else None),
                      entry.wikidata if entry else None)
        self.drafts.append(draft)
        self.people.add(draft)
        if entry is not None:
            self.by_entry.setdefault(id(entry), draft)
        return draft

    def same_person(self, name: str, entry: ActorEntry | None) -> ActorDraft | None:
        """The first person draft of the same entry or (when either has none) the same name."""
        found = [self.by_entry[id(entry)]] if entry is not None and id(entry) in self.by_entry else []
        found += [d for d in self.people.named(name) or self.people.by_word(name) if entry is None or d.entry is None]
        return min(found, key=self.people.position, default=None)

    def find_surnames(self) -> None:
        """Later "Shoigu" alone joins "Sergei Shoigu" (also at edit distance 1 for long names);
        "Kim" alone joins "Kim Jong Un" when it stands alone and no other person has that word."""
        # (word, standing alone) -> the first person it names (no person is added here)
        holder: dict[tuple[str, bool], ActorDraft | None] = {}
        for token in self.doc:
            if token.i in self.owned or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            key = (token.text, self.stands_alone(token))
            if key not in holder:
                check()
                named = self.people.named(token.text) if len(token.text) >= 3 else []
                if not named and len(token.text) >= 3 and key[1]:  # a name word other than the surname
                    named = self.people.by_word(token.text)
                holder[key] = min(named, key=self.people.position, default=None)
            draft = holder[key]
            if draft is not None:
                draft.mentions.append((token.i, token.i + 1))
                self.owned.add(token.i)

    def stands_alone(self, token) -> bool:
        """No other capitalised word or joining hyphen next to it: "Kim said", not the "Hong" of
        "Hong Kong" or the "Gal" of "Gal-Or"."""
        for i in (token.i - 1, token.i + 1):
            if 0 <= i < len(self.doc):
                near = self.doc[i]
                if near.text in ("-", "‐") or (near.is_alpha and near.text[:1].isupper() and near.pos_ == "PROPN"):
                    return False
        return True

    # -- 2. dictionary organisations and groups --------------------------------------------
    def find_entries(self) -> None:
        for hit in self.hits:
            if not isinstance(hit.target, ActorEntry) or hit.target.kind == "person" or self.is_owned(hit):
                continue
            entry = hit.target
            draft = self.first_draft("entry", lambda d: id(d.entry), id(entry))
            if draft is None:
                office = entry.office_at(self.date)
                draft = ActorDraft(entry.name, entry.kind, office.code if office else None, office.sector if office else None,
                              f"{entry.rule}:{entry.name}", entry, None, entry.wikidata)
                self.drafts.append(draft)
            draft.mentions.append((hit.start, hit.end))
            self.owned.update(range(hit.start, hit.end))

    def first_draft(self, name: str, key: Callable[[ActorDraft], Hashable], wanted: Hashable) -> ActorDraft | None:
        """The first draft with ``key(draft) == wanted``, as a scan of self.drafts would find it,
        from an index (named ``name``) over the drafts made so far: drafts are only ever added,
        and each ``key`` reads fields that no longer change when the lookup is made (a
        person's code and office are settled before roles and countries are looked up)."""
        seen, index = self.indexes.get(name, (0, {}))
        for draft in self.drafts[seen:]:
            index.setdefault(key(draft), draft)
        self.indexes[name] = (len(self.drafts), index)
        return index.get(wanted)

    def is_owned(self, hit: Hit) -> bool:
        return any(i in self.owned for i in range(hit.start, hit.end))

    # -- 3. role phrases --------------------------------------------------------------------
    def find_roles(self) -> None:
        seen: set[int] = set()
        for index in sorted(self.role_at):
            role_hit = self.role_at[index]
            if index in self.owned or id(role_hit) in seen:
                continue
            seen.add(id(role_hit))
            head = phrase_head(self.doc[role_hit.end - 1])
            if head.i in self.owned or head.i in self.hit_at or head.i not in self.role_at:
                continue  # a name at the head codes itself ("NATO-member Norway"); "media platform" is no actor
            self.role_phrase(head)

    def role_phrase(self, head) -> None:
        left = left_tokens(head)
        roles = self.roles_in([t for t in left if t.i not in self.owned] + [head])
        role_hit = next((r for r in roles if r.role is choose_role(roles, head)), None)
        if role_hit is None:
            return
        origins = origins_in(left, self.hit_at, self.date, self.matcher.place_country)
        owner = self.owner_origin(head)
        if owner is not None and not any(o.start is not None and o.start <= owner.start < o.end for o in origins):
            # a country word of the noun's own ("Demir's Syrian allies") still says more
            origins = [o for o in origins if o.start is not None and o.start >= owner.end] or [owner]
        objects = object_origins(prep_objects(head, self.words), self.hit_at, self.date, self.matcher.place_country)
        if not origins and not objects and all(r.role.weak or not r.role.sector for r in roles) and not implied_code(roles):
            return  # "officials said": nobody to code
        first = min([t.i for t in left] + [head.i])
        office = role_hit.role.office if not breaks_office(left, self.words) else None
        plural = head.tag_ in ("NNS", "NNPS")
        if origins and not (len(origins) > 1 and any(t.dep_ == "cc" for t in left)):
            origins = origins[:1]  # "Iraq's Al-Qaeda frontman": the first; "U.S. and Russian": each
        chosen = origins or objects
        implied = implied_code(roles)
        if not chosen and implied:
            chosen = [implied]
        if office and head.i in self.role_at and (chosen or not plural):
            self.role_people(first, head, role_hit, office, chosen)
        else:
            self.role_group(first, head, role_hit, chosen)

    def owner_origin(self, head) -> Origin | None:
        """The country of a coded person or organisation owning the role noun ("Mahathir's
        government", "Erdogan's spokesman"): whose body or aide it is decides, not the context.
        A pronoun ("its forces") or an owner without a country gives none."""
        for child in head.children:
            if child.dep_ != "poss" or child.pos_ == "PRON":
                continue
            for draft in self.drafts:
                held = [s for s, e in draft.mentions if s <= child.i < e]
                if held and draft.code and draft.kind in ("person", "organisation", "group"):
                    return Origin(draft.code, f"owner:{draft.name}", None, held[0], child.i + 1)
        return None

    def mention_span(self, n: int, first: int, head, origin: Origin | None) -> tuple[int, int]:
        """The first country's mention is the whole phrase; each further one its own words."""
        if n == 0 or origin is None or origin.start is None:
            return first, max(head.i + 1, (origin.end or 0) if origin else 0)
        return origin.start, (head.i + 1 if origin.start < head.i else origin.end)

    def role_people(self, first: int, head, role_hit: RoleHit, office: str, origins: list[Origin]) -> None:
        """ "the presidents of Russia and Belarus": one mention per country, on its holder."""
        if not origins:
            recent = self.last_holder(office, first)
            if recent is not None:  # "the president said": the president last named before
                recent.mentions.append((first, head.i + 1))
                self.owned.update(range(first, head.i + 1))
                return
            context = self.context_origin(head)
            origins = [context] if context else []
        for n, origin in enumerate(origins):
            start, end = self.mention_span(n, first, head, origin)
            draft = self.holder_draft(office, origin, role_hit)
            if draft is None:
                self.role_group(first, head, role_hit, origins)
                return
            draft.mentions.append((start, end))
            self.owned.update(range(start, end))

    def last_holder(self, office: str, before: int) -> ActorDraft | None:
        """The person holding ``office`` whose latest mention before token ``before`` is closest."""
        best, best_at = None, -1
        for draft in self.drafts:
            if draft.kind == "person" and draft.office == office:
                earlier = [s for s, _ in draft.mentions if s < before]
                if earlier and max(earlier) > best_at:
                    best, best_at = draft, max(earlier)
        return best

    def holder_draft(self, office: str, origin: Origin, role_hit: RoleHit) -> ActorDraft | None:
        found = self.first_draft("office", lambda d: (d.kind, d.office, d.code), ("person", office, origin.code))
        if found is not None:
            return found
        holders = self.dictionary.holders(office, origin.code, self.date, origin.org)
        if not holders:
            return None
        entry = holders[0]
        existing = self.first_draft("entry", lambda d: id(d.entry), id(entry))
        if existing:
            return existing
        held = entry.office_at(self.date)
        sector = role_hit.role.sector or (held.sector if held else None)
        draft = ActorDraft(entry.name, "person", held.code if held else origin.code, sector,
                      f"{entry.rule}:{entry.name}+{role_hit.role.rule}+{origin.rule}", entry, office, entry.wikidata)
        self.drafts.append(draft)
        self.people.add(draft)
        self.by_entry.setdefault(id(entry), draft)
        return draft

    def role_group(self, first: int, head, role_hit: RoleHit, origins: list[Origin]) -> None:
        # a single titled person ("South African leader") is a role; plurals and bodies are groups
        kind = "role" if head.tag_ in ("NN", "NNP") and role_hit.role.title else "group"
        key = head.lemma_.lower()
        for n, origin in enumerate(origins or [None]):
            start, end = self.mention_span(n, first, head, origin)
            code = origin.code if origin else None
            rule = "+".join([role_hit.role.rule] + ([origin.rule] if origin else []))
            draft = None if code is None else self.first_draft(
                "group", lambda d: (d.kind, d.code, d.sector, d.office), (kind, code, role_hit.role.sector, key))
            if draft is None:
                name = self.doc[start:end].text if n == 0 else f"{self.doc[first:head.i + 1].text} ({self.doc[start:end].text})"
                draft = ActorDraft(name, kind, code, role_hit.role.sector, rule, None, key)
                self.drafts.append(draft)
            draft.mentions.append((start, end))
            self.owned.update(range(start, end))
            if kind == "role":
                self.title_tokens.update(range(start, end))

    # -- 4. countries -----------------------------------------------------------------------
    def find_countries(self) -> None:
        for hit in self.hits:
            target = hit.target
            if not isinstance(target, CountryForm) or self.is_owned(hit):
                continue
            if target.form in PLACE_FORMS and self.matcher.part_of_name(self.doc, hit.start, hit.end):
                continue  # "Moscow State University": the place locates the body, it is no government
            if target.code in NON_STATE_CODES and target.form == "seat" and not self.acts(hit):
                continue  # "trade between Asia and Europe": a continent is the EU only when it acts
            if target.form in STATE_FORMS and not self.is_place(hit):
                self.country_mention(hit, "country", None if target.code in NON_STATE_CODES else "GOV")
            elif target.form == "people":
                self.people_mention(hit)

    def people_mention(self, hit: Hit) -> None:
        """ "Palestinians" -> PSE CVL; "Bosnian Serbs" and "ethnic Albanians in Serbia" live where
        the modifier or place says (CAMEO codes ethnic groups by their country of residence)."""
        root = self.doc[hit.start:hit.end].root
        left = [t for t in left_tokens(root) if t.i < hit.start]
        origins = origins_in(left, self.hit_at, self.date, self.matcher.place_country)
        if any(t.lower_ == "ethnic" for t in left):
            origins = origins or object_origins(prep_objects(root, self.words), self.hit_at, self.date, self.matcher.place_country)
            if not origins:
                context = self.context_origin(root, exclude=hit.target.code)
                origins = [context] if context else []
        if not origins:
            self.country_mention(hit, "group", "CVL")
            return
        start = min([t.i for t in left] + [hit.start])
        draft = ActorDraft(self.doc[start:hit.end].text, "group", origins[0].code, "CVL",
                      f"{hit.target.rule}+{origins[0].rule}")
        self.drafts.append(draft)
        draft.mentions.append((start, hit.end))
        self.owned.update(range(start, hit.end))

    def acts(self, hit: Hit) -> bool:
        """The name is a clause's subject, its agent ("by Europe") or a possessor ("Europe's")."""
        root = self.doc[hit.start:hit.end].root
        while root.dep_ in ("conj", "appos") and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj":
            return root.head.lower_ == "by"
        return root.dep_ in ("nsubj", "nsubjpass", "poss")

    def is_place(self, hit: Hit) -> bool:
        root = self.doc[hit.start:hit.end].root
        while root.dep_ in ("conj", "compound", "appos") and root.head.i != root.i:
            root = root.head
        # a country after a locative preposition is a place, not an actor ("talks in Moscow")
        return root.dep_ == "pobj" and root.head.lower_ in self.words["locative_preps"]

    def country_mention(self, hit: Hit, kind: str, sector: str | None) -> None:
        code = hit.target.code
        draft = self.first_draft("country", lambda d: (d.kind, d.code, d.entry is None and d.office is None),
                                 (kind, code, True))
        if draft is None:
            name = self.dictionary.country_names.get(code, hit.target.text)
            if kind == "group":
                name = hit.target.text
            draft = ActorDraft(name, kind, code, sector, hit.target.rule)
            self.drafts.append(draft)
        elif hit.target.rule not in draft.rule.split("+"):
            draft.rule += "+" + hit.target.rule
        draft.mentions.append((hit.start, hit.end))
        self.owned.update(range(hit.start, hit.end))

    # -- 5. other organisations -------------------------------------------------------------
    def find_organisations(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or any(t.i in self.owned for t in ent) or self.matcher.place_country(ent.text):
                continue  # spaCy calls some cities ORG ("Quetta"): places are not actors
            origins = origins_in(list(ent), self.hit_at, self.date, self.matcher.place_country)
            roles = self.roles_in(list(ent))
            role = choose_role(roles, ent.root)
            implied = implied_code(roles)
            origins = origins or ([implied] if implied else [])
            rule = "+".join(["name:ORG"] + [o.rule for o in origins[:1]] + ([role.rule] if role else []))
            draft = self.first_draft("name", lambda d: (d.kind, d.name), ("organisation", ent.text))
            if draft is None:
                draft = ActorDraft(ent.text, "organisation", origins[0].code if origins else None,
                              role.sector if role else None, rule)
                self.drafts.append(draft)
            draft.mentions.append((ent.start, ent.end))
            self.owned.update(range(ent.start, ent.end))

    # -- context and output -----------------------------------------------------------------
    def apply_context(self) -> None:
        for draft in self.drafts:
            if draft.code is None and draft.sector and draft.kind in ("person", "group", "role") and draft.mentions:
                # police act at home: the place they act upon is their country; anyone else's target is not
                origin = self.context_origin(self.doc[draft.mentions[0][0]], places=draft.kind != "person",
                                             targets=draft.sector != "COP")
                if origin is not None:
                    draft.code = origin.code
                    draft.rule += "+" + origin.rule

    def context_origin(self, token, places: bool = True, exclude: str | None = None,
                       targets: bool = True) -> Origin | None:
        """The sentence's only country, else the article's clearly dominant one; never a country
        the token's clause acts upon ("the government demanded that Beijing ...": not CHN).

        For people, words that already qualify someone else (a title, a role phrase) do not
        count: in "President X welcomed South African leader Y", X is not South African."""
        sent, targets = token.sent, (target_tokens(token, self.words) if targets else set())
        target_codes = {h.code for i in targets if (h := self.hit_at.get(i)) is not None and h.start == i}
        in_sentence = self.hits[bisect_left(self.hit_starts, sent.start):bisect_left(self.hit_starts, sent.end)]
        codes = {h.code for h in in_sentence if h.code and h.code not in NON_STATE_CODES
                 and (places or h.start not in self.title_tokens) and h.start not in targets}
        if places:
            found = origins_in([t for t in sent if t.i not in self.hit_at], {}, self.date, self.matcher.place_country)
            codes |= {o.code for o in found if o.start not in targets}
            target_codes |= {o.code for o in found if o.start in targets}
        codes -= target_codes | {exclude}  # a country acted upon is nobody's own in that clause
        if len(codes) == 1:
            return Origin(codes.pop(), "context:sentence")
        code = self.dominant
        return Origin(code, "context:article") if code and code not in target_codes else None

    def merged_groups(self) -> list[ActorDraft]:
        """Groups of one kind, country and sector are one actor ("hostages" ... "the hostages")."""
        kept: dict[tuple, ActorDraft] = {}
        drafts = []
        for draft in self.drafts:
            if draft.kind != "group" or draft.entry is not None or draft.office is None:
                drafts.append(draft)
                continue
            key = (draft.office, draft.code, draft.sector)
            if key in kept:
                kept[key].mentions += draft.mentions
            else:
                kept[key] = draft
                drafts.append(draft)
        return drafts

    def finish(self) -> list[Actor]:
        drafts = [d for d in self.merged_groups() if d.mentions]
        drafts.sort(key=lambda d: min(d.mentions))
        actors = []
        for n, draft in enumerate(drafts, 1):
            spans = sorted({(self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text)) for s, e in draft.mentions})
            actors.append(Actor(id=f"a{n}", name=draft.name, code=draft.code, sector=draft.sector,
                                wikidata=draft.wikidata, mentions=[list(s) for s in spans], kind=draft.kind,
                                rule=draft.rule))
        return actors


def actors_in_span(article: Article, start: int, end: int) -> list:
    """Actors with a mention overlapping [start, end), in order of first overlap."""
    first: dict[int, int] = {}  # actor position -> start of its first overlapping mention
    for s, _, position, _ in mentions(article).overlapping(start, end):
        first[position] = min(s, first.get(position, s))
    order = sorted(first.items(), key=lambda pair: (pair[1], pair[0]))
    return [article.actors[position] for position, _ in order]


def actor_for_span(article: Article, start: int, end: int):
    """The actor best covering [start, end), or None."""
    found = actors_in_span(article, start, end)
    return found[0] if found else None


def code_span(article: Article, start: int, end: int, knowledge: Knowledge) -> tuple[str | None, str | None]:
    """(code, sector) for any text span: the actor at its head, else the same rules on its words
    with the pipeline's knowledge (so the user's --actors entries count here too)."""
    return SpanCoder(article, knowledge).code(start, end)
