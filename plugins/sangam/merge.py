"""Stage 4, merge: sources -> events.

How two articles are compared
-----------------------------
Hindi and Gujarati articles are compared in one script: every word is folded
to Devanagari (``script.fold``), its inflectional ending is removed (a data
table, ``data/merge-endings.tsv``: Gujarati case endings glued to the word,
Hindi plural and oblique endings), and it is *simplified* so that spellings
that differ between the two languages meet (long and short vowels, anusvara,
virama, nukta, ळ/ल). Each article then has sparse, IDF-weighted vectors
(fields, as in Priberam's news clustering):

* ``word``: the simplified words;
* ``gram``: character 4-grams of those words, so cognates with different
  inflection (नागरिकों / નાગરિકો) still share most of their features;
* ``seq``: pairs of consecutive content words, each cut to its first ``prefix`` letters:
  a translated sentence keeps its order of content words;
* ``num``: numbers (Devanagari, Gujarati and Latin digits alike);
* ``near``: unordered pairs of words at most ``near`` words apart, each word
  cut to its consonant skeleton (``skeleton``: vowel signs dropped, letters the
  two languages spell differently made one, ``data/merge-skeleton.tsv``). The
  Hindi and the Gujarati translation of one text keep each sentence's content
  together, so they share these pairs even where the words differ in vowels,
  endings or order; two reports of the same topic share words, seldom pairs.
  This is the field that tells a translation from a same-topic story best
  across the languages (``cross_language_only`` can restrict it to those pairs);
* ``name``: the entity keys found by the names stage, when there are any.
  They generate candidates, explain merges and link related events, but weigh
  0 in the score by default: names are already among the words, and reports of
  *different* events about the same people share them too (weighting them
  merged same-topic stories on the development corpus).

The similarity of two articles is a weighted mean of the per-field cosines
(``weights``; a field that one of the two has no features in does not count).
Hindi-Gujarati pairs are scored so that one threshold serves both kinds of pair
(``_cross_language``): the same weighted mean, but over the *bilingual
projection* of the vectors (each field cut to the features the collection
attests in both languages, renormalised), so that words only one language uses
do not dilute the score; in a small collection that projection is little more
than the pair's own words, so it is trusted in proportion to the evidence,
n / (n + ``cross_language_prior``) for n articles in the smaller language, and
the rest of the score comes from the plain cosines with
``cross_language_weights``, where names (one key in any script) carry the match.

Candidates and clustering
-------------------------
Candidate pairs come from an inverted index over each article's most
distinctive word, number and name features (its top ``block_features`` by
weight, ignoring features in more than ``max_df_share`` of the articles or in
more than ``max_postings`` of them): only pairs that share such a feature are
ever scored. Clustering is average-link agglomeration over that
sparse graph (missing pairs count as 0): an article joins an event only if its
mean similarity to *all* members clears the threshold, so one shared person or
phrase cannot chain two stories. Stated publication dates further apart than
``max_day_gap`` multiply the pair score by ``date_penalty``. Partial coverage
(``version_scores``): two sources in one language scoring at least ``version``
are versions of one text, and for clustering a source in the other language
scores against each of them as against the best one it matches, so a
translation of the longer version is not held apart by the cut one.

Editorial overrides (``editorial.py``) act on the graph: "together" groups are
merged before clustering and "apart" pairs can never end in one cluster.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

import numpy as np

from . import tables
from .model import Source
from .script import fold, tokens

FIELDS = ("word", "gram", "seq", "num", "name", "near")
# The fields whose rare features generate candidate pairs (``candidate_pairs``): the index
# keeps document frequencies for these only (the others' run to millions of shingles).
BLOCKING_FIELDS = ("word", "num", "name")


@dataclass(frozen=True)
class MergeSettings:
    threshold: float = 0.22  # average-link similarity needed to join an event
    near_miss: float = 0.12  # pairs between this and the threshold are reported to editors
    max_df_share: float = 0.05  # features in more documents than this do not generate candidates
    block_features: int = 40  # each source's strongest features that generate candidates
    # ... and never features in more than this many sources, however large the collection:
    # keeps the candidate pairs (and the merge's time) linear in the number of sources.
    max_postings: int = 20
    max_day_gap: int = 10  # stated publication dates further apart weigh against a merge
    date_penalty: float = 0.5
    weights: tuple[tuple[str, float], ...] = (("word", 0.3), ("gram", 0.3), ("seq", 0.2), ("num", 0.1), ("name", 0.0), ("near", 0.3))
    # Small collections: how many articles per language before the bilingual projection is
    # trusted half-way, and the field weights of the plain cross-language score (names count).
    # 40 before the ``near`` field: with it the projected score separates translations from
    # same-topic stories well enough to be trusted half-way at 20 articles per language.
    cross_language_prior: float = 20.0
    cross_language_weights: tuple[tuple[str, float], ...] = (("word", 0.3), ("gram", 0.3), ("seq", 0.2), ("num", 0.1), ("name", 0.5))
    # Fields that score Hindi-Gujarati pairs only (none by default). ("near",) halves the cost
    # of that field and changes no dev or seed event at threshold 0.22, but same-language
    # near keeps dev precision at 1.0 down to 0.20 (without it, 0.96 at 0.21).
    cross_language_only: tuple[str, ...] = ()
    # Same-language sources scoring at least this are versions of one text (a copy, cut or
    # edited); for clustering, a source in the other language scores against each version as
    # well as against the best of them (``version_scores``). None: off.
    version: float | None = 0.8
    gram: int = 4  # length of the character n-grams
    cap: float = 1.0  # largest share of a unit vector one feature may hold
    prefix: int = 2  # letters of each word kept in the word-sequence features
    near: int = 3  # window of the skeleton co-occurrence features: each word with the next this many


# --- words -------------------------------------------------------------------

_SIMPLIFY = str.maketrans(
    {
        "\u0940": "\u093f",  # ी -> ि
        "\u0942": "\u0941",  # ू -> ु
        "\u0948": "\u0947",  # ै -> े
        "\u094c": "\u094b",  # ौ -> ो
        "\u0908": "\u0907",  # ई -> इ
        "\u090a": "\u0909",  # ऊ -> उ
        "\u0910": "\u090f",  # ऐ -> ए
        "\u0914": "\u0913",  # औ -> ओ
        "\u0933": "\u0932",  # ळ -> ल
        "\u0943": "\u093f",  # ृ -> ि
        "\u0902": None,  # anusvara
        "\u0901": None,  # candrabindu
        "\u0903": None,  # visarga
        "\u094d": None,  # virama
        "\u093c": None,  # nukta
    }
)
_DIGITS = str.maketrans({chr(base + i): str(i) for base in (0x0966, 0x0AE6) for i in range(10)})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@cache
def endings() -> dict[str, tuple[str, ...]]:
    """Language -> folded endings, longest first (from ``data/merge-endings.tsv``)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in tables.read_lines("merge-endings.tsv"):
        lang, ending = line.split("\t", 1)
        table[lang.strip()].add(fold(ending.strip()))
    return {lang: tuple(sorted(found, key=len, reverse=True)) for lang, found in table.items()}


