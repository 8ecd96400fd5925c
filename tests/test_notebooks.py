"""Every notebook runs top to bottom on a real kernel, as committed (outputs cleared)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))

# An article written for this test (not taken from any outlet).
SECOND_ARTICLE = """---
title: "Test wire: envoy says the inspection pause will last"
published: 2023-03-02
outlet: Test Wire
url: https://example.org/test-wire/inspection-pause
language: en
---

A senior envoy told reporters in Geneva on Thursday that the pause in on-site inspections
would not end soon.

"Inspections will not come back while the sanctions stay in place," the envoy said.

The envoy added that the consultative commission had no date for its next session.
"""


def test_there_are_four_numbered_notebooks():
    assert NAMES == [
        "01_load_articles.ipynb",
        "02_record_and_timeline.ipynb",
        "03_explore_statements.ipynb",
        "04_build_brief.ipynb",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_is_clean(name):
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(book)
    first = book.cells[0]
    assert first.cell_type == "code" and "parameters" in first.metadata.get("tags", [])
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a cell holds outputs; clear them"
            assert cell.execution_count is None, f"{name}: clear the execution counts"
            assert "\ndef " not in "\n" + cell.source, f"{name}: keep functions in analysis/"


def _params(name: str, tmp_path: Path, articles: list[str] | None) -> dict:
    source = nbformat.read(NOTEBOOKS / name, as_version=4).cells[0].source
    params = {
        "OUT": str(tmp_path / "reports"),
        "SAVE_TO": str(tmp_path / "saved"),
        "STORE": str(tmp_path / "store"),
    }
    if articles is not None:
        params["ARTICLES"] = articles
    return {k: v for k, v in params.items() if f"{k} =" in source}


def _bundled() -> int:
    from analysis.articles import load_articles

    return len(load_articles(ROOT / "data" / "articles"))


def _run(name: str, tmp_path: Path, articles: list[str] | None = None) -> str:
    import papermill

    out = tmp_path / name
    papermill.execute_notebook(
        str(NOTEBOOKS / name),
        str(out),
        parameters=_params(name, tmp_path, articles),
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
    )
    book = nbformat.read(out, as_version=4)
    for cell in book.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", json.dumps(output)[:2000]
    return json.dumps([c.get("outputs", []) for c in book.cells])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_with_the_bundled_articles(name, tmp_path):
    outputs = _run(name, tmp_path)
    if name.startswith("01"):
        # however many articles the analyst has added to data/articles
        assert f"{_bundled()} article(s) loaded" in outputs
    if name.startswith("04"):
        assert (tmp_path / "reports" / "figures" / "timeline.png").is_file()
    if name[:2] in ("02", "03", "04"):
        # these notebooks read the corpus store (a second run extracts nothing again)
        assert (tmp_path / "store" / "manifest.json").is_file()
    assert not (tmp_path / "saved").exists()  # nothing added to the articles


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_with_a_second_article(name, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    outputs = _run(name, tmp_path, ["data/articles", str(second)])
    if name.startswith("01"):
        assert f"{_bundled() + 1} article(s) loaded" in outputs
        assert "Test wire: envoy says the inspection pause will last" in outputs
    if name.startswith("03"):
        from analysis.articles import load_articles
        from analysis.pipeline import extract

        n = len(extract(load_articles(ROOT / "data" / "articles", second))[0])
        assert f"{n} statements in {_bundled() + 1} article(s)" in outputs
        # the explorer's static snapshot, kept for readers of the saved notebook
        assert f"{n}</b> of {n} statements" in outputs
