"""Merge stage: cross-lingual matching, no chaining, dates, blocking, determinism."""

from __future__ import annotations

import dataclasses
import math
import random

import pytest

from sangam import merge
from sangam.model import Source

S = merge.MergeSettings()


def src(path, lang, text, title=None, published=None):
    return Source(path=f"sources/{path}", sha256=path * 4, lang=lang, title=title, text=text if isinstance(text, list) else [text], published=published)


# Three stories, each in Hindi and Gujarati, plus unrelated fillers so that IDF means something.
VOLCANO_HI = "मैक्सिको सिटी में ज्वालामुखी की राख मिली। ज्वालामुखी से 24 घंटे में 183 बार गैस और राख निकली। सोशल मीडिया पर तस्वीरों में एक्सोचिमिल्को के पड़ोस में कारों पर राख की परतें दिखीं।"
VOLCANO_GU = "જ્વાળામુખીએ મેક્સિકો શહેર પર રાખ ઉડાડી. સોશિયલ મીડિયામાં ફોટાઓમાં ક્ષોચિમિલ્કો જેવા મેક્સિકો શહેરના પડોશમાં કારના પર રાખના થર જામી ગયા. 24 કલાકમાં 183 વખત ગેસ અને રાખ નીકળી."
CRICKET_HI = "भारत ने ऑस्ट्रेलिया को तीसरे टेस्ट मैच में 137 रन से हराया। जसप्रीत बुमराह ने मेलबर्न में नौ विकेट लिए और श्रृंखला में भारत 2-1 से आगे है।"
CRICKET_GU = "ભારતે ઑસ્ટ્રેલિયાને ત્રીજી ટેસ્ટ મેચમાં 137 રનથી હરાવ્યું. જસપ્રીત બુમરાહે મેલબર્નમાં નવ વિકેટ લીધી અને શ્રેણીમાં ભારત 2-1થી આગળ છે."
FLOOD_HI = "असम में बाढ़ से 42 जिलों में लाखों लोग प्रभावित हुए। ब्रह्मपुत्र नदी खतरे के निशान से ऊपर बह रही है और राहत शिविरों में हजारों लोग रह रहे हैं।"
FLOOD_GU = "આસામમાં પૂરથી 42 જિલ્લાઓમાં લાખો લોકો પ્રભાવિત થયા. બ્રહ્મપુત્રા નદી ભયજનક સપાટીથી ઉપર વહી રહી છે અને રાહત શિબિરોમાં હજારો લોકો રહે છે."
FILLERS = [
    "संसद का शीतकालीन सत्र सोमवार से शुरू होगा और सरकार कई विधेयक पेश करेगी।",
    "रिज़र्व बैंक ने रेपो दर में कोई बदलाव नहीं किया और महंगाई का अनुमान घटाया।",
    "दिल्ली में वायु गुणवत्ता बहुत खराब श्रेणी में पहुंच गई है।",
    "ગુજરાતમાં નવરાત્રિ ઉત્સવની તૈયારીઓ જોરશોરથી ચાલી રહી છે.",
    "અમદાવાદમાં મેટ્રો રેલનો નવો તબક્કો ખુલ્લો મુકાયો.",
    "શેરબજારમાં સેન્સેક્સ 500 પોઇન્ટ ઉછળ્યો.",
]


def corpus():
    sources = [
        src("v1.txt", "hi", VOLCANO_HI), src("v2.txt", "gu", VOLCANO_GU),
        src("c1.txt", "hi", CRICKET_HI), src("c2.txt", "gu", CRICKET_GU),
        src("f1.txt", "hi", FLOOD_HI), src("f2.txt", "gu", FLOOD_GU),
    ]
    sources += [src(f"x{i}.txt", "hi" if i < 3 else "gu", t) for i, t in enumerate(FILLERS)]
    return {s.path: s for s in sources}


def cluster(sources, settings=S, **kw):
    scores, _ = merge.pair_scores(sources, settings)
    return merge.average_link(list(sources), scores, settings.threshold, **kw), scores


def test_gujarati_endings_come_from_the_data_table():
    assert "ना" in merge.endings()["gu"]
    assert merge.stem("कोरियाना", "gu") == "कोरिया"
    assert merge.stem("नागरिकों", "hi") == "नागरिक"


