#!/usr/bin/env python3
"""Train the names romanizer: a joint-sequence (graphone) n-gram model.

    .venv/bin/python bench/train_romanizer.py [--out plugins/sangam/data/romanizer.json]

Trains ONLY on ../shared/data/names/indian-persons-hi-en.train.tsv and
wikidata-en-hi.train.tsv (the *.dev.tsv files are evaluation sets), plus the Indian first
names of ``bench/data/indian-first-names/`` (Alok Parlikar, CMU, 2011, CC BY 3.0: see its
README): the shared list of Indian persons is mostly election candidates of Tamil Nadu,
West Bengal and Assam, spelled as their rolls spell them (Dipak, Akhiles), while news
English spells the names of the whole country (Deepak, Akhilesh, Atal); and the place
names of ``bench/data/geonames-places/`` (GeoNames, CC BY 4.0: see its README), 5,000
pairs, 3,600 of them abroad, that teach the foreign model, which the 1,700 wikidata labels
alone left thin.  Check on held-out
training pairs: ``--holdout 5`` and ``bench/roman_holdout.py`` (see its docstring).

1. Each Hindi word is split into phonetic units (plugins/sangam/names/units.py),
   each English word into lower-case letters.
2. EM (forward-backward over monotone alignments) learns p(chunk | unit), a
   chunk being 0-3 English letters.
3. Every pair is Viterbi-aligned into graphones ``unit:chunk``; n-gram counts
   of graphones (with <s> and </w>) are written to the model file, pruned of
   rare higher-order events to keep it small.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names.tables import romanizer_rules, spell_acronym  # noqa: E402
from plugins.sangam.names.units import ANUSVARA_LABIAL, units  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "names"
# (file, source, column of the Hindi side, what the Latin side names). Sources:
# "I" Indian persons; "F" wikidata labels;
# "N" Indian first names, which teach model I like "I" but stay out of the foreignness odds
# (with them, the -आ of its many women's names made वर्जिनिया look Indian, and a known place
# was missed) and out of model F (with them, ब्लैक्सवुड became "Blaksavud"); each distinct
# first name counts once (counting it 2 or 4 times took "Sergei Shoigu" to "Shogu": the
# Indian model then outweighs the foreign one);
# "G" GeoNames places abroad, which count as "F" but stay out of the foreignness odds
# (extraction reads those odds: with them, वर्जिनिया looked Indian, -िया being as common in
# the place names of Spain, Bulgaria or Slovenia, and West Virginia and Texas were missed);
# places in India are Indian names ("I").
# build_latin_names.py takes the English side of the persons' lists as known spellings.
TRAIN = [
    (SHARED / "indian-persons-hi-en.train.tsv", "I", 0, "person"),
    (SHARED / "wikidata-en-hi.train.tsv", "F", 0, "mixed"),
    (ROOT / "bench/data/indian-first-names/names.tsv", "N", 1, "person"),
    (ROOT / "bench/data/geonames-places/india.tsv", "I", 0, "place"),
    (ROOT / "bench/data/geonames-places/abroad.tsv", "G", 0, "place"),
]
# The sources of Indian names: each of their pairs weighs 1 in EM.
INDIAN = {"I", "N"}
FOREIGN = {"F", "G"}
MAXCHUNK = 3
OUTLIERS = 0.04  # share of worst-aligned word pairs left out of the n-gram counts
BOS, EOS = "<s>", "</w>"


def latin_letters(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word.lower() if "a" <= c <= "z")


def is_latin(word: str) -> bool:
    return all(ord(c) < 0x250 for c in word)


def load_pairs() -> list[tuple[list[str], str, str]]:
    """Word pairs (units, letters, source), source as in ``TRAIN``."""
    pairs: list[tuple[list[str], str, str]] = []
    for path, source, hindi_column, _ in TRAIN:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            if "\t" not in line:
                continue
            columns = line.split("\t")[:2]
            hi, en = columns[hindi_column], columns[1 - hindi_column]
            hw = hi.replace("-", " ").split()
            ew = en.replace("-", " ").split()
            latin_in_hi = {w.lower() for w in hw if is_latin(w)}
            hw = [w for w in hw if not is_latin(w)]
            ew = [w for w in ew if w.lower() not in latin_in_hi]
            if len(hw) != len(ew):
                continue
            for h, e in zip(hw, ew):
                u = units(h)
                e = latin_letters(e)
                # Initials written as letter names (एम = M, एस.एम. = SM) are not spelling; a word
                # opening with a vowel whose English opens with a consonant is misaligned
                # (initials glued to a name: एनचंद्र = N Chandra).
                letters = "".join(c for c in h if c.isalpha() or unicodedata.category(c).startswith("M"))
                if not u or len(e) < 2 or len(e) > MAXCHUNK * len(u) or spell_acronym(letters, 1):
                    continue
                if is_vowel_unit(u[0]) and e[0] not in "aeiouy":
                    continue
                pairs.append((u, e, source))
    return pairs


def is_vowel_unit(unit: str) -> bool:
    return "\u0904" <= unit[0] <= "\u0914" or unit[0] in "\u0960\u0961"


def is_consonant_unit(unit: str) -> bool:
    return "\u0915" <= unit[0] <= "\u0939"


def allowed(unit: str, chunk: str) -> bool:
    """Consonants spell consonants (never silent), vowels spell vowels; the semivowels य and व
    may also be spelled as vowels (सर्बिया Serbia: य is the i, इ silent)."""
    if unit == "\u092f":
        return bool(chunk) and all(c in "yie" for c in chunk)
    if unit == "\u0935":
        return bool(chunk) and all(c in "wvuo" for c in chunk)
    if is_consonant_unit(unit):
        return bool(chunk) and not any(c in "aeiou" for c in chunk)
    if unit == "\u0902":  # anusvara
        return all(c in "nmg" for c in chunk)
    if unit == ANUSVARA_LABIAL:  # a nasal is written, m or n
        return chunk in ("m", "n")
    if unit == "\u0903":
        return all(c in "h" for c in chunk)
    if unit in ("\u090b", "\u0960"):  # ऋ ॠ
        return all(c in "aeiouyhwr" for c in chunk)
    return all(c in "aeiouyhw" for c in chunk)


def initial():
    """Uniform over chunks, consonants never silent, a nudge towards the rule table's first letter."""
    rules = romanizer_rules()

    def p(unit, chunk):
        if not allowed(unit, chunk):
            return 0.0
        first = (rules.get(unit) or rules.get(unit.rstrip("\u093c")) or "")[:1]
        if unit.startswith("ə"):
            first = "a"
        return 1.0 + (4.0 if first and chunk[:1] == first else 0.0)
    return p


