"""scripts/import_petrarch.py: PETRARCH2's dictionary formats read into heron's derived files, on
small upstream-style files written here; and the shipped files equal a fresh regeneration."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from heron.knowledge.petrarch import load

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "heron" / "data" / "petrarch"
UPSTREAM = ROOT.parent / "shared" / "knowledge" / "petrarch2"
TABLE = ROOT.parent / "shared" / "eval" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"


def _script():
    return load_script("import_petrarch")


importer = _script()

UPSTREAM_FILES = {
    "CAMEO.2.0.txt": """# MADE-UP VERB DICTIONARY
# Copyright (c) 2015 Made Up Alliance
&FOOD
+GRAIN
+RICE_
&AUX_
+WILL

####### VERB PATTERNS #######

---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING }  # jw
+HAND_OVER {+HANDED_OVER +HANDS_OVER +HANDING_OVER} [---]
- * &FOOD (TO +)                         [073]   # GIVE
- * {EMERGENCY RELIEF}                   [0731]
- * BOMBING/EXPLOSION                    [:183]
- * (WITH BROKEN                         [070]
- * &WEATHER                             [070]

---  APPEAR   [---]  ---
APPEAR
- &MILITARY_ * (BEFORE COURT)            [:173]  # APPEAR
- * STATEMENT                            [010]
- * DOWN                                 [080!]
~ a (a b ATTACK) SAY = a b 015
""",
    "Phoenix.Countries.actors.txt": """# MADE-UP COUNTRIES
# Copyright (c) 2014 Made Up Alliance
RURITANIA_  [RUR]
+RURITANIAN_
+STRELSAU
RUDOLF_RASSENDYLL_  # CountryInfo.txt
+KING_RUDOLF
\t[RURELI 900101-991231]
\t[RURGOV >000101]
\t[RURELI]
+GARBLED_NAM\ufffdE
RUPERT_OF_HENTZAU_  # CountryInfo.txt
\t[RUROPP 9908223-001231]
\t[RURGOV 20010101]
BLACK_ELPHBERG_
ROYAL_GUARD_ [RURMIL]
""",
    "Phoenix.International.actors.txt": """UNITED_NATIONS_ [IGOUNO]
+UN_
KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
GREENPEACE_ [NGOENV]
""",
    "Phoenix.MilNonState.actors.txt": """BLACK_HAND_ [RURREB] #  kkl 21 Mar 13
+UNITY_OR_DEATH_
""",
    "Phoenix.agents.txt": """!PERSON! = MAN, WOMAN
PRESIDENT [~GOV] # ns
SOLDIER [~MIL]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVJUD]
MILITIA!PERSON! [~REB]
SECRET_POLICE [~COP}
AID_AGENCY [NGO~]
""",
    "Phoenix.discards.txt": """# story-level discards start with +
