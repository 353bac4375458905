"""Stable event ids: unchanged when sources are added to an event or to another event, or on rerun."""

from __future__ import annotations

from sangam import ids
from sangam.model import Source


def src(name, published=None):
    return Source(path=f"sources/{name}", sha256=f"{name}-hash", lang="hi", title=None, text=["x"], published=published)


SOURCES = {s.path: s for s in (src("a"), src("b"), src("c"), src("d"), src("0-new"), src("e"))}


def assign(groups, registry):
    return ids.assign_ids(groups, SOURCES, registry)


def test_fresh_ids_are_deterministic_and_distinct():
    groups = [["sources/a", "sources/b"], ["sources/c"]]
    first = assign(groups, {})
    assert first == assign(groups, {}) and len(set(first)) == 2
    assert first == assign(list(reversed(groups)), {})[::-1]


def test_id_survives_a_source_added_to_the_event_and_to_another_event(tmp_path):
    path = tmp_path / "event-ids.tsv"
    path.write_text("")
    groups = [["sources/a", "sources/b"], ["sources/c"]]
    before = assign(groups, ids.read_registry(path))
    ids.write_registry(path, ids.updated_registry(groups, before, {}), {})
    # "0-new" sorts first and would become the founder by content hash; the registry keeps the id.
    grown = [["sources/0-new", "sources/a", "sources/b"], ["sources/c", "sources/d"]]
    after = assign(grown, ids.read_registry(path))
    assert after == before


def test_split_event_keeps_its_id_on_the_larger_part():
    registry = {"sources/a": "E1", "sources/b": "E1", "sources/c": "E1"}
    result = assign([["sources/a", "sources/b"], ["sources/c"]], registry)
    assert result[0] == "E1" and result[1] != "E1"


def test_registry_written_only_when_opted_in_and_changed(tmp_path):
    path = tmp_path / "event-ids.tsv"
    assert not ids.write_registry(path, {"sources/a": "E1"}, {})
    assert not path.exists()
    path.write_text("")
    assert ids.write_registry(path, {"sources/a": "E1"}, {})
    assert ids.read_registry(path) == {"sources/a": "E1"}
    assert not ids.write_registry(path, {"sources/a": "E1"}, {"sources/a": "E1"})
