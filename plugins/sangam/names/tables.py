"""Word tables of the names stage, read from ``plugins/sangam/data/names-*.tsv``.

Every table is a TSV with ``#`` comments; cells holding several spellings
separate them with ``|``.  Indic spellings are compared after ``script.fold``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ..script import fold

DATA = Path(__file__).resolve().parent.parent / "data"


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@functools.lru_cache(maxsize=1)
def generic_place_words() -> dict[str, str]:
    """Spelling (Latin lower-cased, Indic folded) -> the English generic word of place names
    that one script translates and another transliterates (``names-key-generic.tsv``:
    ``खाड़ी`` -> ``bay``)."""
    table = {}
    for row in read_tsv("names-key-generic.tsv"):
        for spelling in row[1].split("|"):
            spelling = spelling.strip()
            if spelling:
                indic = any("\u0900" <= c <= "\u0aff" for c in spelling)
                table[fold(spelling) if indic else spelling.lower()] = row[0]
    return table


@functools.lru_cache(maxsize=1)
def generic_words_before() -> frozenset[str]:
    """The English generic words of ``generic_place_words`` that English writes before the
    name (Mount Everest, Cape Horn), where Hindi may write them after (एवरेस्ट पर्वत)."""
    return frozenset(row[0] for row in read_tsv("names-key-generic.tsv") if len(row) > 2 and row[2] == "before")


@functools.lru_cache(maxsize=1)
def romanizer_rules() -> dict[str, str]:
    return {row[0]: row[1] if len(row) > 1 else "" for row in read_tsv("romanizer-rules.tsv")}


@functools.lru_cache(maxsize=1)
def letters() -> tuple[dict[str, str], dict[str, str]]:
    """(folded Devanagari letter name -> Latin letter, Latin letter -> Devanagari name)."""
    to_latin: dict[str, str] = {}
    to_deva: dict[str, str] = {}
    for row in read_tsv("names-letters.tsv"):
        letter, spellings = row[0], row[1].split("|")
        to_deva[letter] = spellings[0]
        for s in spellings:
            # Folding drops the nukta, so ज़ी (zee) reads as जी: the letter listed first, G, keeps it.
            to_latin.setdefault(fold(s), letter)
    return to_latin, to_deva


def segment_letters(word: str) -> list[str] | None:
    """Latin letters if ``word`` is entirely letter names (``केसीएनए`` -> K C N A), else None."""
    to_latin, _ = letters()
    text = fold(word)
    n = len(text)
    if not n:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 8) + 1):
            letter = to_latin.get(text[i:j])
            if letter is not None:
                cand = best[i] + [letter]
                if best[j] is None or len(cand) < len(best[j]):
                    best[j] = cand
    return best[n]


MIN_ACRONYM = 3  # two-letter acronyms (यूएस, यूएन) collide with words: lexicon only


@functools.lru_cache(maxsize=200_000)
def spell_acronym(word: str, minimum: int = MIN_ACRONYM) -> str | None:
    if not word or not any("\u0900" <= c <= "\u0aff" for c in word):
        return None
    seq = segment_letters(word)
    if seq and len(seq) >= minimum:
        return "".join(seq)
    return None


def acronym_to_deva(latin: str) -> str | None:
    """``KCNA`` -> ``केसीएनए``; None unless every character is a Latin letter."""
    _, to_deva = letters()
    if not latin or not latin.isascii() or not latin.isalpha():
        return None
    return "".join(to_deva[c] for c in latin.upper())


def _set(name: str) -> frozenset[str]:
    return frozenset(fold(row[0]) for row in read_tsv(name))


@functools.lru_cache(maxsize=4)
def stopwords(lang: str = "hi") -> frozenset[str]:
    """Common words of one language, folded (Devanagari rows for hi, Gujarati rows for gu)."""
    block = ("\u0a80", "\u0aff") if lang == "gu" else ("\u0900", "\u097f")
    return frozenset(
        fold(row[0]) for row in read_tsv("names-stopwords.tsv") if any(block[0] <= c <= block[1] for c in row[0])
    )


@functools.lru_cache(maxsize=1)
def case_endings() -> tuple[str, ...]:
    """Gujarati case endings (folded), longest first."""
    ends = {fold(row[0]) for row in read_tsv("names-case-endings.tsv")}
    return tuple(sorted(ends, key=lambda e: (-len(e), e)))


@functools.lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[str, str]]:
    """Folded trigger phrase -> (kind of the name it announces, position: before|after)."""
    out = {}
    for row in read_tsv("names-roles.tsv"):
        out[fold(row[0])] = (row[1], row[2] if len(row) > 2 else "before")
    return out


@functools.lru_cache(maxsize=1)
def weak_triggers() -> frozenset[str]:
    """Folded triggers that are as often adjectives (प्रमुख): column "weak" of ``names-roles.tsv``."""
    return frozenset(fold(row[0]) for row in read_tsv("names-roles.tsv") if len(row) > 3 and row[3] == "weak")


@functools.lru_cache(maxsize=1)
def programme_words() -> frozenset[str]:
    """Folded words that end the name of a scheme, campaign or body, not a person's
    (``names-programme-words.tsv``: योजना, अभियान, आयोग)."""
    return _set("names-programme-words.tsv")


@functools.lru_cache(maxsize=1)
def place_affixes() -> dict[str, dict[str, str]]:
    """position (before|after) -> folded spelling -> Latin, of the words that make a longer
    place name with a known place (``names-place-affixes.tsv``: वेस्ट वर्जीनिया, मैक्सिको सिटी)."""
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for row in read_tsv("names-place-affixes.tsv"):
        for spelling in row[0].split("|"):
            out[row[1]][fold(spelling)] = row[2]
    return out


@functools.lru_cache(maxsize=1)
def surname_particles() -> dict[str, str]:
    """Folded spelling -> Latin particle of the particles Hindi glues to a surname
    (``names-particles.tsv``: डीसिल्वा is de Silva)."""
    return {fold(spelling): row[1] for row in read_tsv("names-particles.tsv") for spelling in row[0].split("|")}


@functools.lru_cache(maxsize=1)
def syllable_words() -> dict[str, frozenset[str]]:
    """role (syllable, after) -> folded words (``names-syllable-words.tsv``): the syllables of
    East Asian names that are also function words (किम जोंग उन), and the postpositions after them."""
    out: dict[str, set[str]] = {"syllable": set(), "after": set()}
    for row in read_tsv("names-syllable-words.tsv"):
        out[row[1]].add(fold(row[0]))
    return {k: frozenset(v) for k, v in out.items()}


MIN_NAME_COUNT = 3  # times a word was a given name (a surname) in the list to count as one


@functools.lru_cache(maxsize=1)
def indian_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of Indian persons, folded Devanagari (``names-indian.tsv``)."""
    given, surnames = set(), set()
    for row in read_tsv("names-indian.tsv"):
        if int(row[1]) >= MIN_NAME_COUNT:
            given.add(row[0])
        if int(row[2]) >= MIN_NAME_COUNT:
            surnames.add(row[0])
    return frozenset(given), frozenset(surnames)
