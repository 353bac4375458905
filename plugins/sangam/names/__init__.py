"""The names stage: extraction, cross-script identity, romanization.

Public interface (called by the pipeline and by ``sangam names``):

* ``load_lexicon(path)`` - the editors' lexicon (``content/data/lexicon.tsv``)
* ``find_names(sources, lexicon)`` - mentions per source and entities by key
* ``first_pass(source, lexicon)`` - the per-source part of ``find_names`` (cacheable)
* ``describe(name, lexicon)`` - ``{"latin", "deva", "gujr", "key"}`` for one name
* ``romanize(name)`` - any script -> Latin display form
* ``latin_to_deva(name)`` - a name seen only in Latin letters -> Devanagari (``to_indic.py``)
* ``name_key(name)`` - the cross-script identity key used by the build
"""

from __future__ import annotations

from ..script import fold
from . import tables
from .extract import FirstPass, find_names, first_pass, lexicon_fingerprint, to_deva, to_gujr
from .keys import name_key
from .lexicon import LexEntry, Lexicon, load_lexicon
from .romanize import romanize
from .to_indic import latin_to_deva

__all__ = [
    "FirstPass", "Lexicon", "LexEntry", "describe", "find_names", "first_pass", "latin_to_deva", "lexicon_fingerprint",
    "load_lexicon", "name_key", "romanize",
]


def describe(name: str, lexicon: Lexicon | None = None, kind: str | None = None) -> dict:
    """One name in any script -> its Latin, Devanagari and Gujarati forms and its key.

    Uses the same lexicon, romanizer and key as ``find_names``; ``kind`` (person, place,
    org, or None: not known) romanizes it as the build does an entity of that kind (a
    person's last word as a surname, a place's generic words in English). Gujarati case
    endings and a glued honorific (मोदीजी) are not stripped here (give the bare name).
    """
    name = " ".join(name.split())
    if not name:
        return {"latin": "", "deva": "", "gujr": "", "key": ""}
    entry = lexicon.lookup(name) if lexicon is not None else None
    if entry is not None:
        return {"latin": entry.latin, "deva": entry.deva, "gujr": entry.gujr, "key": entry.key}
    has_deva = any("\u0900" <= c <= "\u097f" for c in name)
    has_gujr = any("\u0a80" <= c <= "\u0aff" for c in name)
    if has_gujr and not has_deva:
        gujr, deva = name, to_deva(name)
    elif has_deva:
        deva, gujr = name, to_gujr(name)
    else:
        acr = tables.acronym_to_deva(name) if name.isupper() and " " not in name else None
        deva = acr or latin_to_deva(name)
        gujr = to_gujr(deva) if deva else ""
    latin = romanize(name, kind)
    key = name_key(name)
    acronym = tables.spell_acronym(fold(name)) if " " not in name else None
    if acronym:
        latin = acronym
    return {"latin": latin, "deva": deva, "gujr": gujr, "key": key}
