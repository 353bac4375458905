"""Stage 4, merge: sources -> events.

Articles in Hindi and Gujarati are compared in one folded script (Gujarati
mapped to Devanagari), as TF-IDF vectors of their words with Gujarati case
endings stripped, plus their names. Candidate pairs come from an inverted index
on rare features (blocking), never from all pairs. Clustering is average-link:
a source joins an event only if it is close to the event as a whole, so one
shared person cannot chain two different stories together.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from . import tables
from .model import Source
from .script import fold, tokens

# Gujarati glues case endings to words; stripped (after folding) so that
# "कोरियाना" (કોરિયાના) meets Hindi "कोरिया". Longest first.
_GUJARATI_ENDINGS = tuple(
    sorted(("ना", "नी", "नो", "नुं", "नां", "ने", "मां", "थी", "ए", "ओ", "ओए", "ओने", "ओના", "ओनी", "ओनो", "नु"), key=len, reverse=True)
)


@dataclass(frozen=True)
class MergeSettings:
    threshold: float = 0.16  # average-link similarity needed to join an event
    near_miss: float = 0.08  # pairs between this and the threshold are reported to editors
    max_df_share: float = 0.05  # features in more documents than this do not generate candidates
    max_day_gap: int = 10  # stated publication dates further apart weigh against a merge
    date_penalty: float = 0.5


def stem(word: str, lang: str) -> str:
    if lang == "gu":
        for ending in _GUJARATI_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
    return word


def source_features(source: Source) -> Counter[str]:
    """Folded, stemmed content words of the headline and body, and the source's names."""
    stop = tables.stopwords()
    counts: Counter[str] = Counter()
    parts = ([source.title] if source.title else []) + source.text
    for part in parts:
        for word in tokens(part):
            folded = fold(word)
            if folded in stop or len(folded) < 2:
                continue
            counts[stem(folded, source.lang)] += 1
    for mention in source.names:
        counts["name:" + mention.key] += 2
    return counts


def tfidf(features: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    df: Counter[str] = Counter()
    for counts in features.values():
        df.update(counts.keys())
    total = len(features)
    vectors: dict[str, dict[str, float]] = {}
    for path, counts in features.items():
        vector = {
            term: (1.0 + math.log(count)) * math.log((1 + total) / (1 + df[term]))
            for term, count in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors[path] = {term: v / norm for term, v in vector.items() if v > 0}
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def candidate_pairs(vectors: dict[str, dict[str, float]], max_df_share: float) -> set[tuple[str, str]]:
    """Pairs that share at least one rare feature: an inverted index, not all pairs."""
    postings: dict[str, list[str]] = defaultdict(list)
    for path in sorted(vectors):
        for term in vectors[path]:
            postings[term].append(path)
    limit = max(2, int(max_df_share * len(vectors)))
    pairs: set[tuple[str, str]] = set()
    for paths in postings.values():
        if len(paths) > limit:
            continue
        for i, first in enumerate(paths):
            for second in paths[i + 1 :]:
                pairs.add((first, second))
    return pairs


def _days(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


def pair_scores(sources: dict[str, Source], settings: MergeSettings) -> tuple[dict[tuple[str, str], float], dict[str, dict[str, float]]]:
    features = {path: source_features(source) for path, source in sources.items()}
    vectors = tfidf(features)
    scores: dict[tuple[str, str], float] = {}
    for first, second in candidate_pairs(vectors, settings.max_df_share):
        score = cosine(vectors[first], vectors[second])
        a, b = _days(sources[first].published), _days(sources[second].published)
        if a is not None and b is not None and abs(a - b) > settings.max_day_gap:
            score *= settings.date_penalty
        if score > 0:
            scores[(first, second)] = score
    return scores, vectors


def average_link(paths: list[str], scores: dict[tuple[str, str], float], threshold: float) -> list[list[str]]:
    """Agglomerative clustering with average linkage over a sparse similarity graph.

    Missing pairs count as similarity 0, so a cluster's link to a newcomer is the
    mean over all its members. Ties break on path order, so the result is deterministic.
    """
    cluster_of = {path: index for index, path in enumerate(sorted(paths))}
    members: dict[int, list[str]] = {index: [path] for path, index in cluster_of.items()}
    link: dict[int, dict[int, float]] = defaultdict(dict)  # summed similarity between clusters
    for (first, second), score in scores.items():
        a, b = cluster_of[first], cluster_of[second]
        link[a][b] = link[a].get(b, 0.0) + score
        link[b][a] = link[b].get(a, 0.0) + score
    version = dict.fromkeys(members, 0)

    def entry(a: int, b: int) -> tuple[float, int, int, int, int]:
        a, b = min(a, b), max(a, b)
        average = link[a][b] / (len(members[a]) * len(members[b]))
        return (-average, a, b, version[a], version[b])

    heap = [entry(a, b) for a in link for b in link[a] if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in members or b not in members or (version[a], version[b]) != (version_a, version_b):
            continue  # stale: one side has grown since
        if -negative < threshold:
            break  # the best remaining average is too low: nothing else can merge
        members[a].extend(members.pop(b))
        version[a] += 1
        for other, total in link.pop(b).items():
            link[other].pop(b, None)
            if other != a:
                link[a][other] = link[a].get(other, 0.0) + total
                link[other][a] = link[a][other]
        link[a].pop(b, None)
        for other in link[a]:
            heapq.heappush(heap, entry(a, other))
    return sorted((sorted(group) for group in members.values()), key=lambda group: group[0])
