"""Plain data passed between the pipeline stages.

Each stage takes these records and returns new ones; nothing here knows Pelican.
Paths are POSIX paths relative to the content folder (``sources/001.txt``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rejection:
    path: str
    reason: str


@dataclass(frozen=True)
class RawDocument:
    """A decoded source file, before cleaning (output of ``read``)."""

    path: str
    sha256: str
    lines: tuple[str, ...]
    header: dict[str, str] = field(default_factory=dict)
    # Line number (1-based, in the file) of lines[0]; a metadata header shifts it.
    first_line: int = 1
    duplicates: tuple[str, ...] = ()  # byte-identical files kept once under this one


@dataclass(frozen=True)
class DroppedLine:
    line: int
    text: str
    reason: str


@dataclass
class Source:
    """A cleaned article (output of ``clean``)."""

    path: str
    sha256: str
    lang: str  # "hi" or "gu"
    title: str | None
    text: list[str]  # cleaned paragraphs, title not repeated
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD, only when the text states it
    date_provenance: str | None = None  # e.g. "header", "line 3: 'प्रकाशित: 12 जुलाई 2025'"
    partial_dates: list[str] = field(default_factory=list)  # dates without a year, as written
    # The page-header date (the day the page was shown or scraped): provenance only, never
    # the publication date.
    seen: str | None = None
    seen_provenance: str | None = None
    dateline: str | None = None
    credits: list[str] = field(default_factory=list)
    dropped: list[DroppedLine] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    names: list[Mention] = field(default_factory=list)
    slug: str = ""

    @property
    def lead(self) -> str:
        return self.text[0] if self.text else ""


@dataclass(frozen=True)
class Mention:
    """A name found in a source, resolved to an entity key."""

    key: str
    surface: str
    kind: str  # person, place, org
    count: int = 1


@dataclass
class Entity:
    key: str
    latin: str
    hi: str
    gu: str
    kind: str
    spellings: dict[str, list[str]] = field(default_factory=dict)  # lang -> surfaces seen
    slug: str = ""
    events: list[str] = field(default_factory=list)  # event ids, newest first


@dataclass
class Event:
    id: str
    sources: list[str]  # source paths
    title: dict[str, str] = field(default_factory=dict)  # lang -> headline
    title_from_lead: dict[str, bool] = field(default_factory=dict)
    date: str | None = None
    date_provenance: str | None = None
    names: list[str] = field(default_factory=list)  # entity keys, most salient first
    related: list[str] = field(default_factory=list)
    note_markdown: str | None = None
    explanation: dict = field(default_factory=dict)
    slug: str = ""


@dataclass
class Digest:
    """Everything the render stage needs."""

    sources: dict[str, Source]
    events: list[Event]
    entities: dict[str, Entity]
    rejected: list[Rejection]
    generated: str
    warnings: list[str] = field(default_factory=list)
    near_misses: list[dict] = field(default_factory=list)
    redirects: dict[str, list[str]] = field(default_factory=dict)  # retired event id -> where its sources are
