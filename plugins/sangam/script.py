"""Indic text primitives shared by every stage: normalisation, script detection,
Gujarati-to-Devanagari folding and tokenisation.

Python's ``\\w`` does not match vowel signs or virama, so tokens are split on
whitespace and punctuation only, never on ``\\W``.
"""

from __future__ import annotations

import re
import unicodedata

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


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def script_of(char: str) -> str | None:
    """'deva', 'gujr', 'latn' or None for one character."""
    cp = ord(char)
    if DEVANAGARI[0] <= cp <= DEVANAGARI[1]:
        return None if char in _DANDA else "deva"
    if GUJARATI[0] <= cp <= GUJARATI[1]:
        return "gujr"
    if char.isascii() and char.isalpha() or unicodedata.category(char).startswith("L") and cp < 0x0250:
        return "latn"
    return None


def script_counts(text: str) -> dict[str, int]:
    counts = {"deva": 0, "gujr": 0, "latn": 0, "other": 0}
    for char in text:
        script = script_of(char)
        if script:
            counts[script] += 1
        elif unicodedata.category(char)[0] in "LM":
            counts["other"] += 1
    return counts


def indic_share(text: str) -> float:
    """Share of letters in the line that are Devanagari or Gujarati."""
    counts = script_counts(text)
    letters = sum(counts.values())
    return (counts["deva"] + counts["gujr"]) / letters if letters else 0.0


def gujarati_to_devanagari(text: str) -> str:
    """Map every Gujarati code point to its Devanagari twin (a lossless-enough fold for matching)."""
    out = []
    for char in text:
        cp = ord(char)
        if GUJARATI[0] <= cp <= GUJARATI[1]:
            twin = chr(cp - GUJARATI_OFFSET)
            # Unassigned twins stay Gujarati rather than becoming noise.
            out.append(twin if unicodedata.name(twin, "") else char)
        else:
            out.append(char)
    return "".join(out)


def devanagari_to_gujarati(text: str) -> str:
    out = []
    for char in text:
        cp = ord(char)
        if DEVANAGARI[0] <= cp <= DEVANAGARI[1] and char not in _DANDA:
            twin = chr(cp + GUJARATI_OFFSET)
            out.append(twin if unicodedata.name(twin, "") else char)
        else:
            out.append(char)
    return "".join(out)


_NUKTA = "\u093c"
_ANUSVARA = "\u0902"
_CANDRABINDU = "\u0901"
_VIRAMA = "\u094d"
# Nasal consonants that, followed by virama, are spelled interchangeably with anusvara.
_NASALS = "\u0919\u091e\u0923\u0928\u092e"  # ङ ञ ण न म
_NASAL_CLUSTER = re.compile(f"[{_NASALS}]{_VIRAMA}(?=[\u0915-\u0939])")
# Precomposed nukta letters decompose under NFD; NFC keeps some composed (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़).
_NUKTA_LETTERS = str.maketrans(
    {
        "\u0958": "\u0915",
        "\u0959": "\u0916",
        "\u095a": "\u0917",
        "\u095b": "\u091c",
        "\u095c": "\u0921",
        "\u095d": "\u0922",
        "\u095e": "\u092b",
        "\u095f": "\u092f",
    }
)


def fold(text: str) -> str:
    """A matching key for running text: one script (Devanagari), no spelling noise.

    Folds Gujarati to Devanagari, candra vowels to plain ones, drops nukta and
    zero-width joiners, writes nasal+virama as anusvara and candrabindu as
    anusvara, and lower-cases Latin. Not for display.
    """
    text = nfc(text).translate(ZERO_WIDTH).translate(CANDRA)
    text = gujarati_to_devanagari(text)
    text = text.translate(CANDRA)  # Gujarati candra vowels arrive here as Devanagari ones.
    text = unicodedata.normalize("NFD", text.translate(_NUKTA_LETTERS)).replace(_NUKTA, "")
    text = unicodedata.normalize("NFC", text)
    text = _NASAL_CLUSTER.sub(_ANUSVARA, text)
    text = text.replace(_CANDRABINDU, _ANUSVARA)
    return text.lower()


def _is_token_char(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LMN":
        return True
    return char in "\u200c\u200d"


_SPLIT = re.compile(r"[\s\u0964\u0965]+")


def tokens(text: str) -> list[str]:
    """Split on whitespace, dandas and punctuation, keeping vowel signs and virama inside words."""
    out: list[str] = []
    for chunk in _SPLIT.split(text):
        word: list[str] = []
        for char in chunk:
            if _is_token_char(char):
                word.append(char)
            elif word:
                out.append("".join(word))
                word = []
        if word:
            out.append("".join(word))
    return out


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
