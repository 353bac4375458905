"""Indic text primitives shared by every stage: normalisation, script detection,
Gujarati-to-Devanagari folding and tokenisation.

Python's ``\\w`` does not match vowel signs or virama, so tokens are split on
whitespace and punctuation only, never on ``\\W``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DEVANAGARI = (0x0900, 0x097F)
GUJARATI = (0x0A80, 0x0AFF)
# Gujarati and Devanagari blocks are laid out in parallel: same letter, offset 0x180.
GUJARATI_OFFSET = 0x180

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Candra vowels that indic-transliteration leaves untouched; folded to the plain vowel.
CANDRA = str.maketrans(
    {
        "\u0949": "\u094b",  # ॉ -> ो
        "\u0911": "\u0913",  # ऑ -> ओ
        "\u0945": "\u0947",  # ॅ -> े
        "\u090d": "\u090f",  # ऍ -> ए
        "\u0ac9": "\u0acb",  # ૉ -> ો
        "\u0a91": "\u0a93",  # ઑ -> ઓ
        "\u0ac5": "\u0ac7",  # ૅ -> ે
        "\u0a8d": "\u0a8f",  # ઍ -> એ
    }
)

_PUNCT_CATEGORIES = ("P", "S", "Z", "C")
_DANDA = "\u0964\u0965"


_VISIBLE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def is_blank(text: str) -> bool:
    """Nothing but whitespace and zero-width characters."""
    return _VISIBLE.search(text) is None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_DEVA_CHARS = re.compile(r"[\u0900-\u0963\u0966-\u097f]")
_GUJR_CHARS = re.compile(r"[\u0a80-\u0aff]")
_LATN_CHARS = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# Letters of any other script (\w letters outside the three above).
_OTHER_LETTERS = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u0900-\u097f\u0a80-\u0aff]")


def script_counts(text: str) -> dict[str, int]:
    """Characters per script (Devanagari and Gujarati count their vowel signs too)."""
    return {
        "deva": len(_DEVA_CHARS.findall(text)),
        "gujr": len(_GUJR_CHARS.findall(text)),
        "latn": len(_LATN_CHARS.findall(text)),
        "other": len(_OTHER_LETTERS.findall(text)),
    }


def indic_share(text: str) -> float:
    """Share of letters in the line that are Devanagari or Gujarati."""
    counts = script_counts(text)
    letters = sum(counts.values())
    return (counts["deva"] + counts["gujr"]) / letters if letters else 0.0


def _twin_table(source: tuple[int, int], offset: int, keep: str = "") -> dict[int, str]:
    # Unassigned twins stay as they are rather than becoming noise.
    table = {}
    for cp in range(source[0], source[1] + 1):
        twin = chr(cp + offset)
        if chr(cp) not in keep and unicodedata.name(twin, ""):
            table[cp] = twin
    return table


_TO_DEVANAGARI = _twin_table(GUJARATI, -GUJARATI_OFFSET)
_TO_GUJARATI = _twin_table(DEVANAGARI, GUJARATI_OFFSET, keep=_DANDA)


def gujarati_to_devanagari(text: str) -> str:
    """Map every Gujarati code point to its Devanagari twin (a lossless-enough fold for matching)."""
    return text.translate(_TO_DEVANAGARI)


def devanagari_to_gujarati(text: str) -> str:
    return text.translate(_TO_GUJARATI)


_ANUSVARA = "\u0902"
_CANDRABINDU = "\u0901"
_VIRAMA = "\u094d"
# Nasal consonants that, followed by virama, are spelled interchangeably with anusvara: after
# a letter of the same word and before a stop or sibilant (हिन्दी / हिंदी). Not at the start
# of a word (न्यूयॉर्क is nyu, not an anusvara), nor before य र ल ळ व ह, where the nasal is a
# consonant of its own (कन्या, सम्राट, अम्ल).
_NASALS = "\u0919\u091e\u0923\u0928\u092e"  # ङ ञ ण न म
_NASAL_CLUSTER = re.compile(
    f"(?<=[\u0900-\u0963])[{_NASALS}]{_VIRAMA}(?=[\u0915-\u092e\u0936-\u0938\u0958-\u095f])"
)


def _fold_table() -> dict[int, str | None]:
    """One translation for the character-level part of ``fold``: Gujarati to Devanagari,
    candra vowels to plain ones, candrabindu to anusvara; nukta and zero-width joiners dropped.
    (NFC keeps the nukta letters क़ ख़ … decomposed, so dropping U+093C removes every nukta.)"""
    table: dict[int, str | None] = dict(_TO_DEVANAGARI)
    candra = {chr(k): v for k, v in CANDRA.items()}
    for cp, twin in list(table.items()):
        table[cp] = candra.get(twin, twin)
    for char, plain in candra.items():
        table[ord(char)] = plain.translate(_TO_DEVANAGARI)
    table[ord(_CANDRABINDU)] = _ANUSVARA
    table[0x0A81] = _ANUSVARA  # Gujarati candrabindu
    table[0x093C] = None
    table[0x0ABC] = None
    table.update(ZERO_WIDTH)
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """A matching key for running text: one script (Devanagari), no spelling noise.

    Folds Gujarati to Devanagari, candra vowels to plain ones, drops nukta and
    zero-width joiners, writes nasal+virama as anusvara and candrabindu as
    anusvara, and lower-cases Latin. Not for display. Cached: words repeat.
    """
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    return _NASAL_CLUSTER.sub(_ANUSVARA, text).lower()


# A token: letters and digits (not "_"), plus the vowel signs, virama and nukta of both
# scripts and Latin combining accents, which ``\w`` alone would split words on.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f\u0a80-\u0aff\u0300-\u036f\u200c\u200d])+")


def tokens(text: str) -> list[str]:
    """Split on whitespace, dandas and punctuation, keeping vowel signs and virama inside words."""
    return _TOKEN.findall(text)


def detect_language(text: str) -> str | None:
    """'hi' for Devanagari text, 'gu' for Gujarati, None when neither dominates.

    Script is the signal: both languages are written in their own script, and
    Marathi or Nepali in Devanagari would pass as Hindi (a limit we accept).
    """
    counts = script_counts(text)
    deva, gujr = counts["deva"], counts["gujr"]
    indic = deva + gujr
    if indic < 20:
        return None
    if gujr >= 0.6 * indic:
        return "gu"
    if deva >= 0.6 * indic:
        return "hi"
    return None