def test_consonant_skeletons_meet_across_vowel_spellings():
    key = lambda word, lang: merge.skeleton(merge._token_key(word, lang)[1])
    # Cognates that differ in their vowels (and Gujarati -ो for Hindi -ा) meet ...
    assert key("पुलिस", "hi") == key("પોલીસ", "gu") == "पलस"
    assert key("हमला", "hi") == key("હુમલો", "gu")
    assert key("कैमरा", "hi") == key("કેમેરા", "gu")
    # ... and so do the letters the two languages write differently (from the data table).
    assert merge.skeleton_letters()[ord("ण")] == "न"
    assert key("जानकारी", "hi") == key("જાણકારી", "gu")
    # Different words keep different skeletons; skeletons under three letters are dropped.
    assert key("किसान", "hi") != key("ખેડૂત", "gu")
    assert merge.skeleton("कर") == ""


def test_near_pairs_keep_translated_content_together():
    words = lambda text, lang: merge.match_words(text, lang)[0]
    hindi = set(merge.near_pairs(words("पुलिस ने हमला करने वाले को पकड़ा", "hi")))
    gujarati = set(merge.near_pairs(words("પોલીસે હુમલો કરનારને પકડ્યો", "gu")))
    assert "पलस+हमल" in hindi & gujarati  # same pair whatever the language and inflection
    # Word order within the window does not matter; distance beyond it does.
    assert set(merge.near_pairs(["हमला", "पुलिस"])) == set(merge.near_pairs(["पुलिस", "हमला"]))
    far = ["पुलिस", "सरकार", "बाजार", "मौसम", "हमला"]
    assert "पलस+हमल" not in merge.near_pairs(far, 3) and "पलस+हमल" in merge.near_pairs(far, 4)


def test_translation_shares_near_pairs_that_a_same_topic_story_does_not():
    # Same words, different texts: a Gujarati report of another volcano day uses the
    # volcano story's vocabulary but in other sentences.
    sources = corpus()
    other = src("v3.txt", "gu", "કારના ચાલકો નવા ટાયર ખરીદવા ગયા. ગેસના બાટલા મોંઘા થયા, ઘણા ગ્રાહકો ગુસ્સે. જ્વાળામુખી સંગ્રહાલય ઉનાળામાં ખૂલશે, ટિકિટ મોંઘી. "
                "મીડિયાના પત્રકારો દિલ્હી ગયા, ચૂંટણી નજીક. પડોશના બાળકો શાળાએ ગયા, પરીક્ષા શરૂ. મેક્સિકોના ખેલાડીઓ ફૂટબોલ રમ્યા, વિજય મેળવ્યો.")
    sources[other.path] = other
    index = merge.build_index(sources, S)
    near = lambda a, b: merge.cosine(index.bilingual["near"][f"sources/{a}"], index.bilingual["near"][f"sources/{b}"])
    words = lambda a, b: merge.cosine(index.bilingual["word"][f"sources/{a}"], index.bilingual["word"][f"sources/{b}"])
    assert near("v1.txt", "v2.txt") > 0.2
    assert near("v1.txt", "v3.txt") < near("v1.txt", "v2.txt") / 2
    assert words("v1.txt", "v3.txt") > 0.2  # the words alone would not tell them apart so well


def test_hindi_and_gujarati_versions_of_one_story_merge_and_stories_stay_apart():
    groups, _ = cluster(corpus())
    as_names = {tuple(p.split("/")[1] for p in g) for g in groups}
    for pair in (("v1.txt", "v2.txt"), ("c1.txt", "c2.txt"), ("f1.txt", "f2.txt")):
        assert pair in as_names, groups


def test_result_does_not_depend_on_input_order():
    sources = corpus()
    first, _ = cluster(sources)
    items = list(sources.items())
    random.Random(7).shuffle(items)
    second, _ = cluster(dict(items))
    assert first == second


def test_average_link_does_not_chain():
    # a~b strong, b~c strong, a~c absent: c fits b but not the event {a, b} as a whole.
    scores = {("a", "b"): 0.9, ("b", "c"): 0.35}
    groups = merge.average_link(["a", "b", "c"], scores, 0.22)
    assert groups == [["a", "b"], ["c"]]
    # With a~c as strong as b~c it fits the whole event and joins.
    scores[("a", "c")] = 0.35
    assert merge.average_link(["a", "b", "c"], scores, 0.22) == [["a", "b", "c"]]


