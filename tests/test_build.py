"""End-to-end: real Pelican builds, assertions on the written files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import SEEDS_GOLD, build_site, make_content, seed_text


def event_groups(events: dict) -> set[frozenset[str]]:
    return {frozenset(Path(s["path"]).name for s in event["sources"]) for event in events["events"]}


def test_seeds_give_the_three_gold_events(seeds_events):
    expected = {frozenset(files) for files in SEEDS_GOLD["events"].values()}
    assert event_groups(seeds_events) == expected


def test_events_json_shape(seeds_events):
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", seeds_events["generated"])
    for event in seeds_events["events"]:
        assert set(event) >= {"id", "url", "title", "date", "names", "sources", "related"}
        assert event["url"] == f"events/{event['id']}.html"
        assert set(event["title"]) <= {"hi", "gu"} and event["title"]
        assert event["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["date"])
        for name in event["names"]:
            assert {"latin", "hi", "gu", "kind"} <= set(name)
        for source in event["sources"]:
            assert set(source) >= {"path", "lang", "title", "url", "page", "published", "text"}
            assert source["path"].startswith("sources/")
            assert source["lang"] in ("hi", "gu")
            assert isinstance(source["text"], list) and all(isinstance(p, str) for p in source["text"])
            if source["title"]:
                assert source["title"] not in source["text"]
    assert seeds_events["rejected"] == []


def test_every_source_file_appears_exactly_once(seeds_events):
    listed = [s["path"] for e in seeds_events["events"] for s in e["sources"]]
    listed += [r["path"] for r in seeds_events["rejected"]]
    on_disk = sorted(f"sources/{name}" for name in SEEDS_GOLD["files"])
    assert sorted(listed) == on_disk


def test_event_pages_link_to_their_sources(seeds_site, seeds_events):
    for event in seeds_events["events"]:
        page = (seeds_site / event["url"]).read_text(encoding="utf-8")
        for source in event["sources"]:
            href = source["page"]
            assert f'href="../{href}"' in page, f"{event['url']} does not link {href}"
            assert (seeds_site / href).is_file()
            local = (seeds_site / href).read_text(encoding="utf-8")
            assert source["text"][0][:40].replace("'", "&#39;").replace('"', "&#34;") in local


def test_events_are_pelican_articles_with_index_feed_and_archives(seeds_site, seeds_events):
    index = (seeds_site / "index.html").read_text(encoding="utf-8")
    feed = (seeds_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    archives = (seeds_site / "archives.html").read_text(encoding="utf-8")
    for event in seeds_events["events"]:
        assert event["url"] in index
        assert event["url"] in feed
        assert event["url"] in archives


def test_about_page_rendered_from_markdown(seeds_site):
    about = (seeds_site / "about.html").read_text(encoding="utf-8")
    assert "<h2>How it is made</h2>" in about
    assert "<ol>" in about


def test_build_report_lists_skipped_files(tmp_path):
    content = make_content(
        tmp_path,
        {
            "sources/good.txt": seed_text("001_7e111c7a8da80fb4.txt"),
            "sources/empty.txt": b"",
            "sources/english.txt": "This is an English article about cricket. " * 20,
        },
    )
    output = tmp_path / "out"
    build_site(content, output)
    events = json.loads((output / "events.json").read_text(encoding="utf-8"))
    reasons = {r["path"]: r["reason"] for r in events["rejected"]}
    assert set(reasons) == {"sources/empty.txt", "sources/english.txt"}
    assert "empty" in reasons["sources/empty.txt"]
    assert "neither Hindi nor Gujarati" in reasons["sources/english.txt"]
    report = (output / "report.html").read_text(encoding="utf-8")
    assert "sources/empty.txt" in report and "sources/english.txt" in report


def test_build_report_quotes_the_words_found_side_by_side(seeds_site, seeds_events):
    report = (seeds_site / "report.html").read_text(encoding="utf-8")
    merged = next(e for e in seeds_events["events"] if len(e["sources"]) == 3)
    section = report.split(f">{merged['id']}</a>: 3 sources", 1)[1].split("</section>", 1)[0]
    # The Hindi-Gujarati pairs of the merged seed event quote their shared near pairs as written,
    # each side in its own language and script (Gujarati letters, not folded Devanagari).
    assert "side by side in both:" in section
    quotes = re.findall(r'<q lang="(hi|gu)">([^<]+)</q>', section)
    assert {"hi", "gu"} <= {lang for lang, _ in quotes}
    assert all(re.search("[\u0a80-\u0aff]", text) for lang, text in quotes if lang == "gu")
    assert all(re.search("[\u0900-\u097f]", text) and "+" not in text for lang, text in quotes if lang == "hi")
    # ... and so do the near misses (the two Kim-Shoigu reports, a year apart).
    misses = report.split('id="near-misses"', 1)[1].split('id="dropped"', 1)[0]
    assert "side by side in both:" in misses


def test_build_report_names_shared_people_by_their_latin_form(seeds_site, seeds_events):
    report = (seeds_site / "report.html").read_text(encoding="utf-8")
    shown = {name.strip() for name in re.findall(r"name:([^<,]+)", report)}
    assert shown, "the seeds' merged and near-missed pairs share names"
    # The display name of an entity of the digest, never the internal consonant key (name:srglvrv).
    latin = {name["latin"] for event in seeds_events["events"] for name in event["names"]}
    assert shown <= latin, shown - latin


def test_a_plugin_failure_fails_the_build(tmp_path):
    content = make_content(tmp_path, {"sources/a.txt": seed_text("001_7e111c7a8da80fb4.txt")})
    (content / "data").mkdir()
    (content / "data" / "lexicon.tsv").write_text("this row has no tabs and no header\n", encoding="utf-8")
    result = build_site(content, tmp_path / "out", check=False)
    assert result.returncode != 0
    assert "lexicon.tsv" in (result.stdout + result.stderr)


def test_same_content_gives_byte_identical_sites(tmp_path, seeds_site):
    from conftest import ROOT

    again = tmp_path / "again"
    build_site(ROOT / "content", again)
    first = {p.relative_to(seeds_site): p.read_bytes() for p in seeds_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    different = [str(path) for path in first if first[path] != second[path]]
    assert different == []


def _built_names(tmp_path: Path, files: dict[str, str]) -> tuple[Path, list[dict]]:
    """Build a site from ``files`` (path under content -> text): its folder and every name of
    every event in ``events.json``."""
    out = tmp_path / "out"
    build_site(make_content(tmp_path, files), out)
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"]
    return out, [n for e in events for n in e["names"]]


def test_a_foreign_person_named_in_both_scripts_gets_a_name_page(tmp_path):
    # No title or role next to the name: a given name + surname written alike in both scripts.
    hi = ("रीड की शानदार जीत\n\nराइडर कप के अंतिम दिन पैट्रिक रीड ने शानदार खेल दिखाया और यूरोप की टीम को हराया।\n\n"
          "रीड ने कहा कि टीम ने बहुत मेहनत की थी।\n")
    gu = ("રીડની શાનદાર જીત\n\nરાઇડર કપના અંતિમ દિવસે પૈટ્રિક રીડે શાનદાર રમત બતાવી અને યુરોપની ટીમને હરાવી.\n\n"
          "રીડે કહ્યું કે ટીમે ખૂબ મહેનત કરી હતી.\n")
    out, names = _built_names(tmp_path, {"sources/hi.txt": hi, "sources/gu.txt": gu})
    names = [n for n in names if n["latin"] == "Patrick Reed"]
    assert names and all(n["kind"] == "person" and n["hi"] == "पैट्रिक रीड" and n["gu"] == "પૈટ્રિક રીડ" for n in names)
    page = (out / names[0]["page"]).read_text(encoding="utf-8")
    assert "Patrick Reed" in page and "पैट्रिक रीड" in page and "પૈટ્રિક રીડ" in page


def test_a_surname_with_its_particle_glued_on_is_shown_apart(tmp_path):
    # Hindi and Gujarati write de Melo as one word (डीमेलो); English writes the particle apart.
    hi = ("डीमेलो का शानदार गोल\n\nफ़ाइनल के अंतिम मिनट में मार्सेलो डीमेलो ने शानदार गोल किया और टीम को जीत दिलाई।\n\n"
          "डीमेलो ने कहा कि टीम ने बहुत मेहनत की थी।\n")
    gu = ("ડીમેલોનો શાનદાર ગોલ\n\nફાઇનલની અંતિમ મિનિટમાં માર્સેલો ડીમેલોએ શાનદાર ગોલ કર્યો અને ટીમને જીત અપાવી.\n\n"
          "ડીમેલોએ કહ્યું કે ટીમે ખૂબ મહેનત કરી હતી.\n")
    _, names = _built_names(tmp_path, {"sources/hi.txt": hi, "sources/gu.txt": gu})
    names = {n["latin"]: n for n in names}
    assert "Marcelo de Melo" in names, sorted(names)
    assert names["Marcelo de Melo"]["hi"] == "मार्सेलो डीमेलो"


def test_spellings_with_different_keys_but_one_latin_form_share_one_name_page(tmp_path):
    # डेनवर and डेन्वर differ in their keys (a व after a virama is taken for a glide) but both
    # read Denver: the reader gets one page for the name, listing both spellings.
    a = "डेनवर में भारी बर्फ़\n\nअमेरिका के डेनवर शहर में भारी बर्फ़ गिरी और सड़कें बंद हो गईं।\n"
    b = "डेन्वर में स्कूल बंद\n\nडेन्वर शहर में आज सभी स्कूल बंद रहे क्योंकि रात भर बर्फ़ गिरी।\n"
    out, names = _built_names(tmp_path, {"sources/a.txt": a, "sources/b.txt": b})
    pages = {n["page"] for n in names if n["latin"] == "Denver"}
    assert len(pages) == 1, pages
    page = (out / pages.pop()).read_text(encoding="utf-8")
    assert "डेनवर" in page and "डेन्वर" in page


def test_a_glued_honorific_is_left_off_the_name_where_the_sources_also_write_it_bare(tmp_path):
    # The Gujarati source writes ગાવસ્કરજી, with the honorific; the Hindi one गावस्कर. The name
    # page shows the name in both scripts without it, and keeps the source's spelling listed.
    hi = "गावस्कर की तारीफ़\n\nपूर्व कप्तान सुनील गावस्कर ने युवा खिलाड़ियों की जमकर तारीफ़ की और कहा कि टीम मज़बूत है।\n"
    gu = "ગાવસ્કરની પ્રશંસા\n\nપૂર્વ કપ્તાન સુનીલ ગાવસ્કરજીએ યુવા ખેલાડીઓની ખૂબ પ્રશંસા કરી અને કહ્યું કે ટીમ મજબૂત છે.\n"
    out, names = _built_names(tmp_path, {"sources/hi.txt": hi, "sources/gu.txt": gu})
    names = [n for n in names if n["latin"] == "Sunil Gavaskar"]
    assert names and {(n["hi"], n["gu"]) for n in names} == {("सुनील गावस्कर", "સુનીલ ગાવસ્કર")}
    page = (out / names[0]["page"]).read_text(encoding="utf-8")
    assert "સુનીલ ગાવસ્કરજી" in page  # among the spellings the sources wrote
