"""Story clusters: copies of one story (wire copies, reposts) found by MinHash LSH (datasketch).

Each article's cleaned text becomes a set of overlapping word 5-grams ("shingles"); a MinHash
signature of that set is computed in the worker that coded the article and stored. After an
ingest, every signature goes into an LSH index; two articles whose estimated Jaccard
similarity is at least ``THRESHOLD`` are the same story, and clusters are the connected groups.
Boilerplate left around a reposted body (promo blocks, comment forms) lowers the similarity
only by its share of the text, so a repost with a few different paragraphs still joins.

Clustering is a pure function of the stored signatures and their ingest order, so a rerun,
or a run resumed after a kill, gives the same clusters as one uninterrupted run.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme; pinned, as hash values do not record it
DTYPE = "<u4"  # affine32 hash values are 32-bit
SHINGLE = 5  # words per shingle: long enough that unrelated stories rarely share one
THRESHOLD = 0.5  # estimated Jaccard similarity at or above which two texts are one story

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


def cluster(members: Iterable[Member], threshold: float = THRESHOLD) -> dict[str, Assignment]:
    """Group articles into stories; returns each article's cluster and, for copies, its original."""
    ordered = sorted(members, key=lambda m: m.seq)
    parent = {m.id: m.id for m in ordered}
    seq = {m.id: m.seq for m in ordered}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in _similar_pairs(ordered, threshold):
        a, b = root(left), root(right)
        if a != b:  # the earlier-stored root wins, so cluster ids do not depend on pair order
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


def _original_rank(member: Member) -> tuple:
    """Not a repost first, then earliest published (unknown dates last), then first stored."""
    published = str(member.published) if member.published else "9999-99-99"
    return (member.repost, published, member.seq)


def _similar_pairs(ordered: list[Member], threshold: float) -> Iterable[tuple[str, str]]:
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {}
    for member in ordered:
        values = np.frombuffer(member.signature, dtype=DTYPE).astype(np.uint32)
        hashes[member.id] = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        lsh.insert(member.id, hashes[member.id], check_duplication=False)
    for member in ordered:
        for other in sorted(lsh.query(hashes[member.id])):
            if other != member.id and hashes[member.id].jaccard(hashes[other]) >= threshold:
                yield member.id, other
