"""PETRARCH2's actors and agents as heron's base actor layer: codes, dates, precision filters,
precedence of curated entries and provenance."""
from __future__ import annotations

import pytest

from heron.knowledge.petrarch import Role as UpstreamRole
from heron.pipeline.actors.dictionary import ActorDictionary, ActorEntry, Office, Role
from heron.pipeline.actors.matcher import ActorMatcher
from heron.pipeline.actors.petrarch_layer import BaseLayer, display_name, phrase_text, read_cameo_codes
from heron.pipeline.text.language import language_for

STATES = frozenset({"AFG", "EGY", "MUS"})


def upstream(code: str, country: str | None) -> UpstreamRole:
    trigrams = tuple(code[i:i + 3] for i in range(0, len(code), 3))
    return UpstreamRole(code, country, trigrams[1:] if country else trigrams, None, None, "x:1")


@pytest.mark.parametrize("code, country, expected", [
    ("AFGGOVMUS", "AFG", ("AFG", "GOV")),  # the religion after a sector does not decide
    ("MEAREB", "MEA", (None, "REB")),  # a CAMEO region is no state
    ("IGOUNOKID", "IGO", ("IGO", None)),  # UNO, KID name the organisation, not a sector
    ("AFGINS", "AFG", ("AFG", "REB")),  # insurgents are heron's REB
    ("IMGMUSALQ", "IMG", ("IMG", "REL")),  # only a religion: REL
    ("ELI", None, (None, "ELI")),
])
def test_cameo_codes_become_heron_code_and_sector(code, country, expected):
    assert read_cameo_codes().convert(upstream(code, country), STATES) == expected


@pytest.mark.parametrize("upstream_text, display, phrase", [
    ("ABU NIDAL ORGANIZATION", "Abu Nidal Organization", "Abu Nidal Organization"),
    ("NPFL", "NPFL", "NPFL"),
    ("AL-QAEDA IN THE ARABIAN PENINSULA", "Al-Qaeda in the Arabian Peninsula", "Al-Qaeda in the Arabian Peninsula"),
    ("U.N.", "U.N.", "U.N."),
    ("HAMAS", "Hamas", "Hamas"),
    ("AFP", "AFP", "AFP"),
    ("ISLAMIC SALVATION FRONT", "Islamic Salvation Front", "Islamic Salvation Front"),
])
def test_upstream_capitals_become_news_capitals(upstream_text, display, phrase):
    stop = frozenset({"in", "the", "of"})
    assert display_name(upstream_text, stop) == display
    assert phrase_text(upstream_text, stop) == phrase


@pytest.fixture(scope="module")
def made_up_dictionary():
    """The shipped English actor files with a small made-up base layer under them."""
    base = BaseLayer(
        entries=[ActorEntry("Ali Said", "person", "petrarch/Phoenix.Countries.actors.txt:7",
                            offices=[Office("EGY", "GOV", None, "2001-01-01", "2003-01-01"),
                                     Office("EGY", "ELI", None, None, None)]),
                 ActorEntry("Vladimir Putin", "person", "petrarch/Phoenix.Countries.actors.txt:8",
                            offices=[Office("RUS", "ELI", None, None, None)]),
                 ActorEntry("Velmora Liberation Front", "group", "petrarch/Phoenix.MilNonState.actors.txt:9",
                            offices=[Office("AFG", "REB", None, None, None)])],
        roles={"police": Role("police", "MIL", None, False, True, source="petrarch/Phoenix.agents.txt:1"),
               "shepherd": Role("shepherd", "AGR", None, False, True, source="petrarch/Phoenix.agents.txt:2")})
    folder = language_for("en").path("actors")
    return ActorDictionary(folder, (), base)


def test_curated_entries_and_nouns_take_precedence(made_up_dictionary):
    names = {e.name for e in made_up_dictionary.base_entries}
    assert "Vladimir Putin" not in names  # the curated Putin is that person
    assert {"Ali Said", "Velmora Liberation Front"} <= names
    assert made_up_dictionary.roles["police"].sector == "COP" and made_up_dictionary.roles["police"].source is None
    assert made_up_dictionary.roles["shepherd"].rule == "petrarch/Phoenix.agents.txt:2"
    counts = made_up_dictionary.counts()
    assert counts["imported"]["people"] == 1 and counts["imported"]["office holders"] == 1
    assert counts["curated"]["people"] > 400


