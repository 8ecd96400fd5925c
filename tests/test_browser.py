"""Notebook 3 in a real JupyterLab, driven by headless Chromium: pick a speaker, see the quotes."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "03_explore_statements.ipynb"
NOTEBOOK_PATH = ROOT / "notebooks" / NOTEBOOK
SCREENSHOTS = ROOT / "reports" / "screenshots"
TOKEN = "workbook-browser-test"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    """Skip when there is no browser on a developer machine; in CI a missing browser fails."""
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("Playwright for Python is missing (pip install playwright)")
    if problems:
        if os.environ.get("CI"):
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[str]:
    """A JupyterLab on 127.0.0.1 serving a copy of the notebooks (autosave can't touch them)."""
    _require_browser()
    root = tmp_path / "lab"
    root.mkdir()
    book = nbformat.read(NOTEBOOK_PATH, as_version=4)
    # articles added in the browser go to a tmp folder, not to data/articles
    book.cells[0].source += f"\nSAVE_TO = {str(tmp_path / 'added')!r}\nOUT = {str(tmp_path)!r}\n"
    nbformat.write(book, root / NOTEBOOK)
    settings = tmp_path / "settings"
    # no "get Jupyter news?" toast over the widgets
    notification = (
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    notification.parent.mkdir(parents=True)
    notification.write_text('{"fetchNews": "false", "checkForUpdates": false}')
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    log = open(tmp_path / "lab.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        ],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    text = (tmp_path / "lab.log").read_text(errors="replace")[-3000:]
                    pytest.fail(f"JupyterLab did not start:\n{text}")
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


# An article written for this test, with markup that must show as text, never run.
HOSTILE_TITLE = 'Envoy <img src=x onerror="window.__xss=1"> on the talks'
HOSTILE_TEXT = (
    '"The talks <img src=x onerror=window.__xss=2> are over for this year," said Ivana '
    "Testova, a spokeswoman for the foreign ministry, on Monday.\n\n"
    "She gave no date for another meeting."
)


def _statements_of(path: Path):
    from analysis.articles import load_articles
    from analysis.pipeline import extract

    return extract(load_articles(path))[0]


def _count(shown: int | None, total: int) -> re.Pattern:
    """The explorer's summary line: "SHOWN of TOTAL statements …" (any SHOWN when None)."""
    first = r"\d+" if shown is None else str(shown)
    return re.compile(rf"^\s*{first} of {total} statements\b")


def _seed_statements():
    """The statements of the bundled articles, as the notebook will find them."""
    from analysis.articles import load_articles
    from analysis.pipeline import extract

    articles = load_articles(ROOT / "data" / "articles")
    statements, _ = extract(articles)
    return statements


def test_pick_a_speaker_in_notebook_3(lab: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    statements = _seed_statements()
    assert len(statements), "the bundled articles gave no statements: nothing to explore"
    counts = statements["speaker"].fillna("(unknown)").value_counts()
    # the most quoted speaker who did not say everything, so that picking them narrows the table
    named = counts[(counts.index != "(unknown)") & (counts < len(statements))]
    assert len(named), "every statement has the same speaker: picking one shows nothing"
    speaker = named.index[0]
    n = int(named.iloc[0])
    quotes = list(statements.loc[statements["speaker"] == speaker, "quote"])
    total = len(statements)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1500})
            page.set_default_timeout(60_000)
            page.goto(f"{lab}/lab/tree/{NOTEBOOK}?token={TOKEN}")
            page.wait_for_selector(".jp-Notebook", timeout=90_000)
            accept = page.locator(".jp-Dialog .jp-mod-accept")
            try:
                accept.wait_for(timeout=10_000)
                accept.click()
            except Exception:  # noqa: BLE001 - no kernel dialog: the kernel started by itself
                pass
            page.locator(".jp-Notebook-ExecutionIndicator, .jp-Toolbar").first.wait_for()
            page.get_by_role("menuitem", name="View", exact=True).click()
            page.locator('.lm-Menu-itemLabel:text-is("File Browser")').click()  # close it
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.locator('.lm-Menu-itemLabel:text-is("Run All Cells")').click()

            summary = page.locator(".statement-summary")
            expect(summary).to_have_text(_count(total, total), timeout=300_000)
            speakers = page.locator(".statement-speakers select")
            speakers.scroll_into_view_if_needed()
            speakers.select_option(label=f"{speaker} ({n})")
            expect(summary).to_have_text(_count(n, total), timeout=30_000)
            table = page.locator(".statement-table table")
            for quote in quotes[:20]:
                expect(table).to_contain_text(" ".join(quote.split())[:60])
            speaker_cells = table.locator("tbody tr td:nth-child(3)")
            expect(speaker_cells).to_have_count(min(n, 20))
            for text in speaker_cells.all_inner_texts():
                assert text.startswith(speaker), text
            detail = page.locator(".statement-detail-box")
            expect(detail.locator("mark")).to_have_count(1)
            page.locator(".statement-explorer").scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / "notebook3_explorer_viewport.png"))
            page.locator(".statement-explorer").screenshot(
                path=str(SCREENSHOTS / "notebook3_explorer.png")
            )

            # add an article through the loader: saved, extracted, explorer refreshed in place
            page.locator(".article-text textarea").fill(HOSTILE_TEXT)
            page.locator(".article-title input").fill(HOSTILE_TITLE)
            page.locator(".article-date input").fill("2024-06-03")
            page.locator("button.article-save").click()
            status = page.locator(".article-status")
            expect(status).to_contain_text("Added", timeout=60_000)
            saved = list((tmp_path / "added").glob("*.txt"))
            assert len(saved) == 1
            added = _statements_of(saved[0])
            new_total = total + len(added)
            expect(summary).to_have_text(_count(None, new_total), timeout=30_000)
            if len(added):
                speakers.select_option(label=f"{added['speaker'].iloc[0]} (1)")
                expect(summary).to_have_text(_count(1, new_total))
                quote_cell = table.locator("tbody tr td:nth-child(5)")
                expect(quote_cell).to_have_count(1)
                expect(quote_cell).to_contain_text("<img src=x onerror=window.__xss=2>")
            assert page.evaluate("() => window.__xss === undefined"), "article markup ran"
            assert page.locator(".statement-explorer img, .article-status img").count() == 0
            page.locator(".statement-explorer").screenshot(
                path=str(SCREENSHOTS / "notebook3_explorer_added_article.png")
            )
        finally:
            browser.close()
