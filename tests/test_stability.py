"""Event URLs stay stable across builds as sources come and go (real Pelican builds)."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT, build_site


def _events(output):
    data = json.loads((output / "events.json").read_text(encoding="utf-8"))
    return {frozenset(s["path"] for s in e["sources"]): e["id"] for e in data["events"]}


def _content_with_registry(tmp_path, names):
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "data").mkdir()
    (content / "data" / "event-ids.tsv").write_text("", encoding="utf-8")  # opts in to remembered ids
    for name in names:
        shutil.copy(ROOT / "content" / "sources" / name, content / "sources" / name)
    return content


SEEDS = sorted(p.name for p in (ROOT / "content" / "sources").iterdir())


def test_adding_sources_keeps_every_event_url(tmp_path):
    content = _content_with_registry(tmp_path, SEEDS[1:])  # without 000, the Gujarati Lavrov report
    build_site(content, tmp_path / "first")
    before = _events(tmp_path / "first")
    lavrov_id = before[frozenset({f"sources/{SEEDS[1]}", f"sources/{SEEDS[2]}"})]

    shutil.copy(ROOT / "content" / "sources" / SEEDS[0], content / "sources" / SEEDS[0])
    build_site(content, tmp_path / "second")
    after = _events(tmp_path / "second")
    assert after[frozenset(f"sources/{n}" for n in SEEDS[:3])] == lavrov_id
    assert set(before.values()) <= set(after.values())


def test_an_event_that_disappears_leaves_a_page_saying_where_its_sources_went(tmp_path):
    content = _content_with_registry(tmp_path, SEEDS)
    build_site(content, tmp_path / "first")
    ids = _events(tmp_path / "first")
    shoigu_2024 = ids[frozenset({f"sources/{SEEDS[4]}"})]

    (content / "sources" / SEEDS[4]).unlink()
    output = tmp_path / "second"
    build_site(content, output)
    assert shoigu_2024 not in _events(output).values()
    page = output / "events" / f"{shoigu_2024}.html"
    assert page.is_file()
    assert "आ ઘટનાના સ્ત્રોતો હવે આ સંગ્રહમાં નથી".replace("आ ", "આ ") in page.read_text(encoding="utf-8")