@pytest.mark.parametrize("text, found", [
    ("Ali Said spoke in Cairo.", True),
    ("Ali said he would go.", False),  # imported names need capitals on every longer word
    ("Ali-Said spoke in Cairo.", True),  # a hyphen stands for the space upstream writes
    ("The Velmora Liberation Front attacked a convoy.", True),
    ("The velmora liberation front attacked a convoy.", False),
])
def test_imported_names_need_capitals(made_up_dictionary, nlp, text, found):
    matcher = ActorMatcher(made_up_dictionary, nlp, {})
    doc = nlp(text)
    imported = [h for h in matcher.hits(doc) if getattr(h.target, "rule", "").startswith("petrarch/")]
    assert bool(imported) == found


@pytest.mark.parametrize("published, sector", [("1998-06-01", "ELI"), ("2010-06-01", "GOV"), (None, "GOV")])
def test_imported_office_holder_takes_the_role_of_the_publication_date(code_text, published, sector):
    article = code_text("Hamid Karzai met tribal elders on Monday.", published=published)
    karzai = next(a for a in article.actors if a.name == "Hamid Karzai")
    assert (karzai.code, karzai.sector) == ("AFG", sector)
    assert karzai.rule.startswith("petrarch/Phoenix.Countries.actors.txt:150")


def test_imported_rule_names_the_upstream_line(code_text, shared_dir):
    folder = shared_dir / "knowledge" / "petrarch2"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the upstream dictionaries live in ../shared")
    article = code_text("The Abu Nidal Organization claimed the attack.")
    actor = next(a for a in article.actors if a.rule and a.rule.startswith("petrarch/"))
    file, line = actor.rule.removeprefix("petrarch/").split(":")[:2]
    upstream_line = (folder / file).read_text(encoding="utf-8", errors="replace").splitlines()[int(line) - 1]
    assert upstream_line.replace("_", " ").upper().startswith(actor.name.upper())


@pytest.mark.parametrize("text, words, code, sector", [
    ("The Afghan National Army shelled the valley.", "Afghan National Army", "AFG", "MIL"),
    ("The Abu Nidal Organization claimed the attack.", "Abu Nidal Organization", "IMG", "REB"),
    ("Afghan farmers blocked the highway.", "Afghan farmers", "AFG", "AGR"),
])
def test_imported_bodies_groups_and_agent_nouns_are_coded(code_text, text, words, code, sector):
    article = code_text(text)
    actor = next(a for a in article.actors if any(article.text[s:e].endswith(words) for s, e in a.mentions))
    assert (actor.code, actor.sector) == (code, sector)


def test_bare_agent_noun_makes_no_actor_of_its_own(code_text):
    """ "farmers" alone is no actor (as an event participant it is coded like any role noun)."""
    article = code_text("Farmers bought tractors from Poland last month.")
    assert all(a.code is None for a in article.actors if "armers" in a.name)


def test_single_word_imported_person_names_are_not_matched(knowledge):
    texts = {t.lower() for e in knowledge.actors.base_entries if e.kind == "person" for t in (e.name, *e.variants)}
    assert texts and all(len(t.split()) >= 2 for t in texts)
    assert "karzai" not in texts and "president karzai" not in texts


def test_the_shipped_layer_adds_field_scale_knowledge(knowledge):
    counts = knowledge.actors.counts()
    assert counts["imported"]["office holders"] > 15_000 and counts["imported"]["groups"] > 900
    assert counts["imported"]["organisations"] > 5_000 and counts["imported"]["role nouns"] > 1_000
    assert all(reason and n >= 0 for reason, n in knowledge.actors.base_left_out.items())


@pytest.mark.parametrize("full, short", [
    ("Omar Hassan Ahmad al Bashir", "Omar al Bashir"),  # middle names left out, a surname particle kept
    ("Mahathir Bin Mohamad", "Mahathir Mohamad"),  # a patronymic particle left out
])
def test_long_imported_person_names_also_match_first_and_last_name(knowledge, full, short):
    entry = next(e for e in knowledge.actors.base_entries if e.kind == "person" and e.name.lower() == full.lower())
    assert short.lower() in {v.lower() for v in entry.variants}


def test_first_and_last_name_variant_codes_the_person(code_text):
    article = code_text("Mahathir Mohamad met farmers in Kedah.", published="2003-06-01")
    person = next(a for a in article.actors if a.kind == "person")
    assert (person.name, person.code, person.sector) == ("Mahathir Bin Mohamad", "MYS", "GOV")


@pytest.mark.parametrize("text", ["José Mujica spoke in Montevideo.", "Álvaro Uribe Vélez spoke in Bogotá."])
def test_imported_names_match_without_regard_to_diacritics(code_text, text):
    article = code_text(text, published="2008-05-01")
    person = next(a for a in article.actors if a.kind == "person")
    assert person.rule.startswith("petrarch/") and person.code in ("URY", "COL")
