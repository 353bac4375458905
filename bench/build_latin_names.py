#!/usr/bin/env python3
"""Build ``plugins/sangam/data/latin-names.tsv``: English spellings of personal names, by rank.

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python bench/build_latin_names.py --census /tmp/names/names-0.3.0/names

Sources: the 1990 US Census name frequency lists (public domain; redistributed in the
MIT-licensed ``names`` package: ``dist.all.last``, ``dist.male.first``,
``dist.female.first``, each most frequent first) and the English side of the two
romanizer training lists (``../shared/data/names/*.train.tsv``, rank ``TRAIN_RANK``).
Never the ``*.dev.tsv`` files.  The romanizer uses the list as a prior over the
spellings English gives names (Miller, Glenn, Curtis), see ``names/spellings.py``.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "names"
TRAIN = ["indian-persons-hi-en.train.tsv", "wikidata-en-hi.train.tsv"]
CENSUS = ["dist.all.last", "dist.male.first", "dist.female.first"]
# Rank given to a spelling known only from the training pairs: as rare as a mid-list surname.
TRAIN_RANK = 50000
WORD = re.compile(r"^[a-z]{2,}$")


def ascii_letters(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--census", type=Path, required=True, help="folder with the census dist.* files")
    parser.add_argument("--out", type=Path, default=ROOT / "plugins/sangam/data/latin-names.tsv")
    args = parser.parse_args()
    rank: dict[str, int] = {}
    for name in CENSUS:
        for i, line in enumerate((args.census / name).read_text(encoding="ascii").splitlines()):
            word = line.split()[0].lower() if line.strip() else ""
            if WORD.match(word):
                rank[word] = min(rank.get(word, i + 1), i + 1)
    for name in TRAIN:
        for line in (SHARED / name).read_text(encoding="utf-8").splitlines()[1:]:
            if "\t" not in line:
                continue
            for word in line.split("\t")[1].replace("-", " ").split():
                word = ascii_letters(word)
                if WORD.match(word):
                    rank.setdefault(word, TRAIN_RANK)
    rows = sorted(rank.items(), key=lambda kv: (kv[1], kv[0]))
    header = (
        "# English spellings of personal names and their frequency rank (1 = commonest).\n"
        "# Built by bench/build_latin_names.py from the 1990 US Census name lists (public domain)\n"
        "# and the English side of ../shared/data/names/*.train.tsv. Do not edit by hand.\n"
    )
    args.out.write_text(header + "".join(f"{w}\t{r}\n" for w, r in rows), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} spellings")


if __name__ == "__main__":
    main()
