"""Story clusters by MinHash LSH: copies of one story join, unrelated stories stay apart."""
from __future__ import annotations

import pytest

from heron.store.dedup import NUM_PERM, Member, candidate_pairs, cluster, shingles, signature, similarity

BODY = [
    "KYIV, March 4 (Wire) - Ukraine and Poland signed an agreement on Monday to build a new rail "
    "crossing at the border, the two governments said in a joint statement.",
    "The line will carry grain and fuel and should open next year, Ukraine's infrastructure minister "
    "told reporters in Kyiv after the signing ceremony.",
    "Poland will finance half of the 200 million euro project, according to the statement, while the "
    "European Union is expected to cover the rest through its connectivity fund.",
    "Truck drivers have waited for days at the existing crossings since last autumn, when farmers "
    "blocked the roads in protest against cheap imports.",
    "Officials from both countries said the new crossing would cut waiting times by half and help "
    "exporters reach ports on the Baltic Sea.",
]
OTHER = [
    "NAIROBI, March 4 (Wire) - Police in Kenya detained dozens of demonstrators on Tuesday during "
    "protests against a proposed tax on mobile money transfers, witnesses said.",
    "Officers fired tear gas to disperse crowds gathered outside parliament, where lawmakers were "
    "debating the finance bill, and several people were taken to hospital.",
    "The interior ministry said the arrests were lawful and accused organisers of planning to "
    "storm the building; opposition leaders denied the accusation.",
]
BLOG_TOP = "Home | World | Business | Subscribe to our daily newsletter and never miss a story"
BLOG_BOTTOM = ("Share this article on social media. Comments are moderated. Leave a reply below; your "
               "email address will not be published. Related posts: Markets today, Weather this week.")


def member(article_id: str, seq: int, paragraphs: list[str], repost: bool = False, published=None) -> Member:
    return Member(article_id, seq, repost, published, signature("\n\n".join(paragraphs)))


def test_shingles_are_lowercased_word_five_grams():
    grams = shingles("The Talks resumed in Geneva on Tuesday")
    assert b"the talks resumed in geneva" in grams
    assert b"resumed in geneva on tuesday" in grams
    assert len(grams) == 3


def test_short_text_is_one_shingle():
    assert shingles("Talks resumed") == {b"talks resumed"}


def test_signature_is_fixed_length_and_deterministic():
    text = "\n\n".join(BODY)
    assert len(signature(text)) == NUM_PERM * 4
    assert signature(text) == signature(text)
    assert similarity(signature(text), signature(text)) == 1.0


def test_similarity_estimates_jaccard():
    full, half = "\n\n".join(BODY), "\n\n".join(BODY[:3])
    exact = len(shingles(full) & shingles(half)) / len(shingles(full) | shingles(half))
    assert similarity(signature(full), signature(half)) == pytest.approx(exact, abs=0.15)


@pytest.mark.parametrize("copy", [
    pytest.param([BLOG_TOP, *BODY, BLOG_BOTTOM], id="repost-with-blog-boilerplate"),
    pytest.param([BODY[0].replace("(Wire)", "(Wire via Daily News)"), *BODY[1:]], id="wire-copy-new-credit"),
    pytest.param([*BODY[:4]], id="copy-missing-last-paragraph"),
])
def test_copies_of_one_story_share_a_cluster(copy):
    result = cluster([member("orig", 1, BODY), member("copy", 2, copy, repost=True), member("other", 3, OTHER)])
    assert result["copy"].cluster_id == result["orig"].cluster_id == "orig"
    assert result["copy"].original_id == "orig"
    assert result["orig"].original_id is None
    assert result["other"].cluster_id == "other" and result["other"].original_id is None


def test_unrelated_stories_stay_apart():
    result = cluster([member("a", 1, BODY), member("b", 2, OTHER)])
    assert result["a"].cluster_id != result["b"].cluster_id


def test_original_is_the_non_repost_even_when_stored_later():
    result = cluster([member("blog", 1, [BLOG_TOP, *BODY], repost=True), member("wire", 2, BODY)])
    assert result["blog"].cluster_id == "blog"  # cluster ids name the first-stored member
    assert result["blog"].original_id == "wire"
    assert result["wire"].original_id is None


def test_original_is_the_earliest_published_among_equals():
    result = cluster([member("late", 1, BODY, published="2024-03-05"),
                      member("early", 2, [*BODY, BLOG_BOTTOM], published="2024-03-04"),
                      member("undated", 3, [BLOG_TOP, *BODY])])
    assert result["late"].original_id == "early"
    assert result["undated"].original_id == "early"


