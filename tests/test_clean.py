"""Cleaning: boilerplate out, article text kept, metadata moved out of the body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sangam.clean import clean, page_chrome
from sangam.model import RawDocument
from sangam.read import read_document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "reader"
SEEDS = ROOT / "content" / "sources"
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-gold.json").read_text(encoding="utf-8"))["files"]


def _source(path: Path, name: str | None = None):
    document = read_document(f"sources/{name or path.name}", path.read_bytes(), 10**7)
    assert isinstance(document, RawDocument), document
    return clean(document)


def _text(text: str, name: str = "x.txt"):
    document = read_document(f"sources/{name}", text.encode("utf-8"), 10**7)
    assert isinstance(document, RawDocument), document
    return clean(document)


def _seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return _source(path)


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_seeds_without_a_headline_have_a_null_title(prefix):
    assert _seed(prefix).title is None


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_seed_headlines(prefix):
    source = _seed(prefix)
    gold = GOLD[Path(source.path).name]["title"]
    assert source.title == gold
    assert gold not in source.text  # the title is not repeated in the body


def test_source_url_from_a_labelled_line():
    source = _seed("004")
    assert source.url == "https://baoquocte.vn/what-in-the-gap-of-president-of-northern-state-of-russia-286239.html"
    assert source.outlet == "baoquocte.vn"  # from the URL's host when nothing else names it
    assert not any("baoquocte" in paragraph for paragraph in source.text)
    assert not any("विज्ञापन_2" in p or "टिप्पणी (0)" in p for p in source.text)


def test_a_day_and_month_give_no_publication_date():
    source = _seed("004")
    assert source.published is None and source.date_provenance is None
    assert "13 सितंबर" in source.partial_dates


def test_credits_and_dateline_are_moved_out():
    source = _seed("001")
    assert source.credits == ["With inputs from IANS"]
    assert source.dateline == "सियोल"
    assert source.text[0].startswith("उत्तर कोरिया के सर्वोच्च नेता")
    assert not any("IANS" in paragraph for paragraph in source.text)


def test_dateline_with_a_danda_and_the_page_date_is_not_the_publication_date():
    source = _seed("002")
    assert source.dateline == "सोल"
    assert source.text[0].startswith("उत्तर कोरिया के नेता")
    assert source.published is None
    assert source.seen == "2025-11-06" and "not the publication date" in source.seen_provenance
    for junk in ("Latest Posts", "spot_img", "Stay in touch", "Don't Miss", "Thursday"):
        assert not any(junk in paragraph for paragraph in source.text)


def test_english_captions_and_advertisements_go_but_gujarati_subheads_stay():
    source = _seed("003")
    body = "\n".join(source.text)
    assert "North Korean leader" not in body and "Advertisement" not in body and "protected" not in body
    assert "સંરક્ષણ મુદ્દાઓ પર સર્વસંમતિ સધાઈ" in source.text  # a subheading of the article
    assert "અમેરિકા સામે ઉત્તર કોરિયા" in source.text


def test_no_line_is_lost_silently():
    for path in sorted(SEEDS.glob("*.txt")):
        source = _source(path)
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        accounted = len(source.text) + len(source.dropped) + (source.title is not None)
        assert accounted == len(lines), path.name
        assert all(d.reason for d in source.dropped)


@pytest.mark.parametrize("name", ["unseen-outlet-gu.txt", "unseen-outlet-hi.txt"])
def test_a_never_seen_outlet_is_cleaned(name):
    """Menu words, layout and footers that no corpus file and no phrase list contains."""
    path = DATA / name
    source = _source(path)
    raw = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    # Article lines: long lines in the article's script with a full stop (after the dateline).
    article = [line for line in raw if len(line.split()) >= 12]
    body = "\n".join(source.text)
    for line in article:
        assert line.split(" ", 1)[1][:40] in body, line
    assert len(source.text) == len(article)  # and nothing else
    if name.endswith("gu.txt"):
        assert source.title == "ગિરનાર પર રોપ-વે માટે યાત્રાળુઓની લાંબી કતાર"
        assert source.dateline == "જૂનાગઢ"
        assert source.url == "https://saurashtra-samay.example/junagadh/girnar-ropeway-rush-8812"
        assert source.outlet == "saurashtra-samay.example"
        assert source.credits == ["ઈનપુટ: એજન્સી"]
        assert source.seen == "2025-04-09" and source.published is None
    else:
        assert source.title == "गंगा किनारे बनेगा नया घाट"
        assert source.dateline == "पटना"
        assert source.url is None and source.outlet is None
        assert source.credits == ["(एजेंसी इनपुट के साथ)"]
        assert source.seen == "2025-02-04" and source.published is None


LEAD = (
    "वैज्ञानिकों ने हिमालय के ग्लेशियरों पर किए गए एक नए अध्ययन में पाया है कि पिछले बीस वर्षों में "
    "बर्फ पिघलने की दर लगभग दोगुनी हो गई है।"
)
SECOND = "शोध दल ने उपग्रह से मिली तस्वीरों और जमीनी माप दोनों का इस्तेमाल किया और कई घाटियों का सर्वे किया।"


def test_a_short_headline_sharing_only_a_stem_with_the_story():
    source = _text(f"खेल\nहिमालयी ग्लेशियर\n{LEAD}\n{SECOND}\n")
    assert source.title == "हिमालयी ग्लेशियर"  # 'हिमालयी' ~ 'हिमालय', 'ग्लेशियर' ~ 'ग्लेशियरों'
    assert source.text == [LEAD, SECOND]


def test_a_short_unrelated_label_above_the_lead_is_not_a_headline():
    source = _text(f"मौसम समाचार\n{LEAD}\n{SECOND}\n")
    assert source.title is None
    assert source.text == [LEAD, SECOND]


def test_a_published_label_with_the_date_on_the_next_line():
    source = _text(f"प्रकाशित\n12 जुलाई 2025\n{LEAD}\n{SECOND}\n")
    assert source.published == "2025-07-12" and "प्रकाशित" in source.date_provenance
    assert source.seen is None


def test_a_labelled_publication_date_on_one_line():
    source = _text(f"प्रकाशित: 3 मार्च 2024, 10:30 AM\n{LEAD}\n{SECOND}\n")
    assert source.published == "2024-03-03"


def test_an_updated_stamp_is_not_the_publication_date():
    source = _text(f"अपडेटेड: 14 मार्च 2024\n{LEAD}\n{SECOND}\n")
    assert source.published is None
    assert source.text == [LEAD, SECOND]


def test_the_closing_line_under_the_last_paragraph_is_kept():
    closing = "लेखक हिमालय के ग्लेशियरों पर शोध करने वाले संस्थान में वरिष्ठ वैज्ञानिक हैं"
    source = _text(f"{LEAD}\n{SECOND}\n{closing}\nStay in touch\nहमारे साथ जुड़ें\n")
    assert source.text == [LEAD, SECOND, closing]


def test_headlines_of_other_stories_under_the_article_go():
    source = _text(f"{LEAD}\n{SECOND}\nलोकप्रिय\nशेयर बाजार में भारी गिरावट दर्ज\nक्रिकेट टीम की घोषणा आज\n")
    assert source.text == [LEAD, SECOND]


def test_repeated_template_lines_across_pages_are_dropped():
    pages = [
        read_document(f"sources/{n}.txt", f"सबसे ज्यादा पढ़ी गईं\n{LEAD} {n}\n{SECOND}\n".encode("utf-8"), 10**6)
        for n in range(5)
    ]
    chrome = page_chrome(pages)
    assert "सबसे ज्यादा पढ़ी गईं" in chrome
    source = clean(pages[0], chrome)
    assert source.title is None and source.text == [f"{LEAD} 0", SECOND]


def test_a_page_of_nothing_but_one_short_line_keeps_it():
    source = _text("किसानों के लिए नई योजना का ऐलान\n")
    assert source.title or source.text  # with nothing to judge against, text is kept, not lost
