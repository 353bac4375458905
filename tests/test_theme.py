"""The theme's output, checked on the written files of real Pelican builds (no browser)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, build_site, make_content, seed_text

ATOM = "{http://www.w3.org/2005/Atom}"
FONTS = ROOT / "theme" / "static" / "fonts"


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._script is not None and self.scripts:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def parse(path: Path) -> Tags:
    tags = Tags()
    tags.feed(path.read_text(encoding="utf-8"))
    return tags


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_fonts_ship_with_the_theme_subset_and_licensed():
    for script in ("Devanagari", "Gujarati"):
        for weight in ("Regular", "Bold"):
            font = FONTS / f"NotoSans{script}-{weight}.woff2"
            assert font.read_bytes()[:4] == b"wOF2"
            assert font.stat().st_size < 80_000, f"{font.name} is not subset"
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text(encoding="utf-8")
    css = (ROOT / "theme" / "static" / "css" / "sangam.css").read_text(encoding="utf-8")
    assert css.count("@font-face") == 4 and "url(../fonts/NotoSansDevanagari-Regular.woff2)" in css


def test_css_and_js_are_small_and_self_contained():
    css = (ROOT / "theme" / "static" / "css" / "sangam.css").read_bytes()
    assert len(css) < 12_000
    for asset in [ROOT / "theme" / "static" / "css" / "sangam.css", ROOT / "theme" / "static" / "js" / "sangam.js"]:
        text = asset.read_text(encoding="utf-8")
        assert not re.search(r"(url\(|import|fetch\(|src=)\s*['\"]?(https?:)?//", text), f"{asset.name} refers to another host"
        assert "@import" not in text


def test_every_page_one_h1_known_langs_no_blocking_or_foreign_assets(seeds_site):
    pages = html_pages(seeds_site)
    assert len(pages) > 15
    for page in pages:
        if page.name == "search.html":
            continue  # the search engineer's page
        tags = parse(page)
        names = [t for t, _ in tags.tags]
        assert names.count("h1") == 1, f"{page}: {names.count('h1')} h1"
        for required in ("header", "nav", "main", "footer"):
            assert required in names, f"{page}: no <{required}>"
        html_attrs = next(a for t, a in tags.tags if t == "html")
        assert html_attrs.get("lang") in ("hi", "gu", "en")
        for tag, attrs in tags.tags:
            if "lang" in attrs:
                assert attrs["lang"] in ("hi", "gu", "en"), f"{page}: lang={attrs['lang']!r}"
            # Assets (stylesheets, scripts, images, fonts) come from the site itself.
            ref = attrs.get("src") if tag in ("script", "img", "source", "iframe") else attrs.get("href") if tag == "link" else None
            if ref and not ref.startswith("data:"):
                assert not urlsplit(ref).netloc, f"{page}: asset from another host: {ref}"
        for attrs, text in tags.scripts:
            if "src" in attrs:
                assert "defer" in attrs or "async" in attrs or attrs.get("type") == "module", f"{page}: blocking {attrs['src']}"
            elif attrs.get("type") != "application/ld+json":
                assert len(text) < 400, f"{page}: inline script of {len(text)} bytes"


def test_every_page_has_the_search_box_and_the_switches(seeds_site):
    index = (seeds_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<form[^>]*role="search"[^>]*action="\./search\.html"[^>]*method="get"', index)
    assert 'name="q"' in index
    assert '<div class="switches" hidden>' in index  # shown only by JavaScript
    for value in ("hi", "gu"):
        assert f'data-set-ui="{value}"' in index
    for value in ("orig", "deva", "gujr", "latn"):
        assert f'data-set-script="{value}"' in index
    assert "transliteration, not translation" in index


def test_front_page_entries(seeds_site, seeds_events):
    index = (seeds_site / "index.html").read_text(encoding="utf-8")
    entries = index.split('<article class="event-summary">')[1:]
    assert len(entries) == min(len(seeds_events["events"]), 20)
    for event, entry in zip(seeds_events["events"], entries):
        assert event["url"] in entry
        n = len(event["sources"])
        nhi = sum(s["lang"] == "hi" for s in event["sources"])
        assert f"{n} स्रोत" in entry and f"हिंदी {nhi}, गुजराती {n - nhi}" in entry
        for lang, title in event["title"].items():
            assert f'lang="{lang}" data-tr>{title.replace(chr(39), "&#39;")}'[:60] in entry.replace("&#34;", '"')
        if event["names"]:
            assert event["names"][0]["page"] in entry


def test_event_page_structured_data_open_graph_and_sources(seeds_site, seeds_events):
    for event in seeds_events["events"]:
        page = seeds_site / event["url"]
        html = page.read_text(encoding="utf-8")
        tags = parse(page)
        ld = [json.loads(text) for attrs, text in tags.scripts if attrs.get("type") == "application/ld+json"]
        assert len(ld) == 1 and ld[0]["@type"] == "NewsArticle"
        assert ld[0]["headline"] in event["title"].values()
        metas = {a.get("property"): a.get("content") for t, a in tags.tags if t == "meta" and a.get("property")}
        assert metas["og:type"] == "article" and metas["og:title"] and metas["og:site_name"]
        for source in event["sources"]:
            assert f'/{source["page"]}"' in html
            if source["url"]:
                assert source["url"] in html
        assert html.count("<details>") >= len(event["sources"])  # full text per source, collapsible
        for name in event["names"]:
            assert name["page"] in html


def test_feeds_all_and_per_language_resolve_relative_to_the_feed(seeds_site, seeds_events):
    by_url = {e["url"]: e for e in seeds_events["events"]}
    for name in ("all", "hi", "gu"):
        feed_path = seeds_site / "feeds" / f"{name}.atom.xml"
        root = ET.parse(feed_path).getroot()
        entries = root.findall(f"{ATOM}entry")
        for entry in entries:
            href = entry.find(f"{ATOM}link").get("href")
            target = (feed_path.parent / href).resolve()
            assert target.is_file(), f"{name}: {href} does not resolve from feeds/"
            rel = target.relative_to(seeds_site.resolve()).as_posix()
            if name != "all":
                assert any(s["lang"] == name for s in by_url[rel]["sources"])
        expected = [e for e in seeds_events["events"] if name == "all" or any(s["lang"] == name for s in e["sources"])]
        assert len(entries) == len(expected)


def test_sitemap_lists_every_page_and_nothing_missing(seeds_site, seeds_events):
    root = ET.parse(seeds_site / "sitemap.xml").getroot()
    locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in root]
    for loc in locs:
        path = seeds_site / loc
        assert path.is_file() or (path / "index.html").is_file() or loc == "./", loc
    for event in seeds_events["events"]:
        assert event["url"] in locs
    assert "404.html" not in locs and "about.html" in locs and "report.html" in locs


def test_outlet_pages_cover_every_source_once(seeds_site, seeds_events):
    pages = [p for p in (seeds_site / "outlets").glob("*.html") if p.name != "index.html"]
    assert pages
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    for event in seeds_events["events"]:
        for source in event["sources"]:
            assert text.count(f'/{source["page"]}"') == 1, source["page"]


def test_archives_link_day_pages_and_404_uses_root_links(seeds_site):
    archives = (seeds_site / "archives.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="\./(\d{4}/\d{2}/(?:\d{2}/)?)"', archives):
        assert (seeds_site / href / "index.html").is_file()
    not_found = (seeds_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/theme/css/sangam.css"' in not_found  # served at any depth: never relative


def test_publish_build_uses_siteurl_everywhere(tmp_path, monkeypatch):
    content = make_content(tmp_path, {"sources/a.txt": seed_text("001_7e111c7a8da80fb4.txt"),
                                      "sources/b.txt": seed_text("000_87a8305c717668f7.txt")})
    siteurl = "https://example.github.io/sangam"
    monkeypatch.setenv("SITEURL", siteurl)
    out = tmp_path / "out"
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "publishconf.py"), "--fatal", "errors"],
                   cwd=ROOT, check=True, capture_output=True, text=True, timeout=600)
    for page in html_pages(out):
        if page.name == "search.html":
            continue
        for tag, attrs in parse(page).tags:
            ref = attrs.get("href") or attrs.get("src")
            if tag in ("a", "link", "script") and ref and not ref.startswith(("#", "data:", "mailto:")):
                if ref.startswith("http") and not ref.startswith(siteurl):
                    continue  # links to the original articles
                assert ref.startswith(siteurl + "/"), f"{page.name}: {ref}"
    event = next((out / "events").glob("*.html"))
    html = event.read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{siteurl}/events/' in html
    assert f'property="og:url" content="{siteurl}/events/' in html
    locs = ET.parse(out / "sitemap.xml").getroot()
    assert all(u[0].text.startswith(siteurl + "/") for u in locs)
    feed = ET.parse(out / "feeds" / "gu.atom.xml").getroot()
    assert all(e.find(f"{ATOM}link").get("href").startswith(siteurl + "/events/") for e in feed.findall(f"{ATOM}entry"))


def test_per_language_feed_of_a_gujarati_only_site_is_empty_in_hindi(tmp_path):
    content = make_content(tmp_path, {"sources/gu.txt": seed_text("000_87a8305c717668f7.txt")})
    out = tmp_path / "out"
    build_site(content, out)
    assert ET.parse(out / "feeds" / "hi.atom.xml").getroot().findall(f"{ATOM}entry") == []
    gu = ET.parse(out / "feeds" / "gu.atom.xml").getroot().findall(f"{ATOM}entry")
    assert len(gu) == 1 and re.search(r"[\u0a80-\u0aff]", gu[0].find(f"{ATOM}title").text)


@pytest.mark.parametrize("text", ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'])
def test_scraped_text_is_escaped(tmp_path, text):
    content = make_content(tmp_path, {"sources/x.txt": f"title: {text} समाचार\n\n" + seed_text("001_7e111c7a8da80fb4.txt")})
    out = tmp_path / "out"
    build_site(content, out)
    for page in html_pages(out):
        assert "<script>alert" not in page.read_text(encoding="utf-8")
        assert "<img src=x" not in page.read_text(encoding="utf-8")


def test_undated_events_are_listed_apart_and_make_no_period_pages(seeds_site, seeds_events):
    # The seeds state no publication date: Pelican is given a placeholder date for them, which
    # must not show as "January 1970" or make 1970/ archive pages.
    assert not [p.name for p in seeds_site.iterdir() if p.name.isdigit()]
    archives = (seeds_site / "archives.html").read_text(encoding="utf-8")
    assert "1970" not in archives
    undated = archives[archives.index('id="undated"'):]
    for event in seeds_events["events"]:
        assert event["url"] in undated


def test_dated_and_undated_events_share_the_archives(tmp_path):
    dated = "प्रकाशित: 12 जुलाई 2025\n" + seed_text("001_7e111c7a8da80fb4.txt")
    content = make_content(tmp_path, {"sources/dated.txt": dated, "sources/undated.txt": seed_text("000_87a8305c717668f7.txt")})
    out = tmp_path / "out"
    build_site(content, out)
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"]
    by_date = {bool(e["date"]): e for e in events}
    assert set(by_date) == {True, False}
    day = out / "2025" / "07" / "12" / "index.html"
    page = day.read_text(encoding="utf-8")
    assert by_date[True]["url"] in page and by_date[False]["url"] not in page
    archives = (out / "archives.html").read_text(encoding="utf-8")
    assert archives.index(by_date[True]["url"]) < archives.index('id="undated"') < archives.index(by_date[False]["url"])
