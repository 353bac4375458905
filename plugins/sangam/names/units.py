"""Split a Devanagari or Gujarati word into phonetic units for the romanizer.

A unit is a consonant (with its nukta), a vowel (written as the independent
vowel letter, whether it was a sign or a letter), anusvara, visarga, or the
inherent vowel of a consonant written without a sign.  The inherent vowel is
tagged with its right context, which is what Hindi schwa deletion depends on:

* ``ə#``  last in the word (``कमल`` -> kamal)
* ``əCV`` before a consonant that carries a vowel (``लावरोव``: र has ो)
* ``əCə`` before a consonant that carries another inherent vowel
* ``əCC`` before a consonant cluster or a word-final consonant
* ``əM``  before anusvara,  ``əV`` before a vowel letter
* ``ə+``  kept before a consonant that carries a vowel, in a first syllable
* ``əK``, ``əKC``  as ``ə+``, ``əCC`` (before a cluster) after a cluster (``मैक्सवेल``: the schwa of स)
* ``əCr`` between a vowel+consonant and a consonant+र+vowel, where name compounds join
  (``मनप्रीत`` Manpreet, ``ओमप्रकाश`` Omprakash; South Indian spellings write it: Jayaprakash)

An anusvara before a labial is the unit ``ंm`` (ट्रंप: Trump, not Tranp).
"""

from __future__ import annotations

import unicodedata

from ..script import CANDRA, ZERO_WIDTH, gujarati_to_devanagari

NUKTA = "\u093c"
VIRAMA = "\u094d"
ANUSVARA = "\u0902"
CANDRABINDU = "\u0901"
VISARGA = "\u0903"
LABIALS = frozenset("पफबभम")
ANUSVARA_LABIAL = ANUSVARA + "m"  # the unit of an anusvara before a labial

# Vowel signs -> independent vowel letters.
MATRA = {
    "\u093e": "आ", "\u093f": "इ", "\u0940": "ई", "\u0941": "उ", "\u0942": "ऊ",
    "\u0943": "ऋ", "\u0944": "ॠ", "\u0947": "ए", "\u0948": "ऐ", "\u094b": "ओ",
    "\u094c": "औ", "\u0945": "ए", "\u0949": "ओ", "\u0946": "ए", "\u094a": "ओ",
    "\u0962": "ऌ",
}
INDEPENDENT = set("अआइईउऊऋॠएऐओऔऌ") | {"\u090e", "\u0912"}
INDEP_NORMAL = {"\u090e": "ए", "\u0912": "ओ"}


def is_consonant(char: str) -> bool:
    return "\u0915" <= char <= "\u0939"


def normalize(word: str) -> str:
    """NFC, no zero-width characters, Devanagari only, candra vowels folded, nukta decomposed."""
    word = unicodedata.normalize("NFC", word).translate(ZERO_WIDTH).translate(CANDRA)
    word = gujarati_to_devanagari(word).translate(CANDRA)
    # Decompose precomposed nukta letters (क़ -> क + ़), keep everything else composed.
    out = []
    for char in word:
        if "\u0958" <= char <= "\u095f":
            out.append(unicodedata.normalize("NFD", char))
        else:
            out.append(char)
    return "".join(out)


def raw_units(word: str) -> list[str]:
    word = normalize(word)
    units: list[str] = []
    i, n = 0, len(word)
    while i < n:
        char = word[i]
        if is_consonant(char):
            sym = char
            i += 1
            if i < n and word[i] == NUKTA:
                sym += NUKTA
                i += 1
            units.append(sym)
            if i < n and word[i] in MATRA:
                units.append(MATRA[word[i]])
                i += 1
            elif i < n and word[i] == VIRAMA:
                i += 1
            else:
                units.append("ə")
            continue
        if char in INDEPENDENT:
            units.append(INDEP_NORMAL.get(char, char))
        elif char in (ANUSVARA, CANDRABINDU):
            units.append(ANUSVARA)
        elif char == VISARGA:
            units.append(VISARGA)
        elif char in MATRA:  # a stray sign: keep its vowel
            units.append(MATRA[char])
        # anything else (digits, nukta alone, punctuation) is dropped
        i += 1
    return units


def after_cluster(base: list[str], i: int) -> bool:
    """Is the inherent vowel ``base[i]`` preceded by a cluster (its consonant after another
    or after anusvara)?  Such a schwa is kept in Indian names (इन्द्रजीत Indrajit) but mostly
    unwritten in the English spelling of foreign ones (मैक्सवेल Maxwell, लिविंगस्टन
    Livingston): tagged apart, the romanizer's foreign model learns it on its own."""
    return i >= 2 and (is_consonant(base[i - 2][0]) or base[i - 2] == ANUSVARA)


def units(word: str) -> list[str]:
    """Phonetic units of one word, inherent vowels tagged by Hindi schwa deletion.

    The rule runs right to left (Ohala's rule): a word-final inherent vowel is
    dropped (``ə#``); one between a vowel+consonant on the left and a
    consonant carrying a pronounced vowel on the right is dropped (``ə-``);
    the others are kept and tagged by what follows: ``əCC`` (a cluster or a
    closed syllable), ``əM`` (anusvara), ``əV`` (a vowel letter), ``ə+``
    (a consonant with a vowel, kept because the syllable is the first) or
    ``əK`` (the same, kept because a cluster precedes); ``əKC`` is ``əCC``
    between two clusters.  ``əCr`` (before a consonant + र) counts as dropped for the
    vowels to its left, as ``ə-`` does: कमलप्रीत is Kamal-preet, not Kamla-preet.
    """
    base = raw_units(word)
    n = len(base)
    spoken = [not is_consonant(u[0]) and u != VISARGA for u in base]  # is a pronounced vowel
    tags: list[str | None] = [None] * n
    for i in range(n - 1, -1, -1):
        if base[i] != "ə":
            continue
        rest = base[i + 1 :]
        if not rest:
            tag = "ə#" if i > 1 else "ə+"
        elif rest[0] == ANUSVARA:
            tag = "əM"
        elif not is_consonant(rest[0][0]):
            tag = "əV"
        elif len(rest) > 2 and rest[1] == "र" and spoken[i + 3] and i >= 2 and spoken[i - 2]:
            tag = "əCr"
        elif len(rest) == 1 or not spoken[i + 2]:
            # before a cluster (not a final consonant: लिविंगस्टन's ट keeps its vowel)
            before = len(rest) > 1 and is_consonant(rest[1][0])
            tag = "əKC" if before and after_cluster(base, i) else "əCC"
        else:
            # vowel + consonant on the left?  (i-1 is this vowel's consonant)
            left = i >= 2 and spoken[i - 2]
            tag = "ə-" if left else "əK" if after_cluster(base, i) else "ə+"
        tags[i] = tag
        if tag in ("ə#", "ə-", "əCr"):
            spoken[i] = False
    out = [tags[i] or u for i, u in enumerate(base)]
    # Anusvara before a labial is m (ट्रंप Trump, कंपनी company): a left-to-right decoder
    # cannot see the labial coming, so the unit says it.
    for i in range(len(out) - 1):
        if out[i] == ANUSVARA and out[i + 1].rstrip(NUKTA) in LABIALS:
            out[i] = ANUSVARA_LABIAL
    return out
