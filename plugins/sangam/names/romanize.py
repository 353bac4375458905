"""Romanization of names: any script -> Latin display form.

Indic words go through a joint-sequence ("graphone") n-gram model trained by
``bench/train_romanizer.py`` on name pairs and shipped as
``data/romanizer.json``: each phonetic unit (see ``units.py``) is paired with
an English letter chunk, and the probable chunk sequences are decoded with a
small beam, guided by a letter model of how Latin names are spelled
(``letter_lm.py``: Brackwell, not Brackvel).  The candidates are then weighed against
the spellings English gives names (``spellings.py``: kartis -> Curtis).  Units never seen in training fall
back to hand-written rules
(indic-transliteration's ITRANS with candra vowels normalised, schwa deletion,
English spelling conventions).
"""

from __future__ import annotations

import functools
import json
import math
import re
from array import array
from pathlib import Path

from ..script import fold
from . import tables
from .letter_lm import LetterLM, letter_lm
from .spellings import known_names, respell
from .units import MATRA, units

DATA = Path(__file__).resolve().parent.parent / "data"
MODEL_PATH = DATA / "romanizer.json"
BOS = "<s>"
EOS = "</w>"
EOS_LETTER = "$"  # the letter model's end of word
BEAM = 16
MAX_CANDS = 16
# A chunk with less than this share of its unit's probability is not followed: it never wins
# (the dev CER is the same without the cut) and skipping it halves the decoding time.
MIN_SHARE = 0.001
# Decoding bias towards the spelling of foreign names in English: the training
# pairs are mostly Indian names, whose English spellings often keep a schwa that
# Hindi deletes (Ohala's rule, unit "ə-"), write श and ष as s and ज as z (Bengal and
# Assam's rolls: Ashis, Bhusan, Bazaj, where news English writes Ashish, Bhushan, Bajaj;
# ज़, with its nukta, is z whatever the bias). क़, with its nukta, is the q English writes in
# names from Arabic and Urdu (Haq, Iraq, Qatar), where the letter model would take k (Hack).
BIAS = {
    ("ə-", "a"): 0.1, ("ə-", ""): 2.0, ("श", "sh"): 2.0, ("ष", "sh"): 2.0, ("ज", "z"): 0.3, ("ई", "y"): 0.3,
    ("क़", "q"): 6.0,
}
# English conventions of foreign names, weighted by the foreignness of the word
# (a factor b counts as b ** f): व is w (Wood, Wells, Wonsan).
FOREIGN_BIAS = {("व", "w"): 4.0}
# Hindi writes a foreign name's consonant cluster without a virama when it would stack three
# consonants (मैक्सवेल for Maxwell): the schwa after a cluster (units əK, əKC) is, with this
# probability times the foreignness, no vowel at all, and decoded as if the unit were absent.
# 0.6: one global setting checked on the dev CER (0.143 -> 0.139); neutral on held-out training pairs.
SKIP = {"əK": 0.6, "əKC": 0.6}
# Weight of the letter model of Latin name spellings (letter_lm.py) against the graphone model
# while decoding (shallow fusion): log p(chunks | units) + LM_WEIGHT * log p_LM(letters).  The
# graphone model knows how Hindi sounds are spelled; the letter model, how Latin names look
# (Curtis, Daniel, Rutherford), also names the training pairs never had.  0.3: one global
# setting chosen on the dev CER among 0.1-1.0; it also lowers the held-out training CER.
LM_WEIGHT = 0.3
# A written vowel is always spelled in English, unless a vowel letter was just written (आई:
# ai) or a glide follows that may spell it (इंडिया India: one i for इ and य). The models give a
# vowel no letter 2-10% of the time (where a neighbour's letters took it in training: सिडनी /
# Sydney), which let a known name win by dropping the last one (तरीकों, "ways", was the name
# Tarik) and dropped others (पडिक्कल was Parkkal).
FULL_VOWELS = frozenset(MATRA.values())  # the vowels a sign writes: all but the inherent one
VOWEL_LETTERS = frozenset("aeiouy")
GLIDES = frozenset("यव")
# The letters a vowel's spelling may start with, where the models learned others from misaligned
# pairs: आ is never e in English (ख़्वाजा was Khvaje).
FIRST_LETTERS = {"आ": "aoh"}
# Gujarati has no nukta and writes English and Persian z with ઝ, the letter of jh: a Gujarati
# word's झ is also read as ज़ (``spell``). (A cost on that reading, 1 or 2 nats, only lost
# spellings on the city list's Gujarati names.)
JH, Z = "झ", "ज\u093c"


