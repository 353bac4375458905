"""Stable event ids.

An id cannot be both derived from an event's content and unchanged when sources
are added to it, so ids are *remembered*: a small registry, ``content/data/event-ids.tsv``,
maps each source (by path) to the id of the event it was published under. It is
plain text, sorted, committed with the content, and updated by the build only when
a new source or a new event appears (so a rerun on the same input rewrites nothing).
The build writes it only if the file already exists: creating it (even empty) opts a
content folder in, so building someone else's folder never writes into it. Without
it, ids fall back to rule 3, which is deterministic but changes if a new source
becomes an event's founder.

Assignment, deterministic whatever the input order:

1. An event inherits the id most of its already-registered sources carry (ties:
   the id held by more sources, then the smallest id). Adding a source to an event,
   or to another event, therefore never changes the id.
2. If two events claim one id (an event was split), the one holding more of the
   id's sources keeps it (ties: its first path); the other gets a new id.
3. A new event's id is a hash of its founding source (earliest stated date, then
   smallest content hash), lengthened if it collides with an id already in use.
   With no registry (a fresh clone) the same input still gives the same ids.

An editor may also fix an event's id in ``editorial.toml`` (``id = ...``); that wins.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from .model import Source

HEADER = "# Event ids by source, kept between builds so event URLs never change (written by the build; safe to edit).\n"


def founder_id(sources: list[Source], length: int = 10) -> str:
    founder = min(sources, key=lambda s: (s.published or "9999-99-99", s.sha256, s.path))
    return hashlib.sha256(founder.sha256.encode()).hexdigest()[:length]


def read_registry(path: Path | None) -> dict[str, str]:
    if path is None or not path.is_file():
        return {}
    registry: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        source, event = line.split("\t", 1)
        registry[source.strip()] = event.strip()
    return registry


def write_registry(path: Path | None, registry: dict[str, str], previous: dict[str, str]) -> bool:
    """Write the registry if it changed; return whether it was written."""
    if path is None or not path.is_file() or registry == previous:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{source}\t{registry[source]}\n" for source in sorted(registry))
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(HEADER + body, encoding="utf-8")
    temporary.replace(path)
    return True


def assign_ids(
    groups: list[list[str]],
    sources: dict[str, Source],
    registry: dict[str, str],
    fixed: dict[int, str] | None = None,
) -> list[str]:
    """One id per group (same order), following the rules in the module docstring."""
    fixed = fixed or {}
    ids: list[str | None] = [fixed.get(i) for i in range(len(groups))]
    taken = {value for value in ids if value}
    claims: dict[str, list[tuple[int, int, str]]] = {}
    for index, group in enumerate(groups):
        if ids[index]:
            continue
        held = Counter(registry[p] for p in group if p in registry)
        if not held:
            continue
        best = min(held, key=lambda value: (-held[value], value))
        claims.setdefault(best, []).append((-held[best], index, min(group)))
    for value in sorted(claims):
        if value in taken:
            continue
        winner = min(claims[value], key=lambda claim: (claim[0], claim[2]))
        ids[winner[1]] = value
        taken.add(value)
    used = set(taken) | set(registry.values())
    order = sorted(range(len(groups)), key=lambda i: min(groups[i]))
    for index in order:
        if ids[index]:
            continue
        members = [sources[p] for p in groups[index]]
        length = 10
        value = founder_id(members, length)
        while value in used and length < 64:
            length += 2
            value = founder_id(members, length)
        suffix = 2
        base = value
        while value in used:
            value = f"{base}-{suffix}"
            suffix += 1
        ids[index] = value
        used.add(value)
    return [value for value in ids if value is not None]


def updated_registry(groups: list[list[str]], ids: list[str], registry: dict[str, str]) -> dict[str, str]:
    """The registry after this build: every current source under its event's id; sources
    no longer present are kept, so a file removed and restored gets its event back."""
    updated = dict(registry)
    for group, value in zip(groups, ids):
        for path in group:
            updated[path] = value
    return updated


def retired_ids(registry: dict[str, str], events: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """Ids the registry knows that no current event carries -> the events their sources are in now.

    An event that disappears (its sources merged elsewhere, or removed) keeps a page
    at its old URL saying where they went, instead of a 404. An empty list means its
    sources are no longer in the content.
    """
    current = {event_id for event_id, _ in events}
    event_of = {path: event_id for event_id, paths in events for path in paths}
    retired: dict[str, set[str]] = {}
    for path, old in registry.items():
        if old in current:
            continue
        moved_to = retired.setdefault(old, set())
        if path in event_of:
            moved_to.add(event_of[path])
    return {old: sorted(targets) for old, targets in sorted(retired.items())}
