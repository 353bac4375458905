"""The per-source feature cache (``sangam/cache.py``): reused, invalidated, never changes a digest."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from conftest import ROOT, build_site, copy_seeds

from sangam import cache
from sangam.pipeline import PipelineSettings, build_digest

LEXICON = ROOT / "content" / "data" / "lexicon.tsv"


def digest_of(content, cache_dir=None, read=True, write=True):
    settings = PipelineSettings(lexicon=LEXICON, id_registry=None, cache_dir=cache_dir, cache_read=read, cache_write=write)
    return build_digest(content, settings)


def cached_then_one_more_seed(tmp_path):
    """A digest of all seeds but the last, with the cache written; then the last seed is
    added. Returns (content folder, cache folder, the seeds' file names) for the rebuild under test."""
    content, store = tmp_path / "content", tmp_path / "cache"
    names = sorted(p.name for p in (ROOT / "content" / "sources").iterdir())
    copy_seeds(content, names[:-1])
    digest_of(content, store)
    copy_seeds(content, names[-1:])
    return content, store, names


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
    content, store, names = cached_then_one_more_seed(tmp_path)
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


# --- through Pelican: a rebuild with the caches writes what a cold build writes ----------

CACHED = ("-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", 'CHECK_MODIFIED_METHOD="sha256"')


def _generated(target, n):
    """``n`` sources of the benchmark's generator (names recur across events, bilingual pairs)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.generate(n, 3, target)


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_rebuild_after_adding_a_source_writes_the_events_json_of_a_cold_build(tmp_path, corpus):
    content = tmp_path / "content"
    if corpus == "seeds":
        copy_seeds(content)
    elif (ROOT.parent / "shared" / "corpus" / "dev" / "gold.json").is_file():
        _generated(content, 30)
    else:
        pytest.skip("needs ../shared/corpus/dev")
    held = tmp_path / "held"
    held.mkdir()
    added = sorted((content / "sources").iterdir())[len(list((content / "sources").iterdir())) // 2]
    added.rename(held / added.name)
    store = tmp_path / "cache"
    site = tmp_path / "site"
    settings = (*CACHED, f'CACHE_PATH="{store}"')
    build_site(content, site, *settings)
    first = (site / "events.json").read_bytes()
    (held / added.name).rename(added)
    build_site(content, site, *settings)
    cold = tmp_path / "cold"
    build_site(content, cold)
    assert (site / "events.json").read_bytes() == (cold / "events.json").read_bytes() != first
    total = len(list((content / "sources").iterdir()))
    for name in (cache.FILE_NAME, cache.NAMES_FILE, cache.FEATURES_FILE):
        assert len(pickle.loads((store / "sangam" / name).read_bytes())["records"]) == total


def test_a_rebuild_redoes_the_names_and_merge_work_of_the_new_source_only(tmp_path, monkeypatch):
    content, store, names = cached_then_one_more_seed(tmp_path)
    from sangam import names as names_stage
    from sangam import pipeline

    passes, features, romanized = [], [], []
    real_pass, real_features, real_romanize = names_stage.first_pass, pipeline.text_features, names_stage.romanize
    monkeypatch.setattr(names_stage, "first_pass", lambda source, lexicon: passes.append(source.path) or real_pass(source, lexicon))
    monkeypatch.setattr(pipeline, "text_features", lambda source, *a: features.append(source.path) or real_features(source, *a))
    monkeypatch.setattr(names_stage, "romanize", lambda name, kind=None: romanized.append(name) or real_romanize(name, kind))
    digest = digest_of(content, store)
    new = [path for path in digest.sources if path.endswith(names[-1])]
    assert passes == features == new
    assert len(romanized) < len(digest.entities)  # the entities of the first build are not romanized again
    assert summary(digest) == summary(digest_of(content))


def test_a_cached_first_pass_or_feature_is_used_only_for_the_same_text(tmp_path):
    content = tmp_path / "content"
    copy_seeds(content)
    store = tmp_path / "cache"
    digest_of(content, store)
    path = sorted((content / "sources").iterdir())[0]
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\nएक नया अनुच्छेद जोड़ा गया।\n\n", 1), encoding="utf-8")
    assert summary(digest_of(content, store)) == summary(digest_of(content))