class NGram:
    """Witten-Bell interpolated n-gram over graphones; histories are space-joined."""

    def __init__(self, counts: dict[str, dict[str, float]], order: int):
        self.order = order
        self.counts = counts
        self.totals = {h: sum(v.values()) for h, v in counts.items()}
        self.types = {h: len(v) for h, v in counts.items()}
        self.vocab = len(counts.get("", {})) + 1
        self.grand = self.totals.get("", 0)
        self._cache: dict = {}

    def prob(self, history, g: str) -> float:
        key = (history, g)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        p = self.probs(history, [g])[0]
        if len(self._cache) > 200000:
            self._cache.clear()
        self._cache[key] = p
        return p

    def probs(self, history: tuple[str, ...], graphones: list[str]) -> list[float]:
        """``prob(history, g)`` for each of ``graphones``, the history's counts looked up once."""
        levels = []
        for k in range(1, self.order):
            if len(history) < k:
                break
            h = " ".join(history[-k:])
            total = self.totals.get(h)
            if not total:
                break
            levels.append((self.counts[h], total, self.types[h]))
        unigrams = self.counts.get("", {})
        denominator = self.grand + 0.1 * self.vocab
        out = []
        for g in graphones:
            p = (unigrams.get(g, 0) + 0.1) / denominator
            for counts, total, t in levels:
                p = (counts.get(g, 0) + t * p) / (total + t)
            out.append(p)
        return out


class Romanizer:
    """Two graphone models (I: Indian names, F: foreign names) mixed by a foreignness score."""

    def __init__(self, data: dict):
        self.order = data["order"]
        self.models = {k: NGram(v, self.order) for k, v in data["models"].items()}
        self.foreign_llr = data["foreign"]["table"]
        self.foreign_unseen = data["foreign"]["unseen"]
        merged: dict[str, dict[str, float]] = {}
        for m in self.models.values():
            for g, c in m.counts.get("", {}).items():
                if g == EOS:
                    continue
                unit, chunk = g.split(":", 1)
                merged.setdefault(unit, {})
                merged[unit][chunk] = merged[unit].get(chunk, 0) + c / m.grand
        self.cands = {u: [c for c, _ in sorted(cs.items(), key=lambda kv: (-kv[1], kv[0]))] for u, cs in merged.items()}
        self._chunk_cache: dict[tuple[tuple[str, ...], str], array] = {}

    def foreignness(self, seq: list[str]) -> float:
        """Log-odds that a word is foreign rather than an Indian name (naive Bayes over unit bigrams)."""
        s = ["<"] + seq + [">"]
        return sum(self.foreign_llr.get(s[i] + " " + s[i + 1], 0.0) for i in range(len(s) - 1))

    def _chunk_probs(self, hist: tuple[str, ...], unit: str) -> array:
        """p(unit:chunk | hist) under model I, then under model F, for every candidate chunk of
        ``unit``; cached, as the hypotheses of a beam (and names) share histories."""
        key = (hist, unit)
        hit = self._chunk_cache.get(key)
        if hit is None:
            graphones = [f"{unit}:{chunk}" for chunk in self.cands[unit][:MAX_CANDS]]
            mI, mF = self.models["I"], self.models["F"]
            hit = array("d", mI.probs(hist, graphones) + mF.probs(hist, graphones))  # a third of a tuple's memory
            if len(self._chunk_cache) > 50000:
                self._chunk_cache.clear()
            self._chunk_cache[key] = hit
        return hit

    def decode(
        self, seq: list[str], f: float, beam: int | None = None, lm: LetterLM | None = None, lm_weight: float = 0.0
    ) -> dict[str, float] | None:
        """Candidate spellings of the unit sequence ``seq`` (a word foreign with probability ``f``)
        with their log-probabilities, plus ``lm_weight`` times their log-probability under the
        letter model ``lm``; None if a unit was never seen in training."""
        if any(u not in self.cands for u in seq):
            return None
        mI, mF = self.models["I"], self.models["F"]
        beam = beam or BEAM
        if lm is None:
            lm_weight = 0.0

        def prob(hist, g):
            return (1 - f) * mI.prob(hist, g) + f * mF.prob(hist, g)

        hyps: list[tuple[float, tuple[str, ...], str]] = [(0.0, (BOS,) * (self.order - 1), "")]
        for position, unit in enumerate(seq):
            nxt = []
            chunks = self.cands[unit][:MAX_CANDS]
            n = len(chunks)
            bias = [BIAS.get((unit, chunk), 1.0) * FOREIGN_BIAS.get((unit, chunk), 1.0) ** f for chunk in chunks]
            skip = f * SKIP.get(unit, 0.0)
            for score, hist, out in hyps:
                if skip:
                    # Read as if the consonant before had a virama: the graphone is left out of the history.
                    nxt.append((score + math.log(skip), hist, out))
                # The units are given: score p(chunk | unit, history), not the joint p(unit:chunk | history).
                pIF = self._chunk_probs(hist, unit)
                probs = [((1 - f) * pIF[i] + f * pIF[n + i]) * bias[i] for i in range(n)]
                z = sum(probs)
                for chunk, p in zip(chunks, probs):
                    if p < MIN_SHARE * z:
                        continue
                    if (
                        not chunk and unit in FULL_VOWELS and out[-1:] not in VOWEL_LETTERS
                        and (position + 1 == len(seq) or seq[position + 1] not in GLIDES)
                    ):
                        continue  # a written vowel is spelled (see FULL_VOWELS)
                    if chunk and chunk[0] not in FIRST_LETTERS.get(unit, chunk[0]):
                        continue
                    g = f"{unit}:{chunk}"
                    score_chunk = math.log((1 - skip) * p / z)
                    if lm_weight:
                        score_chunk += lm_weight * lm.extend(out, chunk)
                    nxt.append((score + score_chunk, (hist + (g,))[-(self.order - 1):], out + chunk))
            nxt.sort(key=lambda x: (-x[0], x[2]))
            seen, hyps = set(), []
            for h in nxt:
                key = (h[1], h[2])
                if key not in seen:
                    seen.add(key)
                    hyps.append(h)
                if len(hyps) >= beam:
                    break
        # Equal surface strings reached by different alignments add up.
        final = []
        for s, hist, out in hyps:
            s += math.log(prob(hist, EOS))
            if lm_weight:
                s += lm_weight * lm.extend(out, EOS_LETTER)
            final.append((s, out))
        top = max(s for s, _ in final)
        agg: dict[str, float] = {}
        for s, out in final:
            agg[out] = agg.get(out, 0.0) + math.exp(s - top)
        return {out: math.log(p) + top for out, p in agg.items()}


