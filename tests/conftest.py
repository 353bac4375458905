"""Shared fixtures: real Pelican builds of small content folders."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = json.loads((ROOT / "tests" / "data" / "seeds-gold.json").read_text(encoding="utf-8"))


def build_site(content: Path, output: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the real ``pelican`` command on a content folder, as ``make html`` does."""
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"pelican failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def make_content(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    """A content folder laid out like content/: raw files under sources/."""
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    for name, data in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    return content


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Path:
    """The sample content (the five seed articles) built once for the session."""
    output = tmp_path_factory.mktemp("seeds-site")
    build_site(ROOT / "content", output)
    return output


@pytest.fixture(scope="session")
def seeds_events(seeds_site) -> dict:
    return json.loads((seeds_site / "events.json").read_text(encoding="utf-8"))


def seed_text(name: str) -> str:
    return (ROOT / "content" / "sources" / name).read_text(encoding="utf-8")


def copy_seeds(target: Path, names: list[str] | None = None) -> None:
    (target / "sources").mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "content" / "sources").iterdir()):
        if names is None or path.name in names:
            shutil.copy(path, target / "sources" / path.name)
