"""Known English spellings of names as a prior for the romanizer.

The graphone model spells a foreign name as it sounds to a Hindi reader
(``kartis``, ``milar``, ``jesan``); English writes it by its own conventions
(Curtis, Miller, Jason).  ``respell`` takes the model's candidates with their
log-probabilities and lets a known name (``data/latin-names.tsv``, by frequency
rank) win when it is reachable from a candidate by the conventions of
``data/latin-spellings.tsv`` at a low enough cost.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict

from .tables import DATA, read_tsv

# Score of a known spelling: candidate log-probability - COST_WEIGHT * conversion cost
# + KNOWN_BONUS - RANK_WEIGHT * log(rank).  Chosen on persons-hi-en.dev.tsv (README of bench/).
KNOWN_BONUS = 6.0
COST_WEIGHT = 1.0
RANK_WEIGHT = 0.5
# Only the model's best few candidates are respelled, by at most this many letters more or fewer,
# and by at most half a short spelling's length (one letter for two or three: उल is ul, not
# Ulle by a doubled l and a silent e).
RESPELL_TOP = 5
MAX_LENGTH_CHANGE = 3
# Fixed costs of the edits the table does not list.
DOUBLE_COST = 0.7  # a doubled consonant (miller, glenn)
SILENT_E_COST = 0.8  # a final e (george, jake), or one before a final s (yates, stokes)
VOWEL_COST = 3.0  # any other vowel substituted, inserted or dropped (not a convention: Kang is not King)
VOWELS = frozenset("aeiouy")
UNREACHABLE = math.inf


# The rank columns of latin-names.tsv: a given name or a surname is a person's name too (its
# rank there is at most its rank among given names or surnames), so "given" and "surname"
# only narrow "person".
KINDS = ("person", "place", "given", "surname")


@functools.lru_cache(maxsize=1)
def _ranks() -> dict[str, tuple[int | None, ...]]:
    """Latin spelling -> (rank as a person's name, as a place's, among given names, among
    surnames), None where not one."""
    out = {}
    for line in (DATA / "latin-names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *ranks = line.split("\t")
            out[word] = tuple(None if r == "-" else int(r) for r in ranks)
    return out


# Kinds of the words of a person's name of two or more words: the last word is ranked as a
# surname (Jo Root, not Jo Ruth), and a person's name not known as one ranks with the rarest
# surnames. (Ranking the first word as a given name too was tried: 2 letters of the dev set.)
WORD_KINDS = {"last": "surname"}


@functools.lru_cache(maxsize=8)
def known_names(kind: str | None = None) -> dict[str, int]:
    """Latin spelling -> frequency rank among the names of ``kind`` (person, place, given,
    surname, or a word kind of ``WORD_KINDS``; other kinds and None: any, by the best rank).
    A person is not respelled as a place (ऐरन is Aaron, not Iran)."""
    column = WORD_KINDS.get(kind, kind)
    columns = [KINDS.index(column)] if column in KINDS else list(range(len(KINDS)))
    ranks = _ranks()
    rarest = max(r[columns[0]] or 0 for r in ranks.values()) if kind in WORD_KINDS else None
    out = {}
    for word, word_ranks in ranks.items():
        known = [word_ranks[c] for c in columns if word_ranks[c] is not None]
        if rarest and word_ranks[0] is not None:
            known.append(rarest)
        if known:
            out[word] = min(known)
    return out


@functools.lru_cache(maxsize=1)
def _skeleton_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(row[0]), row[1] if len(row) > 1 else "") for row in read_tsv("latin-skeleton.tsv")]


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a lower-case Latin spelling: ``maxwell`` -> ``mkssl`` -> ``mksl``."""
    for pattern, repl in _skeleton_rules():
        word = pattern.sub(repl, word)
    word = re.sub(r"[aeiouyhw]", "", word)
    return re.sub(r"(.)\1+", r"\1", word)


@functools.lru_cache(maxsize=1)
def _skeletons() -> dict[str, str]:
    """Skeleton of every spelling in the list, made once for all kinds (~130,000 words)."""
    # Past the lru cache: 130,000 one-off words would only evict the romanizer's own.
    return {word: skeleton.__wrapped__(word) for word in _ranks()}


