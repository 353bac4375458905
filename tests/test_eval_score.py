"""Tests for eval/score.py on a tiny hand-made corpus whose scores can be worked out by hand."""

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCORE_PY = Path(__file__).resolve().parents[1] / "eval" / "score.py"
_spec = importlib.util.spec_from_file_location("eval_score", SCORE_PY)
score = importlib.util.module_from_spec(_spec)
sys.modules["eval_score"] = score  # dataclasses look the module up while the class is built
_spec.loader.exec_module(score)

# a.txt starts with blank lines: gold numbers lines after removing them.
SOURCES = {
    "a.txt": "\n\nMenu\nशीर्षक यहाँ है\n\nसियोल: पहली पंक्ति के शब्द।\nदूसरी पंक्ति\nAdvertisement banner that is long enough\n",
    "b.txt": "કિમ મળ્યા\nસ્ત્રોત: https://x.example/1\n",
    "c.txt": "अलग खबर\n",
}
GOLD = {
    "events": {"e1": ["a.txt", "b.txt"], "e2": ["c.txt"]},
    "files": {
        "a.txt": {"event": "e1", "lang": "hi", "title": "शीर्षक यहाँ है", "url": None, "junk_lines": [1, 6]},
        "b.txt": {"event": "e1", "lang": "gu", "title": None, "url": "https://x.example/1", "junk_lines": [2]},
        "c.txt": {"event": "e2", "lang": "hi", "title": None, "url": None, "junk_lines": []},
    },
}
# 11 content tokens: a 5 + 2 (the title line is not content), b 2, c 2. 3 junk lines.


def record(name, text, title=None, url=None, dateline=None, credits=()):
    return {"path": f"sources/{name}", "lang": "hi", "title": title, "url": url, "page": None,
            "published": None, "text": list(text), "dateline": dateline, "credits": list(credits)}


PERFECT = {
    "generated": "2025-01-01",
    "events": [
        {"id": "x", "sources": [
            record("a.txt", ["पहली पंक्ति के शब्द।", "दूसरी पंक्ति"], title="शीर्षक यहाँ है", dateline="सियोल"),
            record("b.txt", ["કિમ મળ્યા"], url="https://x.example/1"),
        ]},
        {"id": "y", "sources": [record("c.txt", ["अलग खबर"])]},
    ],
    "rejected": [],
}


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "sources").mkdir()
    for name, text in SOURCES.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def run(corpus, doc):
    return score.evaluate(doc, score.load_gold(corpus)).metrics


def perfect():
    return copy.deepcopy(PERFECT)


def source_of(doc, name):
    return next(s for e in doc["events"] for s in e["sources"] if s["path"].endswith(name))


def test_line_numbers_skip_leading_newlines():
    assert score.source_lines("\n\nMenu\nbody") == ["Menu", "body"]


def test_tokens_strip_surrounding_punctuation():
    assert score.tokens("  “सियोल:”  पहली | । (पंक्ति) ") == ["सियोल", "पहली", "पंक्ति"]


def test_perfect_prediction(corpus):
    m = run(corpus, perfect())
    for name in ("bcubed_p", "bcubed_r", "bcubed_f1", "pair_p", "pair_r", "pair_f1", "title_acc", "url_acc"):
        assert m[name] == 1.0, name
    assert m["junk_leak"] == 0.0
    assert m["content_loss"] == 0.0
    assert (m["lost_files"], m["rejected_files"], m["duplicated_files"]) == (0, 0, 0)


