"""The pipeline: read -> clean -> names -> merge -> assemble, over plain data.

``build_digest`` knows nothing of Pelican; the glue in ``plugin.py`` calls it and
turns the result into pages. Same input, same output: every collection is
sorted before it is numbered or written.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as cache_stage
from . import editorial as editorial_stage
from . import ids as ids_stage
from . import names as names_stage
from .clean import clean, page_chrome
from .memory import release_freed_memory
from .parallel import map_ordered
from .merge import Index, MergeSettings, average_link, pair_scores, shared_features, shared_near_many, text_features, version_scores
from .model import Digest, Entity, Event, Rejection, Source
from .read import read_all
from .slugs import entity_slugs, source_slug

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineSettings:
    sources_dir: str = "sources"
    max_source_bytes: int = 5_000_000
    lexicon: Path | None = None
    build_date: str | None = None  # ISO date; otherwise the newest date found in the content
    merge: MergeSettings = field(default_factory=MergeSettings)
    # Editorial overrides and the event-id registry, relative to the content folder.
    editorial: str = "data/editorial.toml"
    id_registry: str | None = "data/event-ids.tsv"  # None: ids from content only, nothing written
    # Per-source caches (``cache.py``: cleaned records, names' first pass, romanizations, merge
    # text features): a folder, and whether to read and write it.
    cache_dir: Path | None = None
    cache_read: bool = True
    cache_write: bool = True
    # Processes that clean sources and make the names' first pass (``parallel.py``); None: one per core.
    workers: int | None = None


@dataclass
class StageTimer:
    """Wall time per stage, for the progress lines, the build report and the benchmark."""

    seconds: dict[str, float] = field(default_factory=dict)
    progress: Callable[[str], None] | None = None

    def run(self, name: str, function, *args, **kwargs):
        start = time.perf_counter()
        result = function(*args, **kwargs)
        release_freed_memory()  # the stage's temporaries: the next stage or Pagefind may use the pages
        elapsed = time.perf_counter() - start
        self.seconds[name] = self.seconds.get(name, 0.0) + elapsed
        if self.progress:
            size = len(result[0]) if isinstance(result, tuple) else len(result) if hasattr(result, "__len__") else None
            self.progress(f"sangam: {name:<8} {'' if size is None else f'{size:>7,} items'}  {elapsed:7.2f} s")
        return result


def http_url(url: str | None) -> str | None:
    """Only http(s) originals are linked: scraped text may carry javascript: or data: URLs."""
    if url and re.match(r"https?://[^\s<>\"']+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def event_id(sources: list[Source]) -> str:
    """The id a new event gets: a hash of its founding source (see ``ids.py`` for stable ids)."""
    return ids_stage.founder_id(sources)


def choose_titles(sources: list[Source]) -> tuple[dict[str, str], dict[str, bool]]:
    """One headline per language: the most common stated title, else the first lead sentence."""
    titles: dict[str, str] = {}
    from_lead: dict[str, bool] = {}
    for lang in ("hi", "gu"):
        in_lang = [s for s in sources if s.lang == lang]
        if not in_lang:
            continue
        stated = sorted((s.title for s in in_lang if s.title), key=lambda t: (len(t), t))
        if stated:
            titles[lang] = stated[0]
            from_lead[lang] = False
        else:
            lead = min((s.lead for s in in_lang if s.lead), key=len, default="")
            if lead:
                titles[lang] = lead_sentence(lead)
                from_lead[lang] = True
    return titles, from_lead


def lead_sentence(paragraph: str, limit: int = 140) -> str:
    for mark in ("।", "|", ". ", "?", "!"):
        index = paragraph.find(mark)
        if 0 < index < limit:
            return paragraph[: index + (1 if mark.strip() else 0)].strip()
    return paragraph if len(paragraph) <= limit else paragraph[:limit].rsplit(" ", 1)[0] + "…"


def choose_date(sources: list[Source]) -> tuple[str | None, str | None]:
    """The earliest stated publication date among the sources, with where it came from."""
    dated = sorted((s.published, s.path) for s in sources if s.published)
    if not dated:
        return None, None
    published, path = dated[0]
    return published, f"earliest publication date stated by a source ({path})"


def build_digest(content_dir: Path, settings: PipelineSettings, timer: StageTimer | None = None) -> Digest:
    timer = timer or StageTimer()
    documents, rejected = timer.run("read", read_all, content_dir, settings.sources_dir, settings.max_source_bytes)

    caching = settings.cache_dir is not None and (settings.cache_read or settings.cache_write)

    def store(file_name: str, version: str, copy=None) -> cache_stage.Store:
        return cache_stage.Store(settings.cache_dir, file_name, version, settings.cache_read, settings.cache_write, copy).load()

    lexicon = names_stage.load_lexicon(settings.lexicon)
    # Names' first pass over each source, made where it was cleaned (a worker process).
    first_passes: dict[str, names_stage.FirstPass] = {}

    def clean_all(documents):
        chrome = page_chrome(documents)

        def clean_and_read_names(document):
            source = clean(document, chrome)
            return source, names_stage.first_pass(source, lexicon) if source.text or source.title else None

        def clean_each(found):
            results = map_ordered(clean_and_read_names, found, settings.workers)
            first_passes.update((source.path, found) for source, found in results if found is not None)
            return [source for source, _ in results]

        if not caching:
            return clean_each(documents)
        cache = cache_stage.CleanCache(settings.cache_dir, settings.cache_read, settings.cache_write).load()
        keys = [cache_stage.record_key(document, chrome) for document in documents]
        cleaned = [cache.get(key) for key in keys]
        missing = [i for i, source in enumerate(cleaned) if source is None]
        for i, source in zip(missing, clean_each([documents[i] for i in missing])):
            cache.put(keys[i], source)
            cleaned[i] = source
        cache.save()
        log.info("sangam: cache: %d cleaned records reused, %d cleaned", cache.hits, cache.misses)
        return cleaned

    sources_list: list[Source] = timer.run("clean", clean_all, documents)
    del documents  # the raw lines: the records hold what they keep of them
    release_freed_memory()
    kept: list[Source] = []
    for source in sources_list:
        source.url = http_url(source.url)
        if source.text or source.title:
            kept.append(source)
        else:
            rejected.append(Rejection(source.path, "no article text left after removing page boilerplate"))

    def names():
        if not caching:
            return names_stage.find_names(kept, lexicon, first_passes)
        # Per source: the first pass (keyed by text and lexicon); per spelling: its Latin form.
        passes = store(cache_stage.NAMES_FILE, cache_stage.analysis_version())
        context = (cache_stage.analysis_version(), names_stage.lexicon_fingerprint(lexicon))
        made = lambda source: first_passes.get(source.path) or names_stage.first_pass(source, lexicon)
        first = passes.memoize(made, lambda source: cache_stage.text_key(source, *context))
        found = {source.path: first(source) for source in kept}
        passes.save()
        romanized = store(cache_stage.ROMANIZED_FILE, cache_stage.analysis_version())
        # The Latin form depends on the spelling and the entity's kind (people and places are
        # respelled towards different known names).
        latin = romanized.memoize(names_stage.romanize, lambda spelling, kind=None: f"{spelling}\t{kind}")
        result = names_stage.find_names(kept, lexicon, found, latin)
        romanized.save()
        log.info("sangam: cache: %d first passes of names reused, %d made; %d romanizations reused, %d made",
                 passes.hits, passes.misses, romanized.hits, romanized.misses)
        return result

    mentions, entities = timer.run("names", names)
    first_passes.clear()
    for source in kept:
        source.names = list(mentions.get(source.path, []))
        source.slug = source_slug(source.path)
    sources = {source.path: source for source in kept}

    overrides = editorial_stage.load(content_dir / settings.editorial, set(sources))
    for warning in overrides.warnings:
        log.warning("sangam: %s", warning)

    def merge():
        text = None
        if caching:  # per source: its text features (keyed by text and feature settings)
            merge_settings = settings.merge
            context = (cache_stage.analysis_version(), repr((merge_settings.gram, merge_settings.prefix, merge_settings.near)))
            features = store(cache_stage.FEATURES_FILE, cache_stage.analysis_version())
            canon: dict[str, str] = {}  # equal features of the new sources share one string
            made = features.memoize(
                lambda source: text_features(source, merge_settings.gram, merge_settings.prefix, merge_settings.near, canon),
                lambda source: cache_stage.text_key(source, *context),
            )
            text = {path: made(source) for path, source in sources.items()}
            features.save()
            log.info("sangam: cache: %d sources' merge features reused, %d made", features.hits, features.misses)
        scores, index = pair_scores(sources, settings.merge, text)
        del text
        clustering = version_scores(scores, index.langs, settings.merge.version)
        groups = average_link(list(sources), clustering, settings.merge.threshold, overrides.together, overrides.apart)
        return groups, scores, index

    groups, scores, index = timer.run("merge", merge)
    registry_path = content_dir / settings.id_registry if settings.id_registry else None
    registry = ids_stage.read_registry(registry_path)
    events = timer.run(
        "assemble", assemble_events, groups, sources, entities, scores, settings.merge, index, registry
    )
    editorial_stage.apply_to_events(events, overrides)
    if registry_path is not None:
        ids_stage.write_registry(
            registry_path, ids_stage.updated_registry([e.sources for e in events], [e.id for e in events], registry), registry
        )

    rejected.sort(key=lambda r: r.path)
    generated = settings.build_date or max(
        (s.published for s in kept if s.published), default="1970-01-01"
    )
    return Digest(
        sources=sources,
        events=events,
        entities=entities,
        rejected=rejected,
        generated=generated + ("T00:00:00Z" if len(generated) == 10 else ""),
        near_misses=near_misses(scores, groups, settings.merge, index, name_labels(entities)),
        warnings=list(overrides.warnings),
        redirects=ids_stage.retired_ids(registry, [(e.id, e.sources) for e in events]),
    )


def assemble_events(
    groups: list[list[str]],
    sources: dict[str, Source],
    entities: dict[str, Entity],
    scores: dict[tuple[str, str], float],
    merge_settings: MergeSettings,
    index: Index | None = None,
    registry: dict[str, str] | None = None,
) -> list[Event]:
    groups = sorted((sorted(group) for group in groups), key=lambda group: group[0])
    event_ids = ids_stage.assign_ids(groups, sources, registry or {})
    events: list[Event] = []
    labels = name_labels(entities)
    for group, identifier in zip(groups, event_ids):
        members = [sources[path] for path in group]
        titles, from_lead = choose_titles(members)
        when, provenance = choose_date(members)
        name_weight: dict[str, int] = {}
        for source in members:
            for mention in source.names:
                name_weight[mention.key] = name_weight.get(mention.key, 0) + mention.count
        ranked = sorted(name_weight, key=lambda key: (-name_weight[key], key))
        events.append(
            Event(
                id=identifier,
                sources=sorted(group, key=lambda p: (sources[p].lang, p)),
                title=titles,
                title_from_lead=from_lead,
                date=when,
                date_provenance=provenance,
                names=[key for key in ranked if key in entities],
                explanation=explain(group, scores, index, merge_settings, labels),
            )
        )
    link_related(events, scores=scores, minimum_score=merge_settings.threshold * 0.75)
    # Newest first; undated events after dated ones, in a stable order.
    events.sort(key=lambda e: (e.date is not None, e.date or "", e.id), reverse=True)
    for event in events:
        event.slug = event.id
    # Events of each entity, in event order: one pass over the events (not one per entity).
    holders: dict[str, list[str]] = {}
    for event in events:
        for key in dict.fromkeys(event.names):
            holders.setdefault(key, []).append(event.id)
    for entity in entities.values():
        entity.events = list(holders.get(entity.key, []))
    entity_slugs(entities)
    return events


def link_related(
    events: list[Event],
    minimum_shared: int = 2,
    scores: dict[tuple[str, str], float] | None = None,
    minimum_score: float = 1.0,
) -> None:
    """Related events: those sharing at least two names (e.g. the same two people), or whose
    sources score at least ``minimum_score`` against each other without having been merged
    (shared content). Strongest first, at most eight."""
    holders: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        for key in event.names[:12]:
            holders.setdefault(key, []).append(index)
    event_of = {path: index for index, event in enumerate(events) for path in event.sources}
    content: dict[int, dict[int, float]] = {}
    for (a, b), score in sorted((scores or {}).items()):
        first, second = event_of.get(a), event_of.get(b)
        if first is None or second is None or first == second or score < minimum_score:
            continue
        for x, y in ((first, second), (second, first)):
            content.setdefault(x, {})[y] = max(content.get(x, {}).get(y, 0.0), score)
    for index, event in enumerate(events):
        shared: dict[int, int] = {}
        for key in event.names[:12]:
            for other in holders.get(key, []):
                if other != index and len(holders[key]) <= 50:
                    shared[other] = shared.get(other, 0) + 1
        strength = {o: float(n) for o, n in shared.items() if n >= minimum_shared}
        for other, score in content.get(index, {}).items():
            strength[other] = strength.get(other, 0.0) + score
        ranked = sorted(strength, key=lambda o: (-strength[o], events[o].id))
        event.related = [events[o].id for o in ranked[:8]]


# Pairs of an event whose shared features the report shows, strongest first.
EXPLAINED_PAIRS = 12


def name_labels(entities: dict[str, Entity]) -> dict[str, str]:
    """Entity key -> Latin name, so the report says ``name:Sergei Lavrov``, not the key."""
    return {key: entity.latin for key, entity in entities.items()}


def explain(
    group: list[str],
    scores: dict[tuple[str, str], float],
    index: Index | None = None,
    settings: MergeSettings | None = None,
    labels: dict[str, str] | None = None,
) -> dict:
    """Why an event's sources were merged: each source's mean score against the rest
    (what average-link required to clear the threshold) and the strongest pairs with
    the features they share, for the build report."""
    members = sorted(group)
    inside = _inside(members, scores)
    pairs = [{"a": a, "b": b, "score": round(score, 4)} for (a, b), score in inside.items()]
    pairs.sort(key=lambda p: (-p["score"], p["a"], p["b"]))
    pairs = pairs[:EXPLAINED_PAIRS]
    _describe_pairs(pairs, index, labels)
    fit = {}
    if len(members) > 1:
        # As clustering saw them: across the languages, a version of a text counts as its copies.
        seen = version_scores(inside, index.langs, settings.version) if index is not None and settings else inside
        for path in members:
            total = sum(score for pair, score in seen.items() if path in pair)
            fit[path] = round(total / (len(members) - 1), 4)
    return {
        "pairs": pairs,
        "fit": fit,
        "threshold": settings.threshold if settings else None,
        "forced": len(members) > 1 and not inside,
    }


def _inside(members: list[str], scores: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """The scored pairs within one group: pair lookups for each event instead of a scan of
    every score per event (quadratic at 20,000 sources). In pair order, the order
    ``pair_scores`` produces."""
    if len(members) * (len(members) - 1) > len(scores):
        member_set = set(members)
        return {pair: score for pair, score in scores.items() if pair[0] in member_set and pair[1] in member_set}
    found = {}
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            for pair in ((a, b), (b, a)):
                if pair in scores:
                    found[pair] = scores[pair]
    return dict(sorted(found.items()))


def near_misses(
    scores: dict[tuple[str, str], float],
    groups: list[list[str]],
    settings: MergeSettings,
    index: Index | None = None,
    labels: dict[str, str] | None = None,
) -> list[dict]:
    """Pairs in different events scoring just under the threshold (or above it, when the
    rest of the event pulled the average down), strongest first."""
    group_of = {path: number for number, group in enumerate(groups) for path in group}
    misses = [
        {"a": a, "b": b, "score": round(score, 4)}
        for (a, b), score in sorted(scores.items())
        if group_of[a] != group_of[b] and score >= settings.near_miss
    ]
    misses.sort(key=lambda p: (-p["score"], p["a"], p["b"]))
    misses = misses[:200]
    _describe_pairs(misses, index, labels)
    return misses


def _describe_pairs(pairs: list[dict], index: Index | None, labels: dict[str, str] | None) -> None:
    """The shared features of the reported pairs only (the near quotes of all of them at once:
    one reading of each source)."""
    nears = shared_near_many(index, [(pair["a"], pair["b"]) for pair in pairs]) if index is not None else [[] for _ in pairs]
    for pair, near in zip(pairs, nears):
        pair["shared"] = shared_features(index, pair["a"], pair["b"], labels=labels) if index is not None else []
        pair["near"] = near
