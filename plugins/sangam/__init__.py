"""Sangam: a Pelican plugin that turns raw scraped Hindi and Gujarati news into a digest of events.

Stages (each a module over plain data): read, clean, names, merge, then the
Pelican glue in ``plugin`` renders pages and ``export`` writes events.json.
"""

from .plugin import register

__all__ = ["register"]
