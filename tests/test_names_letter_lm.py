"""The letter model of Latin name spellings (names/letter_lm.py) and its use by the romanizer."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names import romanize  # noqa: E402
from plugins.sangam.names.letter_lm import letter_lm  # noqa: E402
from plugins.sangam.names.spellings import known_names  # noqa: E402


def test_the_next_letter_probabilities_sum_to_one():
    lm = letter_lm()
    assert lm is not None and lm.order >= 3
    for history in ("^^^^", "^^^b", "rack", "ston"):
        total = sum(10 ** lm.letter_logprob(history[-(lm.order - 1):], c) for c in "abcdefghijklmnopqrstuvwxyz$")
        assert abs(total - 1) < 0.001, history


def test_english_spelling_patterns_score_higher_than_phonetic_ones():
    lm = letter_lm()
    # Made-up names: the model has the patterns (-ckwell, -field, -worth, ph-), not the words.
    assert lm.logprob("brackwell") > lm.logprob("brackvell")
    assert lm.logprob("dornfield") > lm.logprob("dornfild")
    assert lm.logprob("kelworth") > lm.logprob("kelwarth")
    assert lm.logprob("phelmond") > lm.logprob("fhelmond")


def test_romanizer_spells_a_name_no_list_holds_the_english_way():
    # ब्रैकवेल is in no name list: the known spellings cannot help, the letter model does
    # (the graphone model alone writes "Brackvel").
    assert "brackwell" not in known_names()
    assert romanize("ब्रैकवेल", "person") == "Brackwell"
    # Indian names keep their spelling.
    assert romanize("नरेंद्र मोदी", "person") == "Narendra Modi"
