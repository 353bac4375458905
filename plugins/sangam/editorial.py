"""Editorial overrides: ``content/data/editorial.toml``, edited by hand.

Editors can force sources into one event, keep sources apart, set an event's
headline in either language, and attach a note in Markdown (rendered with
markdown-it-py, raw HTML disabled) to the event page::

    [[together]]                      # these sources are one event
    sources = ["sources/a.txt", "sources/b.txt"]

    [[apart]]                         # no two of these end up in one event
    sources = ["sources/003.txt", "sources/004.txt"]

    [[event]]                         # the event holding this source ...
    source = "sources/000.txt"
    title = { hi = "शीर्षक", gu = "શીર્ષક" }
    note = \"\"\"*Correction*: the meeting was on Saturday.\"\"\"

Sources are named by their path in the content folder (``sources/...``) or by
file name alone. Overrides are read every build, so they survive rebuilds. Every
problem (a file that is not there, an unknown key, a malformed entry) is reported
as a warning on the build report and in the build log, never silently ignored;
the rest of the file still applies.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from .model import Event

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
LANGS = ("hi", "gu")


@dataclass
class EventOverride:
    source: str
    title: dict[str, str] = field(default_factory=dict)
    note: str | None = None


@dataclass
class Editorial:
    together: list[list[str]] = field(default_factory=list)
    apart: set[frozenset[str]] = field(default_factory=set)
    events: list[EventOverride] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def render_note(markdown: str) -> Markup:
    """HTML of a note; safe to insert unescaped because raw HTML in the Markdown is escaped."""
    return Markup(_MARKDOWN.render(markdown))


def load(path: Path | None, known: set[str]) -> Editorial:
    """Read and validate the overrides against the sources of this build (``known`` paths)."""
    editorial = Editorial()
    if path is None or not path.is_file():
        return editorial
    where = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        editorial.warnings.append(f"{where}: not valid TOML, no override applied ({error})")
        return editorial
    by_name: dict[str, list[str]] = {}
    for known_path in known:
        by_name.setdefault(Path(known_path).name, []).append(known_path)

    def resolve(name: object, context: str) -> str | None:
        if not isinstance(name, str) or not name.strip():
            editorial.warnings.append(f"{where}: {context}: {name!r} is not a file name")
            return None
        name = name.strip()
        if name in known:
            return name
        if f"sources/{name}" in known:
            return f"sources/{name}"
        matches = by_name.get(Path(name).name, [])
        if len(matches) == 1:
            return matches[0]
        editorial.warnings.append(f"{where}: {context}: no source {name!r} in this build (missing or rejected file)")
        return None

    for key in sorted(set(data) - {"together", "apart", "event"}):
        editorial.warnings.append(f"{where}: unknown section [{key}] ignored")
    for kind in ("together", "apart"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            editorial.warnings.append(f"{where}: [{kind}] must be written [[{kind}]]")
            continue
        for number, entry in enumerate(entries, 1):
            context = f"{kind} #{number}"
            names = entry.get("sources") if isinstance(entry, dict) else None
            if not isinstance(names, list):
                editorial.warnings.append(f"{where}: {context}: needs sources = [ ... ]")
                continue
            paths = sorted({p for p in (resolve(n, context) for n in names) if p})
            if len(paths) < 2:
                editorial.warnings.append(f"{where}: {context}: fewer than two sources found, nothing to do")
                continue
            if kind == "together":
                editorial.together.append(paths)
            else:
                editorial.apart.update(frozenset((a, b)) for i, a in enumerate(paths) for b in paths[i + 1 :])
    entries = data.get("event", [])
    for number, entry in enumerate(entries if isinstance(entries, list) else [], 1):
        context = f"event #{number}"
        if not isinstance(entry, dict):
            editorial.warnings.append(f"{where}: {context}: not a table")
            continue
        for key in sorted(set(entry) - {"source", "title", "note"}):
            editorial.warnings.append(f"{where}: {context}: unknown key {key!r} ignored")
        source = resolve(entry.get("source"), context)
        if source is None:
            continue
        override = EventOverride(source=source)
        title = entry.get("title", {})
        if not isinstance(title, dict):
            editorial.warnings.append(f"{where}: {context}: title must be {{ hi = \"...\", gu = \"...\" }}")
            title = {}
        for lang, text in sorted(title.items()):
            if lang in LANGS and isinstance(text, str) and text.strip():
                override.title[lang] = " ".join(text.split())
            else:
                editorial.warnings.append(f"{where}: {context}: title.{lang} ignored (languages: hi, gu)")
        note = entry.get("note")
        if note is not None:
            if isinstance(note, str) and note.strip():
                override.note = note.strip()
            else:
                editorial.warnings.append(f"{where}: {context}: note must be Markdown text")
        editorial.events.append(override)
    conflicts = [
        (a, b) for group in editorial.together for a in group for b in group if a < b and frozenset((a, b)) in editorial.apart
    ]
    for a, b in conflicts:
        editorial.warnings.append(f"{where}: {a} and {b} are both together and apart; kept together")
        editorial.apart.discard(frozenset((a, b)))
    return editorial


def apply_to_events(events: list[Event], editorial: Editorial) -> None:
    """Headlines and notes set by editors, on the event holding the named source."""
    event_of = {path: event for event in events for path in event.sources}
    for override in editorial.events:
        event = event_of.get(override.source)
        if event is None:
            continue
        for lang, text in override.title.items():
            event.title[lang] = text
            event.title_from_lead[lang] = False
            event.title_by_editor = sorted({*getattr(event, "title_by_editor", []), lang})
        if override.note:
            event.note_markdown = override.note
            event.note_html = render_note(override.note)
