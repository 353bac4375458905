"""Romanization of names: any script -> Latin display form.

Indic words go through a joint-sequence ("graphone") n-gram model trained by
``bench/train_romanizer.py`` on name pairs and shipped as
``data/romanizer.json``: each phonetic unit (see ``units.py``) is paired with
an English letter chunk, and the most probable chunk sequence is decoded with
a small beam.  Units never seen in training fall back to hand-written rules
(indic-transliteration's ITRANS with candra vowels normalised, schwa deletion,
English spelling conventions).
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

from . import tables
from .units import units

DATA = Path(__file__).resolve().parent.parent / "data"
MODEL_PATH = DATA / "romanizer.json"
BOS = "<s>"
EOS = "</w>"
BEAM = 8
MAX_CANDS = 16
# Decoding bias towards the spelling of foreign names in English: the training
# pairs are mostly Indian names, whose English spellings often keep a schwa that
# Hindi deletes (Ohala's rule, unit "ə-") and write श as s.
BIAS = {("ə-", "a"): 0.1, ("ə-", ""): 2.0, ("श", "sh"): 2.0, ("ई", "y"): 0.3}


class GraphoneModel:
    """Witten-Bell interpolated n-gram over graphones ``unit:chunk``."""

    def __init__(self, counts: dict[str, dict[str, int]], order: int):
        self.order = order
        self.counts = counts  # history (space-joined, may be "") -> {graphone: count}
        self.totals = {h: sum(v.values()) for h, v in counts.items()}
        self.types = {h: len(v) for h, v in counts.items()}
        self.cands: dict[str, list[str]] = {}
        for g, c in sorted(counts.get("", {}).items(), key=lambda kv: (-kv[1], kv[0])):
            if g == EOS:
                continue
            unit, chunk = g.split(":", 1)
            self.cands.setdefault(unit, []).append(chunk)
        self.vocab = len(counts.get("", {})) + 1
        self.grand = self.totals.get("", 0)

    def prob(self, history: tuple[str, ...], g: str) -> float:
        p = (self.counts.get("", {}).get(g, 0) + 0.1) / (self.grand + 0.1 * self.vocab)
        for k in range(1, self.order):
            if len(history) < k:
                break
            h = " ".join(history[-k:])
            total = self.totals.get(h)
            if not total:
                break
            t = self.types[h]
            p = (self.counts[h].get(g, 0) + t * p) / (total + t)
        return p

    def decode(self, seq: list[str], beam: int = BEAM) -> str | None:
        if any(u not in self.cands for u in seq):
            return None
        hyps: list[tuple[float, tuple[str, ...], str]] = [(0.0, (BOS,) * (self.order - 1), "")]
        for unit in seq:
            nxt = []
            chunks = self.cands[unit][:MAX_CANDS]
            for score, hist, out in hyps:
                # The units are given: score p(chunk | unit, history), not the joint p(unit:chunk | history).
                probs = [self.prob(hist, f"{unit}:{chunk}") * BIAS.get((unit, chunk), 1.0) for chunk in chunks]
                z = sum(probs)
                for chunk, p in zip(chunks, probs):
                    g = f"{unit}:{chunk}"
                    s = score + math.log(p / z)
                    nxt.append((s, (hist + (g,))[-(self.order - 1):], out + chunk))
            nxt.sort(key=lambda x: (-x[0], x[2]))
            # merge hypotheses with equal output and history
            seen, hyps = set(), []
            for h in nxt:
                key = (h[1], h[2])
                if key not in seen:
                    seen.add(key)
                    hyps.append(h)
                if len(hyps) >= beam:
                    break
        final = [(s + math.log(self.prob(hist, EOS)), out) for s, hist, out in hyps]
        # Equal surface strings reached by different alignments add up.
        top = max(s for s, _ in final)
        agg: dict[str, float] = {}
        for s, out in final:
            agg[out] = agg.get(out, 0.0) + math.exp(s - top)
        return max(sorted(agg), key=lambda o: agg[o])


@functools.lru_cache(maxsize=1)
def model() -> GraphoneModel | None:
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return GraphoneModel(data["counts"], data["order"])


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


def romanize_word(word: str) -> str:
    if not word:
        return ""
    if _LATIN_WORD.search(word) and not any("\u0900" <= c <= "\u0aff" for c in word):
        return word if not word.islower() else word.capitalize()
    acronym = tables.spell_acronym(word)
    if acronym:
        return acronym
    m = model()
    seq = units(word)
    if not seq:
        return ""
    text = m.decode(seq) if m else None
    if text is None:
        text = rule_word(word)
    return text[:1].upper() + text[1:]


_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013]+")


@functools.lru_cache(maxsize=65536)
def romanize(name: str) -> str:
    """Any script -> Latin display form: ``"सर्गेई लावरोव"`` -> ``"Sergei Lavrov"``."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    out = []
    for w in words:
        w = "".join(c for c in w if c.isalnum() or unicodedata_is_mark(c) or c in "'’")
        r = romanize_word(w)
        if r:
            out.append(r)
    return " ".join(out)


def unicodedata_is_mark(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char).startswith("M")
