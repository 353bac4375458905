"""Reading: every file becomes a document or a rejection whose reason names what is wrong."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sangam.clean import clean
from sangam.model import RawDocument, Rejection
from sangam.read import read_all, read_document

DATA = Path(__file__).parent / "data" / "reader"
HINDI = (
    "नई दिल्ली: केंद्र सरकार ने सोमवार को किसानों के लिए एक नई योजना की घोषणा की, "
    "जिसके तहत छोटे किसानों को बीज और खाद पर सब्सिडी दी जाएगी।\n"
    "कृषि मंत्री ने कहा कि योजना का लाभ अगले महीने से मिलने लगेगा और इसके लिए पंजीकरण शुरू हो गया है।\n"
)


def _read_folder(tmp_path: Path, files: dict[str, bytes], max_bytes: int = 1_000_000):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, data in files.items():
        (sources / name).write_bytes(data)
    documents, rejected = read_all(tmp_path, "sources", max_bytes)
    return {d.path: d for d in documents}, {r.path: r.reason for r in rejected}


def test_every_bad_file_is_rejected_with_its_reason_and_the_rest_is_read(tmp_path):
    docs, rejected = _read_folder(
        tmp_path,
        {
            "good.txt": HINDI.encode("utf-8"),
            "empty.txt": b"",
            "blank.txt": b"  \n\t\n \r\n",
            "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "latin1.txt": "Café au lait, naïve résumé — 12 juillet 2025".encode("cp1252"),
            "utf16.txt": codecs.BOM_UTF16_LE + HINDI.encode("utf-16-le"),
            "english.txt": b"The government announced a new scheme for farmers on Monday.\n" * 5,
            "big.txt": ("क" * 400).encode("utf-8") + HINDI.encode("utf-8"),
            "copy.txt": HINDI.encode("utf-8"),
            "notes.docx": b"PK\x03\x04",
        },
        max_bytes=1000,
    )
    assert set(docs) == {"sources/copy.txt", "sources/utf16.txt"}  # copy.txt sorts before good.txt
    assert rejected["sources/empty.txt"] == "empty file"
    assert "whitespace" in rejected["sources/blank.txt"]
    assert "binary" in rejected["sources/binary.txt"]
    assert "not UTF-8" in rejected["sources/latin1.txt"] and "0xe9" in rejected["sources/latin1.txt"]
    assert "neither Hindi nor Gujarati" in rejected["sources/english.txt"]
    assert "over the limit of 1,000" in rejected["sources/big.txt"]
    assert rejected["sources/good.txt"] == "byte-identical duplicate of sources/copy.txt"
    assert docs["sources/copy.txt"].duplicates == ("sources/good.txt",)
    assert "unsupported file type '.docx'" in rejected["sources/notes.docx"]
    # UTF-16 with a byte-order mark is decoded, not rejected.
    assert docs["sources/utf16.txt"].lines[0].startswith("नई दिल्ली")
    assert docs["sources/utf16.txt"].header["lang"] == "hi"


def test_utf16_big_endian_and_utf8_bom_are_decoded():
    for data in (codecs.BOM_UTF16_BE + HINDI.encode("utf-16-be"), codecs.BOM_UTF8 + HINDI.encode("utf-8")):
        document = read_document("sources/x.txt", data, 10**6)
        assert isinstance(document, RawDocument)
        assert document.lines[0].startswith("नई दिल्ली")


def test_utf16_without_a_bom_is_rejected_as_binary():
    result = read_document("sources/x.txt", HINDI.encode("utf-16-le"), 10**6)
    assert isinstance(result, Rejection) and "byte-order mark" in result.reason


def test_gujarati_is_read_as_gujarati():
    text = "અમદાવાદ: શહેરમાં આજે ભારે વરસાદ પડ્યો હતો અને અનેક વિસ્તારોમાં પાણી ભરાઈ ગયા હતા.\n"
    document = read_document("sources/g.txt", text.encode("utf-8"), 10**6)
    assert document.header["lang"] == "gu"


def test_a_header_overrides_detection():
    text = (
        "url: https://example.com/story-1\n"
        "outlet: Example Times\n"
        "date: 2025-07-12\n"
        "lang: hi\n"
        "title: किसानों के लिए नई योजना\n"
        "\n"
        "Thursday, November 6, 2025\n"
        "स्रोत: https://other.example/not-this-one\n" + HINDI
    )
    document = read_document("sources/h.txt", text.encode("utf-8"), 10**6)
    assert document.header["outlet"] == "Example Times"
    assert document.first_line == 7  # line numbers still point into the file
    assert not any(line.startswith("url:") for line in document.lines)
    source = clean(document)
    assert source.title == "किसानों के लिए नई योजना"
    assert source.url == "https://example.com/story-1"
    assert source.outlet == "Example Times"
    assert source.published == "2025-07-12" and "header" in source.date_provenance
    assert source.seen == "2025-11-06"  # the page date is kept, labelled, apart from the publication date
    assert all("not-this-one" not in paragraph for paragraph in source.text)


def test_a_header_cannot_declare_another_language():
    result = read_document("sources/x.txt", ("lang: mr\n\n" + HINDI).encode("utf-8"), 10**6)
    assert isinstance(result, Rejection) and "'mr'" in result.reason


def test_a_header_with_nothing_under_it_is_rejected():
    result = read_document("sources/x.txt", b"url: https://example.com/a\ntitle: x\n\n\n", 10**6)
    assert isinstance(result, Rejection) and "no text" in result.reason


def test_saved_html_page():
    document = read_document("sources/page.html", (DATA / "saved-page.html").read_bytes(), 10**6)
    source = clean(document)
    assert source.title == "नदी पर नया पुल जनता के लिए खुला"
    assert source.url == "https://narmadavani.example/city/new-bridge-opens-4411"
    assert source.outlet == "नर्मदा वाणी"
    assert source.published == "2024-03-18" and "article:published_time" in source.date_provenance
    assert source.dateline == "जबलपुर"
    assert len(source.text) == 4 and source.text[0].startswith("नर्मदा नदी पर बना नया पुल")
    everything = "\n".join(source.text)
    for junk in ("मुखपृष्ठ", "जलभराव", "सर्वाधिकार", "गोपनीयता", "यह पाठ लेख नहीं है", "color"):
        assert junk not in everything


def test_html_without_a_marked_date_gets_no_publication_date():
    html = (DATA / "saved-page.html").read_text(encoding="utf-8")
    html = "\n".join(line for line in html.split("\n") if "published_time" not in line)
    source = clean(read_document("sources/page.html", html.encode("utf-8"), 10**6))
    assert source.published is None  # the header bar's "सोमवार, 18 मार्च 2024" is not a publication date


def test_html_with_no_article_falls_back_to_block_text_or_is_rejected():
    bare = "<html><body><div>" + HINDI.replace("\n", "</div><div>") + "</div></body></html>"
    document = read_document("sources/bare.html", bare.encode("utf-8"), 10**6)
    assert isinstance(document, RawDocument)
    assert any("कृषि मंत्री" in line for line in document.lines)
    empty = read_document("sources/empty.html", b"<html><body><script>x()</script></body></html>", 10**6)
    assert isinstance(empty, Rejection)


def test_read_order_does_not_depend_on_creation_order(tmp_path):
    a = tmp_path / "a"
    b = tmp_path / "b"
    files = {f"{n}.txt": (HINDI + f"पंक्ति {n} में और भी पाठ है।\n").encode("utf-8") for n in range(5)}
    docs_a, _ = _read_folder(a.mkdir() or a, files)
    docs_b, _ = _read_folder(b.mkdir() or b, dict(reversed(list(files.items()))))
    assert list(docs_a) == list(docs_b)


@pytest.mark.parametrize("name", ["000_87a8305c717668f7.txt", "003_c30187d985211f20.txt"])
def test_seed_files_are_read(name):
    path = Path(__file__).resolve().parent.parent / "content" / "sources" / name
    assert isinstance(read_document(f"sources/{name}", path.read_bytes(), 10**7), RawDocument)