def test_clusters_do_not_depend_on_the_order_members_are_given():
    members = [member("a", 1, BODY), member("b", 2, OTHER), member("c", 3, [BLOG_TOP, *BODY]),
               member("d", 4, [*OTHER, BLOG_BOTTOM])]
    assert cluster(members) == cluster(list(reversed(members)))


def test_copies_chain_into_one_cluster():
    first, second = [*BODY[:4], OTHER[0]], [*BODY[1:], OTHER[0]]
    result = cluster([member("x", 1, BODY), member("y", 2, first), member("z", 3, second)])
    assert {a.cluster_id for a in result.values()} == {"x"}


def overlapping(shift: int, length: int = 200) -> tuple[str, str]:
    """Two texts of distinct words where the second starts ``shift`` words into the first."""
    words = [f"w{i}x" for i in range(length + shift)]
    return " ".join(words[:length]), " ".join(words[shift:shift + length])


@pytest.mark.parametrize("shift, together", [(62, True), (69, False)])  # exact Jaccard 0.52 and 0.48
def test_with_texts_the_exact_similarity_decides_near_the_threshold(shift, together):
    left, right = overlapping(shift)
    a, b = shingles(left), shingles(right)
    assert (len(a & b) / len(a | b) >= 0.5) is together
    members = [Member("l", 1, False, None, signature(left)), Member("r", 2, False, None, signature(right))]
    pairs = candidate_pairs(members)
    assert pairs == [("l", "r")]  # the LSH proposes both, tuned below the threshold
    result = cluster(members, pairs, {"l": left, "r": right})
    assert (result["r"].cluster_id == "l") is together


@pytest.mark.evaluation
def test_lsh_clusters_match_exact_jaccard_on_a_news_corpus(shared_dir):
    """Pairs of India police-corpus articles with exact shingle Jaccard >= THRESHOLD end in one
    cluster; clustered pairs below it come only from chains of copies."""
    import json
    from itertools import combinations

    from heron.store.dedup import THRESHOLD

    path = shared_dir / "eval" / "india-police-events" / "docs.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as stream:
        texts = {str(r["doc_id"]): r["doc_text"] for r in map(json.loads, stream)}
    members = [Member(i, n, False, None, signature(t)) for n, (i, t) in enumerate(texts.items())]
    result = cluster(members, candidate_pairs(members), texts)
    sets = {i: shingles(t) for i, t in texts.items()}
    exact = set()
    for a, b in combinations(texts, 2):
        small, big = sorted((len(sets[a]), len(sets[b])))
        if small >= THRESHOLD * big:
            common = len(sets[a] & sets[b])
            if common / (len(sets[a]) + len(sets[b]) - common) >= THRESHOLD:
                exact.add((a, b))
    together = {(a, b) for a, b in combinations(texts, 2) if result[a].cluster_id == result[b].cluster_id}
    assert exact, "the corpus holds copies of some stories"
    assert len(exact & together) / len(exact) >= 0.95  # recall of the LSH candidates
    assert len(together - exact) <= 0.05 * len(exact)  # only chains of copies join dissimilar pairs


def test_band_layout_is_the_one_datasketch_chooses_for_the_candidate_similarity():
    from datasketch import MinHashLSH

    from heron.store.dedup import BANDS, CANDIDATE, ROWS

    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_band_key_candidates_are_the_pairs_datasketch_lsh_proposes():
    from datasketch import LeanMinHash, MinHashLSH
    import numpy as np

    from heron.store.dedup import CANDIDATE, DTYPE, SCHEME, SEED

    texts = {"a": BODY, "b": [*BODY[:3], *OTHER[:1]], "c": OTHER, "d": [*OTHER[1:], BODY[4]], "e": BODY[2:]}
    members = [member(name, n, paragraphs) for n, (name, paragraphs) in enumerate(texts.items())]
    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
    hashes = {m.id: LeanMinHash(seed=SEED, hashvalues=np.frombuffer(m.signature, dtype=DTYPE), scheme=SCHEME)
              for m in members}
    for name, minhash in hashes.items():
        lsh.insert(name, minhash)
    expected = {tuple(sorted((name, other))) for name in hashes for other in lsh.query(hashes[name]) if other != name}
    assert expected and set(candidate_pairs(members)) == expected
