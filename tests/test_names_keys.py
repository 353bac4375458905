"""Cross-script identity keys, romanization and describe() of the names stage."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from plugins.sangam.names import describe, load_lexicon, name_key, romanize  # noqa: E402

LEXICON = ROOT / "content" / "data" / "lexicon.tsv"


@pytest.mark.parametrize(
    "a, b",
    [
        ("ज़ेलेंस्की", "जेलेंस्की"),  # nukta or none
        ("मुंबई", "मुम्बई"),  # anusvara or nasal + virama
        ("लावरॉव", "लावरोव"),  # candra vowel
        ("લાવરૉવ", "लावरोव"),  # Gujarati candra, other script
        ("चोई", "ચોય"),  # Hindi / Gujarati spelling habits
        ("चोए", "चोई"),
        ("किम जोंग-उन", "કિમ જોંગ ઉન"),  # hyphen
        ("पुतिन", "પુટિન"),  # dental / retroflex
        ("केसीएनए", "KCNA"),  # acronym spelled out
        ("કેસીએનએ", "KCNA"),
        ("प्योंगयांग", "Pyongyang"),
        ("लावरोव", "Lavrov"),
    ],
)
def test_same_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("लावरोव", "लाओस"), ("पुतिन", "पेरिस"), ("KCNA", "KCN"), ("शोइगु", "सोची")])
def test_different_names_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_romanize_examples():
    assert romanize("किम जोंग-उन") == "Kim Jong Un"
    assert romanize("કિમ જોંગ ઉન") == "Kim Jong Un"
    assert romanize("व्लादिमीर पुतिन") == "Vladimir Putin"
    assert romanize("प्योंगयांग") == "Pyongyang"
    assert romanize("केसीएनए") == "KCNA"
    # schwa deletion: no word-final a, none in VC_CV
    assert romanize("लावरोव") == "Lavrov"
    assert not romanize("योनहाप").lower().endswith("a")


def test_romanize_foreign_cluster_keeps_no_spurious_schwa():
    # made-up names, in no data file: Hindi writes कस without a virama before a third consonant
    for hindi in ("डेक्सफ़ोर्ड", "फ़्लेक्सटन", "ब्लैक्सवुड"):
        assert "ksa" not in romanize(hindi, "person").lower()
    assert romanize("इन्द्रजीत").startswith("Indraj")  # an Indian name keeps it (Indrajit, Indrajeet)


def test_romanize_north_indian_names_as_news_english_spells_them():
    # The election rolls the model first learned from are mostly from the south and east; with
    # the Indian first names (bench/data/indian-first-names/) these no longer look foreign
    # (they came out Ethel Bihari, Hardique) or lose their sh (Akhiles).
    assert romanize("अटल बिहारी वाजपेयी", "person") == "Atal Bihari Vajpeyi"
    assert romanize("हार्दिक पंड्या", "person") == "Hardik Pandya"
    assert romanize("અખિલેશ યાદવ", "person") == "Akhilesh Yadav"


def test_romanize_writes_a_glued_surname_particle_apart():
    # made-up names: the particle goes apart only in a surname whose rest is a common surname
    assert romanize("ऑस्कर डीकॉस्टा", "person") == "Oskar de Costa"
    assert romanize("ઓસ્કર ડીકોસ્ટા", "person") == "Oskar de Costa"
    assert romanize("एलिस डीसूज़ा", "person") == "Ellis de Souza"
    assert romanize("डीकॉस्टा", "person") == "Deekosta"  # not a surname: a one-word name
    assert romanize("राजेश डालमिया", "person") == "Rajesh Dalmiya"  # mia: no common surname
    assert romanize("जेपी डुमिनी", "person") == "JP Dumini"  # mini: too rare a surname


def test_romanize_candra_vowels_are_converted():
    out = romanize("લાવરૉવ")
    assert out.isascii() and out == romanize("लावरोव")


def test_describe_acronym_in_all_scripts():
    d = describe("KCNA")
    assert d == {"latin": "KCNA", "deva": "केसीएनए", "gujr": "કેસીએનએ", "key": "KCNA"}
    assert describe("કેસીએનએ")["latin"] == "KCNA"


def test_describe_missing_script():
    d = describe("लावरोव")
    assert d["gujr"] == "લાવરોવ" and d["deva"] == "लावरोव" and d["key"] == name_key("Lavrov")
    g = describe("ઝેલેન્સ્કી")
    assert g["deva"] == "झेलेन्स्की" and g["key"] == name_key("ज़ेलेंस्की")
    assert describe("ज़ेलेंस्की")["gujr"] == "ઝેલેંસ્કી"


def test_describe_uses_lexicon_house_style():
    lex = load_lexicon(LEXICON)
    for spelling in ("सियोल", "सोल", "સોલ"):
        d = describe(spelling, lex)
        assert d["latin"] == "Seoul"
    assert describe("रूस", lex)["key"] == describe("રશિયા", lex)["key"]
    assert describe("रूस", lex)["latin"] == "Russia"


def test_lexicon_missing_file_is_empty(tmp_path):
    lex = load_lexicon(tmp_path / "nope.tsv")
    assert lex.entries == [] and lex.lookup("रूस") is None
    assert load_lexicon(None).entries == []


def test_lexicon_bad_rows_name_file_and_line(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("# comment\nlatin\tkind\thi\tgu\nRussia\tplace\tरूस\tરશિયા\nMars\tplanet\tमंगल\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lex.tsv:4"):
        load_lexicon(path)
    path.write_text("latin\tkind\thi\tgu\nRussia\tplace\tRussia\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lex.tsv:2"):
        load_lexicon(path)


def test_shipped_lexicon_has_no_test_set_names():
    lex = load_lexicon(LEXICON)
    latins = {e.latin.lower() for e in lex.entries}
    seeds = {"kim jong un", "sergei lavrov", "vladimir putin", "sergei shoigu", "choe son hui",
             "pyongyang", "wonsan", "kcna", "yonhap"}
    assert not latins & seeds
    shared = ROOT.parent / "shared" / "data" / "names" / "cities-en-hi-gu.dev.tsv"
    if shared.exists():
        cities = {line.split("\t")[0].lower() for line in shared.read_text(encoding="utf-8").splitlines()[1:]}
        assert not latins & cities


@pytest.mark.parametrize(
    "a, b",
    [
        ("हाँग काँग", "હોંગકોંગ"),  # ng before k, words joined
        ("कैम्ब्रिज खाड़ी", "કેમ્બ્રિજ બે"),  # a generic word translated in one script
        ("स्कोप्जे", "સ્કોપયે"),  # j as a glide after a stop
        ("गर्नसी", "ગર્નઝી"),  # s / z (Gujarati ઝ)
        ("नॉम पेन्ह", "ફ્નોમ પેન્હ"),  # silent initial consonant
        ("Phnom Penh", "नॉम पेन्ह"),
        ("Glasgow", "ग्लासगो"),  # a final w is silent in English
        ("Warsaw", "વૉરસૉ"),
        ("Andrew", "एंड्रयू"),
    ],
)
def test_same_key_spelling_habits(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("मिंस्क", "मॉस्को"), ("ओम्स्क", "मॉस्को"), ("बामाको", "बैंकॉक")])
def test_similar_cities_stay_apart(a, b):
    assert name_key(a) != name_key(b)


def test_g_spelled_out_is_g():
    # ज़ी (an American "zee") folds to जी, the name of G: G keeps it (GST, LGBT, NGO, not ZST).
    from plugins.sangam.names import tables

    assert [tables.spell_acronym(w) for w in ("जीएसटी", "एलजीबीटी", "एनजीओ", "ज़ेडटीई")] == ["GST", "LGBT", "NGO", "ZTE"]
