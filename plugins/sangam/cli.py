"""``sangam``: the editors' command-line tool.

    sangam build [CONTENT] [-o OUTPUT] [-s SETTINGS]   build with Pelican, swapping the new site in atomically
    sangam names [--kind KIND]        names on stdin -> one JSON object per line
"""

from __future__ import annotations

import argparse
import json
import sys


def _names(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import names

    lexicon = names.load_lexicon(Path(args.lexicon)) if args.lexicon else names.load_lexicon(None)
    for line in sys.stdin:
        name = line.strip()
        if name:
            print(json.dumps(names.describe(name, lexicon, args.kind), ensure_ascii=False), flush=True)
    return 0


def _build(args: argparse.Namespace) -> int:
    """Build into a fresh folder beside the output and swap it in only when Pelican succeeds.

    A failed build leaves the previous site untouched, never a half-written one.
    """
    import os
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    output = Path(args.output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{output.name}.partial-", dir=output.parent))
    command = [sys.executable, "-m", "pelican", args.input, "-o", str(partial), "-s", args.settings, "--fatal", "errors", *args.pelican_args]
    result = subprocess.run(command)
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        print(f"sangam: build failed (exit {result.returncode}); {output} was left as it was", file=sys.stderr)
        return result.returncode
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        os.replace(output, old)
    os.replace(partial, output)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sangam", description="Sangam digest tools for editors.")
    sub = parser.add_subparsers(dest="command", required=True)
    names_parser = sub.add_parser("names", help="romanize and key names read from standard input, one per line")
    names_parser.add_argument("--lexicon", default="content/data/lexicon.tsv", help="the editors' lexicon (TSV)")
    names_parser.add_argument(
        "--kind", choices=("person", "place", "org"), help="romanize every name as the build does one of this kind"
    )
    names_parser.set_defaults(run=_names)
    build_parser = sub.add_parser("build", help="build the site with Pelican into a new folder and swap it in")
    build_parser.add_argument("input", nargs="?", default="content", help="content folder (default: content)")
    build_parser.add_argument("-o", "--output", default="output", help="output folder (default: output)")
    build_parser.add_argument("-s", "--settings", default="pelicanconf.py", help="Pelican settings file")
    build_parser.set_defaults(run=_build)
    # Options sangam does not know are passed on to pelican (e.g. --ignore-cache), after ours are read.
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "build":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.pelican_args = extra
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