def test_apart_and_together_constraints():
    scores = {("a", "b"): 0.9, ("b", "c"): 0.1}
    assert merge.average_link(["a", "b", "c"], scores, 0.22, apart={frozenset(("a", "b"))}) == [["a"], ["b"], ["c"]]
    assert merge.average_link(["a", "b", "c"], scores, 0.22, together=[["a", "c"]]) == [["a", "b", "c"]]
    # apart wins over the graph even when a third source would bridge the two
    scores = {("a", "b"): 0.9, ("a", "c"): 0.9, ("b", "c"): 0.9}
    groups = merge.average_link(["a", "b", "c"], scores, 0.22, apart={frozenset(("b", "c"))})
    assert ["b", "c"] not in groups and all(not {"b", "c"} <= set(g) for g in groups)


def test_distant_dates_weigh_against_a_merge():
    sources = corpus()
    sources["sources/v1.txt"].published = "2025-07-01"
    near = dataclasses.replace(sources["sources/v2.txt"], published="2025-07-03")
    far = dataclasses.replace(sources["sources/v2.txt"], published="2026-03-01")
    scores_near, _ = merge.pair_scores({**sources, near.path: near}, S)
    scores_far, _ = merge.pair_scores({**sources, far.path: far}, S)
    key = ("sources/v1.txt", "sources/v2.txt")
    assert scores_far[key] == pytest.approx(scores_near[key] * S.date_penalty)


def test_blocking_never_scores_all_pairs():
    sources = corpus()
    # many unrelated one-line sources
    for i in range(60):
        sources[f"sources/n{i}.txt"] = src(f"n{i}.txt", "hi", f"समाचार संख्या {1000 + i} विषय{i} घटना{i} स्थान{i}")
    index = merge.build_index(sources, S)
    pairs = merge.candidate_pairs(index, S)
    n = len(sources)
    assert len(pairs) < n * (n - 1) // 2 // 4
    assert ("sources/v1.txt", "sources/v2.txt") in pairs


def test_explanations_name_shared_features():
    sources = corpus()
    _, index = merge.pair_scores(sources, S)
    shared = merge.shared_features(index, "sources/c1.txt", "sources/c2.txt")
    assert "num:137" in shared or any("बुमराह"[:3] in t for t in shared)


def test_explanations_quote_shared_near_pairs_as_written():
    sources = corpus()
    _, index = merge.pair_scores(sources, S)
    near = merge.shared_near(index, "sources/f1.txt", "sources/f2.txt")
    assert near and all(len(item) == 2 for item in near)
    hindi, gujarati = zip(*near)
    # Each side is a stretch of its own source, in its own script: no skeletons, no "+".
    # (A long stretch is cut to its two words: "first … second".)
    assert all(part in FLOOD_HI and "+" not in part for text in hindi for part in text.split(" … "))
    assert all(part in FLOOD_GU and "+" not in part for text in gujarati for part in text.split(" … "))
    # The strongest pairs are ones a translation keeps together, e.g. the relief camps.
    assert any("राहत" in text for text in hindi) or any("नदी" in text for text in hindi)
    # Sources with nothing side by side in common show nothing.
    assert merge.shared_near(index, "sources/f1.txt", "sources/x0.txt") == []


def test_near_quotes_of_many_pairs_at_once_are_those_of_each_pair_alone():
    sources = corpus()
    scores, index = merge.pair_scores(sources, S)
    pairs = sorted(scores, key=lambda pair: -scores[pair])[:12] + [("sources/f1.txt", "sources/x0.txt")]
    together = merge.shared_near_many(index, pairs)
    assert any(together)
    index.keyed_parts.clear()
    assert together == [merge.shared_near(index, a, b) for a, b in pairs]


def test_near_can_score_only_pairs_across_the_languages():
    sources = corpus()
    scores, index = merge.pair_scores(sources, dataclasses.replace(S, cross_language_only=("near",)))
    assert index.bilingual["near"]["sources/v1.txt"] and not index.vectors["near"]["sources/v1.txt"]
    # A same-language pair is scored without the field (as if it had no near features) ...
    key = ("sources/x3.txt", "sources/x4.txt")
    parts = merge.field_scores(index, *key)
    assert parts["near"] == 0.0
    weights = {n: w for n, w in S.weights if n != "near"}
    present = [n for n in weights if index.vectors[n][key[0]] and index.vectors[n][key[1]]]
    expected = sum(weights[n] * parts[n] for n in present) / sum(weights[n] for n in present)
    assert merge.pair_score(index, *key, S) == pytest.approx(expected)
    # ... and explained without it; by default it counts for every pair.
    assert merge.shared_near(index, *key) == []
    _, everywhere = merge.pair_scores(sources, S)
    assert everywhere.vectors["near"]["sources/v1.txt"]


