"""The actor dictionary: shipped data, user files (--actors), dated offices, malformed input."""
from __future__ import annotations

import pytest

from heron.config import Settings
from heron.errors import DataFileError
from heron.pipeline import build_pipeline
from heron.pipeline.actors.dictionary import load_entries, load_roles
from heron.types import RawDocument

PERSON_CSV = """# a newsroom's own additions
name,variants,kind,code,sector,office,start,end,wikidata,org
Amara Okafor,Okafor,person,NGA,GOV,governor,2019-05-29,,,
"""

ORG_YAML = """# regional bodies we follow
- name: Lake Basin Commission
  variants: [LBC, the Basin Commission]
  kind: organisation
  code: IGO
  sector: GOV
"""


@pytest.fixture(scope="module")
def dictionary(knowledge):
    return knowledge.actors


def test_shipped_files_load_with_rules_naming_file_and_line(dictionary):
    putin = next(e for e in dictionary.entries if e.name == "Vladimir Putin")
    assert putin.rule.startswith("people.csv:") and putin.wikidata == "Q7747"
    assert "Путин" in putin.variants
    assert len(putin.offices) == 3
    assert dictionary.roles["defence minister"].sector == "GOV"
    assert dictionary.roles["police"].sector == "COP"


@pytest.mark.parametrize("office, code, date, name", [
    ("president", "USA", "2019-06-01", "Donald Trump"),
    ("president", "USA", "2023-06-01", "Joe Biden"),
    ("prime minister", "GBR", "2020-01-01", "Boris Johnson"),
    ("prime minister", "GBR", "2023-01-01", "Rishi Sunak"),
    ("defense minister", "RUS", "2022-07-01", "Sergei Shoigu"),
    ("defense minister", "RUS", "2024-06-01", "Andrei Belousov"),
    ("president", "UKR", "2018-01-01", "Petro Poroshenko"),
    ("chancellor", "DEU", "2020-01-01", "Angela Merkel"),
])
def test_office_holders_by_date(dictionary, office, code, date, name):
    assert [e.name for e in dictionary.holders(office, code, date)] == [name]


def test_igo_offices_are_found_by_organisation(dictionary):
    assert [e.name for e in dictionary.holders("secretary-general", None, "2020-01-01", "NATO")] == ["Jens Stoltenberg"]
    assert [e.name for e in dictionary.holders("secretary-general", None, "2005-01-01", "United Nations")] == ["Kofi Annan"]


def test_out_of_office_person_keeps_country_but_not_sector(dictionary):
    obama = next(e for e in dictionary.entries if e.name == "Barack Obama")
    office = obama.office_at("2022-01-01")
    assert (office.code, office.sector) == ("USA", None)
    assert obama.office_at("2012-01-01").sector == "GOV"


