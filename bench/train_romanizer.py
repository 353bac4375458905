#!/usr/bin/env python3
"""Train the names romanizer: a joint-sequence (graphone) n-gram model.

    .venv/bin/python bench/train_romanizer.py [--out plugins/sangam/data/romanizer.json]

Trains ONLY on ../shared/data/names/indian-persons-hi-en.train.tsv and
wikidata-en-hi.train.tsv (the *.dev.tsv files are evaluation sets).

1. Each Hindi word is split into phonetic units (plugins/sangam/names/units.py),
   each English word into lower-case letters.
2. EM (forward-backward over monotone alignments) learns p(chunk | unit), a
   chunk being 0-3 English letters.
3. Every pair is Viterbi-aligned into graphones ``unit:chunk``; n-gram counts
   of graphones (with <s> and </w>) are written to the model file, pruned of
   rare higher-order events to keep it small.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names.tables import romanizer_rules, spell_acronym  # noqa: E402
from plugins.sangam.names.units import units  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "names"
TRAIN = [("indian-persons-hi-en.train.tsv", 1), ("wikidata-en-hi.train.tsv", 15)]
MAXCHUNK = 3
OUTLIERS = 0.04  # share of worst-aligned word pairs left out of the n-gram counts
BOS, EOS = "<s>", "</w>"


def latin_letters(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word.lower() if "a" <= c <= "z")


def is_latin(word: str) -> bool:
    return all(ord(c) < 0x250 for c in word)


def load_pairs() -> list[tuple[list[str], str]]:
    pairs: list[tuple[list[str], str]] = []
    for name, weight in TRAIN:
        lines = (SHARED / name).read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            if "\t" not in line:
                continue
            hi, en = line.split("\t")[:2]
            hw = hi.replace("-", " ").split()
            ew = en.replace("-", " ").split()
            latin_in_hi = {w.lower() for w in hw if is_latin(w)}
            hw = [w for w in hw if not is_latin(w)]
            ew = [w for w in ew if w.lower() not in latin_in_hi]
            if len(hw) != len(ew):
                continue
            for h, e in zip(hw, ew):
                u = units(h)
                e = latin_letters(e)
                # single letters are initials written as letter names (एम = M): not spelling
                if u and len(e) >= 2 and len(e) <= MAXCHUNK * len(u) and not spell_acronym(h, 1):
                    pairs.extend([(u, e)] * weight)
    return pairs


def is_consonant_unit(unit: str) -> bool:
    return "\u0915" <= unit[0] <= "\u0939"


def allowed(unit: str, chunk: str) -> bool:
    """Consonants spell consonants (never silent), vowels spell vowels."""
    if is_consonant_unit(unit):
        return bool(chunk) and not any(c in "aeiou" for c in chunk)
    if unit == "\u0902":  # anusvara
        return all(c in "nmg" for c in chunk)
    if unit == "\u0903":
        return all(c in "h" for c in chunk)
    if unit in ("\u090b", "\u0960"):  # ऋ ॠ
        return all(c in "aeiouyhwr" for c in chunk)
    return all(c in "aeiouyhw" for c in chunk)


def initial(pairs):
    """Uniform over chunks, consonants never silent, a nudge towards the rule table's first letter."""
    rules = romanizer_rules()
    prob: dict[str, dict[str, float]] = {}
    for u, e in pairs:
        for unit in set(u):
            if unit in prob:
                continue
            first = (rules.get(unit) or rules.get(unit.rstrip("\u093c")) or "a")[:1]
            table = defaultdict(float)
            prob[unit] = table
        # chunks are filled lazily below
    def p(unit, chunk):
        if not allowed(unit, chunk):
            return 0.0
        first = (rules.get(unit) or rules.get(unit.rstrip("\u093c")) or "")[:1]
        if unit.startswith("ə"):
            first = "a"
        return 1.0 + (4.0 if first and chunk[:1] == first else 0.0)
    return p