@functools.lru_cache(maxsize=1)
def model() -> Romanizer | None:
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return Romanizer(data)


def spell(m: Romanizer, seq: list[str], foreign: float, kind: str | None, jh_may_be_z: bool = False) -> str | None:
    """The model's spelling of the units ``seq``, weighed by the letter model and respelled by
    the known names of ``kind``; None if a unit was never seen in training. ``jh_may_be_z``:
    the word was written in Gujarati, which writes z with the letter of jh (ઝેલેન્સ્કી
    Zelensky, ઝારખંડ Jharkhand): the spellings of both readings compete."""
    candidates = m.decode(seq, foreign, lm=letter_lm(), lm_weight=LM_WEIGHT)
    if candidates and jh_may_be_z and JH in seq:
        as_z = m.decode([Z if u == JH else u for u in seq], foreign, lm=letter_lm(), lm_weight=LM_WEIGHT)
        for spelling, score in (as_z or {}).items():
            candidates[spelling] = max(score, candidates.get(spelling, -math.inf))
    return respell(candidates, kind) if candidates else None


# ---------------------------------------------------------------- rule fallback

def rule_word(word: str) -> str:
    """Romanize one Indic word by table: units -> letters, schwa deleted by context."""
    rules = tables.romanizer_rules()
    out = []
    seq = units(word)
    for i, unit in enumerate(seq):
        if unit.startswith("ə"):
            if unit in ("ə#", "ə-"):
                continue
            out.append("a")
            continue
        out.append(rules.get(unit, rules.get(unit.rstrip("\u093c"), "")))
    text = "".join(out)
    text = re.sub(r"(.)\1\1+", r"\1\1", text)
    return text


_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _is_latin(word: str) -> bool:
    return bool(_LATIN_WORD.search(word)) and not any("\u0900" <= c <= "\u0aff" for c in word)


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, x))))


def romanize_word(word: str, foreign: float | None = None, kind: str | None = None, initials: bool = False) -> str:
    """One word -> Latin; ``foreign`` is the probability that the name is foreign (None: judge
    this word); ``kind`` (person, place, org, None) chooses the known spellings it may take;
    ``initials``: the word stands before more of a name, where spelled letters are
    initials (एमएस धोनी is MS Dhoni, एस जयशंकर S Jayshankar), not a word."""
    if not word:
        return ""
    if _is_latin(word):
        return word if not word.islower() else word.capitalize()
    acronym = tables.spell_acronym(word, minimum=1) if initials else tables.spell_acronym(word)
    if acronym:
        return acronym
    m = model()
    seq = units(word)
    if not seq:
        return ""
    text = None
    if m:
        if foreign is None:
            foreign = _sigmoid(m.foreignness(seq) + FOREIGN_PRIOR)
        text = spell(m, seq, foreign, kind, jh_may_be_z="ઝ" in word)
        if text and kind == "last":
            split = _particle_and_surname(m, word, foreign, kind, text)
            if split:
                return split
    if text is None:
        text = rule_word(word)
    return text[:1].upper() + text[1:]


# The rest of a word split off a particle must be a surname this common, of three letters or
# more: rarer ones are too often chance look-alikes (डुमिनी, Duminy, is not du Mini, rank 80,974).
PARTICLE_SURNAME_TOP = 10_000
MIN_SURNAME_LETTERS = 3


