"""Latin -> Devanagari for names seen only in Latin letters (names/to_indic.py)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names import describe, name_key  # noqa: E402
from plugins.sangam.names.to_indic import latin_to_deva, phonetic, units_to_deva  # noqa: E402
from plugins.sangam.names.units import normalize, units  # noqa: E402


def test_english_spelling_conventions_are_undone_before_decoding():
    assert phonetic("jake") == "jek"  # a long a written with a silent e
    assert phonetic("danni") == "dani"  # a doubled consonant
    assert phonetic("christopher") == "kristofer"
    assert phonetic("charles") == "charls"  # ch stays the sound of च
    assert phonetic("lavrov") == "lavrov"
    assert phonetic("xi") == "shi" and phonetic("xavier") == "zavier" and phonetic("maxwell") == "makswel"


def test_units_are_written_back_as_the_devanagari_they_came_from():
    for word in ["लावरोव", "स्टोक्स", "प्योंगयांग", "मैक्सवेल", "ट्रंप", "हज़रतुल्लाह", "इंडिया", "कृष्णा"]:
        assert units_to_deva(units(word)) == normalize(word)


def test_a_latin_name_is_written_in_devanagari_with_the_same_key():
    for name in ["Lavrov", "Sergei Lavrov", "Kim Jong Un", "Pyongyang", "Wonsan"]:
        deva = latin_to_deva(name)
        assert deva and all("\u0900" <= c <= "\u097f" or c == " " for c in deva)
        assert name_key(deva) == name_key(name)
    assert latin_to_deva("Lavrov") == "लावरोव"
    assert latin_to_deva("Jake") == "जेक"
    assert "थ" in latin_to_deva("Weatherald") and "ह" not in latin_to_deva("Weatherald")  # th is one sound
    assert latin_to_deva("123") == ""


def test_describe_fills_both_indic_scripts_for_a_latin_name():
    row = describe("Lavrov")
    assert row == {"latin": "Lavrov", "deva": "लावरोव", "gujr": "લાવરોવ", "key": name_key("लावरोव")}
    assert describe("KCNA")["deva"] == "केसीएनए"  # an acronym is still spelled letter by letter
