"""Debian's Chromium driven by Playwright (its own browser download is never used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("SANGAM_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    return shutil.which("chromium")


def launch(playwright):
    path = chromium_path()
    if not path:
        raise RuntimeError("Debian's chromium is missing: run `make browser` (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, args=ARGS, headless=True)


class PageWatch:
    """Console errors, page errors and every request a page makes."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda msg: self.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("request", lambda req: self.requests.append(req.url))
        page.on("requestfailed", lambda req: self.failed.append(f"{req.url}: {req.failure}"))

    def foreign(self, allowed_prefix: str) -> list[str]:
        return [url for url in self.requests if not (url.startswith(allowed_prefix) or url.startswith(("data:", "blob:", "about:")))]
