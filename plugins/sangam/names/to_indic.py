"""Latin -> Devanagari for names seen only in Latin letters (Lavrov -> लावरोव).

The romanizer's graphone models (``romanize.py``) are joint models of a Hindi spelling's
phonetic units and the English letters that spell them, so they decode the other way
too: the Latin letters are cut into chunks, each chunk given the unit that most probably
wrote it, the whole scored by the same n-grams.  A unit may also stand for no letters
(the inherent vowel Hindi writes between two consonants, लावरोव's व and र), at most one
at a time.  The units are then written as Devanagari: a vowel after a consonant as its
sign, a consonant before another with a virama (स्ट), an inherent vowel as nothing.
The Gujarati form is ``extract.to_gujr`` of the result.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata

from .romanize import BOS, EOS, model
from .tables import read_tsv
from .units import ANUSVARA, ANUSVARA_LABIAL, MATRA, VIRAMA, VISARGA, is_consonant

BEAM = 12
DIGRAPH_FIRST = frozenset("bcdgkpstz")  # letters that make one sound with an h after them
MAX_CHUNK = 3
# The sign that writes each vowel after a consonant (the standard signs; the units fold the others).
STANDARD_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0943\u0947\u0948\u094b\u094c"  # ा ि ी ु ू ृ े ै ो ौ
SIGN_OF = {vowel: sign for sign, vowel in MATRA.items() if sign in STANDARD_SIGNS}
# How foreign a Latin-only name is taken to be when decoding: no preference (0.3 to 1.0 gave the
# same CER within 0.004 on the dev persons' and cities' English spellings).
FOREIGN = 0.5


@functools.lru_cache(maxsize=1)
def _phonetic_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(row[0]), row[1] if len(row) > 1 else "") for row in read_tsv("latin-phonetic.tsv")]


def phonetic(letters: str) -> str:
    """A lower-case English spelling with its spelling conventions undone (``latin-phonetic.tsv``):
    jake -> jek, danni -> dani, phillips -> filips."""
    for pattern, repl in _phonetic_rules():
        letters = pattern.sub(repl, letters)
    return letters


@functools.lru_cache(maxsize=1)
def _units_by_chunk() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Letters -> the units the models spell with them, and the units they spell with none."""
    m = model()
    by_chunk: dict[str, set[str]] = {}
    silent: set[str] = set()
    for unit, chunks in m.cands.items():
        for chunk in chunks:
            if chunk:
                by_chunk.setdefault(chunk, set()).add(unit)
            elif unit.startswith("ə") and unit != "ə#":
                silent.add(unit)
    return {c: tuple(sorted(u)) for c, u in by_chunk.items()}, tuple(sorted(silent))


def _decode_word(letters: str) -> list[str] | None:
    """The most probable unit sequence that the lower-case ``letters`` spell, or None."""
    m = model()
    by_chunk, silent = _units_by_chunk()
    mI, mF = m.models["I"], m.models["F"]
    order = m.order

    def logp(hist: tuple[str, ...], g: str) -> float:
        p = (1 - FOREIGN) * mI.prob(hist, g) + FOREIGN * mF.prob(hist, g)
        return math.log(p) if p > 0 else -50.0

    # hypothesis: (score, position, history, units, last graphone was silent)
    hyps = [(0.0, 0, (BOS,) * (order - 1), (), False)]
    n = len(letters)
    finished: list[tuple[float, tuple[str, ...]]] = []
    while hyps:
        nxt = []
        for score, j, hist, seq, was_silent in hyps:
            if j == n:
                # A final consonant carries the inherent vowel Hindi leaves unwritten (ə#).
                end = [(hist, seq, score)]
                if seq and is_consonant(seq[-1][0]):
                    g = "ə#:"
                    end.append(((hist + (g,))[-(order - 1):], seq + ("ə#",), score + logp(hist, g)))
                for h, s, sc in end:
                    finished.append((sc + logp(h, EOS), s))
                continue
            for k in range(1, min(MAX_CHUNK, n - j) + 1):
                chunk = letters[j : j + k]
                if letters[j + k : j + k + 1] == "h" and chunk[-1] in DIGRAPH_FIRST:
                    continue  # th, sh, ch...: one sound, never a letter for each (वेदरॉल्ड, not वेतहे...)
                for unit in by_chunk.get(chunk, ()):
                    g = f"{unit}:{chunk}"
                    nxt.append((score + logp(hist, g), j + k, (hist + (g,))[-(order - 1):], seq + (unit,), False))
            if not was_silent and seq and is_consonant(seq[-1][0]):
                for unit in silent:
                    g = f"{unit}:"
                    nxt.append((score + logp(hist, g), j, (hist + (g,))[-(order - 1):], seq + (unit,), True))
        nxt.sort(key=lambda h: (-h[0], h[3]))
        hyps = nxt[:BEAM]
        if finished and hyps and max(h[0] for h in hyps) < max(f[0] for f in finished):
            break
    if not finished:
        return None
    return list(max(finished, key=lambda f: (f[0], f[1]))[1])


def units_to_deva(seq: list[str]) -> str:
    """Write phonetic units (``units.units``) as Devanagari text."""
    out: list[str] = []
    pending = False  # a consonant written without its vowel yet
    for unit in seq:
        if unit.startswith("ə"):
            pending = False  # the inherent vowel: no sign
        elif is_consonant(unit[0]):
            if pending:
                out.append(VIRAMA)
            out.append(unit)
            pending = True
        elif unit in (ANUSVARA, ANUSVARA_LABIAL):
            out.append(ANUSVARA)
            pending = False
        elif unit == VISARGA:
            out.append(VISARGA)
            pending = False
        else:
            sign = SIGN_OF.get(unit)
            out.append(sign if pending and sign else unit)
            pending = False
    return unicodedata.normalize("NFC", "".join(out))


@functools.lru_cache(maxsize=8192)
def latin_to_deva(name: str) -> str:
    """A name in Latin letters -> a Devanagari spelling (``""`` where no word can be written)."""
    if model() is None:
        return ""
    words = []
    for word in re.split(r"[\s\-]+", name.strip()):
        # Accents stripped; letters other than a-z (Cyrillic, Greek) leave the word out.
        letters = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
        letters = "".join(c for c in letters if c.isalpha())
        if not letters:
            continue
        seq = _decode_word(phonetic(letters))
        if seq:
            words.append(units_to_deva(seq))
    return " ".join(words)


__all__ = ["latin_to_deva", "phonetic", "units_to_deva"]
