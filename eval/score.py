#!/usr/bin/env python3
"""Score a built site's ``events.json`` against a labelled corpus.

A re-implementation of the scorer promised by ``../shared/README.md`` (the original
``eval/score.py`` is not in ``../shared``). Standard library only.

Usage, from the project root::

    python3 eval/score.py --events DIR/events.json --corpus ../shared/corpus/dev
    python3 eval/score.py --events DIR/events.json --corpus ../shared/seeds --json
    python3 eval/score.py --events DIR/events.json --corpus ../shared/seeds --verbose

A corpus folder holds ``sources/*.txt`` and ``gold.json``; ``gold.json`` has ``events``
(event id -> file names) and ``files`` (file name -> ``event``, ``lang``, ``title``,
``url``, ``junk_lines``). Sources in ``events.json`` are matched to gold by file name
(the basename of their ``path``, which is relative to the content folder).

Line numbers
    ``junk_lines`` are 1-based and counted after removing the file's leading newlines:
    ``lines = text.lstrip("\\n").split("\\n")``. (With that convention every junk line of
    the dev corpus is non-blank; counted on the raw file, 36 files would point at blanks.)

Normalisation
    Text is compared after NFC, collapsing runs of whitespace to one space and stripping.
    Tokens are whitespace-separated and additionally stripped of leading and trailing
    punctuation (Unicode category P*, plus ``|``), so ``सियोल:`` and ``सियोल`` match;
    tokens that become empty are dropped. An empty title or url counts as null.

Metrics
    Clustering, over the files of gold (files in ``events.json`` but not in gold are
    ignored; a file listed several times is placed by its first listing; files missing
    from every event, rejected or lost, are singletons):

    bcubed_p, bcubed_r, bcubed_f1
        B-cubed precision and recall averaged over gold files, F1 of the two averages.
    pair_p, pair_r, pair_f1
        Pairwise precision and recall over pairs of files placed together
        (1.0 when there are no predicted, resp. gold, pairs).
    lost_files, rejected_files, duplicated_files
        Gold files found neither in an event nor in ``rejected``; gold files in
        ``rejected`` (and in no event); files listed more than once (events + rejected).

    Cleaning, over the gold files placed in events (their first record):

    junk_leak
        Share of gold junk lines (non-blank) that leak into the record: the line's
        normalised text equals a whole paragraph of ``text``, or equals ``title``, or
        (when at least 25 characters long) occurs inside one of the paragraphs.
    content_loss
        Missing content tokens / all content tokens. Content lines are the non-blank,
        non-junk lines other than the gold title line. Output tokens are the multiset of
        tokens of ``text`` + ``title`` + ``dateline`` + ``credits`` + ``url`` (metadata
        moved out of the body is not lost); missing = content Counter - output Counter,
        per file.
    title_acc, url_acc
        Share of files whose title (url) equals the gold one after normalisation;
        both null counts as correct.

Every cleaning metric is also broken down per language (``by_lang``), with B-cubed.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

LONG_JUNK = 25  # a junk line this long (normalised) leaks even as part of a paragraph
EXTRA_PUNCT = "|"  # punctuation-like characters outside Unicode category P*


# --- text helpers -----------------------------------------------------------------


def norm(text: str | None) -> str:
    """NFC, whitespace collapsed to single spaces, stripped."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def norm_or_none(text: str | None) -> str | None:
    return norm(text) or None


def _is_punct(char: str) -> bool:
    return char in EXTRA_PUNCT or unicodedata.category(char).startswith("P")


def strip_punct(token: str) -> str:
    start, end = 0, len(token)
    while start < end and _is_punct(token[start]):
        start += 1
    while end > start and _is_punct(token[end - 1]):
        end -= 1
    return token[start:end]


def tokens(text: str | None) -> list[str]:
    """Whitespace tokens of the normalised text, surrounding punctuation stripped."""
    stripped = (strip_punct(token) for token in norm(text).split(" "))
    return [token for token in stripped if token]


def source_lines(text: str) -> list[str]:
    """The file's lines, numbered as gold numbers them (leading newlines removed)."""
    return text.lstrip("\n").split("\n")