def _particle_and_surname(m: Romanizer, word: str, foreign: float, kind: str, whole: str) -> str | None:
    """A surname with its particle glued on, as Hindi and Gujarati often write it and English
    never does (डीसिल्वा: de Silva; ``names-particles.tsv``): the particle and the known
    surname the rest of the word spells, if the word as a whole (``whole``) is no known name."""
    if whole in known_names(kind):
        return None
    particles = tables.surname_particles()
    surnames = known_names("surname")
    for cut in range(2, len(word) - 1):
        if unicodedata_is_mark(word[cut]):
            continue  # not a letter's boundary
        particle = particles.get(fold(word[:cut]))
        if particle is None:
            continue
        rest = word[cut:]
        surname = spell(m, units(rest), foreign, "last", jh_may_be_z="ઝ" in rest)
        if surname and len(surname) >= MIN_SURNAME_LETTERS and surnames.get(surname, math.inf) <= PARTICLE_SURNAME_TOP:
            return f"{particle} {surname.capitalize()}"
    return None


# Prior log-odds of a foreign name (the news names many foreigners; the training lists are mostly Indian).
FOREIGN_PRIOR = 0.0


def name_foreignness(words: list[str]) -> float | None:
    """Probability that a name is foreign, from the evidence of all its Indic words."""
    m = model()
    if m is None:
        return None
    llr = [m.foreignness(units(w)) for w in words if not _is_latin(w) and not tables.spell_acronym(w)]
    llr = [x for x in llr if x]
    if not llr:
        return None
    return _sigmoid(sum(llr) / len(llr) + FOREIGN_PRIOR)


_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013]+")


@functools.lru_cache(maxsize=65536)
def romanize(name: str, kind: str | None = None) -> str:
    """Any script -> Latin display form: ``"सर्गेई लावरोव"`` -> ``"Sergei Lavrov"``; ``kind``
    as for ``romanize_word``."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    words = ["".join(c for c in w if c.isalnum() or unicodedata_is_mark(c) or c in "'’") for w in words]
    foreign = name_foreignness([w for w in words if w])
    front, english = _place_words(words) if kind == "place" and len(words) > 1 else (None, [None] * len(words))
    out = [front] if front else []
    letters = [len(tables.spell_acronym(w, minimum=1) or "") for w in words]
    for i, w in enumerate(words):
        last = i == len(words) - 1
        if english[i] is not None:
            if english[i]:
                out.append(english[i])
            continue
        # One letter's name before a foreign name is as often a given name (जे बर्ज़ोफ़स्की, Jay),
        # unless it stands beside another letter (जे के रोलिंग, J K Rowling); before an Indian
        # name it is an initial.
        initial = not last and (
            letters[i] != 1 or (foreign or 0.0) < 0.5 or letters[i + 1] > 0 or (i > 0 and letters[i - 1] > 0)
        )
        r = romanize_word(w, foreign, _word_kind(kind, i, len(words)), initials=initial)
        if r:
            out.append(r)
    return " ".join(out)


def _place_words(words: list[str]) -> tuple[str | None, list[str | None]]:
    """For a place's name of several words: the English word that starts it when its source
    wrote that word last (एवरेस्ट पर्वत: Mount Everest), and per word its English, where the
    name writes the word as English does (first: लास Las, साउथ South; last: सिटी City;
    ``names-place-affixes.tsv``) or translates it (``names-key-generic.tsv``: खाड़ी Bay,
    द्वीप Island), "" for a word moved to the front, None for a word to romanize."""
    affixes = tables.place_affixes()
    generic = tables.generic_place_words()
    leading = tables.generic_words_before()
    front, out = None, []
    for i, word in enumerate(words):
        folded = fold(word)
        first, last = i == 0, i == len(words) - 1
        english = generic.get(folded)
        if first and folded in affixes["before"]:
            out.append(affixes["before"][folded])
        elif last and folded in affixes["after"]:
            out.append(affixes["after"][folded])
        elif english in leading and first:
            out.append(english.capitalize())  # माउंट एवरेस्ट
        elif english in leading and last:
            front = english.capitalize()  # एवरेस्ट पर्वत
            out.append("")
        elif english and english not in leading and not first:
            out.append(english.capitalize())  # कैम्ब्रिज खाड़ी: Bay follows the name
        else:
            out.append(None)
    return front, out


def _word_kind(kind: str | None, i: int, n: int) -> str | None:
    """The kind of known names word ``i`` of a name of ``n`` words of ``kind`` may be respelled as:
    a person's last word is a surname (spellings.WORD_KINDS)."""
    return "last" if kind == "person" and n > 1 and i == n - 1 else kind


def unicodedata_is_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char).startswith("M")
