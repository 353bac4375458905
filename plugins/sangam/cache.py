"""Per-source caches, so a rebuild after adding one source redoes the work of one source.

Three kinds of work depend only on one source and are kept between builds, each in its
own ``Store`` (one pickle under ``CACHE_PATH/sangam/``):

* ``clean-records.pickle``: each source's cleaned record (the output of ``clean``), keyed by
  the file's sha256, its path and the byte-identical files it stands for; the page-chrome
  lines of the whole corpus that occur in *this* file (``page_chrome`` depends on every
  file, but a file's cleaning only on the chrome lines it contains, so a new source
  invalidates only the files whose chrome it changes); and ``version()``, a hash of the
  code and data tables cleaning uses.
* ``names-first-pass.pickle``: the names stage's first pass over a source (its words cut
  into segments, and the names found there on direct evidence: lexicon, acronyms, role
  words), keyed by the cleaned text (``text_key``) and the editors' lexicon.
* ``merge-features.pickle``: the merge's text features of a source (word, gram, seq, num,
  near counts), keyed by the cleaned text and the feature settings.
* ``romanized.pickle``: the Latin form of each name spelling the entities were given.

The names and merge entries are versioned by ``analysis_version()``, a hash of every module
and data table of the plugin: any code change drops them (never a stale entry). What
depends on the whole collection is recomputed on every build: which spellings are names
(recognised everywhere once found anywhere), document frequencies and every pair score
(an added source changes every idf), clustering and the report. A cached entry is the
very object the cold build would compute (pickled dicts keep their order), so a rebuild's
output is identical to a cold build's.

Each store is written atomically and only with the entries of the current build, so it
never grows beyond one corpus. Used only when Pelican's own content cache is
(``CACHE_CONTENT`` writes, ``LOAD_CONTENT_CACHE`` reads), so default builds never read or
write them.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from .model import RawDocument, Source

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent
FILE_NAME = "clean-records.pickle"
NAMES_FILE = "names-first-pass.pickle"
FEATURES_FILE = "merge-features.pickle"
ROMANIZED_FILE = "romanized.pickle"


# The code and data a cleaned record depends on (``clean`` and what it imports); the names
# and merge tables are left out, so editing a romanization table keeps the cache.
CODE = ("cache.py", "clean.py", "dates.py", "model.py", "read.py", "script.py", "tables.py")
NOT_CLEANING_DATA = ("names-", "romanizer", "merge-")


def _files_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


@functools.lru_cache(maxsize=1)
def version() -> str:
    """Hash of the modules and data tables cleaning uses (see ``CODE``)."""
    data = sorted(p for p in (PACKAGE / "data").iterdir() if p.is_file() and not p.name.startswith(NOT_CLEANING_DATA))
    return _files_hash([PACKAGE / name for name in CODE] + data)


@functools.lru_cache(maxsize=1)
def analysis_version() -> str:
    """Hash of every module and data table of the plugin, for the names and merge caches:
    they use most of it, and a dependency left out by mistake would serve stale entries."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and (p.suffix == ".py" or p.parent.name == "data"))
    return _files_hash(files)


def record_key(document: RawDocument, chrome: frozenset[str]) -> str:
    """The cache key of one document's cleaned record (see the module docstring)."""
    own_chrome = sorted({line.strip() for line in document.lines} & chrome)
    return _hash((version(), document.sha256, document.path, *document.duplicates, "\x1f", *own_chrome))


def text_key(source: Source, *context: str) -> str:
    """The cache key of work that reads only a source's language, title and text (and
    ``context``: settings, the lexicon's fingerprint)."""
    return _hash((*context, "\x1f", source.lang, source.title or "", "\x1f", *source.text))


def _hash(parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class Store:
    """Entries of one kind by key: ``load`` once, ``get``/``put`` per entry, ``save``.

    ``copy`` makes the object handed out (and the one kept) independent of what the
    pipeline changes afterwards; entries that are never changed need none.
    """

    def __init__(
        self,
        directory: Path | None,
        file_name: str,
        version: str,
        read: bool = True,
        write: bool = True,
        copy: Callable | None = None,
    ):
        self.directory = Path(directory) if directory else None
        self.file_name, self.version, self.copy = file_name, version, copy or (lambda value: value)
        self.read, self.write = read and self.directory is not None, write and self.directory is not None
        self.entries: dict = {}
        self.used: dict = {}
        self.hits = self.misses = 0

    @property
    def path(self) -> Path | None:
        return self.directory / self.file_name if self.directory else None

    def load(self) -> Store:
        if not self.read or not self.path.is_file():
            return self
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
            if stored.get("version") == self.version:
                self.entries = stored["records"]
        except Exception as error:  # a damaged or foreign cache is ignored, never fatal
            log.warning("sangam: ignoring the cache %s: %s", self.path, error)
            self.entries = {}
        return self

    def get(self, key):
        found = self.entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used[key] = found
        return self.copy(found)

    def put(self, key, value) -> None:
        if self.write:
            self.used[key] = self.copy(value)

    def memoize(self, function: Callable, key: Callable = lambda argument: argument) -> Callable:
        """``function``, answered from the store when it can be; ``key`` takes the same arguments."""

        def cached(*arguments, **keywords):
            name = key(*arguments, **keywords)
            found = self.get(name)
            if found is None:
                found = function(*arguments, **keywords)
                self.put(name, found)
            return found

        return cached

    def save(self) -> None:
        """Write the entries of this build (atomically), then let every entry go."""
        if self.write and (self.misses or len(self.used) != len(self.entries)):
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump({"version": self.version, "records": self.used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        self.entries, self.used = {}, {}


class CleanCache(Store):
    """Cleaned records by ``record_key``."""

    def __init__(self, directory: Path | None, read: bool = True, write: bool = True):
        super().__init__(directory, FILE_NAME, version(), read, write, copy=_copy)


def _copy(source: Source) -> Source:
    """A record the pipeline may change (url, names, slug) without touching the cached one."""
    from dataclasses import replace

    return replace(source, text=list(source.text), names=list(source.names))
