"""The editors' lexicon (``content/data/lexicon.tsv``): exonyms and house style."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..script import devanagari_to_gujarati, fold
from .keys import name_key

KINDS = ("person", "place", "org")


@dataclass(frozen=True)
class LexEntry:
    latin: str
    kind: str
    hi: tuple[str, ...]
    gu: tuple[str, ...]

    @property
    def key(self) -> str:
        return name_key(self.latin)

    @property
    def deva(self) -> str:
        return self.hi[0] if self.hi else ""

    @property
    def gujr(self) -> str:
        return self.gu[0] if self.gu else devanagari_to_gujarati(self.deva)


@dataclass
class Lexicon:
    entries: list[LexEntry] = field(default_factory=list)
    by_spelling: dict[str, LexEntry] = field(default_factory=dict)  # folded spelling -> entry
    max_words: int = 1

    def lookup(self, spelling: str) -> LexEntry | None:
        return self.by_spelling.get(spelling_key(spelling))


def spelling_key(text: str) -> str:
    """Folded spelling with hyphens and dots as spaces (यू.एस / यूएस are listed separately)."""
    text = fold(text).replace("-", " ").replace("\u2011", " ")
    return " ".join(text.split())


def load_lexicon(path: Path | None) -> Lexicon:
    """Read the lexicon TSV; a missing file gives an empty lexicon, a bad row a ValueError."""
    lex = Lexicon()
    if path is None or not Path(path).exists():
        return lex
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen and cells[0].lower() == "latin":
            header_seen = True
            continue
        if len(cells) < 3 or not cells[0]:
            raise ValueError(f"{path}:{number}: expected latin, kind, hi[, gu] separated by tabs")
        latin, kind = cells[0], cells[1].lower()
        if kind not in KINDS:
            raise ValueError(f"{path}:{number}: kind {cells[1]!r} is not one of {', '.join(KINDS)}")
        hi = tuple(s.strip() for s in cells[2].split("|") if s.strip())
        gu = tuple(s.strip() for s in cells[3].split("|") if s.strip()) if len(cells) > 3 else ()
        if any(not any("\u0900" <= c <= "\u097f" for c in s) for s in hi):
            raise ValueError(f"{path}:{number}: Hindi spellings must be in Devanagari")
        if any(not any("\u0a80" <= c <= "\u0aff" for c in s) for s in gu):
            raise ValueError(f"{path}:{number}: Gujarati spellings must be in Gujarati script")
        entry = LexEntry(latin, kind, hi, gu)
        lex.entries.append(entry)
        for s in (latin,) + hi + gu:
            lex.by_spelling.setdefault(spelling_key(s), entry)
            lex.max_words = max(lex.max_words, len(spelling_key(s).split()))
    return lex