@functools.lru_cache(maxsize=8)
def _by_skeleton(kind: str | None = None) -> dict[str, tuple[str, ...]]:
    """Skeleton -> known names, commonest first (``respell`` stops at the first too rare to win)."""
    known = known_names(kind)
    skeletons = _skeletons()
    index: dict[str, list[str]] = defaultdict(list)
    for word in sorted(known, key=lambda w: (known[w], w)):
        index[skeletons[word]].append(word)
    return {k: tuple(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def _conventions() -> dict[str, tuple[tuple[str, float, str], ...]]:
    table: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    for row in read_tsv("latin-spellings.tsv"):
        table[row[0]].append((row[1], float(row[2]), row[3] if len(row) > 3 else ""))
    return {k: tuple(v) for k, v in table.items()}


def _max_length_change(spelling: str) -> int:
    return min(MAX_LENGTH_CHANGE, max(1, len(spelling) // 2))


def conversion_cost(src: str, dst: str) -> float:
    """Cheapest rewrite of spelling ``src`` into ``dst`` by the conventions (inf if none)."""
    rules = _conventions()
    n, m = len(src), len(dst)
    cost = [[UNREACHABLE] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0

    def relax(i: int, j: int, value: float) -> None:
        if value < cost[i][j]:
            cost[i][j] = value

    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == UNREACHABLE:
                continue
            if i < n and j < m and src[i] == dst[j]:
                relax(i + 1, j + 1, c)
            for length in (1, 2, 3):
                if i + length > n:
                    break
                for target, rule_cost, where in rules.get(src[i : i + length], ()):
                    if dst.startswith(target, j) and (not where or _SYLLABLE[where](dst, j + len(target))):
                        relax(i + length, j + len(target), c + rule_cost)
            if j < m:
                letter = dst[j]
                if letter not in VOWELS and j > 0 and dst[j - 1] == letter and i > 0 and src[i - 1] == letter:
                    relax(i, j + 1, c + DOUBLE_COST)
                if letter in VOWELS:
                    silent_e = (
                        letter == "e" and (j == m - 1 or (j == m - 2 and dst[m - 1] == "s"))
                        and not _lengthens(src, i, dst, j)
                    )
                    relax(i, j + 1, c + (SILENT_E_COST if silent_e else VOWEL_COST))
                    if i < n and src[i] in VOWELS:
                        relax(i + 1, j + 1, c + VOWEL_COST)
            if i < n and src[i] in VOWELS and i > 0:
                # A word's first vowel is written in the Indic spelling (उदान): never dropped.
                relax(i + 1, j, c + VOWEL_COST)
    return cost[n][m]


def _lengthens(src: str, i: int, dst: str, j: int) -> bool:
    """Would a silent e at ``dst[j]`` lengthen a short a or i that ``src`` spells the same,
    just before (shan -> shane, the vowel of ए; rit -> rite, of आइ)?  Not a diphthong's i
    (maik -> mike), nor an a the conventions made of another vowel (jek -> jake)."""
    return (
        i >= 2 and j >= 2 and src[i - 2] == dst[j - 2] in ("a", "i") and src[i - 1] == dst[j - 1] not in VOWELS
        and (i < 3 or src[i - 3] not in VOWELS)
    )


def _open(word: str, end: int) -> bool:
    """Does the vowel of ``word`` that ends at ``end`` stand in an open syllable (one consonant,
    then a vowel: ja|son, ja|ke), where English gives a its long sound?"""
    return end + 1 < len(word) and word[end] not in VOWELS and word[end + 1] in VOWELS


def _closed(word: str, end: int) -> bool:
    """Does the vowel of ``word`` that ends at ``end`` stand in a closed syllable (a consonant,
    then another or the word's end: cur|ran, dunk|ley, butt), where English u says अ?"""
    return end < len(word) and word[end] not in VOWELS and (end + 1 == len(word) or word[end + 1] not in VOWELS)


_SYLLABLE = {"open": _open, "closed": _closed}


def respell(candidates: dict[str, float], kind: str | None = None) -> str:
    """Best spelling among the model's ``candidates`` (lower-case spelling -> log-probability)
    and the known names of ``kind`` reachable from its best few."""
    known = known_names(kind)

    def prior(word: str) -> float:
        return KNOWN_BONUS - RANK_WEIGHT * math.log(known[word])

    score = {w: lp + (prior(w) if w in known else 0.0) for w, lp in candidates.items()}
    best = sorted(candidates, key=lambda w: (-candidates[w], w))[:RESPELL_TOP]
    index = _by_skeleton(kind)
    top = max(score.values())
    for cand in best:
        for word in index.get(skeleton(cand), ()):
            # Names come commonest first and a cost is never negative: once even a free
            # conversion could not beat the best score, no later name can.
            if candidates[cand] + prior(word) <= top:
                break
            if abs(len(word) - len(cand)) > _max_length_change(cand):
                continue
            cost = conversion_cost(cand, word)
            if cost == UNREACHABLE:
                continue
            s = candidates[cand] - COST_WEIGHT * cost + prior(word)
            if s > score.get(word, -math.inf):
                score[word] = s
                top = max(top, s)
    return min(score, key=lambda w: (-score[w], w))


@functools.lru_cache(maxsize=8)
def known_skeletons(kind: str | None, max_rank: int) -> frozenset[str]:
    """Skeletons of the known names of ``kind`` ranked at most ``max_rank``: a spelling whose
    skeleton is not among them cannot reach one of those names (``nearest_known``)."""
    skeletons = _skeletons()
    return frozenset(skeletons[w] for w, r in known_names(kind).items() if r <= max_rank)


def nearest_known(candidates: dict[str, float], kind: str | None, max_cost: float, max_rank: int) -> str | None:
    """The known name of ``kind`` ranked at most ``max_rank`` that one of the model's best few
    ``candidates`` reaches most cheaply, if at a cost of at most ``max_cost`` (ties: the commoner)."""
    known = known_names(kind)
    index = _by_skeleton(kind)
    best: tuple[float, int, str] | None = None
    for cand in sorted(candidates, key=lambda w: (-candidates[w], w))[:RESPELL_TOP]:
        for word in index.get(skeleton(cand), ()):
            if known[word] > max_rank:
                break  # commonest first
            cost = conversion_cost(cand, word)
            if cost <= max_cost and (best is None or (cost, known[word], word) < best):
                best = (cost, known[word], word)
    return best[2] if best else None
