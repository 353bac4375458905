"""The cross-script identity key of a name.

Two spellings are one entity when their keys are equal.  The key is a
consonant skeleton in ASCII, word by word:

* Indic words are folded with ``script.fold`` (Gujarati -> Devanagari, nukta,
  candra vowels, nasal + virama -> anusvara), then every consonant is mapped to
  a class that ignores nukta, aspiration and retroflex/dental (ज़/ज/झ, ट/त, ड/द),
  vowels and य/ह are dropped, प/फ are one class, an anusvara is ``n``, a व
  after a consonant is dropped, doubled consonants count once and the words
  are joined without a space.
  Vowels are where Hindi and Gujarati spellings of foreign names disagree
  most (बामाको / બમેકો, टोकूमन / તુકુમાન).
* Latin words go through English spelling rules to the same classes
  (``ph`` -> f, ``w`` -> v, ``c`` -> k/s, ``sh`` -> S ...).
* A word spelled out letter by letter (केसीएनए, KCNA) keys as its capitals.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..script import fold
from . import tables

_CLASSES = {
    "क": "k", "ख": "k", "ग": "g", "घ": "g", "ङ": "n",
    "च": "c", "छ": "c", "ज": "j", "झ": "j", "ञ": "n",
    "ट": "t", "ठ": "t", "ड": "d", "ढ": "d", "ण": "n",
    "त": "t", "थ": "t", "द": "d", "ध": "d", "न": "n",
    "प": "p", "फ": "p", "ब": "b", "भ": "b", "म": "m",
    "य": "", "र": "r", "ल": "l", "ळ": "l", "व": "v",
    "श": "S", "ष": "S", "स": "s", "ह": "",
    "\u0902": "n",
}
_VIRAMA = "\u094d"
_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014_/.,;:()\[\]\"'‘’“”]+")


def _squeeze(skeleton: str) -> str:
    out = []
    for c in skeleton:
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


def indic_word_key(word: str) -> str:
    letters = tables.spell_acronym(word)
    if letters:
        return letters
    text = fold(word)
    out = []
    for i, c in enumerate(text):
        if c == "व" and i and text[i - 1] == _VIRAMA:
            continue  # a glide after a consonant: ग्वाम / ગુઆમ, स्वे / Swe
        cls = _CLASSES.get(c)
        if cls:
            out.append(cls)
    return _squeeze("".join(out))


_DIGRAPHS = [("sch", "S"), ("sh", "S"), ("tch", "C"), ("ch", "C"), ("ck", "k"), ("qu", "k")]
_LETTERS = [
    ("th", "t"), ("ph", "p"), ("f", "p"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("bh", "b"),
    ("x", "ks"), ("q", "k"), ("w", "v"), ("z", "j"), ("y", ""), ("h", ""),
]


def latin_word_key(word: str) -> str:
    if word.isupper() and 2 <= len(word) <= 6 and word.isascii() and word.isalpha():
        return word
    text = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z")
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    text = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k").replace("C", "c")
    text = re.sub(r"(?<=[^aeiou])w", "", text)  # Swepson, Gwen: glide after a consonant
    for a, b in _LETTERS:
        text = text.replace(a, b)
    text = re.sub(r"m(?=[^aeiou])", "n", text)  # Campo / कैंपो (anusvara)
    text = re.sub(r"[aeiou]", "", text)
    return _squeeze(text)


def word_key(word: str) -> str:
    if any("\u0900" <= c <= "\u0aff" for c in word):
        return indic_word_key(word)
    return latin_word_key(word)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Cross-script identity key: ``name_key("लावरोव") == name_key("લાવરૉવ") == name_key("Lavrov")``."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    # Words are joined without a space: हाँग काँग / હોંગકોંગ, न्यूयॉर्क / New York.
    return "".join(word_key(w) for w in words)