def em(pairs, iterations=6):
    """pairs: (units, letters, weight), each distinct pair once."""
    prior = initial()

    class Prior(dict):
        def __init__(self, unit):
            super().__init__()
            self.unit = unit

        def __missing__(self, chunk):
            return prior(self.unit, chunk)

    prob = {}
    for u, _, _ in pairs:
        for unit in u:
            if unit not in prob:
                prob[unit] = Prior(unit)
    for it in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        loglik = 0.0
        for u, e, w in pairs:
            n, m = len(u), len(e)
            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for i in range(1, n + 1):
                pu = prob[u[i - 1]]
                for j in range(m + 1):
                    s = 0.0
                    for k in range(0, min(MAXCHUNK, j) + 1):
                        a = alpha[i - 1][j - k]
                        if a:
                            s += a * pu[e[j - k : j]]
                    alpha[i][j] = s
            total = alpha[n][m]
            if total <= 0:
                continue
            loglik += w * math.log(total)
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta[n][m] = 1.0
            for i in range(n - 1, -1, -1):
                pu = prob[u[i]]
                for j in range(m + 1):
                    s = 0.0
                    for k in range(0, min(MAXCHUNK, m - j) + 1):
                        b = beta[i + 1][j + k]
                        if b:
                            s += b * pu[e[j : j + k]]
                    beta[i][j] = s
            for i in range(n):
                pu = prob[u[i]]
                cu = counts[u[i]]
                for j in range(m + 1):
                    a = alpha[i][j]
                    if not a:
                        continue
                    for k in range(0, min(MAXCHUNK, m - j) + 1):
                        b = beta[i + 1][j + k]
                        if b:
                            chunk = e[j : j + k]
                            cu[chunk] += w * a * pu[chunk] * b / total
        new = {}
        for unit, cs in counts.items():
            z = sum(cs.values())
            new[unit] = defaultdict(float)
            for chunk, c in cs.items():
                if c / z > 1e-4:
                    new[unit][chunk] = c / z
        prob = new
        print(f"EM iteration {it + 1}: log-likelihood {loglik:.0f}", file=sys.stderr)
    return prob


