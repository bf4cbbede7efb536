"""Story clusters: copies of one story (wire copies, reposts) found by MinHash LSH (datasketch).

Each article's cleaned text becomes a set of overlapping word 5-grams ("shingles"); a MinHash
signature of that set is computed in the worker that coded the article and stored, with its
LSH band keys: the signature cut into ``BANDS`` bands of ``ROWS`` hash values, tuned to a lower
similarity (``CANDIDATE``) than the threshold. Two articles sharing a band key are a candidate
pair; a pair whose exact Jaccard similarity of shingles is at least ``THRESHOLD`` is the same
story, and clusters are the connected groups. As the band keys are stored, an ingest looks up
only its new articles' keys, and clusters grow by joining: the cost follows the new articles,
not the size of the store.
Boilerplate left around a reposted body (promo blocks, comment forms) lowers the similarity
only by its share of the text, so a repost with a few different paragraphs still joins.

Clustering is a pure function of the stored signatures and their ingest order (connected groups
do not depend on the order edges are found in), so a rerun, a run resumed after a kill, or a
corpus fed in several ingests gives the same clusters as one uninterrupted run.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme; pinned, as hash values do not record it
DTYPE = "<u4"  # affine32 hash values are 32-bit
SHINGLE = 5  # words per shingle: long enough that unrelated stories rarely share one
THRESHOLD = 0.5  # Jaccard similarity at or above which two texts are one story
CANDIDATE = 0.3  # LSH tuned to this lower similarity, so pairs near THRESHOLD still meet
# The bands datasketch's MinHashLSH chooses for CANDIDATE at NUM_PERM (its optimal_param; a test
# checks they agree). Stored band keys depend on them: changing them needs a store migration.
BANDS, ROWS = 37, 3

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word n-grams; a text shorter than one n-gram is a single shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text's shingles, as little-endian uint32 bytes."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(sorted(shingles(text)))
    return minhash.hashvalues.astype(DTYPE).tobytes()


def band_keys(signature: bytes) -> list[bytes]:
    """One key per LSH band: the band's number, then its ROWS hash values' bytes. Articles that
    share a key are a candidate pair, exactly as they would share a MinHashLSH bucket."""
    width = ROWS * 4
    return [bytes([band]) + signature[band * width:(band + 1) * width] for band in range(BANDS)]


def similarity(left: bytes, right: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np

    a, b = np.frombuffer(left, dtype=DTYPE), np.frombuffer(right, dtype=DTYPE)
    if a.shape != b.shape:
        raise ValueError(f"signatures of different length ({a.size} vs {b.size}); re-ingest with one num_perm")
    return float(np.count_nonzero(a == b)) / a.size


@dataclass(frozen=True)
class Member:
    """What clustering needs to know of one stored article."""

    id: str
    seq: int
    repost: bool
    published: date | str | None
    signature: bytes


@dataclass(frozen=True)
class Assignment:
    cluster_id: str  # the id of the cluster's first-stored article
    original_id: str | None  # the cluster's original, for copies only


def cluster(members: Iterable[Member], pairs: Iterable[tuple[str, str]] | None = None,
            texts: Mapping[str, str] | None = None, threshold: float = THRESHOLD,
            joined: Iterable[tuple[str, str]] = ()) -> dict[str, Assignment]:
    """Group articles into stories; returns each article's cluster and, for copies, its original.

    ``pairs`` are the candidate pairs (default: :func:`candidate_pairs`). With ``texts`` (id ->
    cleaned text of every article in a pair) a candidate is kept when its exact Jaccard
    similarity reaches ``threshold``; without, the signatures' estimate decides. ``joined``
    pairs are known to be one story already (members of a stored cluster) and are not checked.
    """
    ordered = sorted(members, key=lambda m: m.seq)
    parent = {m.id: m.id for m in ordered}
    seq = {m.id: m.seq for m in ordered}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in joined:
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b, key=seq.get)] = min(a, b, key=seq.get)
    similar = _Similarity(ordered, texts)
    for left, right in candidate_pairs(ordered) if pairs is None else pairs:
        a, b = root(left), root(right)
        if a != b and similar(left, right) >= threshold:  # the earlier-stored root wins
            parent[max(a, b, key=seq.get)] = min(a, b, key=seq.get)
    groups: dict[str, list[Member]] = {}
    for member in ordered:
        groups.setdefault(root(member.id), []).append(member)
    result: dict[str, Assignment] = {}
    for cluster_id, group in groups.items():
        original = min(group, key=_original_rank).id if len(group) > 1 else None
        for member in group:
            result[member.id] = Assignment(cluster_id, original if member.id != original else None)
    return result


class _Similarity:
    """Exact Jaccard of two articles' shingles when their texts are given, else the estimate."""

    def __init__(self, members: list[Member], texts: Mapping[str, str] | None) -> None:
        self.signatures = {m.id: m.signature for m in members}
        self.texts = texts
        self.shingles: dict[str, set[bytes]] = {}

    def __call__(self, left: str, right: str) -> float:
        if self.texts is None:
            return similarity(self.signatures[left], self.signatures[right])
        a, b = self._shingles(left), self._shingles(right)
        common = len(a & b)
        return common / (len(a) + len(b) - common)

    def _shingles(self, article_id: str) -> set[bytes]:
        if article_id not in self.shingles:
            self.shingles[article_id] = shingles(self.texts[article_id])
        return self.shingles[article_id]


def candidate_pairs(members: Iterable[Member]) -> list[tuple[str, str]]:
    """Pairs that share an LSH band key, earlier-stored first, sorted; tuned to CANDIDATE so that
    pairs just above THRESHOLD are rarely missed (the exact check then drops the rest)."""
    ordered = sorted(members, key=lambda m: m.seq)
    order = {m.id: m.seq for m in ordered}
    buckets: dict[bytes, list[str]] = {}
    for member in ordered:
        for key in band_keys(member.signature):
            buckets.setdefault(key, []).append(member.id)
    pairs = {(first, later) for ids in buckets.values() if len(ids) > 1
             for n, first in enumerate(ids) for later in ids[n + 1:]}
    return sorted(pairs, key=lambda p: (order[p[0]], order[p[1]]))


def _original_rank(member: Member) -> tuple:
    """Not a repost first, then earliest published (unknown dates last), then first stored."""
    published = str(member.published) if member.published else "9999-99-99"
    return (member.repost, published, member.seq)
