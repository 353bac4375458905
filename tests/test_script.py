"""script.py: folding Devanagari and Gujarati text to one matching form."""

from sangam.script import fold


def test_a_nasal_cluster_inside_a_word_folds_to_anusvara():
    # हिन्दी and हिंदी are one spelling, in either script
    assert fold("हिन्दी") == fold("हिंदी") == fold("હિન્દી") == "हिंदी"
    assert fold("मुम्बई") == fold("मुंबई")


def test_a_word_initial_nasal_cluster_is_kept():
    # न्यूयॉर्क begins "nyu": there is no vowel before it for an anusvara to nasalise
    assert fold("न्यूयॉर्क").startswith("न्यू")
    assert fold("म्यूनिख").startswith("म्यू")
    assert fold("रोड न्यूज़").endswith("न्यूज")


def test_a_nasal_before_a_semivowel_is_a_consonant():
    for word in ("कन्या", "सम्राट", "अम्ल", "धन्यवाद"):
        assert fold(word) == word
