"""Subset the Noto Sans Devanagari and Gujarati fonts to what the site needs, as WOFF2.

A developer's tool, not a build step: the output files are committed under
theme/static/fonts/ with the SIL Open Font Licence (OFL.txt).

    apt-get install fonts-noto-core          # NotoSans{Devanagari,Gujarati}-{Regular,Bold}.ttf
    pip install fonttools brotli
    python tools/subset_fonts.py [--src /usr/share/fonts/truetype/noto] [--out theme/static/fonts]

Each font keeps its own script block (all letters, signs and digits; every OpenType
layout feature, so conjuncts and vowel signs shape correctly), ZWJ/ZWNJ, the dotted
circle and the danda. Latin text falls back to the reader's system font, which the
CSS ``unicode-range`` makes sure of, so no Latin glyphs are shipped.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset

COMMON = [0x0020, 0x00A0, 0x200B, 0x200C, 0x200D, 0x2060, 0x25CC, 0x0964, 0x0965, 0x20B9]
RANGES = {
    "Devanagari": list(range(0x0900, 0x0980)) + COMMON,
    "Gujarati": list(range(0x0A80, 0x0B00)) + COMMON,
}
WEIGHTS = ("Regular", "Bold")


def subset_font(src: Path, out: Path, unicodes: list[int]) -> int:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep every shaping feature (akhn, blwf, half, pres, abvs, ...)
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright and licence names
    options.notdef_outline = True
    font = subset.load_font(str(src), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(out), options)
    return out.stat().st_size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path("/usr/share/fonts/truetype/noto"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "theme" / "static" / "fonts")
    args = parser.parse_args(argv)
    for script, unicodes in RANGES.items():
        for weight in WEIGHTS:
            name = f"NotoSans{script}-{weight}"
            size = subset_font(args.src / f"{name}.ttf", args.out / f"{name}.woff2", unicodes)
            print(f"{name}.woff2: {size:,} bytes")


if __name__ == "__main__":
    main()
