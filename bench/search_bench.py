"""Measure the built search in a real browser (issue 7 targets).

    .venv/bin/python bench/search_bench.py                     # seeds + ../shared/corpus/dev
    .venv/bin/python bench/search_bench.py --seeds-only
    .venv/bin/python bench/search_bench.py --site /tmp/dev --corpus ../shared/corpus/dev  # reuse a build

Builds each content folder with the real ``pelican`` command, serves the output under a
sub-path (``/sangam/``) with a local http.server, types the queries into ``search.html`` in
headless Chromium and reads the ranked result links. Prints:

* the seed targets (rank of the expected event(s) for each query);
* on the development corpus, for every event, a distinctive word of a Gujarati source's
  headline typed in Devanagari letters (or of a Hindi source's headline typed in Gujarati
  letters) and whether the event is in the top five;
* the size of the search bundle and what the first query downloads.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import math
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from sangam.script import devanagari_to_gujarati, fold, gujarati_to_devanagari, tokens  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SUBPATH = "sangam"

# Seed targets: query -> how many of the expected events must fill the top ranks.
SEED_KIM_LAVROV = ["Lavrov", "लावरोव", "લાવરોવ", "Wonsan", "वॉन्सान", "Choe Son Hui", "Yonhap", "Kalma"]
SEED_SHOIGU = ["Shoigu", "शोइगु", "શોઇગુ", "Sergei Shoigu"]
SEED_OTHER = ["Pyongyang", "Kim Jong Un", "KCNA", "Sergey Shoigu", "लावरॉव", "પ્યોંગયાંગ"]
KIM_LAVROV_FILES = {"000_87a8305c717668f7.txt", "001_7e111c7a8da80fb4.txt", "002_8578c4a126f71b8e.txt"}
SHOIGU_FILES = {"003_c30187d985211f20.txt", "004_7479646e0f45031a.txt"}


def build(content: Path, output: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "--fatal", "errors"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    if done.returncode:
        raise SystemExit(f"pelican failed on {content}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, subpath: str = SUBPATH):
    """Serve ``site`` at http://127.0.0.1:<port>/<subpath>/ (a sub-path, as on GitHub Pages)."""
    with tempfile.TemporaryDirectory() as top:
        (Path(top) / subpath).symlink_to(Path(site).resolve(), target_is_directory=True)
        handler = functools.partial(_Quiet, directory=top)
        socketserver.TCPServer.allow_reuse_address = True
        with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as httpd:
            thread = threading.Thread(target=httpd.serve_forever, daemon=True)
            thread.start()
            try:
                yield f"http://127.0.0.1:{httpd.server_address[1]}/{subpath}/"
            finally:
                httpd.shutdown()


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class SearchPage:
    """search.html in one tab: type a query, read the ranked result links (paths under the site)."""

    def __init__(self, browser, base: str):
        self.base = base
        self.page = browser.new_page()
        self.page.goto(base + "search.html")
        self.page.wait_for_selector("#search[data-state]")

    def query(self, text: str, timeout: float = 20_000) -> list[str]:
        page = self.page
        box = page.locator("#search-q")
        box.fill("")
        box.type(text, delay=0)
        page.wait_for_function(
            "q => { const s = document.getElementById('search'); return s.dataset.state === 'done' && s.dataset.query === q; }",
            arg=text.strip(), timeout=timeout,
        )
        return self.links()

    def links(self) -> list[str]:
        hrefs = self.page.eval_on_selector_all("#search-results a.result-link", "as => as.map(a => a.href)")
        return [h.split(self.base, 1)[-1] for h in hrefs]


def event_urls(site: Path) -> dict[frozenset[str], str]:
    events = json.loads((site / "events.json").read_text(encoding="utf-8"))
    return {frozenset(Path(s["path"]).name for s in e["sources"]): e["url"] for e in events["events"]}


def seeds_report(site: Path, base: str, b) -> dict:
    by_files = event_urls(site)
    kim_lavrov = [url for files, url in by_files.items() if files & KIM_LAVROV_FILES]
    shoigu = [url for files, url in by_files.items() if files & SHOIGU_FILES]
    page = SearchPage(b, base)
    rows, passed, total = [], 0, 0
    for q in SEED_KIM_LAVROV:
        links = page.query(q)
        ok = bool(links) and links[0] in kim_lavrov
        rows.append((q, "Kim–Lavrov first", ok, links[:3]))
        passed += ok
        total += 1
    for q in SEED_SHOIGU:
        links = page.query(q)
        ok = set(shoigu) <= set(links[:2]) if len(shoigu) <= 2 else set(links[:2]) <= set(shoigu)
        rows.append((q, "both Shoigu events in top 2", ok, links[:3]))
        passed += ok
        total += 1
    for q in SEED_OTHER:
        rows.append((q, "(extra)", None, page.query(q)[:3]))
    page.page.close()
    return {"rows": rows, "passed": passed, "total": total, "kim_lavrov": kim_lavrov, "shoigu": shoigu}


def distinctive_word(title: str, df: dict[str, int]) -> str | None:
    """The headline word rarest across the corpus's events (ties: the longest); 3 characters or more."""
    best = None
    for word in tokens(title):
        if len(word) < 3 or word.isascii():
            continue
        score = (df.get(fold(word), 0), -len(word))
        if best is None or score < best[0]:
            best = (score, word)
    return best[1] if best else None


