"""The clean stage: boilerplate out (and recorded), body whole, title, source and repost."""
import hashlib
import json
import os
from pathlib import Path

import pytest

from heron.config import Settings
from heron.errors import DataFileError, InputError
from heron.ingest.text import read_text_file
from heron.pipeline.text.boilerplate import load_rules
from heron.pipeline.text.clean import Cleaner, lede_of
from heron.types import RawDocument

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"

HEAD = "Belarus and Russia agree on joint fuel supply plan"
BODY = [
    "MINSK, April 9 (Northline) - Belarus and Russia agreed on Tuesday to coordinate oil product supplies "
    "to domestic markets until the end of next year, the Belarusian energy ministry said.",
    "The plan was signed by the two energy ministers after talks in Minsk that lasted more than five hours, "
    "according to a statement published on the ministry's website.",
    "Russian officials said the deal would help both countries cope with Western restrictions on refined fuel.",
]


@pytest.fixture(scope="module")
def clean():
    cleaner = Cleaner(Settings(default_date="2024-04-10"))

    def run(text, **raw):
        return cleaner(RawDocument(origin="<test>", text=text, **raw))

    return run


def story(*extra, before=()):
    return "\n\n".join([*before, HEAD, *BODY, *extra])


@pytest.mark.parametrize("line, reason", [
    ("Read on RBC Pro Pro How exporters are finding new markets Articles Pro Five rules for a new manager Instructions", "promo"),
    ("Advertisement", "promo"),
    ("Subscribe to our Telegram channel to get the news first", "subscribe"),
    ("Sign up for our daily briefing", "subscribe"),
    ("Подписывайтесь на наш канал в Telegram", "subscribe"),
    ("Share this:", "share"),
    ("Share this article on Facebook", "share"),
    ("Facebook | Twitter | Telegram | Email", "share"),
    ("Follow us on Twitter and Instagram", "share"),
    ("Поделиться", "share"),
    ("Authors Tags", "authors"),
    ("Tags: Belarus, Russia, energy", "tags"),
    ("Теги: Белоруссия, Россия", "tags"),
    ("Home » World » Europe", "navigation"),
    ("© 2024 Minsk Daily Review. All rights reserved.", "copyright"),
    ("Your email address will not be published.", "comments"),
    ("Required fields are marked *", "comments"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comments"),
    ("Ваш адрес email не будет опубликован.", "comments"),
    ("This website uses cookies to improve your experience.", "cookies"),
    ("Мы используем файлы cookie, чтобы сайт работал лучше.", "cookies"),
    ("Read more: Lukashenko meets Chinese delegation in Minsk", "related"),
    ("Читайте также: Лукашенко встретился с делегацией Китая", "related"),
    ("Posted on June 30, 2022 by admin", "date"),
    ("Updated: 2024-04-09 14:05", "date"),
    ("Source: Reuters", "source"),
    ("Источник rbc.ru", "source"),
    ("Originally published at https://www.example.org/news/fuel-plan", "source"),
])
def test_boilerplate_line_is_removed_and_recorded(clean, line, reason):
    article = clean(story(line))
    assert line not in article.text
    assert [(r.text, r.reason) for r in article.removed] == [(line, reason)]
    assert all(r.rule for r in article.removed)
    assert all(p in article.text for p in BODY)


@pytest.mark.parametrize("sentence", [
    "Read the full text of the agreement, the minister told reporters, and you will see it changes nothing.",
    "Readers of the state newspaper were told the deal was signed on favourable terms.",
    "Sources close to the government said the deal would be extended.",
    "Source of the dispute was a 2019 contract on transit fees, officials said.",
    "Subscribers to the state gas company's services will see no change in prices, the ministry said.",
    "Share prices of Belarusian refiners rose after the announcement.",
    "Authors of the report said the deal would cut costs by a fifth.",
    "Comments by the Russian side suggested the talks had been difficult.",
    "Follow-up talks will be held in Moscow in June.",
    "Home prices in Minsk rose 3 percent in March.",
    "Tags attached to the shipments will show their origin, customs officials said.",
    "Читайте внимательно: так начиналось заявление министерства, опубликованное во вторник.",
    "Подписание соглашения прошло в Минске во вторник.",
])
def test_body_sentences_with_trigger_words_are_kept(clean, sentence):
    article = clean(story(sentence, "Share this"))
    assert sentence in article.text
    assert [r.text for r in article.removed] == ["Share this"]


def test_seed_is_cleaned(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    article = Cleaner(Settings())(RawDocument(origin=str(seed_path), text=text))
    first_line = text.strip().splitlines()[0].strip()
    assert article.title == first_line
    assert article.text.startswith(first_line + "\n\n")
    assert (article.source.publication, article.source.repost) == ("rbc.ru", True)
    assert [r.reason for r in article.removed] == ["promo", "authors", "subscribe", "source", "comments", "comments"]
    removed = {r.text for r in article.removed}
    for marker in ("Read on RBC Pro", "Subscribe to", "Authors Tags", "Источник", "Leave a Reply", "email address"):
        assert marker not in article.text
    body_lines = [line.strip() for line in text.splitlines() if line.strip()]
    kept = [line for line in body_lines if line not in removed and not any(line.endswith(r) for r in removed)]
    assert len(kept) == 11  # headline, standfirst and nine body paragraphs
    for line in kept:
        assert line in article.text  # every body paragraph, word for word
    words = lambda s: len(s.split())  # noqa: E731
    assert words(article.text) + sum(words(r) for r in removed) == words(text)


def _summary(article):
    return {
        "title_sha1": hashlib.sha1((article.title or "").encode("utf-8")).hexdigest(),
        "text_sha1": hashlib.sha1(article.text.encode("utf-8")).hexdigest(),
        "text_chars": len(article.text),
        "paragraphs": article.text.count("\n\n") + 1,
        "source": {"publication": article.source.publication, "repost": article.source.repost,
                   "reposted_by": article.source.reposted_by},
        "removed": [{"reason": r.reason, "rule": r.rule, "chars": len(r.text)} for r in article.removed],
        "language": article.language,
        "id": article.id,
    }


def _check_golden(name, value):
    path = GOLDEN / name
    if os.environ.get("HERON_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert value == json.loads(path.read_text(encoding="utf-8")), f"{name} changed; HERON_UPDATE_GOLDEN=1 rewrites it"


def test_seed_golden(seed_path):
    """Only hashes, lengths and rule names are stored: the seed's text stays out of the repo."""
    raw = RawDocument(origin="seed", text=seed_path.read_text(encoding="utf-8"))
    _check_golden("seed_clean.json", _summary(Cleaner(Settings())(raw)))


def test_example_golden():
    [raw] = read_text_file(ROOT / "examples" / "minsk-moscow-energy.txt")
    article = Cleaner(Settings())(raw)
    value = {"title": article.title, "text": article.text, "source": _summary(article)["source"],
             "removed": [{"text": r.text, "reason": r.reason, "rule": r.rule} for r in article.removed]}
    _check_golden("example_clean.json", value)


def test_title_lede_and_paragraphs(clean):
    article = clean(story())
    assert article.title == HEAD
    assert article.text.split("\n\n") == [HEAD, *BODY]
    assert lede_of(article) == BODY[0]


def test_title_from_metadata_wins_and_repeats_are_dropped(clean):
    article = clean("\n".join([HEAD, *BODY]), title=HEAD)
    assert article.title == HEAD and article.text.split("\n\n") == [HEAD, *BODY]
    assert [(r.reason, r.rule) for r in article.removed] == [("duplicate", "title-repeated")]


@pytest.mark.parametrize("text", [
    "\n\n".join(BODY),
    "Russia and Belarus held talks.",
    "\n\n".join(["the talks went on for hours", *BODY]),
])
def test_no_title_when_the_first_line_is_not_a_headline(clean, text):
    article = clean(text)
    assert article.title is None and article.text == text


def test_whitespace_is_normalised_and_hard_wrapped_lines_joined(clean):
    wrapped = ("MINSK, April 9 (Northline) - Belarus and Russia agreed on Tuesday\n"
               "to coordinate  oil product\tsupplies to domestic markets until the end\n"
               "of next year, the Belarusian\u00a0energy ministry said.\r\n\r\n"
               "Officials   declined to\u200b comment.")
    article = clean(f"{HEAD}\n\n{wrapped}")
    assert article.text.split("\n\n") == [HEAD, BODY[0], "Officials declined to comment."]


def test_id_published_and_language(clean):
    first, second = clean(story()), clean(story("Share this:"))
    assert first.id == second.id == hashlib.sha1(first.text.encode("utf-8")).hexdigest()[:16]
    assert clean(story(), id="wire-42").id == "wire-42"
    assert first.published == "2024-04-10" and clean(story(), published="2024-04-09").published == "2024-04-09"
    assert first.language == "en"
    ru = clean("Лукашенко и Путин провели переговоры в Минске.\n\nСтороны обсудили поставки газа.")
    assert ru.language == "ru"


@pytest.mark.parametrize("extra, raw, expected", [
    ((), {}, ("Northline", False, None, "credit.dateline")),  # the wire's own dateline: its story, not a copy
    ((), {"site": "Minsk Daily Review"}, ("Northline", True, "Minsk Daily Review", "credit.dateline")),
    ((), {"url": "https://www.northline.example/world/1"}, ("Northline", False, None, "credit.dateline")),
    (("Source: Reuters",), {}, ("Reuters", True, None, "source.label")),
    (("Source: BelTA",), {"url": "https://blog.example.net/p/7"}, ("BelTA", True, "blog.example.net", "source.label")),
    (("Originally published at https://www.example.org/news/fuel",), {},
     ("example.org", True, None, "source.originally-published")),
    (("Source: example.org",), {"site": "Example"}, ("example.org", False, None, "source.label")),
    (("Источник example.org",), {}, ("example.org", True, None, "source.label-domain")),
    (("© 2024 Minsk Daily Review", "Source: BelTA"), {}, ("BelTA", True, "Minsk Daily Review", "source.label")),
])
def test_source_and_repost(clean, extra, raw, expected):
    source = clean(story(*extra), **raw).source
    assert (source.publication, source.repost, source.reposted_by, source.rule) == expected


def test_page_without_credit_is_published_by_its_site(clean):
    text = "\n\n".join([HEAD, BODY[1], BODY[2]])
    by_site = clean(text, site="Minsk Daily Review").source
    assert (by_site.publication, by_site.rule) == ("Minsk Daily Review", "site-metadata")
    by_url = clean(text, url="https://www.mdr.example/a/1").source
    assert (by_url.publication, by_url.rule) == ("mdr.example", "url")
    assert clean(text).source.publication is None


def test_related_list_stops_at_the_body(clean):
    article = clean(story(before=()).replace(BODY[1], "Read also:\nMinsk opens new terminal\nGas talks stall\n\n" + BODY[1]))
    assert [(r.text, r.rule) for r in article.removed] == [
        ("Read also:", "related.header"),
        ("Minsk opens new terminal", "related.header (list item)"),
        ("Gas talks stall", "related.header (list item)"),
    ]
    assert all(p in article.text for p in BODY)


def test_comment_section_is_cut_only_after_the_body(clean):
    tail = clean(story("Leave a Reply", "Great article, thanks", "Name *"))
    assert [r.reason for r in tail.removed] == ["comments"] * 3
    early = clean(story(before=("Leave a comment",)))
    assert all(p in early.text for p in BODY) and early.removed == []


def test_only_boilerplate_is_an_input_error(clean):
    with pytest.raises(InputError, match="no text left after cleaning .3 boilerplate"):
        clean("Share this:\n\nSubscribe to our newsletter\n\nSource: Reuters")


def test_user_boilerplate_file(tmp_path):
    rules = tmp_path / "mine.yaml"
    rules.write_text("rules:\n  - id: mine.donate\n    reason: promo\n    pattern: 'support\\s+our\\s+journalism'\n",
                     encoding="utf-8")
    cleaner = Cleaner(Settings(boilerplate_files=(rules,)))
    article = cleaner(RawDocument(origin="t", text=story("Support our journalism: donate today")))
    assert [(r.reason, r.rule) for r in article.removed] == [("promo", "mine.donate")]


@pytest.mark.parametrize("content, reason", [
    ("rules: nope", "'rules' list"),
    ("rules:\n  - id: x\n    reason: promo\n", "id, reason and pattern"),
    ("rules:\n  - id: x\n    reason: promo\n    pattern: '(('\n", "bad pattern"),
    ("rules:\n  - id: x\n    reason: promo\n    pattern: 'a'\n    scope: page\n", "scope must be"),
    ("rules:\n  - id: share.share-this\n    reason: share\n    pattern: 'a'\n", "defined twice"),
])
def test_bad_boilerplate_file_is_a_clear_error(tmp_path, content, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=reason):
        load_rules((path,))


def test_shipped_rules_name_their_reason():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules) >= 25
    assert {"promo", "subscribe", "share", "authors", "comments", "cookies", "related", "source"} <= {r.reason for r in rules}


def test_bare_page_from_another_reader_is_extracted_then_cleaned(clean):
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    page = (f"<html><head><title>{HEAD}</title><meta property='og:site_name' content='Minsk Daily Review'></head>"
            f"<body><article><h1>{HEAD}</h1>{paragraphs}<p>Source: BelTA</p></article></body></html>")
    article = Cleaner(Settings())(RawDocument(origin="feed item", html=page, url="https://mdr.example/a/1"))
    assert article.title == HEAD and all(p in article.text for p in BODY)
    assert (article.source.publication, article.source.repost, article.source.reposted_by) == ("BelTA", True, "Minsk Daily Review")
    assert article.url == "https://mdr.example/a/1"


@pytest.mark.parametrize("line, raw, published", [
    ("Posted on Tuesday, April 9, 2024 by editor", {}, "2024-04-09"),
    ("Published: 09.04.2024, 10:15", {}, "2024-04-09"),
    ("Posted on April 9, 2024", {"published": "2024-04-08"}, "2024-04-08"),  # the input's own date wins
    ("Опубликовано 9 апреля 2024", {}, "2024-04-10"),  # not parsed: the default date, line still removed
])
def test_date_line_gives_the_publication_date(clean, line, raw, published):
    article = clean(story(before=(line,)), **raw)
    assert article.published == published
    assert article.title == HEAD and [r.reason for r in article.removed] == ["date"]


@pytest.mark.parametrize("sentence", [
    "Published on Monday, the report says the talks failed.",
    "Updated figures will be released in May 2024, the ministry said.",
    "Posted guards stood outside the embassy on April 9, 2024.",
])
def test_body_sentences_about_publishing_are_kept(clean, sentence):
    article = clean(story(sentence))
    assert sentence in article.text and article.removed == []
