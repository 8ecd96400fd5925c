"""The process pool that extracts a batch of articles: the same results as one process, in
order, whatever the chunking."""

from __future__ import annotations

import pytest

from analysis import store
from analysis.articles import load_articles
from analysis.bench import write_corpus
from analysis.store import _EXTRACT_FIELDS, _extract_chunk, _Runner, _tapered_chunks


@pytest.mark.parametrize("n", [0, 1, 7, 60, 200, 2000])
@pytest.mark.parametrize(("size", "workers"), [(1, 1), (3, 2), (8, 2), (100, 2), (25, 4)])
def test_tapered_chunks_keep_every_item_in_order(n: int, size: int, workers: int) -> None:
    items = list(range(n))
    chunks = _tapered_chunks(items, size, workers)
    assert [x for chunk in chunks for x in chunk] == items
    assert all(0 < len(chunk) <= size for chunk in chunks)
    small = max(1, size // store.TAPER)
    tail = min(n, size * workers)
    assert all(len(chunk) <= small for chunk in chunks if chunk[0] >= n - tail)
    # no more chunks than whole ones make: the head in chunks of size, the tail of small
    assert len(chunks) <= -(-(n - tail) // size) + -(-tail // small)


def test_a_pool_extracts_what_one_process_extracts(tmp_path) -> None:
    write_corpus(tmp_path, 60, seed=5)
    articles = load_articles(tmp_path)
    records = [{k: r.get(k) for k in _EXTRACT_FIELDS} for r in articles.to_dict("records")]
    records[7] = dict(records[7], published="not a date")  # fails alone, in its chunk
    alone = _extract_chunk(records)
    assert "error" in alone[7] and sum("error" in r for r in alone) == 1
    runner = _Runner("processes", None, 2)
    try:
        chunks = runner.map(_extract_chunk, records)
    finally:
        runner.close()
    assert runner.used == "2 processes"
    assert len(chunks) > 60 // 8  # chunks of 8, the last ones of 2
    assert [r for chunk in chunks for r in chunk] == alone


def test_pool_pauses_the_cyclic_gc_only_while_collecting_and_restores_it() -> None:
    """The pool's result collection turns the cyclic collector off and gives back the state it
    found (on, or off as the caller left it), also when collecting fails."""
    import gc

    was = gc.isenabled()
    try:
        for before in (True, False):
            (gc.enable if before else gc.disable)()
            with store._cyclic_gc_paused():
                assert not gc.isenabled()
            assert gc.isenabled() is before
            with pytest.raises(RuntimeError), store._cyclic_gc_paused():
                raise RuntimeError("a worker died")
            assert gc.isenabled() is before
    finally:
        (gc.enable if was else gc.disable)()
