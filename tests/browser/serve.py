"""A local static server for built sites, mounted under a sub-path like a GitHub Pages project site.

``SubpathServer(site, "/sangam/")`` serves ``site`` at ``http://127.0.0.1:<port>/sangam/``;
missing files get the site's ``404.html`` with status 404, as GitHub Pages does.
"""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/sangam/"
    site: Path

    def log_message(self, *args):  # keep test output clean
        pass

    def translate_path(self, path):
        path = urllib.parse.urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(self.site / "__outside_the_sub_path__")
        rel = urllib.parse.unquote(path[len(self.prefix):])
        return str(self.site / rel) if rel else str(self.site)

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class SubpathServer:
    def __init__(self, site: Path | None = None, prefix: str = "/sangam/"):
        self.handler_class = type("Handler", (_Handler,), {"prefix": prefix, "site": Path(site) if site else None})
        handler = functools.partial(self.handler_class, directory=str(site or "."))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.handler = handler
        self.prefix = prefix
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def set_site(self, site: Path) -> None:
        self.handler_class.site = Path(site)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class _Links(HTMLParser):
    ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        want = self.ATTRS.get(tag)
        for name, value in attrs:
            if name == want and value:
                self.links.append(value)


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def crawl(start: str, prefix: str) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Follow every local link from ``start``.

    Returns the status of every URL reached and the broken ones as (page, link, status);
    status -1 marks a link that leaves the sub-path.
    """
    status_of: dict[str, int] = {}
    referrer = {start: "(start)"}
    broken: list[tuple[str, str, int]] = []
    queue = [start]
    host = urllib.parse.urlsplit(start).netloc
    while queue:
        url = queue.pop()
        if url in status_of:
            continue
        status, body, ctype = fetch(url)
        status_of[url] = status
        if status != 200:
            broken.append((referrer[url], url, status))
            continue
        if "html" not in ctype:
            continue
        for link in links_of(body.decode("utf-8")):
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(url, link))
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue  # links to the original articles are not ours to check
            target = urllib.parse.urlunsplit(parts._replace(fragment=""))
            if not parts.path.startswith(prefix):
                broken.append((url, link, -1))
                continue
            if target not in referrer:
                referrer[target] = url
                queue.append(target)
    return status_of, broken
