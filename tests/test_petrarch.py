"""Reading PETRARCH2's dictionaries as heron ships them (heron.knowledge.petrarch), on small
derived files written here, then on the shipped ones."""
from __future__ import annotations

import json
from datetime import date

import pytest

from heron.errors import DataFileError
from heron.knowledge.petrarch import PrepPhrase, load, sector_trigrams, split_code

FILES = {
    "agents.csv": """line,phrase,plural,code,placement
10,PRESIDENT,PRESIDENTS,GOV,suffix
11,SOLDIER,SOLDIERS,MIL,suffix
12,ELDER STATESMAN,,ELI,suffix
13,MUSLIM CLERIC,MUSLIM CLERICS,MUSREL,suffix
14,AID AGENCY,AID AGENCIES,NGO,prefix
""",
    "actors.csv": """file,line,kind,name,variants
countries,5,country,RURITANIA,RURITANIAN|STRELSAU
countries,9,person,RUDOLF RASSENDYLL,KING RUDOLF|RASSENDYLL
countries,20,country,MAURITIUS,
international,3,igo,UNITED NATIONS,UN
international,30,other,ELDERS COUNCIL,
""",
    "actor_roles.csv": """file,line,actor_line,code,start,end
countries,5,5,RUR,,
countries,10,9,RURELI,1990-01-01,1999-12-31
countries,11,9,RURGOV,2000-01-01,
countries,12,9,RURELI,,
countries,20,20,MUS,,
international,3,3,IGOUNO,,
international,30,30,ELI,,
""",
    "discards.csv": """line,phrase,scope,whole_word
3,WORLD CUP,sentence,
4,ACADEMY AWARD,story,1
""",
    "synsets.csv": """line,synset,phrase,plural
60,&FOOD,food,foods
61,&FOOD,grain,grains
62,&AUX_,will,
""",
    "verbs.csv": """line,block,verb,before,particles,forms,cameo,passive
700,GRANT,grant,,,,070,
701,GRANT,give,,,gave|given|giving,070,
702,GRANT,hand,,over,,---,
710,APPEAR,appear,,,,---,
""",
    "cameo_plover.csv": """cameo,plover,mode,context,table_code,table_line
010,,,,,
070,AID,,,070,60
073,AID,,humanitarian,073,63
0731,AID,,humanitarian,073,63
173,COERCE,arrest,legal,173,190
""",
}
PATTERNS = [
    {"line": 703, "block": "GRANT", "objects": [["&FOOD"]], "preps": [{"prep": "to", "nouns": [["+"]]}],
     "cameo": "073", "note": "GIVE"},
    {"line": 704, "block": "GRANT", "subject": [["aid", "agency"]], "objects": [["emergency", "relief/help"]],
     "cameo": "0731"},
    {"line": 711, "block": "APPEAR", "preps": [{"prep": "before", "nouns": [["court"]]}], "passive": "173"},
    {"line": 712, "block": "APPEAR", "objects": [["statement"]], "cameo": "010"},
]


def write(folder, **changes) -> None:
    for name, text in {**FILES, **changes}.items():
        (folder / name).write_text(text, encoding="utf-8")
    if "verb_patterns.jsonl" not in changes:
        lines = "".join(json.dumps(p) + "\n" for p in PATTERNS)
        (folder / "verb_patterns.jsonl").write_text(lines, encoding="utf-8")


@pytest.fixture
def made_up(tmp_path):
    write(tmp_path)
    return load(tmp_path)


def test_actors_carry_variants_kinds_roles_and_upstream_lines(made_up):
    assert [a.name for a in made_up.actors] == ["RURITANIA", "RUDOLF RASSENDYLL", "MAURITIUS", "UNITED NATIONS",
                                                "ELDERS COUNCIL"]
    rudolf = made_up.actors[1]
    assert rudolf.names == ("RUDOLF RASSENDYLL", "KING RUDOLF", "RASSENDYLL") and rudolf.kind == "person"
    assert rudolf.source == "Phoenix.Countries.actors.txt:9"
    assert [r.source for r in rudolf.roles] == [f"Phoenix.Countries.actors.txt:{n}" for n in (10, 11, 12)]
    assert made_up.actors[3].source == "Phoenix.International.actors.txt:3"


@pytest.mark.parametrize("day, codes", [
    (date(1995, 6, 1), ["RURELI"]),
    (date(1999, 12, 31), ["RURELI"]),  # bounds are inclusive
    (date(2000, 1, 1), ["RURGOV"]),
    (date(1980, 1, 1), ["RURELI"]),  # no dated role holds: the default
    (None, ["RURELI"]),
])
def test_dated_roles_pick_the_role_of_the_day(made_up, day, codes):
    assert [r.code for r in made_up.actors[1].roles_on(day)] == codes


@pytest.mark.parametrize("code, country, agents", [
    ("RURGOV", "RUR", ("GOV",)),
    ("RUR", "RUR", ()),
    ("ELI", None, ("ELI",)),  # a bare sector: no country
    ("MUS", "MUS", ()),  # Mauritius, though MUS is also a sector trigram (Muslim)
    ("MUSREL", "MUS", ("REL",)),
    ("IGOUNO", "IGO", ("UNO",)),
    ("NGO", "NGO", ()),
    ("---", None, ()),
])
def test_split_code(code, country, agents):
    sectors = sector_trigrams(["GOV", "MIL", "ELI", "MUSREL", "NGO"])
    assert split_code(code, sectors) == (country, agents)


