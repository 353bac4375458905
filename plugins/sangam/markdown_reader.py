"""Markdown pages and editor notes rendered with markdown-it-py (CommonMark, raw HTML off)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from pelican.readers import BaseReader

from .read import split_header

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
PAGE_HEADER_KEYS = ("title", "slug", "lang", "date", "summary", "status", "template", "save_as", "url")


def render_markdown(text: str) -> str:
    """HTML from Markdown; raw HTML in the source is shown as text, never executed."""
    return _MARKDOWN.render(text)


class MarkdownItReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, filename):
        with open(filename, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        header, skip = split_header(lines, PAGE_HEADER_KEYS)
        metadata = {key: self.process_metadata(key, value) for key, value in header.items()}
        return render_markdown("\n".join(lines[skip:])), metadata


def add_reader(readers) -> None:
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def forget_disabled_markdown(generator) -> None:
    """Pelican warns on every .md file when Python-Markdown is missing, though ours reads them."""
    for extension in MarkdownItReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
