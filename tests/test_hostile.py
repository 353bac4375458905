"""Hostile and broken input: property-based tests of reading, cleaning and merging.

Every generated input must end up either as a source in an event or in ``rejected``
with a reason; nothing crashes and nothing is lost silently.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_site, make_content, seed_text
from sangam.clean import clean
from sangam.model import RawDocument, Rejection
from sangam.pipeline import PipelineSettings, build_digest
from sangam.read import read_document

HINDI = seed_text("001_7e111c7a8da80fb4.txt")
GUJARATI = seed_text("000_87a8305c717668f7.txt")

indic_letters = st.characters(min_codepoint=0x0900, max_codepoint=0x097F) | st.characters(
    min_codepoint=0x0A80, max_codepoint=0x0AFF
)
awkward = st.sampled_from(["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u0000", "\r", "\t", "|", "।", ":", "<script>", "{{ x }}", "{% if %}"])
# codec="utf-8": a lone surrogate ("\ud800") cannot be written to a file as UTF-8 at all (broken
# bytes are the random-bytes test's part); hypothesis draws them by default.
mixed_text = st.lists(indic_letters | st.characters(codec="utf-8") | awkward | st.just(" ") | st.just("\n"), max_size=400).map("".join)


def _clean_or_reject(data: bytes):
    result = read_document("sources/x.txt", data, max_bytes=8_000_000)
    if isinstance(result, Rejection):
        assert result.reason
        return result
    assert isinstance(result, RawDocument)
    return clean(result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_are_read_or_rejected_with_a_reason(data):
    _clean_or_reject(data)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_mixed_scripts_and_control_characters(text):
    _clean_or_reject(text.encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=len(HINDI.encode("utf-8")) - 1))
def test_truncated_utf8(cut):
    source = _clean_or_reject(HINDI.encode("utf-8")[:cut])
    if isinstance(source, Rejection):
        assert "UTF-8" in source.reason or "neither" in source.reason or "empty" in source.reason


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["Share", "होम", "|", "...", "!!!", "—", "spot_img", "Advertisement", "٪", "   "]), min_size=1, max_size=60))
def test_nothing_but_boilerplate_or_punctuation(lines):
    _clean_or_reject("\n".join(lines).encode("utf-8"))


def test_a_one_megabyte_line_is_read():
    line = ("यह एक बहुत लंबी पंक्ति है और इसमें कोई विराम नहीं है " * 20000)[:1_000_000]
    source = _clean_or_reject(line.encode("utf-8"))
    assert not isinstance(source, Rejection)
    assert source.lang == "hi"
    assert sum(len(p) for p in source.text) + len(source.title or "") >= 900_000


def test_zero_width_characters_do_not_hide_text():
    text = HINDI.replace(" ", " \u200b").replace("क", "क\u200d")
    source = _clean_or_reject(text.encode("utf-8"))
    assert not isinstance(source, Rejection)
    assert len(source.text) >= 10


def test_a_thousand_copies_of_one_article(tmp_path):
    files = {f"sources/copy-{i:04d}.txt": HINDI + f"\n{'।' * (i % 3)}" for i in range(1000)}
    content = make_content(tmp_path, files)
    digest = build_digest(content, PipelineSettings())
    placed = {path for event in digest.events for path in event.sources} | {r.path for r in digest.rejected}
    assert placed == set(files)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=300) | mixed_text.map(str.encode), min_size=1, max_size=12))
def test_every_file_is_placed_exactly_once(tmp_path_factory, blobs):
    content = tmp_path_factory.mktemp("fuzz") / "content"
    (content / "sources").mkdir(parents=True)
    for index, blob in enumerate(blobs):
        (content / "sources" / f"f{index:02d}.txt").write_bytes(blob)
    (content / "sources" / "real-hi.txt").write_text(HINDI, encoding="utf-8")
    (content / "sources" / "real-gu.txt").write_text(GUJARATI, encoding="utf-8")
    digest = build_digest(content, PipelineSettings())
    placed = [path for event in digest.events for path in event.sources] + [r.path for r in digest.rejected]
    expected = sorted(p.relative_to(content).as_posix() for p in (content / "sources").iterdir())
    assert sorted(placed) == expected


INJECTIONS = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '[click](javascript:alert(1))',
    '{{ 7 * 7 }} और {% for x in y %}',
    '<a href="javascript:alert(1)">link</a>',
]


def test_injected_markup_is_shown_as_text(tmp_path):
    body = HINDI.split("\n")
    hostile = "\n".join(body[:3] + [f"किम ने कहा {snippet} और बैठक हुई।" for snippet in INJECTIONS] + body[3:])
    hostile = "url: javascript:alert(1)\n\n" + hostile
    content = make_content(tmp_path, {"sources/hostile.txt": hostile})
    output = tmp_path / "out"
    build_site(content, output)
    events = json.loads((output / "events.json").read_text(encoding="utf-8"))
    source = events["events"][0]["sources"][0]
    assert source["url"] is None  # only http(s) originals are linked
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, page
        assert 'onerror="window.__pwned' not in html, page
        assert 'href="javascript:' not in html, page
        assert "49" not in html.split("7 * 7")[0][-5:] if "7 * 7" in html else True
    local = (output / source["page"]).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in local
    assert "{{ 7 * 7 }}" in local


def test_awkward_file_names_give_safe_unique_pages(tmp_path):
    names = {
        "sources/with space.txt": HINDI,
        "sources/सियोल समाचार.txt": HINDI.replace("किम", "किम्"),
        "sources/Case.txt": GUJARATI,
        "sources/case.txt": GUJARATI.replace("કિમ", "કિમ્"),
        "sources/" + "x" * 200 + ".txt": HINDI.replace("लावरोव", "लावरोफ"),
        "sources/../escape.txt": None,
    }
    names.pop("sources/../escape.txt")
    content = make_content(tmp_path, names)
    output = tmp_path / "out"
    build_site(content, output)
    events = json.loads((output / "events.json").read_text(encoding="utf-8"))
    pages = [s["page"] for e in events["events"] for s in e["sources"]]
    assert len(pages) == len(set(pages)) == len(names)
    for page in pages:
        assert page.isascii() and " " not in page and len(page) < 80
        resolved = (output / page).resolve()
        assert resolved.is_relative_to(output.resolve()) and resolved.is_file()
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(output) and not p.is_relative_to(content)]
    assert written == []
