#!/usr/bin/env python3
"""Build ``plugins/sangam/data/latin-letters-lm.tsv``: a letter n-gram model of how names are spelled in Latin script.

    .venv/bin/python bench/build_letter_lm.py

Trained on the spellings of ``plugins/sangam/data/latin-names.tsv`` (census names,
nam_dict given names, GeoNames places), each spelling once, less those the list knows only
from the romanizer's training pairs (rank ``TRAIN_RANK`` and no place rank): the model then
owes nothing to the pairs, and ``bench/roman_holdout.py`` stays a fair check.  Never
trained on a ``*.dev.tsv`` file.

Interpolated Kneser-Ney (one absolute discount per order, from the counts of counts),
written in back-off form: one row per n-gram kept, ``letters<TAB>log10 p<TAB>log10 back-off``
(the back-off weight is the interpolation weight of the n-gram as a history).  ``^`` pads
the start of a word, ``$`` ends it.  N-grams of the highest orders seen fewer than
``--min-count`` times are left out (their probability is then the back-off's, the back-off
weight renormalised so that every history's next letters still sum to one).  The
romanizer (``names/letter_lm.py``) reads it to score its candidate spellings.
Deterministic: same input, same bytes.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_latin_names import TRAIN_RANK  # noqa: E402

BOS, EOS = "^", "$"


def training_words(path: Path) -> list[str]:
    """Spellings of the list that come from a public name list, not only from the training pairs."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, person, place = line.split("\t")[:3]
        if person == str(TRAIN_RANK) and place == "-":
            continue
        words.append(word)
    return sorted(words)


def ngram_counts(words: list[str], order: int) -> list[Counter]:
    """counts[k][gram]: occurrences of every (k+1)-gram; the word padded with order-1 ``^`` and one ``$``."""
    counts = [Counter() for _ in range(order)]
    for w in words:
        s = BOS * (order - 1) + w + EOS
        for i in range(order - 1, len(s)):
            for k in range(order):
                counts[k][s[i - k : i + 1]] += 1
    return counts


def kneser_ney(counts: list[Counter], order: int, min_count: int) -> tuple[dict[str, float], dict[str, float]]:
    """Interpolated Kneser-Ney: n-gram -> log10 p(last letter | the others), history -> log10 back-off."""
    # Lower orders count the distinct letters a gram follows (continuation counts), the highest raw counts.
    cont = [Counter() for _ in range(order)]
    for k in range(1, order):
        for gram in counts[k]:
            cont[k - 1][gram[1:]] += 1
    used = [cont[k] for k in range(order - 1)] + [counts[order - 1]]
    # Grams starting with the padding are never continuations of anything: use their raw counts.
    for k in range(order - 1):
        for gram, c in counts[k].items():
            if gram.startswith(BOS):
                used[k][gram] = c
    discounts = []
    for k in range(order):
        n1 = sum(1 for c in used[k].values() if c == 1)
        n2 = sum(1 for c in used[k].values() if c == 2)
        discounts.append(n1 / (n1 + 2 * n2) if n1 + n2 else 0.5)
    letters = sorted({g for g in counts[0]} - {BOS})
    prob: dict[str, float] = {}
    backoff: dict[str, float] = {}
    # Unigrams: discounted, the mass left spread evenly over the letters.
    total = sum(used[0][g] for g in letters)
    d = discounts[0]
    left = d * len(letters) / total
    lower = {g: max(used[0][g] - d, 0) / total + left / len(letters) for g in letters}
    for g in letters:
        prob[g] = lower[g]
    for k in range(1, order):
        d = discounts[k]
        by_history: dict[str, dict[str, float]] = defaultdict(dict)
        for gram, c in used[k].items():
            by_history[gram[:-1]][gram[-1]] = c
        for hist, nexts in by_history.items():
            total = sum(nexts.values())
            gamma = d * len(nexts) / total
            kept = [letter for letter in nexts if k < 2 or counts[k][hist + letter] >= min_count]
            for letter in kept:
                prob[hist + letter] = max(nexts[letter] - d, 0) / total + gamma * lookup(prob, backoff, hist[1:], letter)
            # The back-off weight gives the letters not kept what is left, in the lower order's proportions.
            lower = sum(lookup(prob, backoff, hist[1:], letter) for letter in kept)
            left = 1 - sum(prob[hist + letter] for letter in kept)
            backoff[hist] = left / (1 - lower) if lower < 1 - 1e-9 else gamma
    return (
        {g: round(math.log10(p), 4) for g, p in prob.items()},
        {h: round(math.log10(b), 4) for h, b in backoff.items()},
    )


def lookup(prob: dict[str, float], backoff: dict[str, float], hist: str, letter: str) -> float:
    """p(letter | hist) by back-off over the (linear) tables being built."""
    weight = 1.0
    while True:
        p = prob.get(hist + letter)
        if p is not None:
            return weight * p
        weight *= backoff.get(hist, 1.0)
        if not hist:
            return weight * 1e-6
        hist = hist[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=Path, default=ROOT / "plugins/sangam/data/latin-names.tsv")
    parser.add_argument("--out", type=Path, default=ROOT / "plugins/sangam/data/latin-letters-lm.tsv")
    parser.add_argument("--order", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=3, help="keep n-grams (n > 2) seen at least this often")
    args = parser.parse_args()
    words = training_words(args.names)
    prob, backoff = kneser_ney(ngram_counts(words, args.order), args.order, args.min_count)
    # A history's back-off weight is only needed if some longer n-gram was kept after it.
    needed = {g[:-1] for g in prob}
    header = (
        f"# Letter {args.order}-gram model of Latin name spellings (interpolated Kneser-Ney, back-off form),\n"
        f"# built by bench/build_letter_lm.py from {len(words)} spellings of latin-names.tsv (see its\n"
        "# header for the sources; derived in part from nam_dict.txt (c) 2007-2008 Joerg Michael, GNU\n"
        "# FDL 1.2, this file is released under the same licence). ^ pads a word's start, $ ends it.\n"
        "# Do not edit by hand.\n"
        f"# order\t{args.order}\n"
        "# letters<TAB>log10 p<TAB>log10 back-off (- where none)\n"
    )
    rows = []
    for g in sorted(set(prob) | (needed & set(backoff))):
        p = prob.get(g)
        b = backoff.get(g) if g in needed else None
        rows.append(f"{g}\t{'-' if p is None else p}\t{'-' if b is None else b}\n")
    args.out.write_text(header + "".join(rows), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} rows, {args.out.stat().st_size // 1024} KiB", file=sys.stderr)


if __name__ == "__main__":
    main()
