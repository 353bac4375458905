"""The per-source feature cache (``sangam/cache.py``): reused, invalidated, never changes a digest."""

from __future__ import annotations

import dataclasses
import pickle

from conftest import ROOT, copy_seeds

from sangam import cache
from sangam.pipeline import PipelineSettings, build_digest

LEXICON = ROOT / "content" / "data" / "lexicon.tsv"


def digest_of(content, cache_dir=None, read=True, write=True):
    settings = PipelineSettings(lexicon=LEXICON, id_registry=None, cache_dir=cache_dir, cache_read=read, cache_write=write)
    return build_digest(content, settings)


def summary(digest) -> list:
    return [
        (e.id, e.sources, e.names, sorted(e.title.items()))
        for e in digest.events
    ] + [dataclasses.asdict(s) for _, s in sorted(digest.sources.items())]


def test_cached_build_equals_uncached_and_reuses_every_record(tmp_path):
    content = tmp_path / "content"
    copy_seeds(content)
    plain = digest_of(content)
    store = tmp_path / "cache"
    first = digest_of(content, store)
    assert (store / cache.FILE_NAME).is_file()
    second = digest_of(content, store)
    assert summary(plain) == summary(first) == summary(second)
    stored = pickle.loads((store / cache.FILE_NAME).read_bytes())
    assert stored["version"] == cache.version()
    assert len(stored["records"]) == len(plain.sources)


def test_adding_a_source_cleans_only_what_changed(tmp_path, monkeypatch):
    content = tmp_path / "content"
    names = sorted(p.name for p in (ROOT / "content" / "sources").iterdir())
    copy_seeds(content, names[:-1])
    store = tmp_path / "cache"
    digest_of(content, store)
    copy_seeds(content, names[-1:])
    cleaned = []
    from sangam import pipeline

    real_clean = pipeline.clean
    monkeypatch.setattr(pipeline, "clean", lambda document, chrome: cleaned.append(document.path) or real_clean(document, chrome))
    digest = digest_of(content, store)
    assert len(digest.sources) == len(names)
    assert len(cleaned) < len(names)  # the new source, and only those whose page chrome changed
    assert any(path.endswith(names[-1]) for path in cleaned)


def test_another_code_version_or_no_read_ignores_the_cache(tmp_path, monkeypatch):
    content = tmp_path / "content"
    copy_seeds(content)
    store = tmp_path / "cache"
    digest_of(content, store)
    stored = pickle.loads((store / cache.FILE_NAME).read_bytes())
    key = next(iter(stored["records"]))
    poisoned = dataclasses.replace(stored["records"][key], title="POISON")
    (store / cache.FILE_NAME).write_bytes(pickle.dumps({"version": "other", "records": {key: poisoned}}))
    assert all(s.title != "POISON" for s in digest_of(content, store).sources.values())
    (store / cache.FILE_NAME).write_bytes(pickle.dumps({"version": cache.version(), "records": {key: poisoned}}))
    assert all(s.title != "POISON" for s in digest_of(content, store, read=False).sources.values())
    (store / cache.FILE_NAME).write_bytes(pickle.dumps({"version": cache.version(), "records": {key: poisoned}}))
    assert any(s.title == "POISON" for s in digest_of(content, store).sources.values())  # the cache is used


def test_a_damaged_cache_is_ignored(tmp_path):
    content = tmp_path / "content"
    copy_seeds(content)
    store = tmp_path / "cache"
    store.mkdir()
    (store / cache.FILE_NAME).write_bytes(b"not a pickle")
    assert summary(digest_of(content, store)) == summary(digest_of(content))