def corpus_queries(site: Path) -> list[dict]:
    """For every event: a distinctive word of a source headline, typed in the other script."""
    events = json.loads((site / "events.json").read_text(encoding="utf-8"))["events"]
    df: dict[str, int] = {}
    for e in events:
        seen = {fold(w) for s in e["sources"] for w in tokens((s.get("title") or "") + " " + " ".join(s["text"]))}
        for w in seen:
            df[w] = df.get(w, 0) + 1
    out = []
    for e in events:
        # A Gujarati source first (its word typed in Devanagari), else a Hindi one (typed in Gujarati).
        for source in sorted(e["sources"], key=lambda s: (s["lang"] != "gu", s["path"])):
            title = source.get("title") or ""
            word = distinctive_word(title, df)
            if not word:
                continue
            typed = gujarati_to_devanagari(word) if source["lang"] == "gu" else devanagari_to_gujarati(word)
            out.append({"event": e["url"], "lang": source["lang"], "word": word, "query": typed})
            break
        else:
            out.append({"event": e["url"], "lang": None, "word": None, "query": None})
    return out


def corpus_report(site: Path, base: str, b) -> dict:
    queries = corpus_queries(site)
    page = SearchPage(b, base)
    hits, misses = 0, []
    for q in queries:
        if not q["query"]:
            misses.append({**q, "rank": None})
            continue
        links = page.query(q["query"])
        rank = links.index(q["event"]) + 1 if q["event"] in links else None
        q["rank"] = rank
        if rank and rank <= 5:
            hits += 1
        else:
            misses.append(q)
    page.page.close()
    return {"events": len(queries), "top5": hits, "misses": misses}


def bundle_report(site: Path, base: str, b, query: str) -> dict:
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    engine = [p for p in files if p.suffix in (".js", ".css") and "ui" in p.name]
    sizes = {
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "bundle_files": len(files),
        "bundle_bytes_without_pagefind_ui": sum(p.stat().st_size for p in files if p not in engine),
    }
    context = b.new_context()
    page = context.new_page()
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, (r.sizes() or {}).get("responseBodySize", 0))))
    page.goto(base + "search.html")
    page.wait_for_selector("#search[data-state]")
    before = len(fetched)
    page.locator("#search-q").type(query)
    page.wait_for_function("q => document.getElementById('search').dataset.query === q", arg=query)
    first = fetched[before:]
    sizes["first_query"] = query
    sizes["first_query_bytes"] = sum(n for _, n in first)
    sizes["first_query_requests"] = len(first)
    sizes["page_load_bytes"] = sum(n for _, n in fetched[:before])
    context.close()
    return sizes


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default=str(ROOT / "content"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    parser.add_argument("--site", help="reuse this build of --corpus instead of building")
    parser.add_argument("--seeds-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        seeds_site = Path(tmp) / "seeds"
        seconds = build(Path(args.seeds), seeds_site)
        print(f"seeds: built in {seconds:.1f} s -> {seeds_site}")
        with serve(seeds_site) as base:
            report = seeds_report(seeds_site, base, b)
            for q, target, ok, links in report["rows"]:
                mark = "ok  " if ok else ("FAIL" if ok is False else "    ")
                print(f"  {mark} {q!r:24} {target:30} top: {', '.join(links) or '-'}")
            print(f"seed targets: {report['passed']}/{report['total']}")
            seeds_bundle = bundle_report(seeds_site, base, b, "Lavrov")
        print(
            f"seeds bundle: {kib(seeds_bundle['bundle_bytes'])} in {seeds_bundle['bundle_files']} files "
            f"({kib(seeds_bundle['bundle_bytes_without_pagefind_ui'])} without Pagefind's UI files); "
            f"first query {seeds_bundle['first_query']!r} downloads {kib(seeds_bundle['first_query_bytes'])} "
            f"in {seeds_bundle['first_query_requests']} requests"
        )
        if args.seeds_only:
            return 0 if report["passed"] == report["total"] else 1
        if args.site:
            dev_site = Path(args.site)
        else:
            dev_site = Path(tmp) / "dev"
            seconds = build(Path(args.corpus), dev_site)
            print(f"dev corpus: built in {seconds:.1f} s -> {dev_site}")
        with serve(dev_site) as base:
            dev = corpus_report(dev_site, base, b)
            share = dev["top5"] / dev["events"] if dev["events"] else math.nan
            print(f"dev corpus: cross-script headline word finds its event in the top 5: "
                  f"{dev['top5']}/{dev['events']} = {share:.1%} (target >= 95%)")
            for miss in dev["misses"]:
                print(f"  miss: {miss['event']} {miss['lang']} {miss['word']!r} typed {miss['query']!r} rank {miss['rank']}")
            first = next((q["query"] for q in corpus_queries(dev_site) if q["query"]), "लावरोव")
            dev_bundle = bundle_report(dev_site, base, b, first)
        print(
            f"dev bundle: {kib(dev_bundle['bundle_bytes'])} in {dev_bundle['bundle_files']} files "
            f"({kib(dev_bundle['bundle_bytes_without_pagefind_ui'])} without Pagefind's UI files); "
            f"first query {dev_bundle['first_query']!r} downloads {kib(dev_bundle['first_query_bytes'])} "
            f"in {dev_bundle['first_query_requests']} requests (search page itself: {kib(dev_bundle['page_load_bytes'])})"
        )
    ok = report["passed"] == report["total"] and share >= 0.95
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
