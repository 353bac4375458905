"""A synchronous client of the Pagefind binary's ``--service`` mode, one request at a time.

The ``pagefind`` Python package speaks the same protocol, but its reader sleeps 0.1 s
before reading each response (``PagefindService._wait_for_responses``), so indexing pages
one at a time, which a byte-identical bundle needs (``add_directory`` indexes in parallel
and the bundle's file names then vary between builds), cost 0.1 s per page whatever its
size: 55 of the 64 s of indexing at 1,000 sources. This client writes a request and reads
its answer at once, and asks for the bundle's files (``GetFiles``) instead of having the
service write them (its ``WriteFiles`` answers before the last write reaches the disk; a
file was once found cut short). Protocol of the pinned ``pagefind==1.5.2``: each message,
both ways, is base64 of a JSON object ``{"message_id", "payload"}`` followed by a comma.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path


class PagefindError(RuntimeError):
    pass


def executable() -> Path:
    """The Pagefind binary the ``pagefind`` package would use (``PAGEFIND_BINARY_PATH``, ``pagefind_bin``, PATH)."""
    from pagefind.service import get_executable

    path = get_executable()
    if path is None:
        raise FileNotFoundError("Could not find the pagefind binary (install pagefind[bin])")
    return path


class PagefindIndex:
    """One in-memory Pagefind index in a ``pagefind --service`` process.

    ``with PagefindIndex(config) as index: index.add_html_file(html, url); files = index.get_files()``
    """

    def __init__(self, config: dict | None = None) -> None:
        self._config = dict(config or {})
        self._message_id = 0
        self._process: subprocess.Popen | None = None
        self._index_id: int | None = None
        self._pending = b""  # bytes read after the last message

    def __enter__(self) -> "PagefindIndex":
        self._process = subprocess.Popen(
            [str(executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._index_id = self._send({"type": "NewIndex", "config": self._config or None})["index_id"]
        return self

    def __exit__(self, *exc) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def add_html_file(self, content: str, url: str) -> dict:
        """Index one page (only what Pagefind would index of it on disk: its ``data-pagefind-body``)."""
        return self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_path": None,
                           "file_contents": content})

    def get_files(self) -> list[dict]:
        """The bundle's files, ``{"path", "content"}`` with the content in base64 (the caller writes them)."""
        return self._send({"type": "GetFiles", "index_id": self._index_id})["files"]

    def _send(self, payload: dict) -> dict:
        assert self._process is not None, "use PagefindIndex as a context manager"
        self._message_id += 1
        request = {"message_id": self._message_id, "payload": payload}
        # UTF-8, not \u escapes: Indic text would otherwise take 6 bytes a letter (78 -> 44 MB at 1,000).
        self._process.stdin.write(base64.b64encode(json.dumps(request, ensure_ascii=False).encode("utf-8")) + b",")
        self._process.stdin.flush()
        response = None
        while response is None:  # the service may answer with a bare null; the Python package skips those
            response = json.loads(base64.b64decode(self._read_message()))
        answer = response.get("payload") or {}
        if answer.get("type") == "Error" or response.get("message_id") != self._message_id:
            raise PagefindError(f"pagefind: {answer.get('message', answer)} (request {payload['type']})")
        return answer

    def _read_message(self) -> bytes:
        """The next message from the service, without its closing comma (base64 has no comma)."""
        chunks = []
        while True:
            chunk = self._pending or self._process.stdout.read1(1 << 20)
            self._pending = b""
            if not chunk:
                raise PagefindError("pagefind: the service stopped answering")
            end = chunk.find(b",")
            if end >= 0:
                chunks.append(chunk[:end])
                self._pending = chunk[end + 1 :]
                return b"".join(chunks)
            chunks.append(chunk)