def test_user_csv_adds_a_person(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(PERSON_CSV, encoding="utf-8")
    pipeline = build_pipeline(Settings(actor_files=(path,)), ["parse", "actors"])
    article = pipeline.process(RawDocument(origin="<test>", published="2022-07-01",
                                           text="Amara Okafor imposed a curfew. Okafor said it would last a week."))
    person = next(a for a in article.actors if a.name == "Amara Okafor")
    assert (person.code, person.sector, person.kind) == ("NGA", "GOV", "person")
    assert len(person.mentions) == 2
    assert person.rule.startswith("people.csv:3")


def test_user_yaml_adds_an_organisation(tmp_path):
    path = tmp_path / "orgs.yaml"
    path.write_text(ORG_YAML, encoding="utf-8")
    pipeline = build_pipeline(Settings(actor_files=(path,)), ["parse", "actors"])
    article = pipeline.process(RawDocument(origin="<test>", text="The LBC warned of drought.", published=None))
    org = next(a for a in article.actors if a.name == "Lake Basin Commission")
    assert (org.code, org.sector, org.kind) == ("IGO", "GOV", "organisation")
    assert org.rule == "orgs.yaml:2:Lake Basin Commission"


@pytest.mark.parametrize("suffix, content, line, reason", [
    (".csv", "name,variants,kind,code\nJane Roe,,person,usa\n", 2, "code 'usa'"),
    (".csv", "name,variants,kind,code,sector,office,start\n# c\nJane Roe,,person,USA,GOV,mayor,2020-13\n", 3, "start"),
    (".csv", "name,kind,code\nJane Roe,alien,USA\n", 2, "kind 'alien'"),
    (".csv", "name,kind,code\nJane Roe,person,USA,GOV,extra\n", 2, "fields"),
    (".csv", "name,kind\nJane Roe,person\n", 1, "header lacks column(s) code"),
    (".csv", "name,kind,code,wikidata\nJane Roe,person,USA,7747\n", 2, "wikidata"),
    (".yaml", "- name: Jane Roe\n  kind: person\n- name: John Roe\n  kind: person\n  colour: red\n", 3, "unknown field"),
    (".yaml", "- name: [unclosed\n", 2, "invalid YAML"),
    (".yaml", "name: Jane Roe\n", 1, "expected a list"),
])
def test_malformed_files_name_file_and_line(tmp_path, suffix, content, line, reason):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_entries(path)
    message = str(caught.value)
    assert str(path) in message and f"line {line}" in message and reason in message


def test_unsupported_suffix_is_refused(tmp_path):
    path = tmp_path / "people.txt"
    path.write_text("Jane Roe", encoding="utf-8")
    with pytest.raises(DataFileError, match="must be .csv, .yaml or .yml"):
        load_entries(path)


def test_malformed_user_file_fails_when_the_pipeline_is_built(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("name,kind,code\n,person,USA\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2: empty name"):
        build_pipeline(Settings(actor_files=(path,)), ["parse", "actors"])


def test_role_file_rejects_bad_codes(tmp_path):
    path = tmp_path / "roles.csv"
    path.write_text("term,sector,office,title,weak,code\nwatchdog,,,,,ngo\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        load_roles(path)


@pytest.mark.parametrize("sentence, text, code, sector", [
    ("The Balochistan Liberation Army claimed the bombing on Tuesday.", "Balochistan Liberation Army", "PAK", "REB"),
    ("The SDF said it had detained dozens of suspects.", "SDF", "SYR", "REB"),
    ("M23 rebels seized another town near the border.", "M23 rebels", "COD", "REB"),
    ("The DHS announced new screening rules on Monday.", "DHS", "USA", "GOV"),
])
def test_armed_groups_and_agencies_are_coded(pipeline, sentence, text, code, sector):
    article = pipeline.process(RawDocument(origin="<test>", text=sentence))
    found = [(a.code, a.sector) for a in article.actors
             if any(article.text[s:e] in text or text in article.text[s:e] for s, e in a.mentions)]
    assert (code, sector) in found


@pytest.mark.parametrize("text, role_words, published, name", [
    ("The Israeli defense minister visited troops near the border.", "The Israeli defense minister",
     "2024-03-01", "Yoav Gallant"),
    ("The Israeli defense minister visited troops near the border.", "The Israeli defense minister",
     "2025-03-01", "Israel Katz"),
    ("The Japanese foreign minister arrived in Seoul for talks.", "The Japanese foreign minister",
     "2022-06-01", "Yoshimasa Hayashi"),
    ("The Japanese foreign minister arrived in Seoul for talks.", "The Japanese foreign minister",
     "2024-06-01", "Yoko Kamikawa"),
    ("The Canadian defence minister announced new funding for the navy.", "The Canadian defence minister",
     "2022-06-01", "Anita Anand"),
    ("The Canadian defence minister announced new funding for the navy.", "The Canadian defence minister",
     "2024-06-01", "Bill Blair"),
    ("The Egyptian foreign minister met his Jordanian counterpart.", "The Egyptian foreign minister",
     "2023-05-01", "Sameh Shoukry"),
    ("The Egyptian foreign minister met his Jordanian counterpart.", "The Egyptian foreign minister",
     "2025-01-15", "Badr Abdelatty"),
    ("The Finnish president said the border would stay closed.", "The Finnish president",
     "2023-01-10", "Sauli Niinisto"),
    ("The Finnish president said the border would stay closed.", "The Finnish president",
     "2024-06-01", "Alexander Stubb"),
])
def test_role_mentions_resolve_to_the_holder_on_the_publication_date(pipeline, text, role_words, published, name):
    article = pipeline.process(RawDocument(origin="<test>", text=text, published=published))
    found = [a for a in article.actors if any(article.text[s:e] == role_words for s, e in a.mentions)]
    assert [(a.name, a.kind) for a in found] == [(name, "person")]