def file_name(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) else None


def _strings(value) -> list[str]:
    """Flatten a string, a list of strings or a dict of strings to a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = value.values()
    return [item for part in value for item in _strings(part)]


# --- loading ----------------------------------------------------------------------


@dataclass
class GoldFile:
    name: str
    event: str
    lang: str
    title: str | None
    url: str | None
    junk_lines: set[int]
    lines: list[str]


def load_gold(corpus: Path) -> dict[str, GoldFile]:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    files = {}
    for name, info in gold["files"].items():
        text = (corpus / "sources" / name).read_text(encoding="utf-8")
        files[name] = GoldFile(
            name=name,
            event=info["event"],
            lang=info.get("lang") or "?",
            title=info.get("title"),
            url=info.get("url"),
            junk_lines=set(info.get("junk_lines") or []),
            lines=source_lines(text),
        )
    return files


@dataclass
class Prediction:
    clusters: list[list[str]]  # file names per event, gold files only, first listing
    records: dict[str, dict]  # file name -> its first source record
    rejected: set[str]
    duplicated: set[str]
    unknown: set[str]  # files in events that gold does not know


def read_prediction(doc: dict, gold: dict[str, GoldFile]) -> Prediction:
    seen: Counter[str] = Counter()
    clusters, records = [], {}
    for event in doc.get("events") or []:
        cluster = []
        for record in event.get("sources") or []:
            name = file_name(record.get("path") or "")
            seen[name] += 1
            if name in gold and name not in records:
                records[name] = record
                cluster.append(name)
        if cluster:
            clusters.append(cluster)
    rejected = set()
    for item in doc.get("rejected") or []:
        name = file_name(item.get("path") or "")
        seen[name] += 1
        if name in gold and name not in records:
            rejected.add(name)
    return Prediction(
        clusters=clusters,
        records=records,
        rejected=rejected,
        duplicated={name for name, count in seen.items() if count > 1},
        unknown={name for name in seen if name not in gold},
    )


# --- clustering -------------------------------------------------------------------


def _ratio(num: float, den: float, empty: float = 0.0) -> float:
    return num / den if den else empty


def _f1(p: float, r: float) -> float:
    return _ratio(2 * p * r, p + r)


def assignment(clusters: list[list[str]], names) -> dict[str, int]:
    """File name -> cluster number; files in no cluster get a singleton of their own."""
    label = {name: i for i, cluster in enumerate(clusters) for name in cluster}
    next_label = len(clusters)
    for name in sorted(names):
        if name not in label:
            label[name] = next_label
            next_label += 1
    return label


def bcubed_items(pred: dict[str, int], truth: dict[str, str]) -> dict[str, tuple[float, float]]:
    """File name -> (B-cubed precision, recall) of that file."""
    pred_members, gold_members = defaultdict(set), defaultdict(set)
    for name in truth:
        pred_members[pred[name]].add(name)
        gold_members[truth[name]].add(name)
    scores = {}
    for name in truth:
        mine, theirs = pred_members[pred[name]], gold_members[truth[name]]
        common = len(mine & theirs)
        scores[name] = (common / len(mine), common / len(theirs))
    return scores


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_scores(pred: dict[str, int], truth: dict[str, str]) -> tuple[float, float, float]:
    both = Counter((pred[name], truth[name]) for name in truth)
    predicted = sum(_pairs(n) for n in Counter(pred[name] for name in truth).values())
    actual = sum(_pairs(n) for n in Counter(truth.values()).values())
    agreed = sum(_pairs(n) for n in both.values())
    p, r = _ratio(agreed, predicted, 1.0), _ratio(agreed, actual, 1.0)
    return p, r, _f1(p, r)


# --- cleaning ---------------------------------------------------------------------


@dataclass
class FileReport:
    """What the cleaner did to one file, in numbers and in lines for --verbose."""

    name: str
    lang: str
    junk_total: int = 0
    leaked: list[tuple[int, str]] = field(default_factory=list)
    content_total: int = 0
    content_missing: int = 0
    lost_lines: list[tuple[int, int, int, str]] = field(default_factory=list)  # no, missing, of, text
    title_ok: bool = True
    url_ok: bool = True
    title: tuple[str | None, str | None] = (None, None)  # (gold, output)
    url: tuple[str | None, str | None] = (None, None)

    @property
    def problems(self) -> int:
        return len(self.leaked) + self.content_missing + (not self.title_ok) + (not self.url_ok)


def junk_leaks(line: str, paragraphs: list[str], title: str) -> bool:
    """Whether a (normalised) junk line shows in the record's (normalised) text or title."""
    if line in paragraphs or line == title:
        return True
    return len(line) >= LONG_JUNK and any(line in paragraph for paragraph in paragraphs)