def viterbi(u, e, prob):
    n, m = len(u), len(e)
    best = [[(-math.inf, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for i in range(1, n + 1):
        pu = prob[u[i - 1]]
        for j in range(m + 1):
            top = (-math.inf, None)
            for k in range(0, min(MAXCHUNK, j) + 1):
                prev = best[i - 1][j - k][0]
                p = pu.get(e[j - k : j], 0.0)
                if prev > -math.inf and p > 0:
                    s = prev + math.log(p)
                    if s > top[0]:
                        top = (s, k)
            best[i][j] = top
    if best[n][m][0] == -math.inf:
        return None
    out, j = [], m
    for i in range(n, 0, -1):
        k = best[i][j][1]
        out.append(f"{u[i - 1]}:{e[j - k : j]}")
        j -= k
    return out[::-1]


def graphone_counts(seqs, order, prune):
    """Witten-Bell n-gram counts over graphone sequences [(seq, weight)], rare n-grams (n > 1) pruned."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for seq, w in seqs:
        seq = [BOS] * (order - 1) + seq + [EOS]
        for i in range(order - 1, len(seq)):
            for k in range(0, order):
                counts[" ".join(seq[i - k : i])][seq[i]] += w
    return prune_counts(counts, prune)


def prune_counts(counts, prune):
    out = {}
    for hist, cs in counts.items():
        keep = {g: round(c, 2) for g, c in cs.items() if hist == "" or c > prune}
        if keep:
            out[hist] = dict(sorted(keep.items()))
    return dict(sorted(out.items()))


def foreign_features(u: list[str]) -> list[str]:
    """Unit bigrams with word boundaries: the evidence of the foreignness classifier."""
    seq = ["<"] + list(u) + [">"]
    return [seq[i] + " " + seq[i + 1] for i in range(len(seq) - 1)]


def foreign_table(pairs):
    """Naive Bayes log-likelihood ratios log p(f | F) - log p(f | I) over unit bigrams (add-one)."""
    by: dict[str, Counter] = {"I": Counter(), "F": Counter()}
    for u, _, src in pairs:
        if src in by:  # "G" too stays out: see TRAIN
            by[src].update(foreign_features(u))
    vocab = set(by["I"]) | set(by["F"])
    zi, zf = sum(by["I"].values()) + len(vocab), sum(by["F"].values()) + len(vocab)
    table = {}
    for f in sorted(vocab):
        llr = math.log((by["F"][f] + 1) / zf) - math.log((by["I"][f] + 1) / zi)
        if by["F"][f] + by["I"][f] >= 2:
            table[f] = round(llr, 3)
    return {"table": table, "unseen": round(math.log(1 / zf) - math.log(1 / zi), 3)}


def held_out(pair: tuple[tuple[str, ...], str, str], one_in: int) -> bool:
    units_, letters, _ = pair
    return zlib.crc32(f"{' '.join(units_)}\t{letters}".encode("utf-8")) % one_in == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "plugins/sangam/data/romanizer.json")
    parser.add_argument("--order", type=int, default=4)
    parser.add_argument("--prune", type=float, default=1, help="drop n-grams (n>1) seen this often or less")
    parser.add_argument("--foreign-weight", type=float, default=20, help="weight of foreign pairs in EM")
    # Indian names in model F keep it from spelling an Indian-looking part of a foreign name
    # strangely. Dev CER 0.1215 at 0.05 (the setting before the GeoNames places), 0.1224 at
    # 0.1, 0.1197 at 0.15, 0.1191 at 0.2, 0.1192 at 0.25 and 0.3.
    parser.add_argument("--indian-in-foreign", type=float, default=0.2, help="weight of Indian pairs in model F")
    parser.add_argument("--holdout", type=int, default=0, help="leave out one in N distinct pairs (for validation)")
    parser.add_argument("--holdout-out", type=Path, default=None)
    args = parser.parse_args()

    raw = load_pairs()
    uniq: Counter = Counter((tuple(u), e, src) for u, e, src in raw)
    items = sorted(uniq.items())
    if args.holdout:
        # By a hash of the pair, not its place in the list: a pair is held out or not whatever
        # other pairs the lists gain, so two trainings on different lists compare.
        held = [k for k, _ in items if held_out(k, args.holdout)]
        items = [kv for kv in items if not held_out(kv[0], args.holdout)]
        if args.holdout_out:
            args.holdout_out.write_text("".join(f"{' '.join(u)}\t{e}\t{src}\n" for u, e, src in held), encoding="utf-8")
    print(f"{len(raw)} word pairs, {len(items)} distinct", file=sys.stderr)
    fw = {src: 1.0 for src in INDIAN} | {src: args.foreign_weight for src in FOREIGN}
    prob = em([(list(u), e, c * fw[src]) for (u, e, src), c in items])
    scored = []
    for (u, e, src), c in items:
        seq = viterbi(list(u), e, prob)
        if seq is None:
            continue
        # mean log-probability per unit: low for mismatched pairs ("स्व" = "Late")
        lp = sum(math.log(prob[g.split(":", 1)[0]][g.split(":", 1)[1]]) for g in seq) / len(seq)
        scored.append((lp, seq, src, c, e))
    scored.sort(key=lambda x: x[0])
    cut = int(len(scored) * OUTLIERS)
    print(f"dropping {cut} worst-aligned pairs, e.g. {[x[4] for x in scored[:8]]}", file=sys.stderr)
    kept = scored[cut:]
    # Model I: every pair as often as seen.  Model F: the foreign pairs, Indian ones down-weighted.
    wf = {"I": args.indian_in_foreign, "N": 0.0} | {src: 1.0 for src in FOREIGN}  # "N": see TRAIN
    models = {
        "I": graphone_counts([(seq, c) for _, seq, src, c, _ in kept], args.order, args.prune),
        "F": graphone_counts([(seq, c * wf[src]) for _, seq, src, c, _ in kept], args.order, args.prune * 0.2),
    }
    data = {
        "about": "graphone n-gram romanizer (models I: Indian names, F: foreign names) and "
        "unit-bigram foreignness odds; trained by bench/train_romanizer.py on "
        "indian-persons-hi-en.train.tsv, wikidata-en-hi.train.tsv, the Indian first names of "
        "Alok Parlikar (CMU, 2011, CC BY 3.0) and GeoNames place names (CC BY 4.0)",
        "order": args.order,
        "models": models,
        "foreign": foreign_table([(list(u), e, src) for (u, e, src), _ in items]),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
