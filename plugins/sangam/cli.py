"""``sangam``: the editors' command-line tool.

    sangam build [PELICAN ARGS...]   build the site (same as ``pelican``, with --fatal errors)
    sangam names                      names on stdin -> one JSON object per line
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
            print(json.dumps(names.describe(name, lexicon), ensure_ascii=False), flush=True)
    return 0


def _build(args: argparse.Namespace) -> int:
    from pelican import main as pelican_main

    pelican_main(["--fatal", "errors", *args.pelican_args])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sangam", description="Sangam digest tools for editors.")
    sub = parser.add_subparsers(dest="command", required=True)
    names_parser = sub.add_parser("names", help="romanize and key names read from standard input, one per line")
    names_parser.add_argument("--lexicon", default="content/data/lexicon.tsv", help="the editors' lexicon (TSV)")
    names_parser.set_defaults(run=_names)
    build_parser = sub.add_parser("build", help="build the site with Pelican (arguments pass through)")
    build_parser.add_argument("pelican_args", nargs=argparse.REMAINDER)
    build_parser.set_defaults(run=_build)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
