"""Per-source work on every core: an ordered map over forked worker processes.

Cleaning a source and the names stage's first pass over it are pure and per source, so
sources are handed out to worker processes and the results come back in input order: the
output does not depend on the number of workers. Workers are forked (they inherit the function and its
tables without pickling them) and live for one map only. Where fork is unavailable, with
one worker, for a handful of items, or when a worker dies, the map runs in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

log = logging.getLogger(__name__)

# Items sent to a worker at a time: few enough to share the work evenly, enough that the
# round trips do not dominate.
CHUNK = 16

_function: Callable | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _adopt(function: Callable) -> None:
    global _function
    _function = function


def _call(item):
    return _function(item)


def map_ordered(function: Callable, items: Sequence, workers: int | None = None) -> list:
    """``[function(item) for item in items]``, computed by ``workers`` processes (default: one
    per core). ``function`` may be any callable, a closure included: it is inherited by fork."""
    workers = available_cores() if workers is None else workers
    workers = min(workers, len(items) // CHUNK)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_adopt, initargs=(function,)) as pool:
            return list(pool.map(_call, items, chunksize=CHUNK))
    except BrokenProcessPool as error:
        log.warning("sangam: a worker process died (%s); doing the work in this process", error)
        return [function(item) for item in items]