def em(pairs, iterations=6):
    prior = initial(pairs)

    class Prior(dict):
        def __init__(self, unit):
            super().__init__()
            self.unit = unit

        def __missing__(self, chunk):
            return prior(self.unit, chunk)

    prob = {}
    for u, _ in pairs:
        for unit in u:
            if unit not in prob:
                prob[unit] = Prior(unit)
    for it in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        loglik = 0.0
        for u, e in pairs:
            n, m = len(u), len(e)
            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for i in range(1, n + 1):
                pu = prob[u[i - 1]]
                for j in range(m + 1):
                    s = 0.0
                    for k in range(0, min(MAXCHUNK, j) + 1):
                        a = alpha[i - 1][j - k]
                        if a:
                            s += a * pu[e[j - k : j]]
                    alpha[i][j] = s
            total = alpha[n][m]
            if total <= 0:
                continue
            loglik += math.log(total)
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta[n][m] = 1.0
            for i in range(n - 1, -1, -1):
                pu = prob[u[i]]
                for j in range(m + 1):
                    s = 0.0
                    for k in range(0, min(MAXCHUNK, m - j) + 1):
                        b = beta[i + 1][j + k]
                        if b:
                            s += b * pu[e[j : j + k]]
                    beta[i][j] = s
            for i in range(n):
                pu = prob[u[i]]
                cu = counts[u[i]]
                for j in range(m + 1):
                    a = alpha[i][j]
                    if not a:
                        continue
                    for k in range(0, min(MAXCHUNK, m - j) + 1):
                        b = beta[i + 1][j + k]
                        if b:
                            chunk = e[j : j + k]
                            cu[chunk] += a * pu[chunk] * b / total
        new = {}
        for unit, cs in counts.items():
            z = sum(cs.values())
            new[unit] = defaultdict(float)
            for chunk, c in cs.items():
                if c / z > 1e-4:
                    new[unit][chunk] = c / z
        prob = new
        print(f"EM iteration {it + 1}: log-likelihood {loglik:.0f}", file=sys.stderr)
    return prob


def viterbi(u, e, prob):
    n, m = len(u), len(e)
    best = [[(-math.inf, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for i in range(1, n + 1):
        pu = prob[u[i - 1]]
        for j in range(m + 1):
            top = (-math.inf, None)
            for k in range(0, min(MAXCHUNK, j) + 1):
                prev = best[i - 1][j - k][0]
                p = pu.get(e[j - k : j], 0.0)
                if prev > -math.inf and p > 0:
                    s = prev + math.log(p)
                    if s > top[0]:
                        top = (s, k)
            best[i][j] = top
    if best[n][m][0] == -math.inf:
        return None
    out, j = [], m
    for i in range(n, 0, -1):
        k = best[i][j][1]
        out.append(f"{u[i - 1]}:{e[j - k : j]}")
        j -= k
    return out[::-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "plugins/sangam/data/romanizer.json")
    parser.add_argument("--order", type=int, default=4)
    parser.add_argument("--prune", type=int, default=1, help="drop n-grams (n>1) seen this often or less")
    args = parser.parse_args()

    pairs = load_pairs()
    print(f"{len(pairs)} word pairs", file=sys.stderr)
    prob = em(pairs)
    scored = []
    for u, e in pairs:
        seq = viterbi(u, e, prob)
        if seq is None:
            continue
        # mean log-probability per unit: low for mismatched pairs ("स्व" = "Late")
        lp = sum(math.log(prob[g.split(":", 1)[0]][g.split(":", 1)[1]]) for g in seq) / len(seq)
        scored.append((lp, seq))
    scored.sort(key=lambda x: x[0])
    cut = int(len(scored) * OUTLIERS)
    print(f"dropping {cut} worst-aligned pairs, e.g. {[''.join(g.split(':')[1] for g in s) for _, s in scored[:5]]}", file=sys.stderr)
    counts: dict[str, Counter] = defaultdict(Counter)
    aligned = 0
    for _, seq in scored[cut:]:
        aligned += 1
        seq = [BOS] * (args.order - 1) + seq + [EOS]
        for i in range(args.order - 1, len(seq)):
            g = seq[i]
            for k in range(0, args.order):
                hist = seq[i - k : i]
                if k and all(h == BOS for h in hist) and i - k < args.order - 2:
                    pass
                counts[" ".join(hist)][g] += 1
    print(f"{aligned} aligned", file=sys.stderr)
    pruned = {}
    for hist, cs in counts.items():
        keep = {g: c for g, c in cs.items() if hist == "" or c > args.prune}
        if keep:
            pruned[hist] = dict(sorted(keep.items()))
    data = {
        "about": "graphone n-gram romanizer; trained by bench/train_romanizer.py on "
        "indian-persons-hi-en.train.tsv and wikidata-en-hi.train.tsv",
        "order": args.order,
        "counts": dict(sorted(pruned.items())),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
