"""Loading the word and rule tables in ``plugins/sangam/data/``.

Tables are data, edited without touching code: one entry per line, ``#`` starts a comment.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .script import fold

DATA_DIR = Path(__file__).parent / "data"


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file, stripped."""
    lines = []
    for raw in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(fold(line) for line in read_lines(name))


@cache
def stopwords() -> frozenset[str]:
    return word_set("stopwords-hi.txt") | word_set("stopwords-gu.txt")


@cache
def months() -> dict[str, int]:
    """Folded month spelling -> month number."""
    table: dict[str, int] = {}
    for line in read_lines("months.tsv"):
        number, spellings = line.split("\t", 1)
        for spelling in spellings.split("|"):
            table[fold(spelling.strip())] = int(number)
    return table


@cache
def regexes(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in read_lines(name))


@cache
def folded_prefixes(name: str) -> tuple[str, ...]:
    """Folded phrases, longest first so the most specific one wins."""
    return tuple(sorted({fold(line) for line in read_lines(name)}, key=len, reverse=True))
