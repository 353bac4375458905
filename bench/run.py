#!/usr/bin/env python3
"""Benchmark: Sangam builds of N generated sources against the plain-Pelican floor.

    make bench                                     # N = 1000, 5000, 20000; 3 repeats
    .venv/bin/python bench/run.py --sizes 1000 5000 --repeats 3
    .venv/bin/python bench/run.py --sizes 20000 --repeats 1 --timeout 1800
    .venv/bin/python bench/run.py --profile 5000   # cProfile one build, print the hot spots

For every N it generates ``bench/out/nN/content`` with ``bench/generate.py`` (N sources
plus one held back for the rebuild), writes the same texts as N Markdown articles for the
floor, then per repeat runs, each as a fresh subprocess:

* the Sangam build (``pelican CONTENT -s pelicanconf.py --fatal errors``, project settings);
* the floor: plain Pelican 4.12, default settings and theme (notmyidea), no plugins, the N
  Markdown articles (Title and Date metadata, the source's lines as paragraphs), run from a
  throwaway venv ``bench/out/floor-venv`` (pelican + markdown; ``.venv`` has no markdown);
* unless ``--no-rebuild``: a Sangam build with Pelican's content cache on
  (``CACHE_CONTENT``, ``LOAD_CONTENT_CACHE``), then the held-back source is added and the
  site rebuilt with the warm cache: the "rebuild after adding one source".

Measured: wall time of the subprocess; peak memory (the Python process's own peak, VmHWM; the
largest process's max RSS from ``wait4``, which is Pagefind's when it is larger; and the peak of the whole process tree's summed RSS sampled every 0.2 s, which
counts a search indexer running beside Python); per stage, from inside the build
(the child wraps ``pelican.main`` and Pelican's signals): Pelican start-up and reading,
the plugin's StageTimer (read, clean, names, merge, assemble), the rest of the event
articles' creation, render (all ``generate_output``), ``finalized`` receivers (the search
index and the build summary), and the search index size (``OUTPUT/pagefind``).
Merge quality of the first repeat is scored with ``eval/score.py`` against the generated gold.

Results accumulate per N in ``bench/out/results.json`` (so N can be run separately) and are
rendered to ``bench/RESULTS.md`` with the machine, date and commit: medians over repeats.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
FLOOR_VENV = OUT / "floor-venv"
RESULTS_JSON = OUT / "results.json"
RESULTS_MD = BENCH / "RESULTS.md"
TARGETS = {"floor_ratio": 2.0, "merge_exponent": 1.2, "peak_gb": 3.0, "rebuild_share": 0.30}


# ------------------------------------------------------------------ child side (inside a build)


def child(result_path: str, profile_path: str | None, pelican_args: list[str]) -> int:
    """Run ``pelican.main(pelican_args)`` with timestamps at Pelican's phase boundaries."""
    t0 = time.perf_counter()
    import pelican
    from pelican import signals

    marks: dict[str, float] = {"import": time.perf_counter() - t0}
    info: dict = {}

    def wrap(sig, name):
        original = sig.send

        def send(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                marks[name + "_start"] = start - t0
                marks[name + "_end"] = time.perf_counter() - t0

        sig.send = send

    wrap(signals.article_generator_pretaxonomy, "pretaxonomy")
    wrap(signals.all_generators_finalized, "context")
    wrap(signals.finalized, "finalized")

    def grab(generators):
        for generator in generators:
            timer = generator.context.get("sangam_timer")
            if timer is not None:
                info["stages"] = dict(timer.seconds)
            digest = generator.context.get("sangam")
            if digest is not None:
                info["sources"] = len(digest.sources)
                info["rejected"] = len(digest.rejected)
                info["events"] = len(digest.events)
                info["entities"] = len(digest.entities)
            info["articles"] = len(getattr(generator, "articles", []) or []) or info.get("articles", 0)

    signals.all_generators_finalized.connect(grab)
    code = 0
    try:
        if profile_path:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
            try:
                pelican.main(pelican_args)
            finally:
                profiler.disable()
                profiler.dump_stats(profile_path)
        else:
            pelican.main(pelican_args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    marks["end"] = time.perf_counter() - t0
    # The Python process alone (wait4's max RSS is the largest process of the tree: Pagefind's, at times).
    with open("/proc/self/status") as handle:
        info["python_peak_mb"] = next(int(line.split()[1]) for line in handle if line.startswith("VmHWM")) / 1024
    Path(result_path).write_text(json.dumps({"marks": marks, "info": info, "code": code}))
    return code


# ------------------------------------------------------------------ parent side


def _tree_rss_kb(root_pid: int) -> int:
    """Summed VmRSS of root_pid and all its descendants (kB), walking /proc/PID/task/*/children."""
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE_KB
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            pass
    return total


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def run_build(python: Path, pelican_args: list[str], log: Path, timeout: float, profile: Path | None = None,
              env_extra: dict | None = None) -> dict:
    """One build in a fresh subprocess: wall time, peak RSS, the child's phase marks."""
    result = log.with_suffix(".json")
    result.unlink(missing_ok=True)
    command = [str(python), str(Path(__file__).resolve()), "--child", str(result)]
    if profile:
        command += ["--child-profile", str(profile)]
    command += ["--", *pelican_args]
    env = dict(os.environ, PYTHONHASHSEED="0", **(env_extra or {}))
    peak_tree = 0
    start = time.perf_counter()
    with open(log, "w") as handle:
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT, env=env,
                                   start_new_session=True)
        stop = threading.Event()

        def sample():
            nonlocal peak_tree
            while not stop.wait(0.25):
                peak_tree = max(peak_tree, _tree_rss_kb(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timed_out = False
        try:
            _, status, usage = _wait4(process, timeout)
        except TimeoutError:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
    record = {"wall": wall, "load_after": os.getloadavg()[0], "peak_rss_mb": usage.ru_maxrss / 1024, "peak_tree_mb": peak_tree / 1024,
              "timed_out": timed_out, "exit": os.waitstatus_to_exitcode(status), "log": str(log.relative_to(ROOT))}
    if result.is_file():
        child_data = json.loads(result.read_text())
        record.update(marks=child_data["marks"], info=child_data["info"])
        record["exit"] = record["exit"] or child_data["code"]
    tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.is_file() else []
    record["last_lines"] = tail
    return record


def _wait4(process: subprocess.Popen, timeout: float):
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return pid, status, usage
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.05)


def phases(record: dict) -> dict:
    """Per-stage seconds of one Sangam build from the child's marks and the StageTimer."""
    marks, stages = record.get("marks", {}), record.get("info", {}).get("stages", {})
    out: dict[str, float] = {}
    if not marks or "end" not in marks:
        return out
    out["startup+pelican read"] = marks.get("pretaxonomy_start", marks.get("context_end", 0.0))
    for name in ("read", "clean", "names", "merge", "assemble"):
        if name in stages:
            out[name] = stages[name]
    if "pretaxonomy_end" in marks:
        out["event articles"] = max(0.0, marks["pretaxonomy_end"] - marks["pretaxonomy_start"] - sum(stages.values()))
    if "context_end" in marks:
        out["taxonomies/context"] = marks["context_end"] - marks.get("pretaxonomy_end", marks["context_end"])
        out["render"] = marks.get("finalized_start", marks["end"]) - marks["context_end"]
    if "finalized_end" in marks:
        out["finalized (search index, summary)"] = marks["finalized_end"] - marks["finalized_start"]
    return out


def dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []
    return len(files), sum(p.stat().st_size for p in files)


# ------------------------------------------------------------------ content


def prepare(n: int, seed: int) -> dict:
    """Generate N sources (+1 held back) and the floor's N Markdown articles."""
    sys.path.insert(0, str(BENCH))
    import generate

    base = OUT / f"n{n}"
    content = base / "content"
    holdout = base / "holdout"
    stamp = base / "stamp.json"
    wanted = {"n": n, "seed": seed, "generator": _file_hash(BENCH / "generate.py")}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted and (base / "floor").is_dir():
        return json.loads((holdout / "held.json").read_text())
    shutil.rmtree(base, ignore_errors=True)  # new content: old records (runs.jsonl) go too
    content.mkdir(parents=True)
    gold = generate.generate(n + 1, seed, content)
    # Hold back one source of a multi-source event: the rebuild adds it to N sources.
    event = next(e for e in sorted(gold["events"]) if len(gold["events"][e]) >= 2)
    name = gold["events"][event][-1]
    holdout.mkdir()
    shutil.move(content / "sources" / name, holdout / name)
    record = gold["files"].pop(name)
    gold["events"][event].remove(name)
    (content / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    held = {"name": name, "record": record}
    (holdout / "held.json").write_text(json.dumps(held, ensure_ascii=False, indent=1))
    write_floor(content / "sources", base / "floor" / "content", gold)
    stamp.write_text(json.dumps(wanted))
    return held


def _file_hash(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def write_floor(sources: Path, floor: Path, gold: dict) -> None:
    """The same texts as Markdown articles: Title and Date metadata, every line a paragraph."""
    floor.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted(sources.iterdir())):
        write_floor_article(path, floor, gold["files"][path.name]["title"], index)
    (floor.parent / "floorconf.py").write_text('SITENAME = "Floor"\nTIMEZONE = "UTC"\n')


def write_floor_article(source: Path, floor: Path, title: str | None, index: int) -> Path:
    """One source as the floor's Markdown article (the held-back source too, for the floor's rebuild)."""
    lines = [line.strip() for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    day = f"2025-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
    text = f"Title: {title or lines[0][:80]}\nDate: {day} 10:00\nSlug: {source.stem}\n\n" + "\n\n".join(lines) + "\n"
    path = floor / (source.stem + ".md")
    path.write_text(text, encoding="utf-8")
    return path


def ensure_floor_venv() -> Path:
    python = FLOOR_VENV / "bin" / "python"
    check = [str(python), "-c", "import markdown, pelican"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    subprocess.run([sys.executable, "-m", "venv", str(FLOOR_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "pelican==4.12.0", "markdown"], check=True)
    return python


# ------------------------------------------------------------------ one N


def bench_size(n: int, args) -> dict:
    print(f"\n== N = {n:,}: generating", flush=True)
    start = time.perf_counter()
    held = prepare(n, args.seed)
    print(f"   content ready in {time.perf_counter() - start:.1f} s", flush=True)
    base = OUT / f"n{n}"
    content = base / "content"
    logs = base / "logs"
    logs.mkdir(exist_ok=True)
    sangam_args = lambda out, *extra: [str(content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
                                       "--fatal", "errors", *extra]
    floor_python = None if args.skip_floor else ensure_floor_venv()
    runs: dict[str, list[dict]] = {"sangam": [], "floor": [], "cold_cache": [], "rebuild": [], "floor_cold_cache": [], "floor_rebuild": []}
    store = base / "runs.jsonl"  # every finished build of this content, across invocations

    def keep(kind: str, record: dict) -> None:
        record = dict(record, kind=kind, commit=commit(), date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
        with open(store, "a") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    for repeat in range(0 if args.from_records else args.repeats):
        if floor_python:
            floor_out = base / "floor-site"
            shutil.rmtree(floor_out, ignore_errors=True)
            record = run_build(floor_python, [str(base / "floor" / "content"), "-o", str(floor_out), "-s",
                                              str(base / "floor" / "floorconf.py")],
                               logs / f"floor-{repeat}.log", args.timeout)
            keep("floor", record)
            report("floor", repeat, record)
            if not args.no_rebuild and repeat < args.rebuild_repeats:
                floor_rebuild(floor_python, base, held, logs, repeat, args, keep)
        if args.floor_only:
            continue
        out = base / "site"
        shutil.rmtree(out, ignore_errors=True)
        record = run_build(VENV_PYTHON, sangam_args(out), logs / f"sangam-{repeat}.log", args.timeout)
        record["pagefind_files"], record["pagefind_bytes"] = dir_size(out / "pagefind")
        record["output_files"], record["output_bytes"] = dir_size(out)
        if repeat == 0 and (out / "events.json").is_file():
            record["score"] = score(out / "events.json", content)
        keep("sangam", record)
        report("sangam", repeat, record)
        if record["exit"] != 0 or record["timed_out"]:
            print("   Sangam build failed; see", record["log"], flush=True)
            continue
        if not args.no_rebuild and repeat < args.rebuild_repeats:
            def add_source() -> Path:
                added = content / "sources" / held["name"]
                shutil.copy(base / "holdout" / held["name"], added)
                return added

            cached_rebuild(VENV_PYTHON, sangam_args, base / "site-cached",
                           base / "cache", add_source, "", logs, repeat, args, keep)
    for line in store.read_text().splitlines() if store.is_file() else []:
        record = json.loads(line)
        runs[record["kind"]].append(record)
    return summarise(n, args, runs)


CACHE_ON = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", 'CHECK_MODIFIED_METHOD="sha256"')


def cached_rebuild(python: Path, build_args, out: Path, cache: Path, add_source, prefix: str, logs: Path,
                   repeat: int, args, keep) -> None:
    """A cold build with the content cache on, then ``add_source()`` (one more file, removed
    afterwards) and the rebuild; kept as ``{prefix}cold_cache`` and ``{prefix}rebuild``."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    cached = build_args(out, "-e", *CACHE_ON, f'CACHE_PATH="{cache}"')
    label = prefix.replace("_", " ")
    record = run_build(python, cached, logs / f"{prefix.replace('_', '-')}cold-{repeat}.log", args.timeout)
    keep(f"{prefix}cold_cache", record)
    report(f"{label}cold cache", repeat, record)
    added = add_source()
    try:
        record = run_build(python, cached, logs / f"{prefix.replace('_', '-')}rebuild-{repeat}.log", args.timeout)
    finally:
        added.unlink()
    keep(f"{prefix}rebuild", record)
    report(f"{label}rebuild +1", repeat, record)


def floor_rebuild(floor_python: Path, base: Path, held: dict, logs: Path, repeat: int, args, keep) -> None:
    """Plain Pelican's own rebuild after adding one article, with its content cache on: what
    the rebuild target is measured against (Pelican re-renders every page; only reading is cached)."""
    floor_content = base / "floor" / "content"

    def build_args(out: Path, *extra: str) -> list[str]:
        return [str(floor_content), "-o", str(out), "-s", str(base / "floor" / "floorconf.py"), *extra]

    def add_source() -> Path:
        return write_floor_article(base / "holdout" / held["name"], floor_content, held["record"].get("title"), 0)

    cached_rebuild(floor_python, build_args, base / "floor-site-cached", base / "floor-cache", add_source, "floor_",
                   logs, repeat, args, keep)


def report(kind: str, repeat: int, record: dict) -> None:
    info = record.get("info", {})
    extra = ""
    if "events" in info:
        extra = f", {info['sources']} sources, {info['rejected']} rejected, {info['events']} events"
    status = "TIMED OUT" if record["timed_out"] else ("ok" if record["exit"] == 0 else f"exit {record['exit']}")
    python_peak = f"Python {info['python_peak_mb']:.0f} MB, " if "python_peak_mb" in info else ""
    print(f"   {kind:<11} #{repeat + 1}: {record['wall']:7.1f} s, peak {python_peak}largest process {record['peak_rss_mb']:6.0f} MB "
          f"(tree {record['peak_tree_mb']:.0f} MB) {status}{extra}", flush=True)


def score(events_json: Path, corpus: Path) -> dict:
    run = subprocess.run([str(VENV_PYTHON), str(ROOT / "eval" / "score.py"), "--events", str(events_json),
                          "--corpus", str(corpus), "--json"], capture_output=True, text=True, cwd=ROOT)
    try:
        data = json.loads(run.stdout)
    except json.JSONDecodeError:
        return {"error": (run.stderr or run.stdout)[-300:]}
    keys = ("bcubed_p", "bcubed_r", "bcubed_f1", "pair_f1", "lost_files", "junk_leak", "content_loss")
    flat = data.get("summary", data)
    return {k: flat[k] for k in keys if k in flat}


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(n: int, args, runs: dict) -> dict:
    # Sangam medians of one code version: the newest commit with a finished Sangam build (older
    # records stay in runs.jsonl but are not mixed in; "+dirty" counts as that commit and shows
    # in the row). The floor is plain Pelican, the same whatever our commit: all its runs count.
    def base(record):
        return record.get("commit", "").split("+")[0]

    finished = [r for r in runs.get("sangam", []) if r["exit"] == 0 and not r["timed_out"]]
    newest = base(max(finished, key=lambda r: r["date"])) if finished else None
    ok = {
        kind: [
            r for r in records
            if r["exit"] == 0 and not r["timed_out"] and (kind.startswith("floor") or newest is None or base(r) == newest)
        ]
        for kind, records in runs.items()
    }
    sangam = ok["sangam"]
    stage_names: list[str] = []
    for record in sangam:
        for name in phases(record):
            if name not in stage_names:
                stage_names.append(name)
    summary = {
        "n": n,
        "seed": args.seed,
        "repeats": len(sangam),
        "commit": ", ".join(sorted({r["commit"] for kind in ("sangam", "cold_cache", "rebuild") for r in ok[kind]})) or commit(),
        "date": max((r["date"] for r in sangam), default=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        "failed": None if sangam else (runs["sangam"][0]["last_lines"] if runs["sangam"] else "not run"),
        "wall": median(r["wall"] for r in sangam),
        "walls": [round(r["wall"], 2) for r in sangam],
        "peak_rss_mb": median(r["peak_rss_mb"] for r in sangam),
        "peak_tree_mb": median(r["peak_tree_mb"] for r in sangam),
        "load": median(r.get("load_after") for r in sangam + ok["floor"]),
        "stages": {name: median(phases(r).get(name) for r in sangam) for name in stage_names},
        "pagefind_bytes": median(r["pagefind_bytes"] for r in sangam),
        "pagefind_files": median(r["pagefind_files"] for r in sangam),
        "output_bytes": median(r["output_bytes"] for r in sangam),
        "info": sangam[0].get("info", {}) if sangam else {},
        "summary_line": sangam[0]["last_lines"][-1] if sangam and sangam[0]["last_lines"] else None,
        "score": next((r["score"] for r in sangam if "score" in r), None),
        "floor_wall": median(r["wall"] for r in ok["floor"]),
        "floor_walls": [round(r["wall"], 2) for r in ok["floor"]],
        "floor_peak_rss_mb": median(r["peak_rss_mb"] for r in ok["floor"]),
        "cold_cache_wall": median(r["wall"] for r in ok["cold_cache"]),
        "rebuild_wall": median(r["wall"] for r in ok["rebuild"]),
        "rebuild_walls": [round(r["wall"], 2) for r in ok["rebuild"]],
        "floor_cold_cache_wall": median(r["wall"] for r in ok["floor_cold_cache"]),
        "floor_rebuild_wall": median(r["wall"] for r in ok["floor_rebuild"]),
        "rebuild_stages": {k: median(phases(r).get(k) for r in ok["rebuild"]) for k in stage_names} if ok["rebuild"] else {},
    }
    return summary


def commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "plugins", "theme", "pelicanconf.py"],
                           capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return head + ("+dirty" if dirty else "")


# ------------------------------------------------------------------ RESULTS.md


def machine() -> str:
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem = 0
    return (f"{model or platform.processor()}, {os.cpu_count()} logical CPUs, {mem / 1024 / 1024:.1f} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def fmt(value, unit="", digits=1):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}"


def render_results(results: dict) -> str:
    sizes = sorted(results, key=int)
    rows = [results[s] for s in sizes]
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/run.py` (see `bench/README.md`); medians of the repeats listed. "
        "Times are wall-clock seconds of a whole `pelican` process, memory is peak RSS.",
        "",
        f"- Machine: {machine()}",
        f"- Rendered: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        "- Commit per row below (`+dirty`: uncommitted changes in plugins/, theme/ or pelicanconf.py "
        "at the time of the run).",
        "",
        "## Whole build",
        "",
        "| N sources | commit, date | load avg | repeats | Sangam wall (runs) | floor wall (runs) | ratio (target ≤ 2.0) | "
        "peak RSS Python / largest process / tree / floor | events | rebuild +1 (cold-cache build) | rebuild share (≤ 30%) | "
        "floor rebuild +1 (cold-cache build), share |",
        "|---:|---|---:|---:|---|---|---:|---|---:|---|---:|---|",
    ]
    for r in rows:
        ratio = r["wall"] / r["floor_wall"] if r["wall"] and r["floor_wall"] else None
        share = r["rebuild_wall"] / r["wall"] if r["rebuild_wall"] and r["wall"] else None
        info = r.get("info") or {}
        if r["failed"]:
            lines.append(f"| {r['n']:,} | {r['commit']}, {r['date']} | {fmt(r.get('load'))} | 0 | {'not run' if r['failed'] == 'not run' else 'failed: `' + str(r['failed'])[-160:] + '`'} | "
                         f"{fmt(r['floor_wall'])} s | – | – | – | – | – | – |")
            continue
        lines.append(
            f"| {r['n']:,} | {r['commit']}, {r['date']} | {fmt(r.get('load'))} | {r['repeats']} | {fmt(r['wall'])} s ({', '.join(map(str, r['walls']))}) | "
            f"{fmt(r['floor_wall'])} s ({', '.join(map(str, r['floor_walls']))}) | {fmt(ratio, '×', 2)} | "
            f"{fmt(info.get('python_peak_mb'), ' MB', 0)} / {fmt(r['peak_rss_mb'], ' MB', 0)} / {fmt(r['peak_tree_mb'], ' MB', 0)} / {fmt(r['floor_peak_rss_mb'], ' MB', 0)} | "
            f"{info.get('events', '–')} | {fmt(r['rebuild_wall'])} s ({fmt(r['cold_cache_wall'])} s) | {fmt(share * 100 if share else None, '%', 0)} | "
            f"{floor_rebuild_cell(r)} |"
        )
    stage_names: list[str] = []
    for r in rows:
        for name in r["stages"]:
            if name not in stage_names:
                stage_names.append(name)
    lines += ["", "## Time per stage (s)", "",
              "| stage | " + " | ".join(f"N = {int(s):,}" for s in sizes) + " |",
              "|---|" + "---:|" * len(sizes)]
    for name in stage_names:
        lines.append(f"| {name} | " + " | ".join(fmt(r["stages"].get(name), "", 2) for r in rows) + " |")
    lines.append("| search index size | " + " | ".join(
        (f"{r['pagefind_bytes'] / 1e6:.1f} MB, {int(r['pagefind_files'])} files" if r.get("pagefind_bytes") else "no output/pagefind")
        for r in rows) + " |")
    lines.append("| whole output size | " + " | ".join(fmt((r.get("output_bytes") or 0) / 1e6, " MB") for r in rows) + " |")
    if any(r.get("rebuild_stages") for r in rows):
        lines += ["", "Rebuild after adding one source, per stage (s):", "",
                  "| stage | " + " | ".join(f"N = {int(s):,}" for s in sizes) + " |", "|---|" + "---:|" * len(sizes)]
        for name in stage_names:
            lines.append(f"| {name} | " + " | ".join(fmt((r.get("rebuild_stages") or {}).get(name), "", 2) for r in rows) + " |")
    lines += ["", "## Targets (issue 8)", ""]
    lines += targets(results)
    lines += ["", "## Merge quality on the generated corpus (first repeat, `eval/score.py`)", "",
              "| N | B³ P | B³ R | B³ F1 | pair F1 | lost files | junk leak | content loss |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        s = r.get("score") or {}
        if not s or "error" in s:
            continue
        lines.append(f"| {r['n']:,} | " + " | ".join(
            fmt(s.get(k), "", 3) if isinstance(s.get(k), float) else str(s.get(k, "–"))
            for k in ("bcubed_p", "bcubed_r", "bcubed_f1", "pair_f1", "lost_files", "junk_leak", "content_loss")) + " |")
    lines += ["", "Last log line of the build (the build summary):", ""]
    for r in rows:
        lines.append(f"- N = {r['n']:,}: `{r.get('summary_line')}`")
    text = "\n".join(lines) + "\n"
    old = RESULTS_MD.read_text(encoding="utf-8") if RESULTS_MD.is_file() else ""
    if NOTES_MARK in old:  # hand-written findings below the mark survive re-rendering
        text += "\n" + old[old.index(NOTES_MARK):]
    return text


def floor_rebuild_cell(r: dict) -> str:
    rebuild, full = r.get("floor_rebuild_wall"), r.get("floor_wall")
    if not rebuild:
        return "–"
    return f"{fmt(rebuild)} s ({fmt(r.get('floor_cold_cache_wall'))} s), {fmt(rebuild / full * 100 if full else None, '%', 0)}"


NOTES_MARK = "<!-- notes: everything below this line is kept when run.py re-renders the file -->"


def targets(results: dict) -> list[str]:
    out = []
    big = results.get("20000")
    if big and big["wall"] and big["floor_wall"]:
        ratio = big["wall"] / big["floor_wall"]
        out.append(f"- Full build at 20,000 ≤ 2.0 × floor: {ratio:.2f}× → {'met' if ratio <= 2.0 else 'NOT met'}")
    else:
        out.append("- Full build at 20,000 ≤ 2.0 × floor: not measured (no finished 20,000 build)")
    five = results.get("5000")
    if five and big and five["stages"].get("merge") and big["stages"].get("merge"):
        exponent = math.log(big["stages"]["merge"] / five["stages"]["merge"]) / math.log(4)
        out.append(f"- Merge growth 5,000 → 20,000 ≤ n^1.2: n^{exponent:.2f} → {'met' if exponent <= 1.2 else 'NOT met'}")
    elif five and five["stages"].get("merge"):
        one = results.get("1000")
        if one and one["stages"].get("merge"):
            exponent = math.log(five["stages"]["merge"] / one["stages"]["merge"]) / math.log(5)
            out.append(f"- Merge growth ≤ n^1.2: 5,000 vs 20,000 not measured; 1,000 → 5,000 gives n^{exponent:.2f}")
    else:
        out.append("- Merge growth ≤ n^1.2: not measured")
    if big and big["peak_tree_mb"]:
        # The table's "MB" are MiB (RSS is counted in KiB); the target is read in decimal GB,
        # the stricter reading. The tree counts pages forked workers share with the build twice.
        mib = max(big["peak_tree_mb"], big["peak_rss_mb"])
        gb = mib * 2**20 / 1e9
        out.append(f"- Peak memory at 20,000 ≤ 3 GB: {gb:.2f} GB ({mib / 1024:.2f} GiB) → {'met' if gb <= 3 else 'NOT met'}")
    else:
        out.append("- Peak memory at 20,000 ≤ 3 GB: not measured")
    if big and big["rebuild_wall"] and big["wall"]:
        share = big["rebuild_wall"] / big["wall"]
        out.append(f"- Rebuild +1 at 20,000 ≤ 30% of full: {share:.0%} → {'met' if share <= 0.3 else 'NOT met'}")
        if big.get("floor_rebuild_wall") and big["floor_wall"]:
            out.append(f"  (plain Pelican's own rebuild +1, content cache on: {big['floor_rebuild_wall'] / big['floor_wall']:.0%} of its full build)")
    else:
        out.append("- Rebuild +1 at 20,000 ≤ 30% of full: not measured")
    return out


# ------------------------------------------------------------------ profile


def profile(n: int, args) -> None:
    prepare(n, args.seed)
    base = OUT / f"n{n}"
    out = base / "site-profile"
    shutil.rmtree(out, ignore_errors=True)
    stats_path = base / "profile.pstats"
    record = run_build(VENV_PYTHON, [str(base / "content"), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
                                     "--fatal", "errors"], base / "logs-profile.log", args.timeout, profile=stats_path)
    report("profiled", 0, record)
    for name, seconds in phases(record).items():
        print(f"   {name:<36} {seconds:8.2f} s")
    if stats_path.is_file():
        import pstats

        stats = pstats.Stats(str(stats_path))
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
        print(f"full profile: {stats_path} (python -m pstats)")


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        result, rest = argv[1], argv[2:]
        profile_path = None
        if rest[:1] == ["--child-profile"]:
            profile_path, rest = rest[1], rest[2:]
        if rest[:1] == ["--"]:
            rest = rest[1:]
        return child(result, profile_path, rest)
    parser = argparse.ArgumentParser(description="Sangam build benchmark against the plain-Pelican floor.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rebuild-repeats", type=int, default=3, help="repeats that also measure the cached rebuild")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per build before it is killed")
    parser.add_argument("--skip-floor", action="store_true")
    parser.add_argument("--no-rebuild", action="store_true")
    parser.add_argument("--floor-only", action="store_true", help="measure only the plain-Pelican floor")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile one Sangam build of N sources and print hot spots")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    parser.add_argument("--from-records", action="store_true",
                        help="run nothing: summarise the builds already recorded in bench/out/nN/runs.jsonl")
    parser.add_argument("--render", action="store_true", help="only re-render bench/RESULTS.md from bench/out/results.json")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.profile:
        profile(args.profile, args)
        return 0
    if args.render:
        results = json.loads(RESULTS_JSON.read_text())
        RESULTS_MD.write_text(render_results(results), encoding="utf-8")
        return 0
    for n in args.sizes:
        summary = bench_size(n, args)
        results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.is_file() else {}
        results[str(n)] = summary
        RESULTS_JSON.write_text(json.dumps(results, ensure_ascii=False, indent=1))
        if not args.no_write:
            RESULTS_MD.write_text(render_results(results), encoding="utf-8")
        print_summary(summary)
    if not args.no_write:
        print(f"\nwrote {RESULTS_MD.relative_to(ROOT)}")
    return 0


def print_summary(s: dict) -> None:
    if s["failed"]:
        print(f"   N = {s['n']:,}: Sangam build failed: {s['failed']}")
        return
    ratio = s["wall"] / s["floor_wall"] if s["floor_wall"] else None
    print(f"   N = {s['n']:,}: Sangam {fmt(s['wall'])} s, floor {fmt(s['floor_wall'])} s, ratio {fmt(ratio, '×', 2)}, "
          f"peak {fmt(s['peak_rss_mb'], ' MB', 0)} (tree {fmt(s['peak_tree_mb'], ' MB', 0)}), rebuild {fmt(s['rebuild_wall'])} s")
    for name, seconds in s["stages"].items():
        print(f"     {name:<36} {fmt(seconds, ' s', 2)}")


if __name__ == "__main__":
    sys.exit(main())
