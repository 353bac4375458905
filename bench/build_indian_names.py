#!/usr/bin/env python3
"""Build ``plugins/sangam/data/names-indian.tsv``: Devanagari given names and surnames.

    .venv/bin/python bench/build_indian_names.py [--shared ../shared]

Source: ``../shared/data/names/indian-persons-hi-en.train.tsv`` only (training data; never
a ``*.dev.tsv`` file).  Of every Hindi name of two or more Devanagari words (initials,
Latin letters and bracketed parts dropped), the first word counts as a given name and the
last as a surname; the words between count as neither.  A word is written out when it
was seen at least ``MIN_COUNT`` times in either role and is not one of the common words
of ``data/names-stopwords.tsv``.  ``extract.py`` takes a known given name followed by a
known surname as a person (see its docstring); single words are never taken alone.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names import tables  # noqa: E402
from plugins.sangam.script import fold  # noqa: E402

MIN_COUNT = 3
MIN_LETTERS = 3  # folded characters; shorter words are initials or fragments (के, रा)
# Words the list writes before a name that are no name: late, deceased, honorifics.
NOT_NAMES = {"स्वर्गीय", "स्व", "मृत", "श्री", "श्रीमती", "कुमारी", "डॉ", "डा", "मो", "सुश्री", "स्वामी"}
_DEVA_WORD = re.compile(r"^[\u0900-\u097f]+$")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    src = args.shared / "data/names/indian-persons-hi-en.train.tsv"
    given: Counter = Counter()
    surname: Counter = Counter()
    for line in src.read_text(encoding="utf-8").splitlines()[1:]:
        hi = line.split("\t")[0]
        hi = re.sub(r"\(.*?\)", " ", hi)
        words = [fold(w) for w in re.split(r"[\s,.\-]+", hi) if _DEVA_WORD.match(w)]
        words = [w for w in words if len(w) >= MIN_LETTERS]
        if len(words) < 2:
            continue
        given[words[0]] += 1
        surname[words[-1]] += 1
    stop = tables.stopwords("hi") | set(tables.triggers()) | {fold(w) for w in NOT_NAMES}
    letter_names = tables.letters()[0]  # एस, आर: initials spelled out
    keep = sorted(
        (
            w
            for w in set(given) | set(surname)
            if max(given[w], surname[w]) >= MIN_COUNT and w not in stop and w not in letter_names
        ),
        key=lambda w: (-(given[w] + surname[w]), w),
    )
    out = ROOT / "plugins/sangam/data/names-indian.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write(
            "# Devanagari given names and surnames of Indian persons, folded, with how often each was\n"
            "# the first word (given) and the last word (surname) of a name of two or more words.\n"
            "# Built by bench/build_indian_names.py from ../shared/data/names/indian-persons-hi-en.train.tsv.\n"
            "# Do not edit by hand.\n"
            "# word\tgiven\tsurname\n"
        )
        for w in keep:
            f.write(f"{w}\t{given[w]}\t{surname[w]}\n")
    print(f"{len(keep)} words -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
