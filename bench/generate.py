#!/usr/bin/env python3
"""Scale real scraped text to N raw sources with a realistic event structure.

    .venv/bin/python bench/generate.py --n 5000 --seed 1 --out bench/out/n5000

Writes ``OUT/sources/*.txt`` (raw files laid out like ``../shared/corpus/dev``) and
``OUT/gold.json`` in the format of ``../shared/corpus/dev/gold.json`` (``events``: event
id -> files; ``files``: name -> ``event``, ``lang``, ``title``, ``url``, ``junk_lines``),
so ``eval/score.py --corpus OUT`` can score a build of OUT.

How the text is made (standard library only, deterministic from ``--seed``):

* The real material is the labelled corpora (``../shared/seeds`` and
  ``../shared/corpus/dev``). From every real event reported in both languages the
  article lines (gold junk lines and the title line removed) of its longest Hindi and
  longest Gujarati file are cut into *units*: runs of paragraphs at the same relative
  position in the two languages, so a unit is (roughly) one passage in Hindi and in
  Gujarati. The junk lines of all files form the boilerplate pool.
* A synthetic event is a chain of units: a run from one real event (which also gives
  the headline) plus, for longer stories, background runs from other real events,
  until it reaches a length drawn from the real files' lengths. It gets a cast (two or
  three people, one or two cities) drawn with a Zipf-like skew from
  ``../shared/data/names`` (people in Devanagari with a Gujarati twin by the parallel
  script layout; cities in English, Hindi and Gujarati), so popular names recur across
  many different events; an invented lead sentence and attributions put the cast in
  the body; cities of the real text are swapped for the event's; every number is
  replaced by an event-specific number; the event gets a date.
* Each event has one to six sources (weights ``SOURCES_PER_EVENT``); an event with two
  or more sources is reported in both languages (90%). Every source keeps an
  overlapping window of the event's units and is wrapped in boilerplate: menus, scrape
  dates, "Published / on", share buttons, ads, comment counts, "also read" lines naming
  *other* synthetic events, a source URL line, copyright. Those lines are the gold
  ``junk_lines`` (1-based, counted after ``text.lstrip("\\n")``, as the scorer does).

Limits: the vocabulary is that of ~70 real articles, so rare words are commoner than
in real news and the merge sees more candidate pairs than a real 20,000-article day
would give (a pessimistic benchmark). Units are aligned by position, not by sentence.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Sources per event: 1..6 (the dev corpus has 1-3, mostly 2; a national day has longer tails).
SOURCES_PER_EVENT = {1: 0.18, 2: 0.32, 3: 0.24, 4: 0.13, 5: 0.08, 6: 0.05}
BILINGUAL_SHARE = 0.9  # events with >= 2 sources that are reported in both languages
MAX_BODY_CHARS = 12_000  # cap on an event's article text (the long radio transcripts)

OUTLETS = (
    "janvani-news", "samachar-darpan", "navsarjan-news", "gujarat-patrika", "amdavad-today",
    "bharat-varta", "sandesh-times", "dainik-lokmat", "rashtra-prahari", "lok-awaaz",
    "kutch-mirror", "surat-samvad", "narmada-times", "saurashtra-khabar", "vadodara-vani",
    "jan-jagran", "prabhat-khabar-online", "nav-bharat-live", "desh-videsh", "halchal-news",
)
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
MONTHS = {
    "hi": ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"),
    "gu": ("જાન્યુઆરી", "ફેબ્રુઆરી", "માર્ચ", "એપ્રિલ", "મે", "જૂન", "જુલાઈ", "ઑગસ્ટ", "સપ્ટેમ્બર", "ઑક્ટોબર", "નવેમ્બર", "ડિસેમ્બર"),
}
PUBLISHED = {"hi": ("प्रकाशित", "प्रकाशन तिथि", "Published on"), "gu": ("પ્રકાશિત", "પ્રકાશન તારીખ", "Published on")}
ALSO_READ = {"hi": ("यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें"), "gu": ("આ પણ વાંચો", "વધુ વાંચો")}
SOURCE_LABEL = {"hi": "स्रोत", "gu": "સ્ત્રોત"}
# Lead sentences: {p1} {p2} people, {c} city, {d} date phrase. Same slots in both languages.
LEADS = {
    "hi": (
        "{p1} ने {d} को {c} में {p2} से मुलाकात की और कई मुद्दों पर चर्चा की।",
        "{c} में {d} को हुए कार्यक्रम में {p1} और {p2} मौजूद रहे।",
        "{p1} ने {d} को {c} में कहा कि {p2} के साथ बातचीत जारी रहेगी।",
        "{c} से मिली जानकारी के अनुसार {d} को {p1} ने {p2} के बयान पर प्रतिक्रिया दी।",
    ),
    "gu": (
        "{p1}એ {d}ના રોજ {c}માં {p2} સાથે મુલાકાત કરી અને અનેક મુદ્દાઓ પર ચર્ચા કરી.",
        "{c}માં {d}ના રોજ યોજાયેલા કાર્યક્રમમાં {p1} અને {p2} હાજર રહ્યા.",
        "{p1}એ {d}ના રોજ {c}માં કહ્યું કે {p2} સાથે વાતચીત ચાલુ રહેશે.",
        "{c}થી મળેલી માહિતી અનુસાર {d}ના રોજ {p1}એ {p2}ના નિવેદન પર પ્રતિક્રિયા આપી.",
    ),
}
ATTRIBUTION = {"hi": "{p} के अनुसार, ", "gu": "{p}ના જણાવ્યા અનુસાર, "}
DIGITS = {"ascii": "0123456789", "hi": "०१२३४५६७८९", "gu": "૦૧૨૩૪૫૬૭૮૯"}
_NUMBER = re.compile(r"[0-9]+|[०-९]+|[૦-૯]+")


def stable_rng(*parts) -> random.Random:
    """A generator seeded from a string, stable across Python runs (no hash randomisation)."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def to_gujarati(text: str) -> str:
    """Devanagari -> Gujarati by the parallel layout (code point + 0x180) where the twin exists."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0x0900 <= code <= 0x097F:
            twin = chr(code + 0x180)
            if unicodedata.name(twin, ""):
                out.append(twin)
                continue
            if ch == "\u093C":  # nukta has a twin; anything else unassigned: drop the mark
                out.append("\u0ABC")
            elif unicodedata.category(ch).startswith("M"):
                continue
            else:
                out.append(ch)
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# ---------------------------------------------------------------- real material


@dataclass
class Unit:
    hi: list[str]
    gu: list[str]
    origin: str  # real event id

    def size(self) -> int:
        return sum(len(line) for line in self.hi)


@dataclass
class RealEvent:
    id: str
    units: list[Unit]
    titles: dict[str, list[str]]


@dataclass
class Material:
    events: list[RealEvent]
    junk: dict[str, list[str]]  # boilerplate lines by language (non-blank, de-duplicated)
    lengths: list[int]  # article-text lengths (chars) of the real files
    persons: list[tuple[str, str, str]]  # (en, hi, gu)
    cities: list[tuple[str, str, str]]
    city_pattern: dict[str, re.Pattern]
    city_index: dict[str, dict[str, int]]
    templates: dict = field(default_factory=dict)


def _file_lines(path: Path) -> list[str]:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return text.replace("\r\n", "\n").lstrip("\n").split("\n")


def _split(lines: list[str], parts: int) -> list[list[str]]:
    return [lines[len(lines) * i // parts: len(lines) * (i + 1) // parts] for i in range(parts)]


def load_material(corpora: list[Path], names_dir: Path) -> Material:
    events: list[RealEvent] = []
    junk: dict[str, dict[str, None]] = {"hi": {}, "gu": {}}
    lengths: list[int] = []
    for corpus in corpora:
        gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
        for event_id in sorted(gold["events"]):
            body: dict[str, list[str]] = {}
            titles: dict[str, list[str]] = {"hi": [], "gu": []}
            for name in sorted(gold["events"][event_id]):
                info = gold["files"][name]
                lang = info["lang"]
                lines = _file_lines(corpus / "sources" / name)
                bad = set(info.get("junk_lines") or [])
                title = (info.get("title") or "").strip()
                if title:
                    titles[lang].append(title)
                kept = []
                for number, line in enumerate(lines, 1):
                    if number in bad:
                        if line.strip():
                            junk[lang].setdefault(line.strip(), None)
                        continue
                    if not line.strip() or (title and line.strip() == title):
                        continue
                    kept.append(line.strip())
                lengths.append(sum(map(len, kept)))
                if len(kept) > len(body.get(lang, [])):
                    body[lang] = kept
            if "hi" not in body or "gu" not in body:
                continue  # units need both languages
            parts = min(len(body["hi"]), len(body["gu"]))
            hi_parts, gu_parts = _split(body["hi"], parts), _split(body["gu"], parts)
            units = [Unit(h, g, event_id) for h, g in zip(hi_parts, gu_parts) if h and g]
            if not titles["hi"]:
                titles["hi"] = [body["hi"][0][:120]]
            if not titles["gu"]:
                titles["gu"] = [body["gu"][0][:120]]
            events.append(RealEvent(f"{corpus.name}/{event_id}", units, titles))
    persons: list[tuple[str, str, str]] = []
    for file in ("persons-hi-en.dev.tsv", "indian-persons-hi-en.train.tsv"):
        for row in _tsv(names_dir / file):
            hi, en = row[0].strip(), row[1].strip()
            if hi and en and len(hi.split()) >= 2 and not re.search(r"[A-Za-z.]", hi):
                persons.append((en, hi, to_gujarati(hi)))
    cities = [(r[0].strip(), r[1].strip(), r[2].strip()) for r in _tsv(names_dir / "cities-en-hi-gu.dev.tsv")
              if len(r) >= 3 and all(x.strip() for x in r[:3])]
    city_pattern, city_index = {}, {}
    for lang, column in (("hi", 1), ("gu", 2)):
        forms = {c[column]: i for i, c in enumerate(cities) if len(c[column]) >= 3}
        city_index[lang] = forms
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        city_pattern[lang] = re.compile(f"(?<![\\w\u0900-\u097f\u0a80-\u0aff])({alternation})")
    return Material(
        events=events,
        junk={lang: list(lines) for lang, lines in junk.items()},
        lengths=sorted(lengths),
        persons=persons,
        cities=cities,
        city_pattern=city_pattern,
        city_index=city_index,
    )


def _tsv(path: Path) -> list[list[str]]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [row.split("\t") for row in rows if row.strip()]


# ---------------------------------------------------------------- synthesis


@dataclass
class SynthEvent:
    id: str
    date: tuple[int, int, int]
    units: list[dict[str, list[str]]]  # per unit: lang -> paragraphs (already perturbed)
    title: dict[str, str]
    langs: list[str]  # one per source
    persons: list[tuple[str, str, str]] = field(default_factory=list)


def zipf_pick(rng: random.Random, cumulative: list[float], items: list):
    return items[bisect.bisect_left(cumulative, rng.random() * cumulative[-1])]


def zipf_table(count: int, exponent: float = 1.0) -> list[float]:
    table, total = [], 0.0
    for rank in range(1, count + 1):
        total += 1.0 / rank**exponent
        table.append(total)
    return table


def _date_phrase(date: tuple[int, int, int], lang: str) -> str:
    year, month, day = date
    return f"{day} {MONTHS[lang][month - 1]} {year}"


def _new_number(digits: str, number_seed: str) -> str:
    """An event-specific replacement for a number, same length and script; years stay years."""
    script = "ascii" if digits[0] in DIGITS["ascii"] else ("hi" if digits[0] in DIGITS["hi"] else "gu")
    value = "".join(str(DIGITS[script].index(ch)) for ch in digits)
    draw = int.from_bytes(hashlib.blake2b(f"{number_seed}:{value}".encode(), digest_size=8).digest(), "big")
    if len(value) == 4 and value.startswith(("19", "20")):
        new = str(2000 + draw % 26)
    else:
        low = 10 ** (len(value) - 1) if len(value) > 1 else 0
        new = str(low + draw % (10 ** len(value) - low))
    return "".join(DIGITS[script][int(ch)] for ch in new)


def _template(material: "Material", text: str, lang: str) -> list:
    """``text`` cut into literal pieces, ("city", index) and ("num", digits); cached per paragraph."""
    key = (lang, text)
    cached = material.templates.get(key)
    if cached is not None:
        return cached
    pieces: list = []
    for index, part in enumerate(material.city_pattern[lang].split(text)):
        if index % 2:
            pieces.append(("city", material.city_index[lang][part]))
            continue
        last = 0
        for match in _NUMBER.finditer(part):
            pieces.append(part[last: match.start()])
            pieces.append(("num", match.group(0)))
            last = match.end()
        pieces.append(part[last:])
    material.templates[key] = pieces
    return pieces


def make_events(material: Material, n_sources: int, seed: int) -> list[SynthEvent]:
    rng = stable_rng("events", seed)
    person_order = list(range(len(material.persons)))
    stable_rng("persons", seed).shuffle(person_order)
    # A pool that grows with the corpus, so names are shared by different events at every N.
    pool = [material.persons[i] for i in person_order[: max(200, min(len(person_order), n_sources // 3))]]
    person_table = zipf_table(len(pool), 0.9)
    city_order = list(range(len(material.cities)))
    stable_rng("cities", seed).shuffle(city_order)
    city_pool = [material.cities[i] for i in city_order]
    city_table = zipf_table(len(city_pool), 1.0)
    sizes, weights = list(SOURCES_PER_EVENT), list(SOURCES_PER_EVENT.values())
    events: list[SynthEvent] = []
    total = 0
    index = 0
    while total < n_sources:
        k = min(rng.choices(sizes, weights)[0], n_sources - total)
        events.append(make_event(material, f"syn{index:05d}", k, rng, pool, person_table, city_pool, city_table, seed))
        total += k
        index += 1
    return events


def make_event(material, event_id, k, rng, pool, person_table, city_pool, city_table, seed) -> SynthEvent:
    real = rng.choice(material.events)
    target = min(MAX_BODY_CHARS, max(600, material.lengths[rng.randrange(len(material.lengths))]))
    # A run of units from the main real event, then background runs from other events.
    units: list[Unit] = []
    source_event = real
    start = rng.randrange(len(real.units))
    while sum(u.size() for u in units) < target and len(units) < 40:
        run = rng.randint(1, 4)
        chunk = source_event.units[start: start + run] or source_event.units[-run:]
        units.extend(chunk)
        source_event = rng.choice(material.events)
        start = rng.randrange(len(source_event.units))
    persons = []
    while len(persons) < rng.randint(2, 3):
        person = zipf_pick(rng, person_table, pool)
        if person not in persons:
            persons.append(person)
    cities = []
    while len(cities) < rng.randint(1, 2):
        city = zipf_pick(rng, city_table, city_pool)
        if city not in cities:
            cities.append(city)
    date = (2025, rng.randint(1, 12), rng.randint(1, 28))
    number_seed = f"{seed}:{event_id}:numbers"

    def perturb(text: str, lang: str) -> str:
        column = 1 if lang == "hi" else 2
        out = []
        for piece in _template(material, text, lang):
            if isinstance(piece, str):
                out.append(piece)
            elif piece[0] == "city":
                out.append(cities[piece[1] % len(cities)][column])
            else:
                out.append(_new_number(piece[1], number_seed))
        return "".join(out)

    slots = {}
    for lang, column in (("hi", 1), ("gu", 2)):
        slots[lang] = {"p1": persons[0][column], "p2": persons[1][column], "c": cities[0][column],
                       "d": _date_phrase(date, lang)}
    template = rng.randrange(len(LEADS["hi"]))
    lead = {lang: LEADS[lang][template].format(**slots[lang]) for lang in ("hi", "gu")}
    out_units: list[dict[str, list[str]]] = []
    attributed = {rng.randrange(len(units)) for _ in range(2)}
    for position, unit in enumerate(units):
        entry = {}
        for lang in ("hi", "gu"):
            column = 1 if lang == "hi" else 2
            paragraphs = [perturb(p, lang) for p in getattr(unit, lang)]
            if position in attributed:
                who = persons[position % len(persons)][column]
                paragraphs[0] = ATTRIBUTION[lang].format(p=who) + paragraphs[0]
            entry[lang] = paragraphs
        out_units.append(entry)
    out_units[0] = {lang: [lead[lang]] + out_units[0][lang] for lang in ("hi", "gu")}
    title = {}
    for lang, column in (("hi", 1), ("gu", 2)):
        base = perturb(rng.choice(real.titles[lang]), lang)
        title[lang] = f"{cities[0][column]}: {base}" if rng.random() < 0.5 else base
    if k == 1:
        langs = [rng.choice(("hi", "gu"))]
    elif rng.random() < BILINGUAL_SHARE:
        langs = ["hi", "gu"] + [rng.choice(("hi", "gu")) for _ in range(k - 2)]
    else:
        langs = [rng.choice(("hi", "gu"))] * k
    rng.shuffle(langs)
    return SynthEvent(event_id, date, out_units, title, langs, persons)


def render_source(event: SynthEvent, position: int, lang: str, rng: random.Random,
                  material: Material, events: list[SynthEvent]) -> tuple[list[str], dict]:
    """One raw file's lines and its gold record (junk line numbers are 1-based)."""
    lines: list[str] = []
    junk: list[int] = []

    def add(line: str, is_junk: bool) -> None:
        lines.append(line)
        if is_junk:
            junk.append(len(lines))

    def chrome(count: int) -> None:
        for _ in range(count):
            add(rng.choice(material.junk[lang]), True)

    outlet = rng.choice(OUTLETS)
    url = f"https://{outlet}.example/{rng.randrange(100000, 999999)}"
    year, month, day = event.date
    published = (year, month, min(28, day + rng.randint(0, 2)))
    chrome(rng.randint(0, 5))
    if rng.random() < 0.4:  # the page header's scrape date
        weekday = ENGLISH_DAYS[rng.randrange(7)]
        add(f"{weekday}, {ENGLISH_MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, 2025", True)
    has_title = rng.random() < 0.85
    if has_title:
        add(event.title[lang], False)
    if rng.random() < 0.5:
        if rng.random() < 0.5:
            add("Published", True)
            add("on", True)
        else:
            add(f"{rng.choice(PUBLISHED[lang])}: {_date_phrase(published, lang)}", True)
    # An overlapping window of the event's units: outlets keep different parts of the story.
    count = len(event.units)
    keep = max(1, round(count * rng.uniform(0.5, 1.0)))
    start = 0 if rng.random() < 0.7 else rng.randrange(count - keep + 1)
    paragraphs = [p for unit in event.units[start: start + keep] for p in unit[lang]]
    if len(paragraphs) > 3 and rng.random() < 0.2:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    ad_slots = {rng.randrange(len(paragraphs)) for _ in range(rng.randint(0, 2))} if len(paragraphs) > 2 else set()
    for index, paragraph in enumerate(paragraphs):
        add(paragraph, False)
        if index in ad_slots:
            if rng.random() < 0.3:
                add("", True)
            chrome(1)
    for _ in range(rng.randint(0, 3)):
        other = events[rng.randrange(len(events))]
        if other is not event:
            add(f"{rng.choice(ALSO_READ[lang])}: {other.title[lang]}", True)
    stated_url = rng.random() < 0.35
    if stated_url:
        add(f"{SOURCE_LABEL[lang]}: {url}", True)
    chrome(rng.randint(1, 6))
    record = {
        "event": event.id,
        "lang": lang,
        "title": event.title[lang] if has_title else None,
        "url": url if stated_url else None,
        "junk_lines": junk,
    }
    return lines, record


