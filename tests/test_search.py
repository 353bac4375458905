"""Search index: the cross-script keys, and what a real build writes for Pagefind."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from sangam.search import key_variants, latin_to_devanagari, search_key, search_keys, words

SAME_KEY = [
    # Latin, Devanagari and Gujarati spellings of one name meet in one key.
    ("Lavrov", "लावरोव", "લાવરોવ", "લાવરૉવ", "लावरॉव"),
    ("Shoigu", "शोइगु", "શોઇગુ"),
    ("Sergei", "Sergey", "सर्गेई", "સર્ગેઈ"),
    ("Wonsan", "वॉन्सान", "વોન્સાન"),
    ("Pyongyang", "प्योंगयांग", "પ્યોંગયાંગ", "प्योङ्गयाङ्ग"),
    ("Yonhap", "योनहाप", "યોનહાપ"),
    ("Choe", "चोए", "चोई", "ચોય"),
    ("Kalma", "कालमा", "कलमा"),
    ("Kim", "किम", "કિમ"),
    ("Jong", "जोंग", "જોંગ"),
    ("KCNA", "केसीएनए", "કેસીએનએ"),
    # Spelling variants: anusvara / nasal + virama, nukta, candra vowels, doubled consonants.
    ("मुंबई", "मुम्बई", "Mumbai"),
    ("ज़ेलेंस्की", "जेलेंस्की", "Zelensky"),
    ("अल्लाह", "Allah"),
    ("Trump", "ट्रंप", "ट्रम्प", "ટ્રમ્પ"),
]


@pytest.mark.parametrize("spellings", SAME_KEY, ids=lambda s: s[0])
def test_spellings_of_one_name_share_a_key(spellings):
    keys = {search_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(search_key, spellings)))
    assert keys != {""}


def test_gujarati_case_endings_of_vowel_signs_vanish_and_glued_ones_keep_the_prefix():
    assert search_key("લાવરૉવે") == search_key("Lavrov")
    assert search_key("કિમના").startswith(search_key("Kim"))
    assert search_key("રશિયાના").startswith(search_key("रूस")[:2])


def test_different_words_keep_different_keys():
    # Doubling is only collapsed for real geminates, not across a vowel.
    assert search_key("शारीरिक") != search_key("सरकार")[:3]
    assert search_key("Lavrov") != search_key("Lviv")
    assert search_key("Kim") != search_key("Kin")


def test_acronyms_have_a_letter_name_reading():
    assert key_variants("KCNA")[0] == search_key("केसीएनए")
    assert key_variants("kcna")[0] == search_key("केसीएनए")
    assert len(key_variants("NATO")) == 1


def test_latin_to_devanagari_rules():
    assert latin_to_devanagari("Pyongyang") == "प्यंग्यंग"  # vowel signs are left out: no key keeps them
    assert latin_to_devanagari("Allah") == "अल्लह"
    assert latin_to_devanagari("Sergey").endswith("इ")


def test_search_keys_of_a_text_one_key_per_word():
    text = "किम जोंग-उन ने लावरोव से (KCNA)"
    assert search_keys(text).split()[:5] == [search_key(w) for w in ["किम", "जोंग", "उन", "ने", "लावरोव"]]


def test_build_writes_a_pagefind_bundle_for_event_and_name_pages_only(seeds_site, seeds_events):
    entry = json.loads((seeds_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["gu"]  # one index for every script
    names = list((seeds_site / "names").glob("*.html"))
    name_pages = [p for p in names if p.name != "index.html"]
    assert entry["languages"]["gu"]["page_count"] == len(seeds_events["events"]) + len(name_pages)
    assert (seeds_site / "pagefind" / "pagefind.js").is_file()
    for event in seeds_events["events"]:
        page = (seeds_site / event["url"]).read_text(encoding="utf-8")
        assert page.count("data-pagefind-body") == 1
        block = page[page.index("data-pagefind-body"):]
        # The keys of every source's text are in the hidden block.
        assert search_key("लावरोव") in block or search_key("शोइगु") in block
    for path in list((seeds_site / "sources").glob("*.html")) + [seeds_site / "index.html", seeds_site / "report.html"]:
        assert "data-pagefind-body" not in path.read_text(encoding="utf-8"), path


def test_only_the_keys_are_indexed_and_the_text_rides_along_for_snippets(seeds_site):
    import gzip

    # Pagefind's fragments: what a result's data() gives the browser (gzip, a signature, then JSON).
    fragments = []
    for path in (seeds_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragments.append(json.loads(raw[raw.index(b"{"):]))
    events = [f for f in fragments if f["meta"].get("kind") == "event"]
    assert events
    for fragment in events:
        content = fragment["content"].split()
        assert content[0] == "zzsangamkeys" and len(content) > 20
        text = words(fragment["meta"]["text"])
        assert len(text) > 20
        # The words of the text are in the content as keys only, never as written, each key
        # at most SANGAM_SEARCH_KEY_REPEATS (3) times; the text is cut for the snippets.
        assert not set(text) & set(content[1:]) - {search_key(w) for w in text}
        assert {search_key(w) for w in text[:20]} - {""} <= set(content[1:])
        assert max(Counter(content[1:]).values()) <= 3
        assert len(fragment["meta"]["text"].split()) <= 400


def test_search_keys_may_keep_each_key_a_few_times_in_text_order():
    text = "किम लावरोव किम किम किम Kim लावरोव"
    kim, lavrov = search_key("किम"), search_key("लावरोव")
    assert search_keys(text).split() == [kim, lavrov, kim, kim, kim, kim, lavrov]
    assert search_keys(text, 2).split() == [kim, lavrov, kim, lavrov]


def test_search_page_is_written_with_relative_bundle_and_script(seeds_site):
    page = (seeds_site / "search.html").read_text(encoding="utf-8")
    assert 'id="search-q" name="q"' in page
    assert re.search(r'data-bundle="\./pagefind/pagefind\.js"', page)
    assert re.search(r'src="\./theme/js/search\.js"', page)
    assert (seeds_site / "theme" / "js" / "search-key.js").is_file()


def test_scraped_text_in_the_hidden_block_is_escaped(tmp_path):
    from conftest import build_site, make_content

    body = "किम जोंग उन ने लावरोव से मुलाकात की। " * 8
    content = make_content(tmp_path, {"sources/x.txt": f"<script>alert(1)</script> {body}\n\n{body}\n"})
    out = tmp_path / "out"
    build_site(content, out)
    pages = list((out / "events").glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        block = html[html.index('class="search-terms"'):]
        block = block[: block.index("</div>\n</div>") if "</div>\n</div>" in block else None]
        assert "<script>" not in block
        assert "&lt;script&gt;" in block


def _copy_searchable(site, target):
    import shutil

    for folder in ("events", "names"):
        shutil.copytree(site / folder, target / folder)


def test_indexing_the_written_site_again_gives_the_same_pages_and_a_fresh_bundle(seeds_site, tmp_path):
    from sangam.search import build_index

    _copy_searchable(seeds_site, tmp_path)
    stale = tmp_path / "pagefind" / "fragment" / "stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_text("from an earlier build")
    stats = build_index(tmp_path)
    assert not stale.exists()  # the bundle folder is replaced, not added to
    ours = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    built = json.loads((seeds_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert ours["languages"]["gu"]["page_count"] == built["languages"]["gu"]["page_count"]
    assert stats["bundle_files"] == sum(1 for p in (tmp_path / "pagefind").rglob("*") if p.is_file())
    # The service's files arrive whole (pagefind-ui.js was once found cut short with WriteFiles).
    assert (tmp_path / "pagefind" / "pagefind-ui.js").read_bytes() == (seeds_site / "pagefind" / "pagefind-ui.js").read_bytes()


def test_a_page_written_after_the_seal_is_noticed(seeds_site, tmp_path):
    from sangam.search import LiveIndex

    _copy_searchable(seeds_site, tmp_path)
    pages = sorted((tmp_path / "events").glob("*.html"))
    live = LiveIndex(tmp_path, "gu", "pagefind")
    live.offer(pages[0])
    live.offer(tmp_path / "sources" / "not-indexed.html")  # outside events/ and names/: ignored
    live.seal()
    live.offer(pages[-1])
    assert live.finish() == {"pages": 1, "shards": 1}
    assert live.late == [pages[-1].resolve()]  # finalized() then indexes the written site again


def test_a_small_shard_size_splits_the_index_and_every_page_is_in_one_shard(seeds_site, tmp_path):
    from sangam.search import SHARDS_FILE, build_index, indexed_html

    _copy_searchable(seeds_site, tmp_path)
    pages = sorted(p for folder in ("events", "names") for p in (tmp_path / folder).glob("*.html"))
    biggest = max(len(indexed_html(p.read_text(encoding="utf-8")).encode("utf-8")) for p in pages)
    stats = build_index(tmp_path, shard_bytes=biggest)  # the largest page fills a shard alone
    bundle = tmp_path / "pagefind"
    listed = json.loads((bundle / SHARDS_FILE).read_text(encoding="utf-8"))["shards"]
    assert stats["shards"] == len(listed) + 1 >= 3
    assert listed == [f"shards/{n}/" for n in range(2, stats["shards"] + 1)]
    counts = []
    for folder in ["", *listed]:
        entry = json.loads((bundle / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts.append(entry["languages"]["gu"]["page_count"])
        assert (bundle / folder / "pagefind.js").is_file()
    assert stats["pages"] == len(pages)
    # One index when the size allows it; no shard list entries then. Together the shards hold
    # every page it holds (names/index.html is offered but has nothing to index).
    build_index(tmp_path)
    assert json.loads((bundle / SHARDS_FILE).read_text(encoding="utf-8")) == {"shards": []}
    assert not (bundle / "shards").exists()
    whole = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(counts) == whole["languages"]["gu"]["page_count"] > 0


def test_indexed_html_keeps_the_head_and_every_searchable_element_whole():
    from sangam.search import indexed_html

    page = ('<html lang="hi"><head><title>T</title></head><body><nav>menu</nav>'
            '<div class="a" data-pagefind-body><div>one <div>two</div></div></div><p>footer</p>'
            '<section data-pagefind-body hidden>three</section></body></html>')
    assert indexed_html(page) == (
        '<html lang="hi"><head><title>T</title></head><body>'
        '<div class="a" data-pagefind-body><div>one <div>two</div></div></div>\n'
        '<section data-pagefind-body hidden>three</section></body></html>'
    )
    # No searchable element (Pagefind indexes the whole body) or one whose end is not found: as is.
    plain = "<html><head></head><body><p>all of it</p></body></html>"
    assert indexed_html(plain) == plain
    broken = "<html><head></head><body><div data-pagefind-body><div>cut</div></body></html>"
    assert indexed_html(broken) == broken


def test_pagefind_builds_the_same_bundle_from_the_searchable_part_as_from_the_page(seeds_site, tmp_path):
    import hashlib

    from sangam.pagefind_service import PagefindIndex
    from sangam.search import indexed_html

    pages = sorted(p for folder in ("events", "names") for p in (seeds_site / folder).glob("*.html"))

    def bundle(transform) -> tuple[str, int]:
        with PagefindIndex({"force_language": "gu"}) as index:
            sent = 0
            for page in pages:
                html = transform(page.read_text(encoding="utf-8"))
                sent += len(html)
                index.add_html_file(html, "/" + page.relative_to(seeds_site).as_posix())
            files = index.get_files()
        digest = hashlib.sha256()
        for file in sorted(files, key=lambda f: f["path"]):
            digest.update(file["path"].encode() + b"\0" + file["content"].encode())
        return digest.hexdigest(), sent

    whole, whole_chars = bundle(lambda html: html)
    part, part_chars = bundle(indexed_html)
    assert part == whole
    assert part_chars < 0.8 * whole_chars  # and the menus, sources and links are not sent