def test_roles_split_their_codes_with_the_agents_sectors(made_up):
    roles = {r.code: r for a in made_up.actors for r in a.roles}
    assert (roles["RURGOV"].country, roles["RURGOV"].agents) == ("RUR", ("GOV",))
    assert (roles["ELI"].country, roles["ELI"].agents) == (None, ("ELI",))
    assert roles["MUS"].country == "MUS"


def test_agents_discards_and_synsets(made_up):
    president = made_up.agents[0]
    assert (president.phrase, president.plural, president.code, president.placement) == (
        "PRESIDENT", "PRESIDENTS", "GOV", "suffix")
    assert president.source == "Phoenix.agents.txt:10" and made_up.agents[-1].placement == "prefix"
    assert [(d.phrase, d.scope, d.whole_word) for d in made_up.discards] == [
        ("WORLD CUP", "sentence", False), ("ACADEMY AWARD", "story", True)]
    assert made_up.synsets == {"&FOOD": ("food", "foods", "grain", "grains"), "&AUX_": ("will",)}


def test_verbs_and_patterns_carry_cameo_and_plover(made_up):
    give = next(v for v in made_up.verbs if v.verb == "give")
    assert give.forms == ("gave", "given", "giving") and give.plover.event == "AID" and give.block == "GRANT"
    hand_over = next(v for v in made_up.verbs if v.verb == "hand")
    assert hand_over.particles == "over" and hand_over.cameo is None and hand_over.plover is None
    food, relief = made_up.patterns_of("GRANT")
    assert food.objects == (("&FOOD",),) and food.preps == (PrepPhrase("to", (("+",),)),)
    assert (food.plover.event, food.plover.context, food.source) == ("AID", "humanitarian", "CAMEO.2.0.txt:703")
    assert relief.subject == (("aid", "agency"),) and relief.objects == (("emergency", "relief/help"),)
    assert relief.plover.via == "073"  # 0731 is not in the table: its parent's row
    court, statement = made_up.patterns_of("APPEAR")
    assert court.cameo is None and court.passive == "173" and court.plover.mode == "arrest"
    assert statement.cameo == "010" and statement.plover is None  # CAMEO 01: no PLOVER type


@pytest.mark.parametrize("name, text, message", [
    ("actors.csv", FILES["actors.csv"] + "countries,40,person\n", r"actors.csv:7: expected the columns"),
    ("actor_roles.csv", FILES["actor_roles.csv"] + "countries,13,9,RURGOV,2001-13-01,\n",
     r"actor_roles.csv:9: not a date"),
    ("actor_roles.csv", FILES["actor_roles.csv"] + "elsewhere,13,9,RURGOV,,\n", r"actor_roles.csv:9: file must be"),
    ("actor_roles.csv", FILES["actor_roles.csv"] + "countries,99,98,RURGOV,,\n", r"not in actors.csv"),
    ("agents.csv", FILES["agents.csv"] + "15,SPY,SPIES,SPY,inside\n", r"agents.csv:7: an agent needs"),
    ("discards.csv", FILES["discards.csv"] + "5,TENNIS,match,\n", r"discards.csv:4: scope must be"),
    ("verbs.csv", FILES["verbs.csv"] + "720,GRANT,donate,,,,0755,\n", r"verbs.csv:6: CAMEO code 0755"),
    ("verb_patterns.jsonl", '{"line": 1, "block": "GRANT", "objects": "aid"}\n', r"verb_patterns.jsonl:1: not a verb"),
    ("verb_patterns.jsonl", "{not json\n", r"verb_patterns.jsonl:1: not a verb pattern"),
])
def test_malformed_rows_name_the_file_and_line(tmp_path, name, text, message):
    write(tmp_path, **{name: text})
    with pytest.raises(DataFileError, match=message):
        load(tmp_path)


def test_a_missing_file_is_a_data_file_error(tmp_path):
    write(tmp_path)
    (tmp_path / "verbs.csv").unlink()
    with pytest.raises(DataFileError, match="petrarch/verbs.csv: cannot read"):
        load(tmp_path)


# -- the shipped files -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped():
    return load()


def test_shipped_dictionaries_are_field_scale(shipped):
    assert len(shipped.actors) > 25_000 and len(shipped.patterns) > 4_000 and len(shipped.verbs) > 1_500
    assert sum(1 for a in shipped.actors if a.kind == "person" and any(r.dated for r in a.roles)) > 15_000
    assert {a.kind for a in shipped.actors} == {"country", "person", "national", "igo", "ngo", "mnc", "other",
                                                "armed_group"}
    assert all(p.plover is None or p.plover.event for p in shipped.patterns)


def test_shipped_office_holder_changes_role_with_the_date(shipped):
    putin = next(a for a in shipped.actors if a.name == "VLADIMIR PUTIN")
    assert putin.source.startswith("Phoenix.Countries.actors.txt:")
    assert [r.code for r in putin.roles_on(date(2010, 1, 1))] == ["RUSGOV"]
    assert [r.code for r in putin.roles_on(date(1990, 1, 1))] == ["RUSELI"]
    assert "PUTIN" in putin.variants


def test_shipped_cameo_codes_map_to_plover_types(shipped):
    ceasefire = shipped.cameo_plover["0871"]
    assert (ceasefire.event, ceasefire.mode) == ("RETREAT", "ceasefire")
    assert shipped.cameo_plover["173"].event == "COERCE"
    assert shipped.cameo_plover["020"] is None  # CAMEO 02 appeals: the 2021 table lists no type