def stem(word: str, lang: str) -> str:
    """Remove the longest listed ending of a folded word, keeping at least three letters."""
    for ending in endings().get(lang, ()):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def simplify(word: str) -> str:
    return word.translate(_SIMPLIFY)


_VOWEL_SIGNS = re.compile("[\u093e-\u094c\u0962\u0963\u0904-\u0914\u0960\u0961]")


@cache
def skeleton_letters() -> dict[int, str]:
    """Letter equivalences of the consonant skeleton (``data/merge-skeleton.tsv``), folded."""
    table: dict[int, str] = {}
    for line in tables.read_lines("merge-skeleton.tsv"):
        letter, replacement = (fold(part.strip()) for part in line.split("\t", 1))
        table[ord(letter)] = replacement
    return table


@lru_cache(maxsize=500_000)
def skeleton(key: str, minimum: int = 3) -> str:
    """A simplified word's consonant skeleton: its first letter, then its consonants only,
    with the letters Hindi and Gujarati spell differently made one. Cognates that differ
    only in their vowels (पुलिस / પોલીસ, हमला / હુમલો, केमरा / કેમેરા) meet. Shorter
    skeletons than ``minimum`` letters are dropped (too many words share them)."""
    if not key or not ("\u0900" <= key[0] <= "\u097f"):
        return ""
    found = (key[0] + _VOWEL_SIGNS.sub("", key[1:])).translate(skeleton_letters())
    return found if len(found) >= minimum else ""


def near_pairs(words: list[str], window: int = 3) -> list[str]:
    """Unordered pairs of consonant skeletons at most ``window`` words apart.

    A translation keeps the content of each sentence together, so the Hindi and
    the Gujarati version of one text share many such pairs of cognates even where
    the two translators chose different words, inflections or word order; two
    different texts on one topic share the words but seldom side by side.
    """
    keys = [key for key in map(skeleton, words) if key]
    pairs: list[str] = []
    for i, first in enumerate(keys):
        for second in keys[i + 1 : i + 1 + window]:
            if first != second:
                pairs.append(near_key(first, second))
    return pairs


def near_key(first: str, second: str) -> str:
    """The feature of two skeletons seen side by side, in either order."""
    return f"{first}+{second}" if first < second else f"{second}+{first}"


def match_words(text: str, lang: str) -> tuple[list[str], list[str]]:
    """(content words, numbers) of a text, as matching keys."""
    words: list[str] = []
    numbers: list[str] = []
    # Indic digits are made ASCII per (cached) token: the same tokens, since digits of every
    # script are token characters, and no translate() over every paragraph.
    for token in tokens(text):
        kind, value = _token_key(token, lang)
        if kind == 1:
            words.append(value)
        elif kind == 2:
            numbers.extend(value)
    return words, numbers


@lru_cache(maxsize=500_000)
def _token_key(token: str, lang: str) -> tuple[int, object]:
    """One token's matching key, cached (words recur across sources): (1, key) for a
    content word, (2, numbers) for a token holding digits, (0, None) for nothing."""
    folded = fold(token.translate(_DIGITS))
    if any(c.isdigit() for c in folded):
        return 2, tuple(n.replace(",", "") for n in _NUMBER.findall(folded))
    if folded in tables.stopwords() or len(folded) < 2:
        return 0, None
    key = simplify(stem(folded, lang))
    if len(key) >= 2:
        return 1, key
    return 0, None


