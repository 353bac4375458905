"""Editorial overrides: validation, and through a real Pelican build (headline, note, together/apart)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import build_site, copy_seeds

from sangam import editorial

KNOWN = {"sources/a.txt", "sources/b.txt"}


def test_missing_files_and_unknown_keys_are_reported(tmp_path):
    path = tmp_path / "editorial.toml"
    path.write_text(
        '[[together]]\nsources = ["a.txt", "nothere.txt", "b.txt"]\n'
        '[[event]]\nsource = "gone.txt"\nnote = "x"\n'
        '[[event]]\nsource = "sources/a.txt"\ncolour = "red"\ntitle = { hi = "शीर्षक", fr = "titre" }\n'
        '[extra]\n',
        encoding="utf-8",
    )
    result = editorial.load(path, KNOWN)
    text = "\n".join(result.warnings)
    assert "nothere.txt" in text and "gone.txt" in text and "colour" in text and "title.fr" in text and "[extra]" in text
    assert result.together == [["sources/a.txt", "sources/b.txt"]]
    assert result.events[0].title == {"hi": "शीर्षक"}


def test_broken_toml_is_reported_not_fatal(tmp_path):
    path = tmp_path / "editorial.toml"
    path.write_text("[[apart]\n", encoding="utf-8")
    result = editorial.load(path, KNOWN)
    assert result.warnings and not result.apart


def test_overrides_in_a_real_build(tmp_path):
    content = tmp_path / "content"
    copy_seeds(content)
    (content / "data").mkdir()
    (content / "data" / "editorial.toml").write_text(
        '[[apart]]\nsources = ["003_c30187d985211f20.txt", "004_7479646e0f45031a.txt"]\n'
        '[[event]]\nsource = "002_8578c4a126f71b8e.txt"\ntitle = { gu = "સંપાદકનું શીર્ષક" }\n'
        'note = """The meeting was in **Wonsan**. <script>alert(1)</script>"""\n'
        '[[event]]\nsource = "missing.txt"\nnote = "lost"\n',
        encoding="utf-8",
    )
    output = tmp_path / "out"
    result = build_site(content, output)
    events = json.loads((output / "events.json").read_text(encoding="utf-8"))
    groups = [{Path(s["path"]).name[:3] for s in e["sources"]} for e in events["events"]]
    assert {"003"} in groups and {"004"} in groups
    assert {"000", "001", "002"} in groups
    edited = next(e for e in events["events"] if "002" in {Path(s["path"]).name[:3] for s in e["sources"]})
    assert edited["title"]["gu"] == "સંપાદકનું શીર્ષક"
    page = (output / edited["url"]).read_text(encoding="utf-8")
    assert "<strong>Wonsan</strong>" in page and "<script>alert(1)" not in page
    report = (output / "report.html").read_text(encoding="utf-8")
    assert "missing.txt" in report
    assert "missing.txt" in result.stdout + result.stderr
