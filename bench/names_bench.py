#!/usr/bin/env python3
"""Benchmark of the names stage (a script, not a test).

    .venv/bin/python bench/names_bench.py [--shared ../shared] [--errors N]

Prints
1. romanization CER on persons-hi-en.dev.tsv (Hindi -> English; edit distance
   over lower-cased letters and single spaces, summed over the file, divided by
   the total reference length), with indic-transliteration ITRANS as a baseline;
2. cross-script identity on cities-en-hi-gu.dev.tsv: share of cities whose
   Hindi and Gujarati spellings get the same name_key, and share of pairs of
   different cities whose keys collide (any of the two spellings); and, as a
   figure without a target, the romanization CER of either spelling;
3. precision / recall / F1 of find_names against the hand annotation in
   tests/data/names/*.json (matching by Latin form and kind-agnostic, and by
   kind), plus the Latin forms found on the seeds;
4. find_names throughput, and romanize throughput on the Hindi side of every 8th
   training pair (caches cleared first; words per second).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names import find_names, load_lexicon, name_key, romanize  # noqa: E402
from plugins.sangam.names.extract import to_gujr  # noqa: E402
from plugins.sangam.names.to_indic import latin_to_deva  # noqa: E402
from plugins.sangam.script import fold  # noqa: E402


def norm_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).lower()
    text = "".join(c if "a" <= c <= "z" else " " for c in text)
    return re.sub(r" +", " ", text).strip()


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if line.strip()]


def cer(pairs, fn, normalize: bool = True) -> tuple[float, list]:
    edits = total = 0
    errors = []
    for hi, en in pairs:
        hyp, ref = (norm_latin(fn(hi)), norm_latin(en)) if normalize else (fn(hi), en)
        d = edit_distance(hyp, ref)
        edits += d
        total += len(ref)
        if d:
            errors.append((d, hi, hyp, ref))
    return edits / max(total, 1), errors


def bench_romanizer(shared: Path, show: int) -> None:
    pairs = [(r[0], r[1]) for r in rows(shared / "data/names/persons-hi-en.dev.tsv")]
    value, errors = cer(pairs, lambda name: romanize(name, "person"))  # the file lists people
    print(f"romanize CER persons-hi-en.dev.tsv ({len(pairs)} names): {value:.3f}")
    try:
        from indic_transliteration import sanscript

        base, _ = cer(pairs, lambda s: sanscript.transliterate(s, sanscript.DEVANAGARI, sanscript.ITRANS))
        print(f"  baseline indic-transliteration ITRANS: {base:.3f}")
    except ImportError:
        pass
    for d, hi, hyp, ref in sorted(errors, key=lambda e: -e[0])[:show]:
        print(f"  {d:2d} {hi}\t{hyp}\t{ref}")
    # The same names written in Gujarati letter for letter (to_gujr: no nukta, ઝ for ज़): how the
    # romanizer reads Gujarati, which has no list of its own. A figure without a target.
    gujarati, _ = cer(pairs, lambda name: romanize(to_gujr(name), "person"))
    print(f"  the same names written in Gujarati letter for letter (no target): {gujarati:.3f}")
    # The other way: the English spellings written in Devanagari (to_indic), against the Hindi.
    reverse, _ = cer([(en, fold(hi)) for hi, en in pairs], lambda en: fold(latin_to_deva(en)), normalize=False)
    print(f"  the English spellings written in Devanagari, CER over folded letters (no target): {reverse:.3f}")


def bench_cities(shared: Path, show: int) -> None:
    data = [r for r in rows(shared / "data/names/cities-en-hi-gu.dev.tsv") if len(r) >= 3]
    same = 0
    misses = []
    keys = []
    for en, hi, gu in data:
        kh, kg = name_key(hi), name_key(gu)
        keys.append({kh, kg})
        if kh == kg:
            same += 1
        else:
            misses.append((en, hi, gu, kh, kg))
    collide = pairs = 0
    examples = []
    for i in range(len(data)):
        for j in range(i + 1, len(data)):
            if norm_latin(data[i][0]) == norm_latin(data[j][0]):
                continue
            pairs += 1
            if keys[i] & keys[j]:
                collide += 1
                examples.append((data[i][0], data[j][0], keys[i] & keys[j]))
    print(f"city key agreement hi/gu ({len(data)} cities): {same / len(data):.3f}")
    for column, script in ((1, "hi"), (2, "gu")):
        value, _ = cer([(r[column], r[0]) for r in data], lambda name: romanize(name, "place"))
        print(f"  romanize CER of the {script} spellings (to English, as places; no target): {value:.3f}")
    print(f"city key collisions between different cities: {collide}/{pairs} = {collide / max(pairs, 1):.4f}")
    for m in misses[:show]:
        print("  miss", *m)
    for e in examples[:show]:
        print("  collision", *e)


def load_sources(paths):
    from plugins.sangam.model import Source

    out = []
    for p, lang, paragraphs in paths:
        out.append(Source(path=p, sha256="", lang=lang, title=None, text=paragraphs))
    return out


def bench_extraction(shared: Path, show: int) -> None:
    lexicon = load_lexicon(ROOT / "content/data/lexicon.tsv")
    annotations = sorted((ROOT / "tests/data/names").glob("*.json"))
    docs = []
    for path in annotations:
        ann = json.loads(path.read_text(encoding="utf-8"))
        docs.append(ann)
    if not docs:
        print("no annotation files")
        return
    sources = load_sources([(d["path"], d["lang"], d["text"]) for d in docs])
    t0 = time.perf_counter()
    mentions, entities = find_names(sources, lexicon)
    elapsed = time.perf_counter() - t0
    tp = fp = fn = tpk = 0
    wrong, missed = [], []
    for d in docs:
        gold = {norm_latin(n["latin"]): n["kind"] for n in d["names"]}
        found = {}
        for m in mentions.get(d["path"], []):
            e = entities[m.key]
            found[norm_latin(e.latin)] = e.kind
        for latin, kind in found.items():
            if latin in gold:
                tp += 1
                tpk += gold[latin] == kind
            else:
                fp += 1
                wrong.append((d["path"], latin, kind))
        for latin in gold:
            if latin not in found:
                fn += 1
                missed.append((d["path"], latin, gold[latin]))
    # The same, matching by name_key instead of the Latin form: extraction without romanization errors.
    ktp = kfp = kfn = 0
    for d in docs:
        gold = {name_key(n["latin"]) for n in d["names"]}
        found = {m.key for m in mentions.get(d["path"], [])}
        ktp += len(gold & found)
        kfp += len(found - gold)
        kfn += len(gold - found)
    kp, kr = ktp / max(ktp + kfp, 1), ktp / max(ktp + kfn, 1)
    print(f"extraction matched by key (romanization errors forgiven): precision {kp:.3f} recall {kr:.3f}")
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    print(
        f"extraction on {len(docs)} annotated files: precision {p:.3f} recall {r:.3f} F1 {f:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn}; kind right for {tpk}/{tp})"
    )
    for w in wrong[:show]:
        print("  false", *w)
    for m in missed[:show]:
        print("  missed", *m)
    seeds = [d["path"] for d in docs if d.get("corpus") == "seeds"]
    seed_latins = sorted({entities[m.key].latin for s in seeds for m in mentions.get(s, [])})
    print("seed entities:", ", ".join(seed_latins))
    targets = ["Kim Jong Un", "Sergei Lavrov", "Vladimir Putin", "Sergei Shoigu", "Choe Son Hui",
               "Pyongyang", "Wonsan", "KCNA", "Yonhap"]
    print("seed targets missing:", [t for t in targets if t not in seed_latins] or "none")
    print(f"find_names on {len(sources)} sources: {elapsed * 1000:.0f} ms")


def bench_speed(n: int) -> None:
    lexicon = load_lexicon(ROOT / "content/data/lexicon.tsv")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/data/names").glob("*.json"))]
    if not docs:
        return
    sources = load_sources(
        [(f"{i:05d}-{d['path']}", d["lang"], d["text"]) for i in range(n // len(docs) + 1) for d in docs][:n]
    )
    t0 = time.perf_counter()
    find_names(sources, lexicon)
    print(f"find_names on {len(sources)} sources (annotated files repeated): {time.perf_counter() - t0:.1f} s")


def bench_romanize_speed(shared: Path) -> None:
    names = []
    for name in ("indian-persons-hi-en.train.tsv", "wikidata-en-hi.train.tsv"):
        names += [r[0] for r in rows(shared / "data/names" / name)]
    names = names[::8]
    romanize("परीक्षा", "person")  # load the model and tables before the clock starts
    romanize.cache_clear()
    t0 = time.perf_counter()
    for name in names:
        romanize(name, "person")
    elapsed = time.perf_counter() - t0
    words = sum(len(n.split()) for n in names)
    print(f"romanize {len(names)} names, {words} words: {elapsed:.1f} s, {words / elapsed:.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", type=int, default=0, help="show this many errors per section")
    parser.add_argument("--speed", type=int, default=1000, help="sources for the throughput run (0: skip)")
    parser.add_argument("--only", choices=["roman", "cities", "extract"], default=None)
    args = parser.parse_args()
    if args.only in (None, "roman"):
        bench_romanizer(args.shared, args.errors)
    if args.only in (None, "cities"):
        bench_cities(args.shared, args.errors)
    if args.only in (None, "extract"):
        bench_extraction(args.shared, args.errors)
        if args.speed:
            bench_speed(args.speed)
            bench_romanize_speed(args.shared)


if __name__ == "__main__":
    main()