def test_a_translation_of_one_version_joins_both_versions_of_the_text():
    langs = {"h1": "hi", "h2": "hi", "h3": "hi", "g": "gu", "g2": "gu"}
    # h1 and h2: one agency text, h1 cut; g translates the part h1 lacks.
    scores = {("g", "h1"): 0.10, ("g", "h2"): 0.30, ("h1", "h2"): 0.90, ("h2", "h3"): 0.85, ("g2", "h1"): 0.15}
    seen = merge.version_scores(scores, langs, 0.8)
    assert seen[("g", "h1")] == 0.30 and seen[("g", "h3")] == 0.30  # each direct copy of h2 ...
    assert seen[("g2", "h2")] == 0.15 and ("g2", "h3") not in seen  # ... never a chain of copies
    assert seen[("h1", "h2")] == 0.90 and ("h1", "h3") not in seen  # same-language pairs unchanged
    assert merge.version_scores(scores, langs, None) is scores
    paths = ["g", "h1", "h2"]
    apart = merge.average_link(paths, {k: v for k, v in scores.items() if set(k) <= set(paths)}, S.threshold)
    assert ["g"] in apart  # mean 0.20 against the two versions: under the threshold
    together = merge.average_link(paths, merge.version_scores({k: v for k, v in scores.items() if set(k) <= set(paths)}, langs, 0.8), S.threshold)
    assert together == [["g", "h1", "h2"]]


def test_seeds_kim_lavrov_reports_merge_across_languages(seed_sources):
    groups, _ = cluster(seed_sources)
    names = [{p.split("/")[1][:3] for p in g} for g in groups]
    assert {"000", "001", "002"} in names


def test_seeds_kim_shoigu_meetings_stay_apart_without_editors(seed_sources):
    groups, _ = cluster(seed_sources)
    names = [{p.split("/")[1][:3] for p in g} for g in groups]
    assert {"003"} in names and {"004"} in names


@pytest.fixture(scope="module")
def seed_sources():
    from pathlib import Path

    from sangam.clean import clean, page_chrome
    from sangam.read import read_all

    from sangam import names

    root = Path(__file__).resolve().parent.parent / "content"
    documents, _ = read_all(root, "sources", 5_000_000)
    chrome = page_chrome(documents)
    sources = [clean(d, chrome) for d in documents]
    # As in the pipeline: names (one key in any script) are what match across languages here.
    mentions, _ = names.find_names(sources, names.load_lexicon(root / "data" / "lexicon.tsv"))
    for source in sources:
        source.names = mentions.get(source.path, [])
    return {s.path: s for s in sources}


def test_sparse_vectors_hold_the_same_weights_and_score_exactly():
    rng = random.Random(7)
    vocabulary = merge.Vocabulary()
    terms = [f"t{i}" for i in range(300)]
    a = {t: rng.random() for t in rng.sample(terms, 120)}
    b = {t: rng.random() for t in rng.sample(terms, 40)}
    va, vb = merge.SparseVector.of(a, vocabulary), merge.SparseVector.of(b, vocabulary)
    assert dict(va.items()) == a and len(vb) == len(b)
    expected = math.fsum(a[t] * b[t] for t in a.keys() & b.keys())
    assert merge.cosine(va, vb) == merge.cosine(vb, va) == expected
    assert {t for t, _, _ in merge.shared_terms(va, vb)} == a.keys() & b.keys()
    assert all(x == a[t] and y == b[t] for t, x, y in merge.shared_terms(va, vb))
    empty = merge.SparseVector.of({}, vocabulary)
    assert not empty and merge.cosine(va, empty) == 0.0 and merge.shared_terms(empty, va) == []