class Counts(NamedTuple):
    """One field's feature counts of one source, compactly: the features in order of first
    appearance and their counts (a Counter of 20,000 sources' features did not fit in 3 GB)."""

    terms: tuple[str, ...]
    counts: np.ndarray  # int32, one per term

    @classmethod
    def of(cls, counter: Mapping[str, int], canon: dict[str, str] | None = None) -> Counts:
        terms = tuple(counter) if canon is None else tuple(canon.setdefault(t, t) for t in counter)
        return cls(terms, np.fromiter(counter.values(), dtype=np.int32, count=len(counter)))

    def as_counter(self) -> Counter[str]:
        return Counter(dict(zip(self.terms, self.counts.tolist())))


def with_names(text: dict[str, Counts], source: Source) -> dict[str, Counts]:
    """A source's text features plus its ``name`` field (from the names stage, which
    depends on the whole collection: kept out of the cacheable part), in ``FIELDS`` order."""
    names: Counter[str] = Counter()
    for mention in source.names:
        names[mention.key] += max(1, mention.count)
    return {name: Counts.of(names) if name == "name" else text[name] for name in FIELDS}


def text_features(
    source: Source, gram: int = 4, prefix: int = 2, near: int = 3, canon: dict[str, str] | None = None
) -> dict[str, Counts]:
    """The features of a source that depend on its language, title and text only (every
    field but ``name``): the part the pipeline may keep between builds (``cache.py``)."""
    all_words: list[str] = []
    all_numbers: list[str] = []
    all_sequences: list[str] = []
    all_near: list[str] = []
    parts = ([source.title] if source.title else []) + list(source.text)
    for part in parts:
        words, numbers = match_words(part, source.lang)
        all_words.extend(words)
        all_numbers.extend(n for n in numbers if len(n) >= 2 or "." in n)
        # Consecutive content words, cut to their first letters: a translated sentence keeps
        # its order of content words, so two versions of one text share these; two texts
        # on one topic share few.
        heads = [word[:prefix] for word in words]
        all_sequences.extend([f"{x}_{y}" for x, y in zip(heads, heads[1:])])
        all_near.extend(near_pairs(words, near))
    # Counted once per source (same counts and order of first appearance as per part).
    word_counts = Counter(all_words)
    # Character n-grams per distinct word, weighted by its count (same counts, and the same
    # order of first appearance, as n-grams taken word by word along the text).
    all_grams: list[str] = []
    for word, count in word_counts.items():
        all_grams.extend(_grams(word, gram) * count)
    fields = {
        "word": word_counts,
        "gram": Counter(all_grams),
        "seq": Counter(all_sequences),
        "num": Counter(all_numbers),
        "near": Counter(all_near),
    }
    # ``canon``: one string object per distinct feature across the collection, not one per
    # source (at 1,000 sources the index held ~2.7 M feature keys, most of them repeats).
    return {name: Counts.of(fields[name], canon) for name in FIELDS if name != "name"}


@lru_cache(maxsize=500_000)
def _grams(word: str, gram: int) -> tuple[str, ...]:
    padded = f"<{word}>"
    if len(padded) <= gram:
        return ()
    return tuple(padded[i : i + gram] for i in range(len(padded) - gram + 1))


# --- vectors ---------------------------------------------------------------

Vector = dict[str, float]


class Vocabulary:
    """Feature strings of one field numbered in order of first sight: vectors store numbers."""

    __slots__ = ("ids", "_terms")

    def __init__(self) -> None:
        self.ids: dict[str, int] | None = {}  # None once frozen
        self._terms: list[str] | None = None

    @property
    def terms(self) -> list[str]:
        """The terms by id (ids number the dict's keys in insertion order)."""
        return self._terms if self._terms is not None else list(self.ids)

    def freeze(self) -> None:
        """No more terms: the term -> id table goes (the vectors only read ``terms``)."""
        self._terms = list(self.ids)
        self.ids = None

    def id(self, term: str) -> int:
        return self.ids.setdefault(term, len(self.ids))

    def number(self, rows: list[Counts]) -> np.ndarray:
        """The ids of every row's terms, row after row (new terms numbered as met)."""
        ids, number = self.ids, self.ids.setdefault
        return np.fromiter(
            (number(term, len(ids)) for row in rows for term in row.terms), dtype=np.int32, count=sum(len(r.terms) for r in rows)
        )


class SparseVector:
    """A sparse vector as two arrays, term ids ascending and their float64 weights: ~12 bytes
    a feature where a dict took ~80 (the merge index at 20,000 sources did not fit in 3 GB)."""

    __slots__ = ("ids", "values", "vocabulary")

    def __init__(self, ids: np.ndarray, values: np.ndarray, vocabulary: Vocabulary):
        self.ids, self.values, self.vocabulary = ids, values, vocabulary

    @classmethod
    def of(cls, weights: Mapping[str, float], vocabulary: Vocabulary) -> SparseVector:
        ids = np.fromiter((vocabulary.id(term) for term in weights), dtype=np.int32, count=len(weights))
        values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        order = np.argsort(ids)  # ids are distinct: any sort gives the same order
        return cls(ids[order], values[order], vocabulary)

    def __len__(self) -> int:
        return int(self.ids.size)

    def __bool__(self) -> bool:
        return self.ids.size > 0

    def items(self):
        """(term, weight) pairs, by term id."""
        terms = self.vocabulary.terms
        return [(terms[i], v) for i, v in zip(self.ids.tolist(), self.values.tolist())]


