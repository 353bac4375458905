#!/usr/bin/env python3
"""Romanizer CER on a held-out part of the TRAINING pairs (a check that does not use the dev set).

    .venv/bin/python bench/train_romanizer.py --holdout 5 --holdout-out /tmp/held.tsv --out /tmp/held-model.json
    .venv/bin/python bench/roman_holdout.py --model /tmp/held-model.json --held /tmp/held.tsv

Every held-out word (units, English letters, source I, N or F) is decoded with the model
trained without it and respelled by the known names, less the spellings the list knows
only from the training pairs (rank ``TRAIN_RANK``): a held-out word must not be its own
prior.  CER (edit distance / reference letters) is printed per source: I (Indian persons),
N (Indian first names),
F (wikidata, mostly foreign names and places), G (GeoNames places abroad).  Which pairs are
held out depends on the pair alone, so two models trained on different lists can be compared
on the held-out pairs of the lists they share (pass the one's ``--held`` file to the other).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_latin_names import TRAIN_RANK  # noqa: E402
from bench.names_bench import edit_distance  # noqa: E402
import plugins.sangam.names.romanize  # noqa: E402

R = sys.modules["plugins.sangam.names.romanize"]
from plugins.sangam.names import spellings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--held", type=Path, required=True)
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    held = [line.split("\t") for line in args.held.read_text(encoding="utf-8").splitlines() if line]
    ranks = spellings._ranks()
    for _, en, _ in held:
        if ranks.get(en, (None,))[0] == TRAIN_RANK:
            del ranks[en]
    m = R.Romanizer(json.loads(args.model.read_text(encoding="utf-8")))
    edits: dict[str, int] = {}
    total: dict[str, int] = {}
    errors = []
    for u, en, src in held:
        seq = u.split(" ")
        f = R._sigmoid(m.foreignness(seq) + R.FOREIGN_PRIOR)
        hyp = R.spell(m, seq, f, "person" if src in ("I", "N") else None) or ""
        d = edit_distance(hyp, en)
        edits[src] = edits.get(src, 0) + d
        total[src] = total.get(src, 0) + len(en)
        if d:
            errors.append((d, src, u, hyp, en))
    for src in sorted(total):
        print(f"held-out {src}: {sum(1 for h in held if h[2] == src)} words, CER {edits[src] / total[src]:.3f}")
    print(f"held-out all: CER {sum(edits.values()) / sum(total.values()):.3f}")
    for e in sorted(errors, key=lambda e: (e[1], -e[0]))[: args.errors]:
        print(" ", *e)


if __name__ == "__main__":
    main()
