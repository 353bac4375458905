"""Injected markup in scraped text never runs in a real browser (Debian chromium via Playwright)."""

from __future__ import annotations

import json

import pytest

from browser.browser import launch
from browser.serve import SubpathServer
from conftest import build_site, make_content, seed_text

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '<svg onload="window.__pwned = 3"></svg>',
    "[क्लिक](javascript:window.__pwned=4)",
    "{{ 7 * 7 }} {% raw %}",
]


def test_no_injected_script_runs(tmp_path):
    lines = seed_text("001_7e111c7a8da80fb4.txt").split("\n")
    hostile = lines[:3] + [f"किम ने कहा {payload} और बैठक हुई।" for payload in PAYLOADS] + lines[3:]
    content = make_content(tmp_path, {"sources/hostile.txt": "title: <b onmouseover=alert(1)>शीर्षक</b>\n\n" + "\n".join(hostile)})
    output = tmp_path / "site"
    build_site(content, output)
    events = json.loads((output / "events.json").read_text(encoding="utf-8"))
    pages = [events["events"][0]["url"], events["events"][0]["sources"][0]["page"], "index.html", "report.html"]
    with SubpathServer(output, "/sangam/") as server, playwright_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            page.goto(server.base + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None, path
            # The payload is on the page as text.
            if path == pages[1]:
                text = page.inner_text("main")
                assert "<script>window.__pwned = 1</script>" in text
                assert "{{ 7 * 7 }}" in text
        assert dialogs == []
        browser.close()