def _common(a: SparseVector, b: SparseVector) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``a`` and in ``b`` of the terms both have (binary search of the shorter's
    ids in the longer's)."""
    if len(a) > len(b):
        in_b, in_a = _common(b, a)
        return in_a, in_b
    at = np.searchsorted(b.ids, a.ids)
    found = b.ids[np.minimum(at, len(b) - 1)] == a.ids
    return np.flatnonzero(found), at[found]


def shared_terms(a, b) -> list[tuple[str, float, float]]:
    """(term, weight in a, weight in b) for the terms two vectors share."""
    if not a or not b:
        return []
    in_a, in_b = _common(a, b)
    terms = a.vocabulary.terms
    return list(zip([terms[i] for i in a.ids[in_a].tolist()], a.values[in_a].tolist(), b.values[in_b].tolist()))


def flatten(vector: Vector, cap: float) -> Vector:
    """Unit vector whose components are at most ``cap``: no single feature (one shared
    name in a small collection) can carry a whole cosine. Iterates because capping and
    renormalising raises the other components."""
    if cap >= 1.0 or not vector:
        return vector
    for _ in range(8):
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vector = {t: v / norm for t, v in vector.items()}
        if max(vector.values()) <= cap + 1e-9:
            break
        vector = {t: min(v, cap) for t, v in vector.items()}
    return vector


CHUNK_ENTRIES = 1_000_000


@dataclass
class Rows:
    """One field's counts of every source as one table (compressed sparse rows): row r's
    term ids and counts are ``ids[start[r]:start[r + 1]]`` and ``counts[...]``."""

    start: np.ndarray  # int64, one more than the rows
    ids: np.ndarray  # int32
    counts: np.ndarray  # int32

    @classmethod
    def of(cls, rows: list[Counts], vocabulary: Vocabulary) -> Rows:
        start = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(row.terms) for row in rows], out=start[1:])
        counts = np.concatenate([row.counts for row in rows]) if rows else np.zeros(0, dtype=np.int32)
        return cls(start, vocabulary.number(rows), counts)

    def __len__(self) -> int:
        return len(self.start) - 1

    def chunks(self):
        """(first row, last row + 1) of consecutive rows holding about ``CHUNK_ENTRIES`` entries
        each: the array temporaries of a whole field (tens of millions of entries at 20,000
        sources) would be the merge's peak memory."""
        first, entries = 0, CHUNK_ENTRIES
        while first < len(self):
            last = max(first + 1, int(np.searchsorted(self.start, self.start[first] + entries, side="right")) - 1)
            last = min(last, len(self))
            yield first, last
            first = last


def attested_in_all(rows: Rows, group: np.ndarray, terms: int) -> np.ndarray:
    """Per term id: whether a row of every group (``group``: a number per row) has it."""
    present = np.zeros((int(group.max()) + 1 if len(group) else 0, terms), dtype=bool)
    for first, last in rows.chunks():
        a, b = rows.start[first], rows.start[last]
        row_group = np.repeat(group[first:last], np.diff(rows.start[first : last + 1]))
        present[row_group, rows.ids[a:b]] = True
    return present.all(axis=0)


def tfidf(
    rows: Rows, terms: int, cap: float = 1.0, only: np.ndarray | None = None
) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
    """Unit tf-idf vectors of the rows, as (ids ascending, weights) per row, and the document
    frequency of each of the ``terms`` ids; ``only`` (a bool per term id) restricts both to
    some terms. tf = 1 + log(count), idf = log((1 + n) / df) over the n rows; a feature in
    every row is left out (unless there is only one row).

    The weights are the floats of a plain per-row loop in the terms' order of first appearance
    (the norm summed in that order, by ``bincount``; logs from ``math``): vectorized, not changed."""
    total = len(rows)
    df = np.bincount(rows.ids, minlength=terms)
    if only is not None:
        df[~only] = 0
    useful = (df > 0) & ((df < total) | (total == 1))
    idf = np.zeros(terms)
    levels = np.unique(df[useful])
    idf_of_level = np.array([math.log((1 + total) / int(n)) for n in levels.tolist()])
    idf[useful] = idf_of_level[np.searchsorted(levels, df[useful])]
    vectors = []
    for first, last in rows.chunks():
        a, b = rows.start[first], rows.start[last]
        ids, counts = rows.ids[a:b], rows.counts[a:b]
        row = np.repeat(np.arange(last - first), np.diff(rows.start[first : last + 1]))
        keep = useful[ids]
        ids, counts, row = ids[keep], counts[keep], row[keep]
        tf = _TF[np.minimum(counts, len(_TF) - 1)]
        for i in np.flatnonzero(counts >= len(_TF)).tolist():
            tf[i] = 1.0 + math.log(int(counts[i]))
        weight = tf * idf[ids]
        norm = np.sqrt(np.bincount(row, weights=weight * weight, minlength=last - first))
        norm[norm == 0.0] = 1.0
        weight /= norm[row]
        bounds = np.zeros(last - first + 1, dtype=np.int64)
        np.cumsum(np.bincount(row, minlength=last - first), out=bounds[1:])
        for r in range(last - first):
            row_ids, values = ids[bounds[r] : bounds[r + 1]], weight[bounds[r] : bounds[r + 1]]
            if cap < 1.0 and len(row_ids):
                capped = flatten(dict(zip(row_ids.tolist(), values.tolist())), cap)
                values = np.fromiter(capped.values(), dtype=np.float64, count=len(capped))
            order = np.argsort(row_ids, kind="stable")
            vectors.append((row_ids[order], values[order]))  # copies: the chunk's arrays go
    return vectors, df