def output_tokens(record: dict) -> Counter[str]:
    parts = _strings(record.get("text")) + _strings(record.get("title"))
    parts += _strings(record.get("dateline")) + _strings(record.get("credits"))
    parts += _strings(record.get("url"))
    return Counter(token for part in parts for token in tokens(part))


def check_file(gold: GoldFile, record: dict) -> FileReport:
    report = FileReport(gold.name, gold.lang)
    paragraphs = [norm(p) for p in _strings(record.get("text"))]
    out_title, gold_title = norm(_text_field(record, "title")), norm(gold.title)
    available = output_tokens(record)
    for number, raw in enumerate(gold.lines, start=1):
        line = norm(raw)
        if not line:
            continue
        if number in gold.junk_lines:
            report.junk_total += 1
            if junk_leaks(line, paragraphs, out_title):
                report.leaked.append((number, line))
            continue
        if gold_title and line == gold_title:
            continue
        line_tokens = tokens(line)
        missing = 0
        for token in line_tokens:
            if available[token] > 0:
                available[token] -= 1
            else:
                missing += 1
        report.content_total += len(line_tokens)
        report.content_missing += missing
        if missing:
            report.lost_lines.append((number, missing, len(line_tokens), line))
    report.title = (norm_or_none(gold.title), out_title or None)
    report.url = (norm_or_none(gold.url), norm_or_none(_text_field(record, "url")))
    report.title_ok = report.title[0] == report.title[1]
    report.url_ok = report.url[0] == report.url[1]
    return report


def cleaning_metrics(reports: list[FileReport]) -> dict[str, float]:
    n = len(reports)
    return {
        "junk_leak": _ratio(sum(len(r.leaked) for r in reports), sum(r.junk_total for r in reports)),
        "content_loss": _ratio(sum(r.content_missing for r in reports), sum(r.content_total for r in reports)),
        "title_acc": _ratio(sum(r.title_ok for r in reports), n),
        "url_acc": _ratio(sum(r.url_ok for r in reports), n),
    }


# --- scoring ----------------------------------------------------------------------


@dataclass
class Result:
    metrics: dict
    reports: list[FileReport]
    prediction: Prediction
    labels: dict[str, int]
    gold: dict[str, GoldFile]


def _bcubed_metrics(items: list[tuple[float, float]]) -> dict[str, float]:
    p = _ratio(sum(i[0] for i in items), len(items))
    r = _ratio(sum(i[1] for i in items), len(items))
    return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": _f1(p, r)}


def evaluate(doc: dict, gold: dict[str, GoldFile]) -> Result:
    prediction = read_prediction(doc, gold)
    truth = {name: info.event for name, info in gold.items()}
    labels = assignment(prediction.clusters, gold)
    per_file = bcubed_items(labels, truth)
    pair_p, pair_r, pair_f1 = pair_scores(labels, truth)
    reports = [check_file(gold[name], prediction.records[name]) for name in sorted(prediction.records)]

    metrics = _bcubed_metrics(list(per_file.values()))
    metrics.update(pair_p=pair_p, pair_r=pair_r, pair_f1=pair_f1)
    metrics.update(cleaning_metrics(reports))
    metrics.update(
        gold_files=len(gold),
        gold_events=len(set(truth.values())),
        predicted_events=len(doc.get("events") or []),
        files_in_events=len(prediction.records),
        lost_files=len(set(gold) - set(prediction.records) - prediction.rejected),
        rejected_files=len(prediction.rejected),
        duplicated_files=len(prediction.duplicated),
        unknown_files=len(prediction.unknown),
    )
    metrics["by_lang"] = {
        lang: {
            "files": sum(1 for info in gold.values() if info.lang == lang),
            **_bcubed_metrics([per_file[name] for name, info in gold.items() if info.lang == lang]),
            **cleaning_metrics([r for r in reports if r.lang == lang]),
        }
        for lang in sorted({info.lang for info in gold.values()})
    }
    return Result(metrics, reports, prediction, labels, gold)


