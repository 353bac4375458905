"""Cleaning on every core (``sangam/parallel.py``): same results, in order, whatever happens to a worker."""

from __future__ import annotations

import dataclasses
import os

import pytest

from conftest import ROOT

from sangam import parallel
from sangam.pipeline import PipelineSettings, build_digest

DEV = ROOT.parent / "shared" / "corpus" / "dev"


def test_results_come_back_in_order_from_other_processes():
    parent = os.getpid()
    offset = 1000  # a closure: workers inherit it by fork, nothing is pickled
    items = list(range(200))
    results = parallel.map_ordered(lambda n: (n + offset, os.getpid()), items, workers=2)
    assert [value for value, _ in results] == [n + offset for n in items]
    assert {pid for _, pid in results} - {parent}, "no item was done by a worker"


def test_one_worker_or_few_items_stay_in_this_process():
    parent = os.getpid()
    assert {parallel.map_ordered(lambda n: os.getpid(), list(range(200)), workers=1)[0]} == {parent}
    assert set(parallel.map_ordered(lambda n: os.getpid(), list(range(parallel.CHUNK)), workers=2)) == {parent}


def test_a_dying_worker_costs_time_not_results(caplog):
    parent = os.getpid()

    def fragile(n):
        if n == 77 and os.getpid() != parent:
            os._exit(3)  # e.g. killed for memory
        return n * n

    assert parallel.map_ordered(fragile, list(range(150)), workers=2) == [n * n for n in range(150)]
    assert "worker process died" in caplog.text


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/corpus/dev")
def test_the_digest_does_not_depend_on_the_number_of_workers():
    def digest(workers):
        settings = PipelineSettings(lexicon=ROOT / "content" / "data" / "lexicon.tsv", id_registry=None, workers=workers)
        return build_digest(DEV, settings)

    one, two = digest(1), digest(2)
    assert len(one.sources) > 2 * parallel.CHUNK  # enough sources to go to the workers
    assert [dataclasses.asdict(s) for s in one.sources.values()] == [dataclasses.asdict(s) for s in two.sources.values()]
    assert [dataclasses.asdict(e) for e in one.events] == [dataclasses.asdict(e) for e in two.events]
    assert one.rejected == two.rejected
