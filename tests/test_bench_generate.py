"""The benchmark's corpus generator (bench/generate.py): shape and determinism, no timing."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(
    not (SHARED / "corpus" / "dev" / "gold.json").is_file(), reason="needs ../shared/corpus/dev"
)


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate():
    return _generator().generate


@pytest.fixture(scope="module")
def corpus(generate, tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    gold = generate(300, 7, out)
    return out, gold


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_exactly_n_sources_and_a_gold_file(corpus):
    out, gold = corpus
    files = sorted(p.name for p in (out / "sources").iterdir())
    assert len(files) == 300
    assert all(name.endswith(".txt") for name in files)
    assert sorted(gold["files"]) == files
    assert json.loads((out / "gold.json").read_text(encoding="utf-8")) == gold


def test_same_seed_same_bytes_other_seed_other_corpus(generate, corpus, tmp_path):
    out, _ = corpus
    again = tmp_path / "again"
    generate(300, 7, again)
    assert _snapshot(again) == _snapshot(out)
    other = tmp_path / "other"
    generate(300, 8, other)
    assert _snapshot(other) != _snapshot(out)


def test_events_have_one_to_six_sources_in_both_languages(corpus):
    _, gold = corpus
    sizes = Counter(len(files) for files in gold["events"].values())
    assert set(sizes) <= set(range(1, 7))
    assert len(sizes) >= 4  # a spread of event sizes, not one shape
    langs = Counter(info["lang"] for info in gold["files"].values())
    assert set(langs) == {"hi", "gu"} and min(langs.values()) > 0.3 * 300
    multi = [files for files in gold["events"].values() if len(files) >= 2]
    bilingual = [files for files in multi if len({gold["files"][f]["lang"] for f in files}) == 2]
    assert len(bilingual) >= 0.75 * len(multi)


def test_gold_is_consistent_with_the_files(corpus):
    out, gold = corpus
    listed = [name for files in gold["events"].values() for name in files]
    assert len(listed) == len(set(listed)) == len(gold["files"])
    for event, files in gold["events"].items():
        for name in files:
            assert gold["files"][name]["event"] == event
    for name, info in gold["files"].items():
        assert set(info) == {"event", "lang", "title", "url", "junk_lines"}
        text = (out / "sources" / name).read_text(encoding="utf-8")
        lines = text.lstrip("\n").split("\n")  # the scorer's line numbering
        junk = info["junk_lines"]
        assert junk == sorted(set(junk)) and all(1 <= j <= len(lines) for j in junk)
        article = [line for number, line in enumerate(lines, 1) if number not in junk and line.strip()]
        assert article, name
        if info["title"] is not None:
            assert info["title"] in article
        if info["url"] is not None:
            assert any(info["url"] in lines[j - 1] for j in junk)
        script = "gu" if info["lang"] == "gu" else "hi"
        body = "".join(article)
        deva = sum("\u0900" <= c <= "\u097f" for c in body)
        gujr = sum("\u0a80" <= c <= "\u0aff" for c in body)
        assert (gujr > deva) == (script == "gu"), name


def test_names_are_shared_across_different_events(corpus):
    out, gold = corpus
    generator = _generator()
    material = generator.load_material([SHARED / "seeds", SHARED / "corpus" / "dev"], SHARED / "data" / "names")
    events = generator.make_events(material, 300, 7)
    holders = Counter(person for event in events for person in set(event.persons))
    assert max(holders.values()) >= 3  # a popular person appears in several different events
    assert len(holders) >= 50  # and there are many people
    # Each event's Hindi and Gujarati sources name the same people.
    event = next(e for e in events if set(e.langs) == {"hi", "gu"})
    person = event.persons[0]
    texts = {gold["files"][f]["lang"]: (out / "sources" / f).read_text(encoding="utf-8") for f in gold["events"][event.id]}
    assert person[1] in texts["hi"] or person[2] in texts["gu"]


def test_junk_includes_also_read_lines_naming_other_events(corpus):
    out, gold = corpus
    titles = {info["title"] for info in gold["files"].values() if info["title"]}
    found = 0
    for name, info in gold["files"].items():
        lines = (out / "sources" / name).read_text(encoding="utf-8").lstrip("\n").split("\n")
        for number in info["junk_lines"]:
            line = lines[number - 1]
            if ":" in line and line.split(":", 1)[1].strip() in titles:
                found += 1
    assert found >= 50
