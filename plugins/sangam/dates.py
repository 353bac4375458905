"""Finding dates written in Hindi, Gujarati or English, without inventing any part of them.

A date needs a day, a month and a year to become a publication date; a day and
month alone stay a partial date. Digits may be Devanagari or Gujarati.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from . import tables
from .script import fold, tokens

_INDIC_DIGITS = str.maketrans("०१२३४५६७८९૦૧૨૩૪૫૬૭૮૯", "01234567890123456789")
_ANY_DIGIT = re.compile(r"[0-9]")
_INDIC_DIGIT = re.compile(r"[\u0966-\u096f\u0ae6-\u0aef]")


def _ascii_digits(line: str) -> str:
    # str.translate walks every character; most lines hold no Indic digit at all.
    return line.translate(_INDIC_DIGITS) if _INDIC_DIGIT.search(line) else line

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_GLUED_NUMBER = re.compile(r"^(\d{1,4})[\u0900-\u097f]{1,4}$")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")  # day first, as written in India


@dataclass(frozen=True)
class FoundDate:
    year: int | None
    month: int
    day: int | None
    text: str  # the words that made the date

    @property
    def iso(self) -> str | None:
        if self.year is None or self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def find_dates(line: str) -> list[FoundDate]:
    """Dates in one line, in order. Month names from ``data/months.tsv``."""
    text = _ascii_digits(line)
    if not _ANY_DIGIT.search(text):
        return []  # every date form needs a day or a year in digits
    found: list[FoundDate] = []
    for match in _ISO.finditer(text):
        year, month, day = map(int, match.groups())
        if _valid(year, month, day):
            found.append(FoundDate(year, month, day, match.group(0)))
    for match in _NUMERIC.finditer(text):
        day, month, year = map(int, match.groups())
        if _valid(year, month, day):
            found.append(FoundDate(year, month, day, match.group(0)))
    if found:
        return found
    # A case ending glued to a number ("2016ના", "28મી") does not hide the number.
    words = [_word(word) for word in tokens(text)]
    month_names = tables.months()
    # A month name matters only next to a number: look there, not at every word of a paragraph.
    numbered = [i for i, word in enumerate(words) if word.isdigit()]
    near = sorted({j for i in numbered for j in (i - 1, i + 1) if 0 <= j < len(words)})
    for index in near:
        word = words[index]
        month = month_names.get(word) or month_names.get(_strip_suffix(word))
        if not month:
            continue
        day = year = None
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        after2 = words[index + 2] if index + 2 < len(words) else ""
        if before.isdigit() and 1 <= int(before) <= 31:
            day = int(before)
            if after.isdigit() and len(after) == 4:
                year = int(after)
        elif after.isdigit() and 1 <= int(after) <= 31 and len(after) <= 2:
            day = int(after)  # "November 6, 2025"
            if after2.isdigit() and len(after2) == 4:
                year = int(after2)
        elif after.isdigit() and len(after) == 4:
            year = int(after)  # "जुलाई 2019": month and year, no day
        if day is None and year is None:
            continue
        if year is not None and day is not None and not _valid(year, month, day):
            continue
        found.append(FoundDate(year, month, day, " ".join(w for w in (before if day and before.isdigit() else "", word, str(year or "")) if w)))
    return found


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> str:
    return _GLUED_NUMBER.sub(r"\1", fold(word))


def _strip_suffix(word: str) -> str:
    # Gujarati glues case endings to month names ("ઓગસ્ટના"); folded to Devanagari here.
    for suffix in ("ना", "नी", "नो", "नुं", "मां", "थी"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def is_date_only(line: str) -> bool:
    """True for a line that is nothing but a date, perhaps with a weekday: a page-header date."""
    dates = find_dates(line)
    if not dates:
        return False
    weekday_words = tables.word_set("weekdays.txt") | tables.word_set("time-words.txt")
    month_words = set(tables.months())
    rest = [
        word
        for word in (fold(w) for w in tokens(_ascii_digits(line)))
        if not word.isdigit() and word not in weekday_words and word not in month_words
    ]
    return not rest
