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
  (``ph`` -> f, ``w`` -> v but silent at the end of a word, ``c`` -> k/s, ``sh`` -> S ...).
* A word spelled out letter by letter (केसीएनए, KCNA) keys as its capitals.
* Then, in every script alike: z / j / s are one class and sh / ch another
  (Gujarati has no nukta: ઝ is its z), dj = j, silent l in lm / lk, silent
  initial p / k / g before n, j after a stop is a glide (Skopje / સ્કોપયે),
  ng before k / g is n across words (हाँग काँग / હોંગકોંગ), generic words that
  one script translates (खाड़ी / બે / Bay, ``names-key-generic.tsv``) key as
  the English word, and a Gujarati genitive inside a name is dropped.
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
    "ज़": "j", "झ": "j",
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


# Classes merged in the finished skeleton: the sibilants and affricates that one
# script writes as z and another as s or j (अज़ोरेस / એઝોરેઝ, गर्नसी / ગર્નઝી; Gujarati
# has no nukta, so its ઝ stands for z) and sh / ch (शागोस / ચાગોસ).  Collisions stay rare: the consonants that are
# left still tell names apart.
_MERGE = str.maketrans({"j": "s", "z": "s", "S": "c"})


def _finish(skeleton: str) -> str:
    """A word's consonant classes -> its key: dj = j, classes merged, doubles squeezed."""
    skeleton = skeleton.replace("dj", "j")  # Ndjamena / अन्जमेन, Djibouti / जिबूती
    return _squeeze(skeleton.translate(_MERGE))


_CROSS_WORD = re.compile(r"ng(?=[kg])")  # Bangkok / बैंकॉक / બેંગકોક, Hong Kong / હોંગકોંગ


def _join(parts: list[str]) -> str:
    key = _CROSS_WORD.sub("n", "".join(parts))
    out = []
    for c in key:
        if out and out[-1] == c and c.islower():
            continue
        out.append(c)
    return "".join(out)


def indic_word_key(word: str) -> str:
    letters = tables.spell_acronym(word)
    if letters:
        return letters
    text = fold(word)
    if len(text) > 2 and text[0] in "पफकखगघ" and text[1] == _VIRAMA and text[2] == "न":
        text = text[2:]  # silent initial consonant: ફ્નોમ / नॉम (Phnom), क्नूट
    text = _SILENT_L.sub("", text)
    text = _NASAL_SCHWA.sub("\u0902", text)
    out = []
    for i, c in enumerate(text):
        if c == "व" and i and text[i - 1] == _VIRAMA:
            continue  # a glide after a consonant: ग्वाम / ગુઆમ, स्वे / Swe
        if c == "ज" and i > 1 and text[i - 1] == _VIRAMA and text[i - 2] in _STOPS:
            continue  # j as a glide after a stop: स्कोप्जे / સ્કોપયે (Skopje), ब्जोर्न / ब्योर्न
        cls = _CLASSES.get(c)
        if cls:
            out.append(cls)
    return _finish("".join(out))


_SILENT_L = re.compile("ल" + _VIRAMA + "(?=[मक])")  # Palmer / पॉमर / પાલ્મર, Walker / वॉकर
# म with its inherent vowel before a word-final cluster is a nasal cluster whose schwa is not
# spoken: તોમસ્ક / तोम्स्क (Tomsk), as an anusvara.
_NASAL_SCHWA = re.compile("म(?=[\u0915-\u0939]" + _VIRAMA + "[\u0915-\u0939]$)")
_STOPS = set("कखगघटठतथपफबभ")


_DIGRAPHS = [("sch", "S"), ("sh", "S"), ("tch", "C"), ("ch", "C"), ("ck", "k"), ("qu", "k")]
_LETTERS = [
    ("th", "t"), ("ph", "p"), ("f", "p"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("bh", "b"),
    ("x", "ks"), ("q", "k"), ("w", "v"), ("z", "j"), ("y", ""), ("h", ""),
]


def latin_word_key(word: str) -> str:
    if word.isupper() and 2 <= len(word) <= 6 and word.isascii() and word.isalpha():
        return word
    text = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z")
    text = re.sub(r"^(?:ph|[pkg])(?=n)", "", text)  # Phnom, Knut, Gnosall: the first letter is silent
    text = re.sub(r"l(?=[mk])", "", text)  # silent l: Palmer, Walker
    text = re.sub(r"(?<=[pbkgt])j", "", text)  # j as a glide: Skopje, Bjorn
    text = re.sub(r"(?<=[aeo])we?$", "", text)  # a final w is silent: Moscow / मॉस्को, Warsaw, Andrew, Lowe
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    text = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k").replace("C", "c")
    text = re.sub(r"(?<=[^aeiou])w", "", text)  # Swepson, Gwen: glide after a consonant
    for a, b in _LETTERS:
        text = text.replace(a, b)
    text = re.sub(r"m(?=[^aeiou])", "n", text)  # Campo / कैंपो (anusvara)
    text = re.sub(r"[aeiou]", "", text)
    return _finish(text)


def word_key(word: str) -> str:
    indic = any("\u0900" <= c <= "\u0aff" for c in word)
    generic = tables.generic_place_words().get(fold(word) if indic else word.lower())
    if generic:
        return generic
    if indic:
        return indic_word_key(word)
    return latin_word_key(word)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Cross-script identity key: ``name_key("लावरोव") == name_key("લાવરૉવ") == name_key("Lavrov")``."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    # A Gujarati genitive glued to a word inside a name is the English 's:
    # પ્રિન્સનું ક્વાર્ટર / प्रिंसेस क्वार्टर (Prince's Quarter).
    words = [w[:-3] if i < len(words) - 1 and w.endswith("નું") and len(w) > 4 else w for i, w in enumerate(words)]
    # Words are joined without a space: हाँग काँग / હોંગકોંગ, न्यूयॉर्क / New York.
    return _join([word_key(w) for w in words])