def generate(n_sources: int, seed: int, out: Path, corpora: list[Path] | None = None,
             names_dir: Path | None = None) -> dict:
    """Write ``out/sources/*.txt`` and ``out/gold.json``; return the gold dictionary."""
    corpora = corpora or [SHARED / "seeds", SHARED / "corpus" / "dev"]
    material = load_material(corpora, names_dir or SHARED / "data" / "names")
    events = make_events(material, n_sources, seed)
    sources = out / "sources"
    if sources.exists():
        shutil.rmtree(sources)
    sources.mkdir(parents=True)
    gold: dict = {"events": {}, "files": {}}
    used: set[str] = set()
    for event in events:
        names = []
        for position, lang in enumerate(event.langs):
            rng = stable_rng(seed, event.id, position)
            lines, record = render_source(event, position, lang, rng, material, events)
            salt = 0
            while True:
                name = hashlib.sha256(f"{seed}:{event.id}:{position}:{salt}".encode()).hexdigest()[:12] + ".txt"
                if name not in used:
                    break
                salt += 1
            used.add(name)
            (sources / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            gold["files"][name] = record
            names.append(name)
        gold["events"][event.id] = sorted(names)
    gold["files"] = dict(sorted(gold["files"].items()))
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of sources (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="content folder to write (sources/ and gold.json)")
    parser.add_argument("--corpus", type=Path, action="append",
                        help="labelled corpus to draw from (repeatable; default ../shared/seeds and ../shared/corpus/dev)")
    parser.add_argument("--names", type=Path, default=SHARED / "data" / "names")
    args = parser.parse_args(argv)
    gold = generate(args.n, args.seed, args.out, args.corpus, args.names)
    langs = [f["lang"] for f in gold["files"].values()]
    print(f"{len(gold['files'])} sources ({langs.count('hi')} hi, {langs.count('gu')} gu) "
          f"in {len(gold['events'])} events -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
