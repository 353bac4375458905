"""The editors' command line: ``sangam build`` swaps a finished site in; ``sangam names``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_content, seed_text

SANGAM = [sys.executable, "-m", "sangam.cli"]


def sangam_build(content: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*SANGAM, "build", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path):
    content = make_content(tmp_path, {"sources/a.txt": seed_text("001_7e111c7a8da80fb4.txt")})
    output = tmp_path / "site"
    assert sangam_build(content, output).returncode == 0
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert Path("events.json") in before

    (content / "sources" / "b.txt").write_text(seed_text("000_87a8305c717668f7.txt"), encoding="utf-8")
    (content / "data").mkdir()
    (content / "data" / "lexicon.tsv").write_text("a broken row\n", encoding="utf-8")  # makes the plugin fail
    result = sangam_build(content, output)
    assert result.returncode != 0
    assert "left as it was" in result.stderr
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_a_successful_build_replaces_the_site(tmp_path):
    content = make_content(tmp_path, {"sources/a.txt": seed_text("001_7e111c7a8da80fb4.txt")})
    output = tmp_path / "site"
    (output).mkdir()
    (output / "stale.html").write_text("old", encoding="utf-8")
    assert sangam_build(content, output).returncode == 0
    assert not (output / "stale.html").exists()
    assert json.loads((output / "events.json").read_text(encoding="utf-8"))["events"]


def test_names_prints_one_json_object_per_line():
    result = subprocess.run(
        [*SANGAM, "names", "--lexicon", str(ROOT / "content" / "data" / "lexicon.tsv")],
        input="लावरोव\nલાવરૉવ\nKCNA\nकेसीएनए\nLavrov\n", capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert all(set(row) == {"latin", "deva", "gujr", "key"} for row in rows)
    assert rows[0]["key"] == rows[1]["key"] == rows[4]["key"]  # one name across the three scripts
    assert rows[2]["key"] == rows[3]["key"]  # an acronym spelled out letter by letter
    assert rows[1]["deva"] and rows[0]["gujr"]  # the missing script is filled in
    assert rows[4]["deva"] == "लावरोव" and rows[4]["gujr"] == "લાવરોવ"  # from Latin too


def test_names_romanizes_as_the_build_does_an_entity_of_the_given_kind():
    def latin(kind):
        args = [*SANGAM, "names", "--lexicon", str(ROOT / "content" / "data" / "lexicon.tsv"), *kind]
        result = subprocess.run(args, input="जो रूट\nकैम्ब्रिज खाड़ी\n", capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == 0, result.stderr
        return [json.loads(line)["latin"] for line in result.stdout.splitlines()]

    assert latin(["--kind", "person"])[0].endswith(" Root")  # the last word as a surname
    assert latin(["--kind", "place"])[1] == "Cambridge Bay"