def test_wrong_merge_lowers_precision(corpus):
    doc = perfect()
    doc["events"][0]["sources"] += doc["events"].pop(1)["sources"]
    m = run(corpus, doc)
    assert m["pair_p"] == pytest.approx(1 / 3)  # 3 predicted pairs, 1 right
    assert m["pair_r"] == 1.0
    assert m["bcubed_p"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert m["bcubed_r"] == 1.0


def test_split_lowers_recall_and_no_pairs_means_full_precision(corpus):
    doc = perfect()
    doc["events"].append({"id": "z", "sources": [doc["events"][0]["sources"].pop()]})
    m = run(corpus, doc)
    assert m["pair_p"] == 1.0 and m["pair_r"] == 0.0 and m["pair_f1"] == 0.0
    assert m["bcubed_p"] == 1.0
    assert m["bcubed_r"] == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


def test_junk_line_as_paragraph_leaks(corpus):
    doc = perfect()
    source_of(doc, "a.txt")["text"].insert(0, "  Menu ")
    assert run(corpus, doc)["junk_leak"] == pytest.approx(1 / 3)


def test_long_junk_inside_paragraph_leaks_but_short_does_not(corpus):
    doc = perfect()
    source_of(doc, "a.txt")["text"][1] += " Advertisement  banner that is long enough"
    source_of(doc, "b.txt")["text"][0] = "Menu " + source_of(doc, "b.txt")["text"][0]
    assert run(corpus, doc)["junk_leak"] == pytest.approx(1 / 3)


def test_junk_as_title_leaks(corpus):
    doc = perfect()
    source_of(doc, "c.txt")["title"] = "Menu"  # c has no junk; only a's and b's junk count
    source_of(doc, "b.txt")["title"] = "સ્ત્રોત: https://x.example/1"
    m = run(corpus, doc)
    assert m["junk_leak"] == pytest.approx(1 / 3)
    assert m["title_acc"] == pytest.approx(1 / 3)


def test_lost_content_line_counts_repeated_tokens(corpus):
    doc = perfect()
    source_of(doc, "a.txt")["text"].pop()  # "दूसरी पंक्ति": पंक्ति is still in line 4, once
    assert run(corpus, doc)["content_loss"] == pytest.approx(2 / 11)


def test_metadata_moved_out_of_body_is_not_lost(corpus):
    doc = perfect()
    source_of(doc, "a.txt")["dateline"] = None
    source_of(doc, "a.txt")["credits"] = ["सियोल:"]
    source_of(doc, "b.txt")["text"] = ["કિમ"]
    source_of(doc, "b.txt")["url"] = "મળ્યા"  # any metadata field counts as output
    m = run(corpus, doc)
    assert m["content_loss"] == 0.0
    assert m["url_acc"] == pytest.approx(2 / 3)


def test_lost_and_rejected_files(corpus):
    doc = perfect()
    doc["events"][0]["sources"].pop()  # b.txt vanishes
    m = run(corpus, doc)
    assert m["lost_files"] == 1 and m["rejected_files"] == 0
    assert m["bcubed_r"] == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert m["content_loss"] == 0.0  # cleaning metrics cover the files in events only

    doc["rejected"].append({"path": "sources/b.txt", "reason": "not news"})
    m = run(corpus, doc)
    assert m["lost_files"] == 0 and m["rejected_files"] == 1


def test_duplicated_file(corpus):
    doc = perfect()
    doc["events"][1]["sources"].append(copy.deepcopy(source_of(doc, "a.txt")))
    m = run(corpus, doc)
    assert m["duplicated_files"] == 1
    assert m["bcubed_p"] == 1.0  # a file is placed by its first listing


def test_per_language_breakdown(corpus):
    doc = perfect()
    source_of(doc, "b.txt")["url"] = None
    by_lang = run(corpus, doc)["by_lang"]
    assert by_lang["gu"]["url_acc"] == 0.0 and by_lang["hi"]["url_acc"] == 1.0
    assert by_lang["hi"]["files"] == 2


def test_cli_json_and_text(corpus, tmp_path):
    events = tmp_path / "events.json"
    events.write_text(json.dumps(PERFECT, ensure_ascii=False), encoding="utf-8")
    base = [sys.executable, str(SCORE_PY), "--events", str(events), "--corpus", str(corpus)]
    as_json = json.loads(subprocess.run(base + ["--json", "--verbose"], capture_output=True, check=True,
                                        text=True).stdout)
    assert as_json["bcubed_f1"] == 1.0 and as_json["lost_files"] == 0
    text = subprocess.run(base, capture_output=True, check=True, text=True).stdout
    assert "bcubed_f1: 1.0000" in text.splitlines()
    assert "lost_files: 0" in text.splitlines()