def reference_tfidf(counts_by_path: dict[str, dict[str, int]], cap: float = 1.0) -> dict[str, dict[str, float]]:
    """tf-idf written plainly, one document and one term at a time (what ``merge.tfidf``
    computes with arrays)."""
    df: dict[str, int] = {}
    for counts in counts_by_path.values():
        for term in counts:
            df[term] = df.get(term, 0) + 1
    total = len(counts_by_path)
    idf = {t: math.log((1 + total) / n) for t, n in df.items() if n < total or total == 1}
    out = {}
    for path, counts in counts_by_path.items():
        vector = {t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items() if t in idf}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        out[path] = merge.flatten({t: v / norm for t, v in vector.items()}, cap)
    return out


@pytest.mark.parametrize("cap, chunk", [(1.0, 1_000_000), (0.5, 1_000_000), (1.0, 37)])
def test_array_tfidf_gives_the_very_floats_of_the_plain_loop(cap, chunk, monkeypatch):
    monkeypatch.setattr(merge, "CHUNK_ENTRIES", chunk)  # 37: many chunks, rows longer than one
    rng = random.Random(11)
    terms = [f"t{i}" for i in range(400)]
    docs = {}
    for d in range(60):
        chosen = rng.sample(terms, rng.randint(0, 80)) + ["everywhere"]
        docs[f"d{d}"] = {t: rng.choice([1, 1, 2, 3, 7, 5000]) for t in chosen}
    vocabulary = merge.Vocabulary()
    rows = merge.Rows.of([merge.Counts.of(c) for c in docs.values()], vocabulary)
    made, df = merge.tfidf(rows, len(vocabulary.ids), cap)
    vocabulary.freeze()
    expected = reference_tfidf(docs, cap)
    for path, (ids, values) in zip(docs, made):
        got = merge.SparseVector(ids, values, vocabulary)
        assert dict(got.items()) == expected[path]  # exactly equal floats, not approximately
        assert list(ids) == sorted(ids)
    assert "everywhere" not in {t for ids, _ in made for t in (vocabulary.terms[i] for i in ids)}
    assert df[vocabulary.terms.index("everywhere")] == len(docs)
    # One document: its features are kept (idf log 2), not dropped as "in every document".
    single, _ = merge.tfidf(merge.Rows.of([merge.Counts.of({"a": 2, "b": 1})], merge.Vocabulary()), 2)
    assert len(single[0][0]) == 2


@pytest.mark.parametrize("chunk", [1_000_000, 50])
def test_index_vectors_match_the_plain_loop_on_both_projections(chunk, monkeypatch):
    monkeypatch.setattr(merge, "CHUNK_ENTRIES", chunk)
    sources = corpus()
    index = merge.build_index(sources, S)
    for name in ("word", "gram", "near"):
        counts = {p: merge.text_features(s)[name].as_counter() for p, s in sources.items()}
        assert {p: dict(v.items()) for p, v in index.vectors[name].items()} == reference_tfidf(counts)
        langs = {s.lang for s in sources.values()}
        attested = set.intersection(*({t for p, c in counts.items() if sources[p].lang == lang for t in c} for lang in langs))
        projected = {p: {t: n for t, n in c.items() if t in attested} for p, c in counts.items()}
        assert {p: dict(v.items()) for p, v in index.bilingual[name].items()} == reference_tfidf(projected)


def test_batched_pair_scores_equal_the_pair_by_pair_score():
    sources = corpus()
    for i in range(30):  # more candidates per source, some in each language
        lang = "hi" if i % 2 else "gu"
        text = "ज्वालामुखी फटा, पुलिस ने गांव खाली कराया" if lang == "hi" else "જ્વાળામુખી ફાટ્યો, પોલીસે ગામ ખાલી કરાવ્યું"
        # Rare words, each in two sources: one in x0 and x1 (two languages), one in x0 and x2 (one).
        shared = f"{chr(0x915 + i // 2)}ारनाथ {chr(0x915 + (i // 4) * 2 + i % 2)}ेशवपुर"
        sources[f"sources/x{i}.txt"] = src(f"x{i}.txt", lang, f"{text} {shared} {1000 + i}")
    scores, index = merge.pair_scores(sources, S)
    crossed = [pair for pair in scores if index.langs[pair[0]] != index.langs[pair[1]]]
    assert crossed and len(crossed) < len(scores)  # both kinds of pair are checked
    for (a, b), score in scores.items():
        assert score == pytest.approx(merge.pair_score(index, a, b, S), rel=1e-12, abs=1e-15)
