#!/usr/bin/env python3
"""Train the names romanizer: a joint-sequence (graphone) n-gram model.

    .venv/bin/python bench/train_romanizer.py [--out plugins/sangam/data/romanizer.json]

Trains ONLY on ../shared/data/names/indian-persons-hi-en.train.tsv and
wikidata-en-hi.train.tsv (the *.dev.tsv files are evaluation sets).

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
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.sangam.names.romanize import NGram  # noqa: E402
from plugins.sangam.names.tables import romanizer_rules, spell_acronym  # noqa: E402
from plugins.sangam.names.units import ANUSVARA, MATRA, VIRAMA, VISARGA, units  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "names"
LATIN_NAMES = ROOT / "plugins/sangam/data/latin-names.tsv"
TRAIN_RANK = 50000  # rank of a spelling known only from the training pairs (bench/build_latin_names.py)
TRAIN = [("indian-persons-hi-en.train.tsv", "I"), ("wikidata-en-hi.train.tsv", "F")]
MAXCHUNK = 3
OUTLIERS = 0.04  # share of worst-aligned word pairs left out of the n-gram counts
BOS, EOS = "<s>", "</w>"


def latin_letters(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word.lower() if "a" <= c <= "z")


def is_latin(word: str) -> bool:
    return all(ord(c) < 0x250 for c in word)


def load_pairs() -> list[tuple[list[str], str, str]]:
    """Word pairs (units, letters, source) with source "I" (Indian persons) or "F" (wikidata)."""
    pairs: list[tuple[list[str], str, str]] = []
    for name, source in TRAIN:
        lines = (SHARED / name).read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            if "\t" not in line:
                continue
            hi, en = line.split("\t")[:2]
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
    for u, _, src, *w in pairs:
        for f in foreign_features(u):
            by[src][f] += w[0] if w else 1
    vocab = set(by["I"]) | set(by["F"])
    zi, zf = sum(by["I"].values()) + len(vocab), sum(by["F"].values()) + len(vocab)
    table = {}
    for f in sorted(vocab):
        llr = math.log((by["F"][f] + 1) / zf) - math.log((by["I"][f] + 1) / zi)
        if by["F"][f] + by["I"][f] >= 2:
            table[f] = round(llr, 3)
    return {"table": table, "unseen": round(math.log(1 / zf) - math.log(1 / zi), 3)}


# ------------------------------------------------- back-transliteration (synthetic pairs)
#
# The training pairs are mostly Indian names, whose English spellings keep the schwas
# Hindi drops; foreign names are spelled by English conventions (मैक्सवेल is Maxwell,
# not Maksavel).  The same graphone n-grams read the other way (English letters given,
# units chosen) spell the English names of latin-names.tsv in Hindi, and those synthetic
# pairs, already aligned, teach model F the English side.

SIGN = {v: k for k, v in MATRA.items() if k not in "\u0945\u0946\u0949\u094a"}


def unit_class(unit: str) -> str:
    if unit.startswith("\u0259"):
        return "S"  # inherent vowel
    if is_consonant_unit(unit):
        return "C"
    if unit == ANUSVARA:
        return "M"
    if unit == VISARGA:
        return "H"
    return "V"


# Which unit class may follow which ("^" word start): a sequence that Devanagari can write
# and units() reads back the same (an inherent vowel or sign only after a consonant, an
# anusvara or visarga only after a vowel, no bare consonant at the end).
FOLLOWS = {"^": "CV", "C": "CVS", "V": "CVMH", "S": "CVMH", "M": "CVH", "H": "CV"}
ENDS = "VSMH"


def to_devanagari(seq: list[str]) -> str | None:
    out = []
    for i, u in enumerate(seq):
        c = unit_class(u)
        prev = unit_class(seq[i - 1]) if i else "^"
        if c == "C":
            out.append(u)
            if i + 1 < len(seq) and unit_class(seq[i + 1]) == "C":
                out.append(VIRAMA)
        elif c == "V":
            if prev == "C":
                if u not in SIGN:
                    return None
                out.append(SIGN[u])
            else:
                out.append(u)
        elif c in "MH":
            out.append(u)
    return "".join(out)


class Reverse:
    """English letters -> Hindi units by the joint graphone n-grams (models mixed with weight f on F)."""

    def __init__(self, models: dict[str, NGram], order: int, f: float, per_chunk: int = 8):
        self.mI, self.mF, self.order, self.f = models["I"], models["F"], order, f
        by_chunk: dict[str, Counter] = defaultdict(Counter)
        for m in (self.mI, self.mF):
            for g, c in m.counts.get("", {}).items():
                if g != EOS:
                    unit, chunk = g.split(":", 1)
                    by_chunk[chunk][unit] += c / m.grand
        self.units = {ch: [u for u, _ in cs.most_common(per_chunk)] for ch, cs in by_chunk.items()}

    def logp(self, hist, g):
        return math.log((1 - self.f) * self.mI.prob(hist, g) + self.f * self.mF.prob(hist, g))

    def decode(self, letters: str, beam: int = 8) -> list[tuple[float, list[str]]]:
        """Hindi spellings of ``letters`` as graphone sequences with their posterior, best first."""
        m = len(letters)
        agenda: list[list] = [[] for _ in range(m + 1)]
        agenda[0] = [(0.0, (BOS,) * (self.order - 1), (), "^", False)]
        finals = []

        def prune(hyps):
            hyps.sort(key=lambda h: -h[0])
            seen, out = set(), []
            for h in hyps:
                key = (h[1], tuple(g.split(":", 1)[0] for g in h[2]))
                if key not in seen:
                    seen.add(key)
                    out.append(h)
                    if len(out) >= beam:
                        break
            return out

        def extend(h, unit, chunk, empty):
            g = f"{unit}:{chunk}"
            return (h[0] + self.logp(h[1], g), (h[1] + (g,))[1:], h[2] + (g,), unit_class(unit), empty)

        for j in range(m + 1):
            hyps = prune(agenda[j])
            # a silent unit (an unwritten schwa, mostly), never two in a row
            hyps = prune(hyps + [extend(h, u, "", True) for h in hyps if not h[4]
                                 for u in self.units.get("", ()) if unit_class(u) in FOLLOWS[h[3]]])
            for h in hyps:
                if j == m:
                    if h[3] in ENDS:
                        finals.append((h[0] + self.logp(h[1], EOS), h[2]))
                    continue
                for k in range(1, min(MAXCHUNK, m - j) + 1):
                    for u in self.units.get(letters[j : j + k], ()):
                        if unit_class(u) in FOLLOWS[h[3]]:
                            agenda[j + k].append(extend(h, u, letters[j : j + k], False))
        if not finals:
            return []
        top = max(s for s, _ in finals)
        by_units: dict[tuple, list] = {}
        for s, seq in finals:
            key = tuple(g.split(":", 1)[0] for g in seq)
            entry = by_units.setdefault(key, [0.0, seq, s])
            entry[0] += math.exp(s - top)
            if s > entry[2]:
                entry[1:] = [seq, s]
        z = sum(e[0] for e in by_units.values())
        return sorted(((e[0] / z, list(e[1])) for e in by_units.values()), key=lambda x: -x[0])


def synthetic_pairs(rev: Reverse, words: list[str], min_post: float) -> list[tuple[list[str], float, str, str]]:
    """(graphones re-tagged as units() reads the Hindi spelling, posterior, Hindi, English) per spelling
    of each English word whose posterior is at least ``min_post``."""
    out = []
    for i, word in enumerate(words):
        for post, seq in rev.decode(word):
            if post < min_post:
                break
            base = [g.split(":", 1)[0] for g in seq]
            chunks = [g.split(":", 1)[1] for g in seq]
            deva = to_devanagari(base)
            if deva is None:
                continue
            read = units(deva)
            # units() tags the inherent vowels by their context; the decoder's tags may differ
            if len(read) != len(base) or any(a != b and not (a[0] == b[0] == "\u0259") for a, b in zip(read, base)):
                continue
            out.append(([f"{u}:{c}" for u, c in zip(read, chunks)], post, deva, word))
        if i % 5000 == 0:
            print(f"  back-transliterated {i}/{len(words)}", file=sys.stderr)
    return out


def latin_person_names(max_rank: int, exclude: set[str]) -> list[str]:
    """English spellings of people's names from latin-names.tsv, commonest first: census and
    given-name lists only (not the spellings known from the training pairs)."""
    rows = []
    for line in LATIN_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, person, _ = line.split("\t")
            if person != "-" and int(person) != TRAIN_RANK and int(person) <= max_rank and word not in exclude:
                rows.append((int(person), word))
    return [w for _, w in sorted(rows)]


def synthetic(args, models, exclude: set[str]) -> list[tuple[list[str], float]]:
    """Synthetic (graphones, posterior) pairs, from ``args.synthetic_cache`` when it has them."""
    cache = args.synthetic_cache
    if cache and cache.exists():
        rows = [line.split("\t") for line in cache.read_text(encoding="utf-8").splitlines()]
        print(f"{len(rows)} synthetic pairs from {cache}", file=sys.stderr)
        # tagged afresh from the Hindi spelling: the cache outlives changes to units()
        return [([f"{u}:{g.split(':', 1)[1]}" for u, g in zip(units(deva), seq.split(" "))], float(p))
                for _, deva, p, seq in rows]
    words = latin_person_names(args.synthetic_rank, exclude)
    print(f"back-transliterating {len(words)} names", file=sys.stderr)
    rev = Reverse({k: NGram(v, args.order) for k, v in models.items()}, args.order, args.reverse_foreign)
    out = synthetic_pairs(rev, words, args.min_posterior)
    if cache:
        cache.write_text("".join(f"{w}\t{d}\t{p:.3f}\t{' '.join(seq)}\n" for seq, p, d, w in out), encoding="utf-8")
    return [(seq, p) for seq, p, _, _ in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "plugins/sangam/data/romanizer.json")
    parser.add_argument("--order", type=int, default=4)
    parser.add_argument("--prune", type=float, default=1, help="drop n-grams (n>1) seen this often or less")
    parser.add_argument("--foreign-weight", type=float, default=20, help="weight of wikidata pairs in EM and model F")
    parser.add_argument("--indian-in-foreign", type=float, default=0.05, help="weight of Indian pairs in model F")
    parser.add_argument("--holdout", type=int, default=0, help="leave out every Nth distinct pair (for validation)")
    parser.add_argument("--holdout-out", type=Path, default=None)
    parser.add_argument("--synthetic-rank", type=int, default=0,
                        help="back-transliterate the person names of latin-names.tsv up to this rank (0: none)")
    parser.add_argument("--synthetic-weight", type=float, default=0.3, help="weight of a synthetic pair in model F")
    parser.add_argument("--synthetic-in-indian", type=float, default=0.0, help="weight of a synthetic pair in model I")
    parser.add_argument("--synthetic-foreign", type=float, default=0.0,
                        help="weight of a synthetic pair as foreign evidence of the foreignness odds")
    parser.add_argument("--reverse-foreign", type=float, default=0.5, help="weight of model F when back-transliterating")
    parser.add_argument("--min-posterior", type=float, default=0.2, help="Hindi spellings less probable are not used")
    parser.add_argument("--synthetic-cache", type=Path, default=None,
                        help="keep the synthetic pairs in this file and reuse it (same training data only)")
    args = parser.parse_args()

    raw = load_pairs()
    uniq: Counter = Counter((tuple(u), e, src) for u, e, src in raw)
    items = sorted(uniq.items())
    if args.holdout:
        held = [k for i, (k, _) in enumerate(items) if i % args.holdout == 0]
        items = [kv for i, kv in enumerate(items) if i % args.holdout]
        if args.holdout_out:
            args.holdout_out.write_text("".join(f"{' '.join(u)}\t{e}\t{src}\n" for u, e, src in held), encoding="utf-8")
    print(f"{len(raw)} word pairs, {len(items)} distinct", file=sys.stderr)
    fw = {"I": 1.0, "F": args.foreign_weight}
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
    # Model I: every pair as often as seen.  Model F: the wikidata pairs, Indian ones down-weighted.
    wf = {"I": args.indian_in_foreign, "F": 1.0}
    models = {
        "I": graphone_counts([(seq, c) for _, seq, src, c, _ in kept], args.order, args.prune),
        "F": graphone_counts([(seq, c * wf[src]) for _, seq, src, c, _ in kept], args.order, args.prune * 0.2),
    }
    evidence = [(list(u), e, src) for (u, e, src), _ in items]
    about = ("graphone n-gram romanizer (models I: Indian names, F: foreign names) and "
             "unit-bigram foreignness odds; trained by bench/train_romanizer.py on "
             "indian-persons-hi-en.train.tsv and wikidata-en-hi.train.tsv")
    if args.synthetic_rank:
        synth = synthetic(args, models, {e for _, e, _ in raw})
        real = [(seq, c) for _, seq, src, c, _ in kept]
        models = {
            "I": graphone_counts(real + [(seq, args.synthetic_in_indian * p) for seq, p in synth
                                         if args.synthetic_in_indian], args.order, args.prune),
            "F": graphone_counts([(seq, c * wf[src]) for _, seq, src, c, _ in kept]
                                 + [(seq, args.synthetic_weight * p) for seq, p in synth if args.synthetic_weight],
                                 args.order, args.prune * 0.2),
        }
        if args.synthetic_foreign:
            evidence += [([g.split(":", 1)[0] for g in seq], "", "F", args.synthetic_foreign * p) for seq, p in synth]
        about += (f", with {len(synth)} synthetic pairs: person names of latin-names.tsv (rank <= "
                  f"{args.synthetic_rank}) spelled in Hindi by the same model read backwards")
    data = {
        "about": about,
        "order": args.order,
        "models": models,
        "foreign": foreign_table(evidence),
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
