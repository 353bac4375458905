"""The digest in a real headless browser (Debian's chromium driven by Playwright).

The built site is served under a sub-path (``/sangam/``) like a GitHub Pages project site.
Screenshots at phone and desktop width are kept in ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from browser.browser import ARTIFACTS, DESKTOP, PHONE, PageWatch, launch
from browser.serve import SubpathServer, crawl
from conftest import ROOT

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

DEVA = re.compile(r"[\u0900-\u0963\u0966-\u097f]")
GUJR = re.compile(r"[\u0a80-\u0aff]")


@pytest.fixture(scope="module")
def server(seeds_site):
    with SubpathServer(seeds_site, "/sangam/") as srv:
        yield srv


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A publishconf.py build whose SITEURL is the test server's sub-path (absolute URLs)."""
    import subprocess

    with SubpathServer(None, "/sangam/") as srv:
        out = tmp_path_factory.mktemp("published")
        env = dict(os.environ, SITEURL=srv.base.rstrip("/"))
        subprocess.run(
            [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(out), "-s", str(ROOT / "publishconf.py"), "--fatal", "errors"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=600,
        )
        srv.set_site(out)
        yield srv


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx
    ctx.close()


def sample_pages(site: Path) -> dict[str, str]:
    """One page of every kind, as paths relative to the site root."""
    events = json.loads((site / "events.json").read_text(encoding="utf-8"))["events"]
    first = max(events, key=lambda e: len(e["sources"]))
    pages = {
        "index": "index.html",
        "event": first["url"],
        "source": first["sources"][0]["page"],
        "names": "names/index.html",
        "outlets": "outlets/index.html",
        "archives": "archives.html",
        "about": "about.html",
        "report": "report.html",
    }
    if first["names"]:
        pages["name"] = first["names"][0]["page"]
    outlet = next(iter(sorted((site / "outlets").glob("*.html"))), None)
    if outlet and outlet.name != "index.html":
        pages["outlet"] = f"outlets/{outlet.name}"
    day = next(iter(sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html"))), None)
    if day:
        pages["day"] = day.relative_to(site).as_posix().removesuffix("index.html")
    return pages


def open_page(ctx, url: str):
    page = ctx.new_page()
    watch = PageWatch(page)
    response = page.goto(url, wait_until="load")
    return page, watch, response


LAYOUT_JS = """() => {
  const d = document.documentElement;
  const h = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(e => +e.tagName[1]);
  return {
    scrollWidth: d.scrollWidth, clientWidth: d.clientWidth,
    h1: document.querySelectorAll('h1').length, headings: h,
    landmarks: ['header','nav','main','footer'].filter(s => document.querySelector(s)),
  };
}"""

# Every text node with Devanagari letters must sit under lang hi (or a *-Deva transliteration),
# every text node with Gujarati letters under gu (or *-Gujr).
LANG_JS = """() => {
  const bad = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = w.nextNode())) {
    const t = n.nodeValue;
    if (n.parentElement.closest('[hidden], script, style')) continue;  // not rendered (e.g. search index text)
    const el = n.parentElement.closest('[lang]');
    const lang = el ? el.getAttribute('lang') : '';
    if (/[\\u0900-\\u0963\\u0966-\\u097f]/.test(t) && !(lang === 'hi' || /^[a-z]+-Deva$/.test(lang)))
      bad.push([lang, t.trim().slice(0, 40)]);
    if (/[\\u0a80-\\u0aff]/.test(t) && !(lang === 'gu' || /^[a-z]+-Gujr$/.test(lang)))
      bad.push([lang, t.trim().slice(0, 40)]);
  }
  return bad;
}"""

# WCAG contrast of every visible text element against its effective background.
CONTRAST_JS = """() => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const bg = el => { for (; el; el = el.parentElement) { const c = parse(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); } return [255, 255, 255]; };
  const low = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.nodeValue.trim())) continue;
    const r = el.getBoundingClientRect(); if (!r.width || !r.height) continue;
    const s = getComputedStyle(el); if (s.visibility === 'hidden') continue;
    const a = lum(parse(s.color).slice(0, 3)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.6 && +s.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) low.push([el.tagName, el.className, ratio.toFixed(2)]);
  }
  return low;
}"""


def test_pages_render_at_phone_and_desktop_width(browser, server, seeds_site):
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        ctx = browser.new_context(viewport=viewport)
        for kind, rel in sample_pages(seeds_site).items():
            page, watch, response = open_page(ctx, server.base + rel)
            where = f"{kind} ({rel}) at {width_name}"
            if response is None or response.status != 200:
                problems.append(f"{where}: status {response and response.status}")
            info = page.evaluate(LAYOUT_JS)
            if info["scrollWidth"] > info["clientWidth"]:
                problems.append(f"{where}: horizontal scroll {info['scrollWidth']} > {info['clientWidth']}")
            if info["h1"] != 1:
                problems.append(f"{where}: {info['h1']} h1 elements")
            levels = info["headings"]
            if any(b > a + 1 for a, b in zip(levels, levels[1:])):
                problems.append(f"{where}: heading levels skip: {levels}")
            if info["landmarks"] != ["header", "nav", "main", "footer"]:
                problems.append(f"{where}: landmarks {info['landmarks']}")
            if watch.errors:
                problems.append(f"{where}: {watch.errors}")
            foreign = watch.foreign(f"http://127.0.0.1:{server.port}/sangam/")
            if foreign:
                problems.append(f"{where}: requests outside the site: {foreign}")
            if watch.failed:
                problems.append(f"{where}: failed requests {watch.failed}")
            bad_lang = page.evaluate(LANG_JS)
            if bad_lang:
                problems.append(f"{where}: text in the wrong lang: {bad_lang[:5]}")
            low = page.evaluate(CONTRAST_JS)
            if low:
                problems.append(f"{where}: low contrast: {low[:5]}")
            page.screenshot(path=str(ARTIFACTS / f"{kind}-{width_name}.png"), full_page=True)
            page.close()
        ctx.close()
    assert not problems, "\n".join(problems)


def test_fonts_are_the_themes_own(context, server, seeds_site):
    page, watch, _ = open_page(context, server.base + sample_pages(seeds_site)["event"])
    page.evaluate("document.fonts.ready.then(() => true)")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Deva" in f for f in loaded) and any("Gujr" in f for f in loaded), loaded
    woff = [u for u in watch.requests if u.endswith(".woff2")]
    assert woff and all(u.startswith(server.base + "theme/fonts/") for u in woff)


def test_every_link_resolves_under_the_sub_path(server):
    seen, broken = crawl(server.base + "index.html", "/sangam/")
    assert not broken, broken[:10]
    assert len(seen) > 20


def test_published_build_resolves_under_the_sub_path_with_siteurl(published, browser):
    seen, broken = crawl(published.base + "index.html", "/sangam/")
    assert not broken, broken[:10]
    # The 404 page (served for any missing path) links back into the site.
    ctx = browser.new_context(viewport=PHONE)
    page, watch, response = open_page(ctx, published.base + "no/such/page.html")
    assert response.status == 404
    assert page.locator("h1").count() == 1
    link = page.locator("main a").first
    target = link.evaluate("a => a.href")  # resolved against the page: SITEURL must keep /sangam/
    assert target.startswith(published.base), target
    link.click()
    # Wait for the navigation and the new document's load (stylesheets included) before looking:
    # right after the click the URL may have changed while the new page is still empty.
    page.wait_for_url(target, wait_until="load")
    assert page.url.startswith(published.base)
    expect(page.locator("h1")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.body).fontFamily").find("Sangam") >= 0  # stylesheet loaded
    page.screenshot(path=str(ARTIFACTS / "404-phone.png"), full_page=True)
    ctx.close()


def test_language_switch_is_remembered(context, server, seeds_site):
    pages = sample_pages(seeds_site)
    page, watch, _ = open_page(context, server.base + "index.html")
    h1 = page.locator("h1")
    assert "ताज़ा" in h1.inner_text() and "તાજી" in h1.inner_text()  # no choice yet: both
    page.get_by_role("button", name="ગુજરાતી").first.click()
    assert page.evaluate("document.documentElement.dataset.ui") == "gu"
    assert page.get_by_role("button", name="ગુજરાતી").first.get_attribute("aria-pressed") == "true"
    assert h1.inner_text().strip() == "તાજી ઘટનાઓ"
    assert page.evaluate("localStorage.getItem('sangam-ui')") == "gu"
    page.reload()
    assert page.evaluate("document.documentElement.dataset.ui") == "gu"
    assert page.locator("h1").inner_text().strip() == "તાજી ઘટનાઓ"
    page.goto(server.base + pages["names"])
    assert not DEVA.search(page.locator("h1").inner_text())
    page.get_by_role("button", name="हिंदी").click()
    page.goto(server.base + "index.html")
    assert page.locator("h1").inner_text().strip() == "ताज़ा घटनाएँ"
    page.screenshot(path=str(ARTIFACTS / "index-hindi-ui-desktop.png"), full_page=True)
    assert not watch.errors


def test_script_switch_transliterates_and_is_remembered(context, server, seeds_site):
    pages = sample_pages(seeds_site)
    page, watch, _ = open_page(context, server.base + pages["event"])
    blocks = page.locator("[data-tr]")
    original = blocks.evaluate_all("els => els.map(e => [e.getAttribute('lang'), e.textContent])")
    assert any(DEVA.search(t) for _, t in original) and any(GUJR.search(t) for _, t in original)
    note = page.locator(".tr-note")
    assert not note.is_visible()

    page.get_by_role("button", name="Latin").click()
    latin = blocks.evaluate_all("els => els.map(e => [e.closest('[lang]').getAttribute('lang'), e.textContent])")
    assert all(not DEVA.search(t) and not GUJR.search(t) for _, t in latin), latin[:3]
    assert all(lang.endswith("-Latn") for lang, _ in latin)
    assert note.is_visible() and "transliteration, not translation" in note.inner_text()
    page.locator("details summary").first.click()
    page.screenshot(path=str(ARTIFACTS / "event-latin-desktop.png"), full_page=True)

    page.reload()
    assert page.evaluate("localStorage.getItem('sangam-script')") == "latn"
    assert not any(DEVA.search(t) for t in page.locator("[data-tr]").all_text_contents())

    page.get_by_role("button", name="ગુજરાતી").nth(1).click()  # the script button (after the interface one)
    assert page.evaluate("document.documentElement.dataset.script") == "gujr"
    gujr = blocks.evaluate_all("els => els.map(e => [e.closest('[lang]').getAttribute('lang'), e.textContent])")
    assert all(not DEVA.search(t) for _, t in gujr)
    assert any(lang == "hi-Gujr" for lang, _ in gujr)
    page.get_by_role("button", name="देवनागरी").click()
    deva = blocks.evaluate_all("els => els.map(e => e.textContent)")
    assert all(not GUJR.search(t) for t in deva)
    assert not page.evaluate(LANG_JS)
    page.get_by_role("button", name="मूल").click()
    back = blocks.evaluate_all("els => els.map(e => [e.getAttribute('lang'), e.textContent])")
    assert back == original
    assert not watch.errors


def test_transliteration_tables(context, server):
    page, _, _ = open_page(context, server.base + "index.html")
    t = lambda fn, s: page.evaluate(f"window.sangamTransliterate.{fn}({json.dumps(s)})")  # noqa: E731
    assert t("latn", "किम जोंग उन") == "kim jong un"
    assert t("latn", "કિમ જોંગ ઉન") == "kim jong un"
    assert t("latn", "सर्गेई लावरोव") == "sargeī lāvarov"
    assert t("gujr", "रूस") == "રૂસ"
    assert t("deva", "રશિયા") == "रशिया"
    assert t("gujr", "ज़ि") == "જ઼િ"


def test_readable_without_javascript(browser, server, seeds_site):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server.base + sample_pages(seeds_site)["event"])
    assert page.locator("h1").is_visible()
    assert not page.locator(".switches").is_visible()
    assert page.locator(".sources li").count() >= 1
    text = page.locator("main").inner_text()
    assert DEVA.search(text) and GUJR.search(text)
    page.screenshot(path=str(ARTIFACTS / "event-nojs-phone.png"), full_page=True)
    ctx.close()


def test_keyboard_focus_is_visible(context, server):
    page, _, _ = open_page(context, server.base + "index.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
      return {cls: e.className, outline: s.outlineStyle, w: parseFloat(s.outlineWidth), top: r.top, left: r.left}; }""")
    assert focused["cls"] == "skip" and focused["outline"] != "none" and focused["w"] >= 2
    assert focused["left"] >= 0 and focused["top"] >= 0  # the skip link comes into view
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(4):
        page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style != "none"