+WORLD CUP   # pas
ACADEMY_AWARD_
1914
""",
    "LICENSE": "The MIT License (MIT)\n\nCopyright (c) 2014 Made Up\n",
}
TABLE_TEXT = """# CAMEO to PLOVER
07: AID
070: AID,   ,  # Provide aid
073: AID,   ,   humanitarian # Provide humanitarian aid
08: CONCEDE
080: CONCEDE, , # Yield
08: RETREAT
17: COERCE
173: COERCE, arrest, legal # Arrest
18: ASSAULT
183: ASSAULT,  suicide-attack,  # bombing
"""


@pytest.fixture
def upstream(tmp_path):
    folder = tmp_path / "upstream"
    folder.mkdir()
    for name, text in UPSTREAM_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "table.txt").write_text(TABLE_TEXT, encoding="utf-8")
    return folder


@pytest.fixture
def built(upstream, tmp_path):
    out = tmp_path / "out"
    importer.build(upstream, tmp_path / "table.txt", out)
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_actors_variants_roles_and_kinds(built):
    actors = [(r["file"], r["line"], r["kind"], r["name"], r["variants"]) for r in _csv(built / "actors.csv")]
    assert actors == [
        ("countries", "3", "country", "RURITANIA", "RURITANIAN|STRELSAU"),
        ("countries", "6", "person", "RUDOLF RASSENDYLL", "KING RUDOLF"),
        ("countries", "12", "person", "RUPERT OF HENTZAU", ""),
        ("countries", "15", "national", "BLACK ELPHBERG", ""),
        ("countries", "16", "national", "ROYAL GUARD", ""),
        ("international", "1", "igo", "UNITED NATIONS", "UN"),
        ("international", "3", "person", "KOFI ANNAN", ""),
        ("international", "4", "ngo", "GREENPEACE", ""),
        ("milnonstate", "1", "armed_group", "BLACK HAND", "UNITY OR DEATH"),
    ]
    roles = [(r["line"], r["actor_line"], r["code"], r["start"], r["end"]) for r in _csv(built / "actor_roles.csv")
             if r["file"] == "countries"]
    assert roles == [("3", "3", "RUR", "", ""), ("8", "6", "RURELI", "1990-01-01", "1999-12-31"),
                     ("9", "6", "RURGOV", "2000-01-01", ""), ("10", "6", "RURELI", "", ""),
                     ("13", "12", "RUROPP", "1999-08-22", "2000-12-31"), ("16", "16", "RURMIL", "", "")]
    kofi = [(r["code"], r["start"], r["end"]) for r in _csv(built / "actor_roles.csv") if r["actor_line"] == "3"
            and r["file"] == "international"]
    assert kofi == [("IGOUNO", "1997-01-01", "2006-12-31"), ("ELI", "", "")]


def test_unusable_lines_are_listed_as_problems_never_dropped_silently(built):
    problems = {(r["file"], r["line"]): r["problem"] for r in _csv(built / "problems.csv")}
    countries = "Phoenix.Countries.actors.txt"
    assert problems[(countries, "11")].startswith("variant left out: garbled")
    assert problems[(countries, "13")] == "date '9908223' has 7 digits; read as 1999-08-22"
    assert problems[(countries, "14")].startswith("role left out: date range '20010101' has no '-'")
    assert problems[(countries, "15")].startswith("actor has no code")
    assert problems[("Phoenix.agents.txt", "7")] == "agent left out: no [code]"
    assert problems[("CAMEO.2.0.txt", "18")].startswith("pattern left out: unclosed")
    assert problems[("CAMEO.2.0.txt", "19")] == "pattern left out: undefined synset &WEATHER"
    assert problems[("CAMEO.2.0.txt", "23")] == "pattern left out: undefined synset &MILITARY_"
    assert problems[("CAMEO.2.0.txt", "25")] == "pattern left out: code [080!] is not a CAMEO code"
    assert len(problems) == 9


def test_agents_expand_markers_and_form_plurals(built):
    agents = [(r["line"], r["phrase"], r["plural"], r["code"], r["placement"]) for r in _csv(built / "agents.csv")]
    assert agents == [("2", "PRESIDENT", "PRESIDENTS", "GOV", "suffix"), ("3", "SOLDIER", "SOLDIERS", "MIL", "suffix"),
                      ("4", "POLICE", "", "COP", "suffix"),
                      ("5", "ATTORNEY GENERAL", "ATTORNEYS GENERAL", "GOVJUD", "suffix"),
                      ("6", "MILITIAMAN", "", "REB", "suffix"), ("6", "MILITIAWOMAN", "", "REB", "suffix"),
                      ("8", "AID AGENCY", "AID AGENCIES", "NGO", "prefix")]


def test_discards_keep_scope_and_word_boundary(built):
    rows = [(r["phrase"], r["scope"], r["whole_word"]) for r in _csv(built / "discards.csv")]
    assert rows == [("WORLD CUP", "story", ""), ("ACADEMY AWARD", "sentence", "1"), ("1914", "sentence", "")]


def test_verbs_synsets_patterns_and_plover(built):
    verbs = [(r["verb"], r["particles"], r["forms"], r["cameo"]) for r in _csv(built / "verbs.csv")]
    assert verbs == [("grant", "", "", "070"), ("give", "", "gave|given|giving", "070"),
                     ("hand", "over", "handed over|hands over|handing over", "---"), ("appear", "", "", "---")]
    assert [(r["synset"], r["phrase"], r["plural"]) for r in _csv(built / "synsets.csv")] == [
        ("&FOOD", "grain", "grains"), ("&FOOD", "rice", ""), ("&AUX_", "will", "")]
    patterns = [json.loads(line) for line in (built / "verb_patterns.jsonl").read_text().splitlines()]
    assert patterns == [
        {"line": 15, "block": "GRANT", "objects": [["&FOOD"]], "preps": [{"prep": "to", "nouns": [["+"]]}],
         "cameo": "073", "note": "GIVE"},
        {"line": 16, "block": "GRANT", "objects": [["emergency", "relief"]], "cameo": "0731"},
        {"line": 17, "block": "GRANT", "objects": [["bombing/explosion"]], "passive": "183"},
        {"line": 24, "block": "APPEAR", "objects": [["statement"]], "cameo": "010"},
    ]
    plover = {r["cameo"]: (r["plover"], r["mode"], r["context"], r["table_code"]) for r in
              _csv(built / "cameo_plover.csv")}
    assert plover == {"010": ("", "", "", ""), "070": ("AID", "", "", "070"),
                      "073": ("AID", "", "humanitarian", "073"), "0731": ("AID", "", "humanitarian", "073"),
                      "183": ("ASSAULT", "suicide-attack", "", "183")}
    assert _csv(built / "verb_transformations.csv") == [
        {"line": "26", "pattern": "a (a b ATTACK) SAY", "result": "a b 015"}]


def test_license_manifest_and_loader_read_the_output(built, upstream):
    license_text = (built / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith(UPSTREAM_FILES["LICENSE"])
    assert "Copyright (c) 2015 Made Up Alliance (CAMEO.2.0.txt)" in license_text
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows"]["actors.csv"] == 9 and set(manifest["sources"]) >= set(UPSTREAM_FILES)
    dictionaries = load(built)
    rudolf = next(a for a in dictionaries.actors if a.name == "RUDOLF RASSENDYLL")
    assert rudolf.source == "Phoenix.Countries.actors.txt:6" and rudolf.roles[1].country == "RUR"
    assert dictionaries.patterns[0].plover.context == "humanitarian"


def test_rerunning_gives_byte_identical_files(upstream, tmp_path, built):
    again = tmp_path / "again"
    importer.build(upstream, tmp_path / "table.txt", again)
    assert sorted(p.name for p in again.iterdir()) == sorted(p.name for p in built.iterdir())
    for path in built.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("text, iso, noted", [
    ("900101", "1990-01-01", False),
    ("300101", "2030-01-01", False),  # 00-30 are 20YY, as in KEDS, TABARI and PETRARCH
    ("19411207", "1941-12-07", False),
    ("9908223", "1999-08-22", True),
])
def test_read_date(text, iso, noted):
    assert importer.read_date(text)[0] == iso and (importer.read_date(text)[1] is not None) == noted


@pytest.mark.parametrize("text", ["991331", "19990230", "1999", "99-01-01"])
def test_read_date_rejects_what_is_no_date(text):
    with pytest.raises(ValueError):
        importer.read_date(text)


def test_missing_upstream_is_a_clear_error(tmp_path, capsys):
    assert importer.main(["--upstream", str(tmp_path), "--table", str(tmp_path / "t.txt"),
                          "--out", str(tmp_path / "out")]) == 2
    assert "missing upstream file(s)" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_shipped_files_equal_a_fresh_regeneration(tmp_path):
    if not UPSTREAM.is_dir() or not TABLE.is_file():
        pytest.skip("../shared/knowledge/petrarch2 or the CAMEO-to-PLOVER table is absent: cannot regenerate")
    fresh = tmp_path / "petrarch"
    assert importer.main(["--out", str(fresh)]) == 0
    shipped = sorted(p.name for p in SHIPPED.iterdir() if p.name != "README.md")
    assert sorted(p.name for p in fresh.iterdir()) == shipped
    for name in shipped:
        assert (fresh / name).read_bytes() == (SHIPPED / name).read_bytes(), f"{name} differs: rerun the script"
