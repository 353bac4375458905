"""A per-source feature cache, so a rebuild after adding one source re-cleans one source.

What is cached: each source's cleaned record (the output of ``clean``), keyed by

* the file's sha256, its path and the byte-identical files it stands for;
* the page-chrome lines of the whole corpus that occur in *this* file (``page_chrome``
  depends on every file, but a file's cleaning only on the chrome lines it contains, so a
  new source invalidates only the files whose chrome it changes);
* ``version()``: a hash of the code and data tables cleaning uses, so a change to any of
  them drops the whole cache.

Names and merge features are not cached: both depend on the whole collection (spellings
found anywhere are recognised everywhere; document frequencies), and are recomputed.

Stored as one pickle under ``CACHE_PATH/sangam/`` (Pelican's setting), written atomically
and only with the entries of the current build, so it never grows beyond one corpus.
Used only when Pelican's own content cache is (``CACHE_CONTENT`` writes,
``LOAD_CONTENT_CACHE`` reads), so default builds never read or write it.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from pathlib import Path

from .model import RawDocument, Source

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent
FILE_NAME = "clean-records.pickle"


# The code and data a cleaned record depends on (``clean`` and what it imports); the names
# and merge tables are left out, so editing a romanization table keeps the cache.
CODE = ("cache.py", "clean.py", "dates.py", "model.py", "read.py", "script.py", "tables.py")
NOT_CLEANING_DATA = ("names-", "romanizer", "merge-")


@functools.lru_cache(maxsize=1)
def version() -> str:
    """Hash of the modules and data tables cleaning uses (see ``CODE``)."""
    digest = hashlib.sha256()
    data = sorted(p for p in (PACKAGE / "data").iterdir() if p.is_file() and not p.name.startswith(NOT_CLEANING_DATA))
    for path in [PACKAGE / name for name in CODE] + data:
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def record_key(document: RawDocument, chrome: frozenset[str]) -> str:
    """The cache key of one document's cleaned record (see the module docstring)."""
    own_chrome = sorted({line.strip() for line in document.lines} & chrome)
    digest = hashlib.sha256()
    for part in (version(), document.sha256, document.path, *document.duplicates, "\x1f", *own_chrome):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class CleanCache:
    """Cleaned records by ``record_key``; ``load`` once, ``get``/``put`` per source, ``save``."""

    def __init__(self, directory: Path | None, read: bool = True, write: bool = True):
        self.directory = Path(directory) if directory else None
        self.read, self.write = read and self.directory is not None, write and self.directory is not None
        self.entries: dict[str, Source] = {}
        self.used: dict[str, Source] = {}
        self.hits = self.misses = 0

    @property
    def path(self) -> Path | None:
        return self.directory / FILE_NAME if self.directory else None

    def load(self) -> None:
        if not self.read or not self.path.is_file():
            return
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
            if stored.get("version") == version():
                self.entries = stored["records"]
        except Exception as error:  # a damaged or foreign cache is ignored, never fatal
            log.warning("sangam: ignoring the feature cache %s: %s", self.path, error)
            self.entries = {}

    def get(self, key: str) -> Source | None:
        found = self.entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used[key] = found
        return _copy(found)

    def put(self, key: str, source: Source) -> None:
        if self.write:
            self.used[key] = _copy(source)

    def save(self) -> None:
        if not self.write or (self.misses == 0 and len(self.used) == len(self.entries)):
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump({"version": version(), "records": self.used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)


def _copy(source: Source) -> Source:
    """A record the pipeline may change (url, names, slug) without touching the cached one."""
    from dataclasses import replace

    return replace(source, text=list(source.text), names=list(source.names))