def score(events_path: Path, corpus: Path) -> Result:
    doc = json.loads(Path(events_path).read_text(encoding="utf-8"))
    return evaluate(doc, load_gold(Path(corpus)))


# --- output -----------------------------------------------------------------------


def _value(value) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def format_metrics(metrics: dict) -> str:
    lines = [f"{name}: {_value(value)}" for name, value in metrics.items() if name != "by_lang"]
    for lang, values in metrics.get("by_lang", {}).items():
        lines += [f"{lang}.{name}: {_value(value)}" for name, value in values.items()]
    return "\n".join(lines)


def _clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_clusters(result: Result) -> list[str]:
    """Gold events split over several predicted ones, and predicted events mixing gold ones."""
    out = []
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for name, info in result.gold.items():
        by_gold[info.event].add(result.labels[name])
        by_pred[result.labels[name]].add(name)
    for event, labels in sorted(by_gold.items()):
        if len(labels) > 1:
            parts = [sorted(n for n in by_pred[label] if result.gold[n].event == event) for label in sorted(labels)]
            out.append(f"  split  {event}: " + " | ".join(" ".join(p) for p in parts))
    for label, names in sorted(by_pred.items()):
        events = sorted({result.gold[n].event for n in names})
        if len(events) > 1:
            out.append("  merged " + " + ".join(events) + ": " + " ".join(sorted(names)))
    return out


def format_file(report: FileReport) -> list[str]:
    out = [f"  {report.name} [{report.lang}] leaked {len(report.leaked)}/{report.junk_total} junk lines, "
           f"lost {report.content_missing}/{report.content_total} tokens"]
    if not report.title_ok:
        out.append(f"    title: gold {report.title[0]!r} got {report.title[1]!r}")
    if not report.url_ok:
        out.append(f"    url:   gold {report.url[0]!r} got {report.url[1]!r}")
    out += [f"    junk {number:>4}: {_clip(text)}" for number, text in report.leaked]
    for number, missing, of, text in report.lost_lines:
        out.append(f"    lost {number:>4} ({missing}/{of} tokens): {_clip(text)}")
    return out


def format_verbose(result: Result, top: int) -> str:
    out = ["", "clustering errors:"]
    out += format_clusters(result) or ["  none"]
    lost = sorted(set(result.gold) - set(result.prediction.records) - result.prediction.rejected)
    out += ["", "lost files: " + (" ".join(lost) or "none")]
    out.append("rejected files: " + (" ".join(sorted(result.prediction.rejected)) or "none"))
    out.append("duplicated files: " + (" ".join(sorted(result.prediction.duplicated)) or "none"))
    worst = sorted((r for r in result.reports if r.problems), key=lambda r: (-r.problems, r.name))
    out += ["", f"worst files ({min(top, len(worst))} of {len(worst)} with problems):"]
    for report in worst[:top]:
        out += format_file(report)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", required=True, type=Path, help="events.json of a build")
    parser.add_argument("--corpus", required=True, type=Path, help="folder with sources/ and gold.json")
    parser.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    parser.add_argument("--verbose", action="store_true", help="also list the worst files and clustering errors")
    parser.add_argument("--top", type=int, default=15, help="how many files --verbose lists (default 15)")
    args = parser.parse_args(argv)

    result = score(args.events, args.corpus)
    if args.json:
        print(json.dumps(result.metrics, ensure_ascii=False, indent=2))
    else:
        print(format_metrics(result.metrics))
    if args.verbose:
        print(format_verbose(result, args.top), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