_TF = np.array([0.0] + [1.0 + math.log(count) for count in range(1, 4096)])


def cosine(a: SparseVector, b: SparseVector) -> float:
    """Dot product over the shared terms only; ``math.fsum`` is exactly rounded, so the result
    does not depend on the order of the terms (nor on their numbering)."""
    if not a or not b:
        return 0.0
    in_a, in_b = _common(a, b)
    return math.fsum((a.values[in_a] * b.values[in_b]).tolist())


@dataclass
class Index:
    """Everything the merge knows about the sources: per-field vectors and document frequencies.

    ``vectors`` compare sources in one language; ``bilingual`` holds the same
    vectors cut to the features attested in both languages of the collection and
    renormalised, for Hindi-Gujarati pairs: words only one language uses would
    otherwise dilute every cross-language score.
    """

    vectors: dict[str, dict[str, SparseVector]]  # field -> path -> vector
    bilingual: dict[str, dict[str, SparseVector]]
    df: dict[str, np.ndarray]  # BLOCKING_FIELDS only: field -> document frequency by term id
    langs: dict[str, str]
    days: dict[str, int | None]
    lang_counts: Counter[str] = field(default_factory=Counter)
    candidates: int = 0  # pairs scored (blocking), for the report and the benchmark
    # The sources themselves and the ``near`` window, to show shared features as written.
    sources: dict[str, Source] = field(default_factory=dict)
    near: int = 3
    # Tokens of the sources the report last quoted (``_keyed_parts``), oldest first.
    keyed_parts: dict[str, list] = field(default_factory=dict)

    def vector(self, name: str, path: str, cross: bool) -> Vector:
        return (self.bilingual if cross else self.vectors)[name][path]


def build_index(sources: dict[str, Source], settings: MergeSettings, text: dict[str, dict[str, Counts]] | None = None) -> Index:
    """``text``: the sources' ``text_features`` if already made (e.g. from the cache). Its
    entries are taken out as they are used: a field's counts must go once it is tabled
    (below), and the caller's dict would keep every field's alive (+0.8 GB at 20,000)."""
    canon: dict[str, str] = {}
    text = text if text is not None else {}
    paths = list(sources)
    features = [
        with_names(text.pop(path, None) or text_features(source, settings.gram, settings.prefix, settings.near, canon), source)
        for path, source in sources.items()
    ]
    del canon
    langs = {path: source.lang for path, source in sources.items()}
    lang_of_row = np.array([sorted(set(langs.values())).index(langs[path]) for path in paths], dtype=np.int64)
    vectors: dict[str, dict[str, SparseVector]] = {}
    bilingual: dict[str, dict[str, SparseVector]] = {}
    dfs: dict[str, np.ndarray] = {}
    for name in FIELDS:
        vocabulary = Vocabulary()  # one numbering per field, shared by both kinds of vector
        # Each field's counts leave ``features`` as they are tabled: the peak holds one
        # field's table beside the vectors, not every field's.
        rows = Rows.of([found.pop(name) for found in features], vocabulary)
        terms = len(vocabulary.ids)
        vocabulary.freeze()
        as_vectors = lambda made: {path: SparseVector(ids, values, vocabulary) for path, (ids, values) in zip(paths, made)}
        cross_only = name in settings.cross_language_only
        if cross_only:  # no same-language vectors: the field is absent from those pairs
            empty = np.zeros(0, dtype=np.int32), np.zeros(0)
            vectors[name] = as_vectors([empty] * len(paths))
        else:
            made, dfs[name] = tfidf(rows, terms, settings.cap)
            vectors[name] = as_vectors(made)
        if len(set(langs.values())) > 1:
            # The features every language attests: the bilingual projection keeps only those.
            made, df = tfidf(rows, terms, settings.cap, only=attested_in_all(rows, lang_of_row, terms))
            bilingual[name] = as_vectors(made)
            if cross_only:
                dfs[name] = df
        else:
            bilingual[name] = vectors[name]
            if cross_only:
                dfs[name] = np.zeros(terms, dtype=np.int64)
        if name not in BLOCKING_FIELDS:
            del dfs[name]
        del rows
    return Index(
        vectors=vectors,
        bilingual=bilingual,
        df=dfs,
        langs=langs,
        days={path: _days(source.published) for path, source in sources.items()},
        lang_counts=Counter(langs.values()),
        sources=sources,
        near=settings.near,
    )


def _days(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


# --- candidates (blocking) -------------------------------------------------


def candidate_pairs(index: Index, settings: MergeSettings) -> set[tuple[str, str]]:
    """Pairs that share one of their strongest rare features: an inverted index, never all pairs.

    Each source posts only its ``block_features`` highest-weighted word, number
    and name features whose document frequency is at most ``max_df_share`` of
    the sources (and at least 2), so the work grows with the number of sources
    times the posting length, not with its square.
    """
    paths = sorted(index.langs)
    limit = max(2, min(int(settings.max_df_share * len(paths)), settings.max_postings))
    postings: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        strongest: list[tuple[float, str]] = []
        for name in BLOCKING_FIELDS:
            vector = index.vectors[name][path]
            df = index.df[name][vector.ids]
            rare = (df >= 2) & (df <= limit)
            terms = vector.vocabulary.terms
            for term, weight in zip(vector.ids[rare].tolist(), vector.values[rare].tolist()):
                strongest.append((weight, f"{name}:{terms[term]}"))
        strongest.sort(key=lambda item: (-item[0], item[1]))
        for _, key in strongest[: settings.block_features]:
            postings[key].append(path)
    pairs: set[tuple[str, str]] = set()
    for members in postings.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pairs.add((first, second))
    return pairs


# --- scores ----------------------------------------------------------------


def field_scores(index: Index, first: str, second: str, fields: tuple[str, ...] = FIELDS) -> dict[str, float]:
    """Per-field cosines of a pair; fields not in ``fields`` are 0 (not computed)."""
    cross = index.langs[first] != index.langs[second]
    return {
        name: cosine(index.vector(name, first, cross), index.vector(name, second, cross)) if name in fields else 0.0
        for name in FIELDS
    }


@cache
def _weighted_fields(settings: MergeSettings) -> tuple[str, ...]:
    """The fields that weigh in a score; the others only count as present or absent."""
    return tuple(name for name, weight in settings.weights if weight)


def combine(
    index: Index, first: str, second: str, parts: dict[str, float], settings: MergeSettings, plain: dict[str, float] | None = None
) -> float:
    """``parts``: the pair's field cosines (``field_scores``); ``plain``: for a Hindi-Gujarati
    pair, the cosines of its unprojected vectors, if already computed (``_cross_language``)."""
    cross = index.langs[first] != index.langs[second]
    score = _weighted(index, first, second, parts, dict(settings.weights), cross)
    if cross:
        score = _cross_language(index, first, second, score, settings, plain)
    a, b = index.days[first], index.days[second]
    if a is not None and b is not None and abs(a - b) > settings.max_day_gap:
        score *= settings.date_penalty
    return score


def _weighted(index: Index, first: str, second: str, parts: dict[str, float], weights: dict[str, float], projected: bool) -> float:
    # A field neither source has (no numbers, no names) does not count against the pair.
    present = {
        name for name in FIELDS if index.vector(name, first, projected) and index.vector(name, second, projected)
    }
    total = sum(weights.get(name, 0.0) for name in present) or 1.0
    return sum(weights.get(name, 0.0) * parts[name] for name in present) / total


def _cross_language(
    index: Index, first: str, second: str, projected: float, settings: MergeSettings, plain_parts: dict[str, float] | None = None
) -> float:
    """A Hindi-Gujarati score that stays honest in small collections.

    The projected score compares the two articles on the vocabulary the
    collection attests in both languages. With many articles per language that
    vocabulary is the real shared one; with a handful it is little more than the
    words of the pair itself, and any two cross-language articles look alike.
    So the projected score is trusted in proportion to the evidence,
    n / (n + cross_language_prior) for n articles in the smaller language, and
    the rest comes from the plain cosines, where names (one key in any script)
    carry the cross-language match.
    """
    weights = dict(settings.cross_language_weights)
    # Fields weighing 0 here (``near``) only count as present: no cosine for them.
    if plain_parts is None:
        plain_parts = {
            name: cosine(index.vectors[name][first], index.vectors[name][second]) if weights.get(name) else 0.0 for name in FIELDS
        }
    plain = _weighted(index, first, second, plain_parts, weights, False)
    evidence = min(index.lang_counts.get("hi", 0), index.lang_counts.get("gu", 0))
    trust = evidence / (evidence + settings.cross_language_prior)
    return trust * projected + (1.0 - trust) * plain


def pair_score(index: Index, first: str, second: str, settings: MergeSettings) -> float:
    return combine(index, first, second, field_scores(index, first, second, _weighted_fields(settings)), settings)


def pair_scores(
    sources: dict[str, Source], settings: MergeSettings, text: dict[str, dict[str, Counts]] | None = None
) -> tuple[dict[tuple[str, str], float], Index]:
    """Scores of the candidate pairs (keys ordered), and the index they came from
    (``text``: see ``build_index``, which empties it)."""
    index = build_index(sources, settings, text)
    scores: dict[tuple[str, str], float] = {}
    pairs = sorted(candidate_pairs(index, settings))
    index.candidates = len(pairs)
    weighted = _weighted_fields(settings)
    cross_weighted = tuple(name for name, weight in settings.cross_language_weights if weight)
    rows: dict[int, np.ndarray] = {}  # a dense row per vocabulary, reused (zeroed after each use)
    for first, group in itertools.groupby(pairs, key=lambda pair: pair[0]):
        seconds = [second for _, second in group]
        crossed = [index.langs[second] != index.langs[first] for second in seconds]
        parts = {name: _cosines_with(index, name, first, seconds, crossed, rows) for name in weighted}
        plain = {name: _cosines_with(index, name, first, seconds, [False] * len(seconds), rows) for name in cross_weighted}
        for i, second in enumerate(seconds):
            pair_parts = {name: float(parts[name][i]) if name in parts else 0.0 for name in FIELDS}
            pair_plain = {name: float(plain[name][i]) if name in plain else 0.0 for name in FIELDS} if crossed[i] else None
            score = combine(index, first, second, pair_parts, settings, pair_plain)
            if score > 0:
                scores[(first, second)] = score
    return scores, index


def _cosines_with(
    index: Index, name: str, first: str, seconds: list[str], crossed: list[bool], rows: dict[int, np.ndarray]
) -> np.ndarray:
    """The ``name`` cosines of ``first`` with each of ``seconds``, at once: ``first``'s weights
    spread over a dense row, then read at every other vector's terms (``crossed``: whether the
    pair is compared on the bilingual projection). The same cosines as ``cosine`` up to the
    rounding of the sum (summed in term order, not exactly rounded)."""
    out = np.zeros(len(seconds))
    for cross in (False, True):
        chosen = [i for i, c in enumerate(crossed) if c == cross]
        if not chosen:
            continue
        vectors = (index.bilingual if cross else index.vectors)[name]
        a = vectors[first]
        others = [vectors[seconds[i]] for i in chosen]
        if not a or not any(others):
            continue
        dense = rows.get(id(a.vocabulary))
        if dense is None:
            dense = rows[id(a.vocabulary)] = np.zeros(len(a.vocabulary.terms))
        dense[a.ids] = a.values
        ids = np.concatenate([b.ids for b in others])
        values = np.concatenate([b.values for b in others])
        owner = np.repeat(np.arange(len(others)), [len(b) for b in others])
        out[chosen] = np.bincount(owner, weights=dense[ids] * values, minlength=len(others))
        dense[a.ids] = 0.0
    return out


def shared_features(
    index: Index, first: str, second: str, top: int = 6, labels: dict[str, str] | None = None
) -> list[str]:
    """The features contributing most to a pair's score, readable (for the build report);
    ``labels`` turns a name's key into its display form."""
    labels = labels or {}
    contributions: list[tuple[float, str]] = []
    for name in ("name", "num", "word"):
        for term, x, y in shared_terms(index.vectors[name][first], index.vectors[name][second]):
            shown = term if name == "word" else f"{name}:{labels.get(term, term) if name == 'name' else term}"
            contributions.append((x * y, shown))
    contributions.sort(key=lambda item: (-item[0], item[1]))
    return [term for _, term in contributions[:top]]


def shared_near(index: Index, first: str, second: str, top: int = 3) -> list[list[str]]:
    """The ``near`` features contributing most to a pair's score, as written in each source:
    ``[words in first, words in second]`` per feature, e.g. ``["पुलिस पर हमला", "પોલીસ પર હુમલો"]``
    (the two words in text order, with the words between them when there are few). The
    vectors are the ones the score used: the bilingual projection for a Hindi-Gujarati pair
    (none for a pair in one language when the field is in ``cross_language_only``)."""
    return shared_near_many(index, [(first, second)], top)[0]


def shared_near_many(index: Index, pairs: list[tuple[str, str]], top: int = 3) -> list[list[list[str]]]:
    """``shared_near`` of several pairs, reading each source's text once for all the pairs it
    is in (an event's explanation quotes each source in up to a dozen pairs). The same
    quotes: each feature is quoted at its first occurrence, whatever else is looked for."""
    keys_of = [_top_near(index, first, second, top) for first, second in pairs]
    wanted: dict[str, set[str]] = defaultdict(set)
    for (first, second), keys in zip(pairs, keys_of):
        wanted[first].update(keys)
        wanted[second].update(keys)
    found = {path: _near_as_written(index, path, keys) for path, keys in sorted(wanted.items()) if keys}
    return [
        [[found[first].get(key, key), found[second].get(key, key)] for key in keys]
        for (first, second), keys in zip(pairs, keys_of)
    ]


def _top_near(index: Index, first: str, second: str, top: int) -> list[str]:
    cross = index.langs[first] != index.langs[second]
    a, b = index.vector("near", first, cross), index.vector("near", second, cross)
    if not a or not b:
        return []
    ranked = sorted(((x * y, t) for t, x, y in shared_terms(a, b)), key=lambda item: (-item[0], item[1]))
    return [term for _, term in ranked[:top]]


def _keyed_parts(index: Index, path: str) -> list[tuple[list[str], list[tuple[int, str]]]]:
    """Per part of a source (title, paragraphs): its tokens and the (position, skeleton) of the
    content words that have one, in text order. Kept for the last few sources asked about: an
    event's explanation asks about each of its sources once per pair."""
    cache = index.keyed_parts
    hit = cache.get(path)
    if hit is not None:
        return hit
    source = index.sources[path]
    parts = []
    for part in ([source.title] if source.title else []) + list(source.text):
        words = tokens(part)
        keyed = []
        for position, token in enumerate(words):
            kind, value = _token_key(token, source.lang)
            if kind == 1:
                key = skeleton(value)
                if key:
                    keyed.append((position, key))
        parts.append((words, keyed))
    if len(cache) >= KEYED_PARTS_KEPT:
        cache.pop(next(iter(cache)))
    cache[path] = parts
    return parts


KEYED_PARTS_KEPT = 32


def _near_as_written(index: Index, path: str, keys) -> dict[str, str]:
    """For each ``near`` feature in ``keys``: its first occurrence in the source, as the stretch
    of text from its first word to its second (the same words and window as ``near_pairs``)."""
    source = index.sources.get(path)
    if source is None:
        return {}
    wanted = set(keys)
    found: dict[str, str] = {}
    for words, keyed in _keyed_parts(index, path):
        for i, (start, x) in enumerate(keyed):
            for end, y in keyed[i + 1 : i + 1 + index.near]:
                pair = near_key(x, y)
                if x != y and pair in wanted and pair not in found:
                    found[pair] = " ".join(words[start : end + 1]) if end - start < 5 else f"{words[start]} … {words[end]}"
        if len(found) == len(wanted):
            break
    return found


# --- clustering --------------------------------------------------------------


def version_scores(scores: dict[tuple[str, str], float], langs: dict[str, str], version: float | None) -> dict[tuple[str, str], float]:
    """The scores clustering uses: partial coverage across the languages.

    Two sources in one language that score at least ``version`` are versions of one text,
    one perhaps cut or edited (agency copy republished by two outlets). A translation made
    from one version shares little with the cut parts of the other, and average link would
    hold that against it. So a source in the *other* language scores against each version
    as well as against the best version it matches directly (its direct near-copies only,
    never a chain of them). Pairs in one language keep their scores.
    """
    if version is None:
        return scores
    copies: dict[str, list[str]] = defaultdict(list)
    for (a, b), score in scores.items():
        if score >= version and langs[a] == langs[b]:
            copies[a].append(b)
            copies[b].append(a)
    if not copies:
        return scores
    result = dict(scores)
    for (a, b), score in scores.items():
        if langs[a] == langs[b]:
            continue
        for source, other in ((a, b), (b, a)):
            for copy in copies.get(other, ()):
                key = (source, copy) if source < copy else (copy, source)
                if result.get(key, 0.0) < score:
                    result[key] = score
    return dict(sorted(result.items()))


def average_link(
    paths: list[str],
    scores: dict[tuple[str, str], float],
    threshold: float,
    together: list[list[str]] | None = None,
    apart: set[frozenset[str]] | None = None,
) -> list[list[str]]:
    """Agglomerative clustering with average linkage over a sparse similarity graph.

    Missing pairs count as similarity 0, so a cluster's link to a newcomer is the
    mean over all its members. ``together`` groups start as one cluster; two
    clusters holding an ``apart`` pair are never joined. Ties break on path
    order, so the result does not depend on the order of the input.
    """
    ordered = sorted(paths)
    cluster_of = {path: index for index, path in enumerate(ordered)}
    members: dict[int, list[str]] = {index: [path] for path, index in cluster_of.items()}
    for group in together or []:
        group = sorted(p for p in group if p in cluster_of)
        if len(group) < 2:
            continue
        target = cluster_of[group[0]]
        for path in group[1:]:
            source = cluster_of[path]
            if source == target:
                continue
            for moved in members.pop(source):
                cluster_of[moved] = target
                members[target].append(moved)
    forbidden: dict[int, set[int]] = defaultdict(set)
    for pair in apart or set():
        a, b = sorted(pair)
        if a in cluster_of and b in cluster_of and cluster_of[a] != cluster_of[b]:
            forbidden[cluster_of[a]].add(cluster_of[b])
            forbidden[cluster_of[b]].add(cluster_of[a])
    link: dict[int, dict[int, float]] = defaultdict(dict)  # summed similarity between clusters
    for (first, second), score in sorted(scores.items()):
        a, b = cluster_of[first], cluster_of[second]
        if a == b:
            continue
        link[a][b] = link[a].get(b, 0.0) + score
        link[b][a] = link[b].get(a, 0.0) + score
    version = dict.fromkeys(members, 0)

    def entry(a: int, b: int) -> tuple[float, int, int, int, int]:
        a, b = min(a, b), max(a, b)
        average = link[a][b] / (len(members[a]) * len(members[b]))
        return (-round(average, 12), a, b, version[a], version[b])

    heap = [entry(a, b) for a in sorted(link) for b in sorted(link[a]) if a < b and b not in forbidden[a]]
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in members or b not in members or (version[a], version[b]) != (version_a, version_b):
            continue  # stale: one side has grown since
        if -negative < threshold:
            break  # the best remaining average is too low: nothing else can merge
        if b in forbidden[a]:
            continue
        members[a].extend(members.pop(b))
        version[a] += 1
        for other in forbidden.pop(b, set()):
            forbidden[other].discard(b)
            if other != a:
                forbidden[other].add(a)
                forbidden[a].add(other)
        for other, total in link.pop(b).items():
            link[other].pop(b, None)
            if other != a:
                link[a][other] = link[a].get(other, 0.0) + total
                link[other][a] = link[a][other]
        link[a].pop(b, None)
        for other in sorted(link[a]):
            if other not in forbidden[a]:
                heapq.heappush(heap, entry(a, other))
    return sorted((sorted(group) for group in members.values()), key=lambda group: group[0])
