"""The notebook widgets driven from Python: filters, paging, detail, export, escaping, loader."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import http.server
import threading
from pathlib import Path

import pandas as pd
import pytest

from analysis.pipeline import statements_frame
from analysis.widgets import (
    ArticleLoader,
    StatementExplorer,
    Workbench,
    highlight,
    project_root,
    resolve_paths,
)

HOSTILE = "<img src=x onerror=alert(1)>"

# Article texts written for these tests.
TEXT_A = (
    "Officials met in Geneva on Tuesday.\n\n"
    'The envoy said "the inspections must resume soon" and left the room.\n\n'
    "Nothing else was agreed."
)
TEXT_B = (
    "A spokeswoman spoke to reporters.\n\n"
    f'She said "{HOSTILE} is not a treaty" before the briefing ended.\n\n'
    "The ministry added nothing."
)


def _statement(article_id, text, quote, speaker, country, kind, topics, field="text"):
    start = text.index(quote) if quote in text else None
    return {
        "article_id": article_id,
        "speaker": speaker,
        "speaker_mention": speaker.split()[-1],
        "speaker_role": "official",
        "speaker_org": None,
        "speaker_country": country,
        "kind": kind,
        "quote": quote,
        "cue": "said",
        "start": start,
        "end": None if start is None else start + len(quote),
        "field": field,
        "sentence": quote,
        "topics": topics,
    }


@pytest.fixture
def frames():
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "source": ["a.txt", "b.txt", "c.txt"],
            "url": ["https://example.org/a", "javascript:alert(1)", None],
            "outlet": ["Outlet A", "Outlet B", None],
            "title": ["Envoy on inspections", f"Briefing {HOSTILE}", "Filler"],
            "published": pd.to_datetime(["2021-03-01", "2022-08-10", None]),
            "language": ["en", "en", "en"],
            "author": [None, None, None],
            "text": [TEXT_A, TEXT_B, "filler text"],
            "n_words": [20, 20, 2],
            "removed": [[], [], []],
        }
    )
    rows = [
        _statement(
            "a1",
            TEXT_A,
            "the inspections must resume soon",
            "Anna Envoy",
            "US",
            "direct",
            ["inspections"],
        ),
        _statement(
            "a2",
            TEXT_B,
            f"{HOSTILE} is not a treaty",
            "Maria Speaker",
            "Russia",
            "direct",
            ["treaty"],
        ),
    ]
    # 23 indirect statements by a third speaker, to fill more than one page.
    rows += [
        _statement(
            "a3", "filler text", f"remark number {i}", "Ivan Often", "Russia", "indirect", ["bcc"]
        )
        for i in range(23)
    ]
    return statements_frame(rows), articles


@pytest.fixture
def explorer(frames, tmp_path):
    statements, articles = frames
    return StatementExplorer(statements, articles, export_dir=tmp_path / "exports")


def test_speaker_options_show_counts_most_frequent_first(explorer):
    labels = [label for label, _ in explorer.speaker_select.options]
    assert labels == ["Ivan Often (23)", "Anna Envoy (1)", "Maria Speaker (1)"]


def test_speaker_filter_from_the_widget(explorer):
    explorer.speaker_select.value = ("Anna Envoy",)
    df = explorer.filtered()
    assert list(df["speaker"]) == ["Anna Envoy"]
    assert "1</b> of 25 statements" in explorer.summary.value
    assert "the inspections must resume soon" in explorer.table.value
    assert "remark number" not in explorer.table.value


def test_several_speakers_and_country(explorer):
    df = explorer.apply_filters(speakers=["Anna Envoy", "Maria Speaker"])
    assert sorted(df["speaker"]) == ["Anna Envoy", "Maria Speaker"]
    df = explorer.apply_filters(speakers=["Anna Envoy", "Maria Speaker"], countries=["Russia"])
    assert list(df["speaker"]) == ["Maria Speaker"]
    assert len(explorer.apply_filters(countries=["Russia"])) == 24  # speakers cleared


def test_kind_filter_checkboxes(explorer):
    explorer.kind_boxes["direct"].value = False
    df = explorer.filtered()
    assert set(df["kind"]) == {"indirect"} and len(df) == 23
    assert explorer.kind_boxes["indirect"].description == "indirect (23)"


def test_topic_filter(explorer):
    df = explorer.apply_filters(topics=["inspections", "treaty"])
    assert sorted(df["speaker"]) == ["Anna Envoy", "Maria Speaker"]
    labels = dict((v, label) for label, v in explorer.topic_select.options)
    assert labels["bcc"] == "BCC (23)"


def test_date_range_uses_article_date_and_drops_undated(explorer):
    df = explorer.apply_filters(start="2022-01-01")
    assert list(df["speaker"]) == ["Maria Speaker"]
    df = explorer.apply_filters(end=dt.date(2021, 3, 1))
    assert list(df["speaker"]) == ["Anna Envoy"]
    explorer.apply_filters()
    assert len(explorer.filtered()) == 25
    explorer.start_picker.value = dt.date(2021, 3, 1)
    explorer.end_picker.value = dt.date(2021, 3, 1)  # both ends inclusive
    assert list(explorer.filtered()["speaker"]) == ["Anna Envoy"]


def test_text_search_is_case_insensitive_and_highlighted(explorer):
    df = explorer.apply_filters(text="INSPECTIONS must")
    assert list(df["speaker"]) == ["Anna Envoy"]
    assert "the <mark>inspections must</mark> resume soon" in explorer.table.value
    assert list(explorer.apply_filters(search="must RESUME")["speaker"]) == ["Anna Envoy"]
    assert explorer.apply_filters(text="no such words anywhere").empty
    assert "No statement matches" in explorer.table.value


def test_paging_twenty_per_page(explorer):
    assert explorer.n_pages == 2
    assert explorer.table.value.count("<tr>") == 1 + 20
    assert explorer.prev_button.disabled and not explorer.next_button.disabled
    explorer.next_button.click()
    assert explorer.page == 1
    assert explorer.table.value.count("<tr>") == 1 + 5
    assert "page 2 of 2" in explorer.page_label.value
    assert explorer.next_button.disabled
    explorer.prev_button.click()
    assert explorer.page == 0
    explorer.apply_filters(speakers=["Ivan Often"])
    assert explorer.page == 0 and explorer.n_pages == 2


def test_selecting_a_statement_shows_its_paragraph_and_article(explorer):
    explorer.apply_filters(speakers=["Anna Envoy"])
    row = explorer.detail_select.options[0][1]
    explorer.detail_select.value = None
    explorer.detail_select.value = row
    detail = explorer.detail.value
    assert (
        "The envoy said &quot;<mark>the inspections must resume soon</mark>&quot; "
        "and left the room." in detail
    )
    assert "Nothing else was agreed" not in detail  # only the paragraph, not the whole text
    assert '<a href="https://example.org/a"' in detail
    assert "Envoy on inspections" in detail and "2021-03-01" in detail


def test_hostile_text_is_escaped_everywhere(explorer):
    explorer.apply_filters(speakers=["Maria Speaker"], text="img")
    table, detail = explorer.table.value, explorer.detail.value
    assert "<img" not in table and "<img" not in detail
    assert "&lt;<mark>img</mark> src=x onerror=alert(1)&gt; is not a treaty" in table
    assert "<mark>&lt;img src=x onerror=alert(1)&gt; is not a treaty</mark>" in detail
    # the javascript: URL of that article is not turned into a link
    assert "javascript:" not in explorer.table.value
    assert "javascript:" not in explorer.detail.value
    assert "Briefing &lt;img src=x onerror=alert(1)&gt;" in explorer.detail.value
    assert 'title="Briefing &lt;img src=x onerror=alert(1)&gt;"' in explorer.table.value


def test_long_titles_are_shortened_in_the_table_with_the_full_title_on_hover(frames):
    statements, articles = frames
    long_title = "A very long headline " * 6 + '"quoted" end'
    ex = StatementExplorer(statements, articles.assign(title=long_title))
    assert long_title not in ex.table.value
    assert html.escape(long_title[:40]) in ex.table.value and "…" in ex.table.value
    assert f'title="{html.escape(long_title, quote=True)}"' in ex.table.value


def test_highlight_never_breaks_entities():
    assert highlight("a & b <c>", "amp") == "a &amp; b &lt;c&gt;"
    assert highlight("Tom & Jerry", "& j") == "Tom <mark>&amp; J</mark>erry"


def test_export_csv_and_excel(explorer, tmp_path):
    explorer.apply_filters(countries=["Russia"], kinds=["indirect"])
    explorer.csv_button.click()
    assert "23 statements written to" in explorer.export_status.value
    csv_files = list((tmp_path / "exports").glob("*.csv"))
    assert len(csv_files) == 1 and str(csv_files[0]) in explorer.export_status.value
    back = pd.read_csv(csv_files[0])
    assert len(back) == 23 and set(back["speaker"]) == {"Ivan Often"}
    assert set(back["topics"]) == {"bcc"}
    explorer.excel_button.click()
    xlsx_files = list((tmp_path / "exports").glob("*.xlsx"))
    assert len(xlsx_files) == 1
    sheet = pd.read_excel(xlsx_files[0])
    assert list(sheet["quote"]) == list(explorer.filtered()["quote"])


def test_unknown_filter_values_are_refused(explorer):
    with pytest.raises(ValueError, match="Nobody"):
        explorer.apply_filters(speakers=["Nobody"])
    with pytest.raises(TypeError, match="colour"):
        explorer.apply_filters(colour="red")


def test_update_keeps_filters_and_adds_speakers(frames, explorer):
    statements, articles = frames
    explorer.apply_filters(speakers=["Anna Envoy"])
    more = statements_frame(
        [_statement("a1", TEXT_A, "Officials met in Geneva", "Anna Envoy", "US", "partial", [])]
    )
    explorer.update(pd.concat([statements, more], ignore_index=True), articles)
    assert explorer.speaker_select.value == ("Anna Envoy",)
    assert len(explorer.filtered()) == 2


def test_empty_statements_frame(frames):
    _, articles = frames
    ex = StatementExplorer(statements_frame([]), articles)
    assert ex.filtered().empty and ex.n_pages == 1
    assert "0</b> of 0 statements" in ex.summary.value


# --------------------------------------------------------------------------- loader


@pytest.fixture
def loaded():
    calls = []

    def on_loaded(articles, statements, events):
        calls.append((articles, statements, events))

    return calls, on_loaded


def _fill(loader, text="Diplomats wrote this test article in plain words.", date="2023-02-21"):
    loader.text_area.value = text
    loader.title_box.value = "A test article about talks"
    loader.outlet_box.value = "Test Outlet"
    loader.date_box.value = date
    loader.url_box.value = "https://example.org/test"


def test_loader_saves_pasted_text_and_calls_back(tmp_path, loaded):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    _fill(loader)
    loader.paste_button.click()
    files = list(tmp_path.glob("*.txt"))
    assert len(files) == 1
    saved = files[0].read_text(encoding="utf-8")
    assert saved.startswith("---\n") and "outlet: Test Outlet" in saved
    assert len(calls) == 1
    articles, statements, events = calls[0]
    assert list(articles["title"]) == ["A test article about talks"]
    assert articles["published"].iloc[0] == pd.Timestamp("2023-02-21")
    assert "Added" in loader.status.value and str(files[0]) in loader.status.value
    assert loader.text_area.value == ""  # ready for the next one


def test_loader_refuses_to_overwrite(tmp_path, loaded):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    _fill(loader)
    assert loader.add_pasted()
    before = list(tmp_path.glob("*.txt"))[0].read_text(encoding="utf-8")
    _fill(loader, text="Different words under the same title and date.")
    assert not loader.add_pasted()
    assert "already exists" in loader.status.value
    assert list(tmp_path.glob("*.txt"))[0].read_text(encoding="utf-8") == before
    assert len(calls) == 1


@pytest.mark.parametrize("bad", ["2023-02-30", "21/02/2023", "2023-2-1", "tomorrow"])
def test_loader_rejects_bad_dates(tmp_path, loaded, bad):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    _fill(loader, date=bad)
    assert not loader.add_pasted()
    assert "YYYY-MM-DD" in loader.status.value and bad in loader.status.value
    assert not list(tmp_path.iterdir()) and not calls


def test_loader_empty_text_and_missing_title(tmp_path, loaded):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    _fill(loader, text="   ")
    assert not loader.add_pasted()
    assert "empty" in loader.status.value
    _fill(loader)
    loader.title_box.value = ""
    assert not loader.add_pasted()
    assert "title" in loader.status.value
    assert not calls


def test_loader_upload_saves_file_as_is_and_never_overwrites(tmp_path, loaded):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    body = "---\ntitle: Uploaded piece\npublished: 2024-05-01\n---\n\nA short uploaded text.\n"
    upload = {
        "name": "uploaded.txt",
        "type": "text/plain",
        "size": len(body),
        "content": memoryview(body.encode()),
        "last_modified": dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
    }
    loader.upload.value = (upload,)
    loader.upload_button.click()
    assert (tmp_path / "uploaded.txt").read_text(encoding="utf-8") == body
    assert list(calls[0][0]["title"]) == ["Uploaded piece"]
    loader.upload.value = (upload,)
    assert not loader.add_uploads()
    assert "already exists" in loader.status.value and len(calls) == 1


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        if self.path == "/article.html":
            body = (
                b"<html><head><title>Loopback report</title></head><body><article>"
                b"<h1>Loopback report</h1><p>A ministry said on Monday that talks "
                b"would continue next month, according to this test page.</p>"
                b"<p>The second paragraph says nothing else of note at all.</p>"
                b"</article></body></html>"
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_loader_from_url(tmp_path, loaded, server):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    loader.fetch_box.value = f"{server}/article.html"
    loader.fetch_button.click()
    assert "Added" in loader.status.value, loader.status.value
    saved = list(tmp_path.glob("*.txt"))
    assert len(saved) == 1 and f"url: {server}/article.html" in saved[0].read_text()
    assert len(calls) == 1


def test_loader_failed_url_is_one_clear_line(tmp_path, loaded, server):
    calls, on_loaded = loaded
    loader = ArticleLoader(directory=tmp_path, on_loaded=on_loaded)
    assert not loader.add_url(f"{server}/missing.html")
    assert "Could not load" in loader.status.value and "404" in loader.status.value
    assert "Traceback" not in loader.status.value
    assert not loader.add_url("ftp://example.org/x")
    assert "https://" in loader.status.value
    assert not calls and not list(tmp_path.iterdir())


def test_workbench_refreshes_explorer_when_an_article_is_added(frames, tmp_path):
    statements, articles = frames
    wb = Workbench(articles, statements, statements.iloc[0:0].copy(), directory=tmp_path / "new")
    wb.events = pd.DataFrame({"article_id": []})
    added = statements_frame(
        [_statement("zz", "x", "a brand new remark", "Nina New", "UK", "direct", [])]
    )
    new_article = articles.iloc[[0]].assign(article_id="zz", title="Newcomer")
    wb.add(new_article, added, pd.DataFrame({"article_id": []}))
    assert ("Nina New (1)", "Nina New") in wb.explorer.speaker_select.options
    assert len(wb.explorer.apply_filters(speakers=["Nina New"])) == 1
    assert "Newcomer" in wb.explorer.table.value
    # re-adding the same article replaces it instead of duplicating
    wb.add(new_article, added, pd.DataFrame({"article_id": []}))
    assert len(wb.explorer.apply_filters(speakers=["Nina New"])) == 1


def test_project_root_and_relative_paths(tmp_path, monkeypatch):
    root = project_root()
    assert (root / "pyproject.toml").is_file() and (root / "analysis").is_dir()
    monkeypatch.chdir(tmp_path)
    assert project_root() == root  # found beside the package when cwd is elsewhere
    paths = resolve_paths(["data/articles", str(tmp_path), "https://example.org/a"])
    assert paths == [root / "data" / "articles", Path(tmp_path), "https://example.org/a"]
    assert resolve_paths("data/treaty") == [root / "data" / "treaty"]
    assert resolve_paths(None) == []


def test_explorer_without_articles_uses_the_statements_own_dates(frames):
    statements, _ = frames
    dated = statements.assign(published=pd.Timestamp("2020-05-05"), title="T", url=None)
    ex = StatementExplorer(dated)
    assert len(ex.apply_filters(start="2020-05-05", end="2020-05-05")) == 25
    assert ex.apply_filters(start="2020-05-06").empty


# --------------------------------------------------------------------------- timeline


@pytest.fixture(scope="module")
def treaty():
    from analysis.treaty import load_treaty

    return load_treaty()


def test_timeline_redraws_for_ticked_mechanisms(treaty):
    from analysis.widgets import TimelineExplorer

    tl = TimelineExplorer(treaty, start="2019-01-01")
    first = tl.figure
    assert first is not None
    assert {"inspections", "bcc"} <= set(tl.mechanism_boxes)
    assert tl.range_slider.value[0] == pd.Timestamp("2019-01-01")
    tl.mechanism_boxes["bcc"].value = False
    assert tl.figure is not first  # redrawn on the tick, not on a re-run
    shown_treaty, _ = tl.filtered_data()
    assert "bcc" not in set(shown_treaty.mechanism_status["mechanism"].astype(str))
    assert "inspections" in set(shown_treaty.mechanism_status["mechanism"].astype(str))
    outputs = tl.out.outputs
    assert len(outputs) == 1 and "image/png" in outputs[0]["data"]


def test_timeline_range_slider_zooms_the_axis(treaty):
    import matplotlib.dates as mdates

    from analysis.widgets import TimelineExplorer

    tl = TimelineExplorer(treaty)
    tl.set_view(start="2022-01-01", end="2023-01-01")
    lo, hi = (mdates.num2date(x).replace(tzinfo=None) for x in tl.figure.axes[0].get_xlim())
    assert pd.Timestamp("2021-06-01") < pd.Timestamp(lo) <= pd.Timestamp("2022-01-01")
    assert pd.Timestamp("2023-12-01") <= pd.Timestamp(hi) < pd.Timestamp("2024-06-01")
    tl.set_view(mechanisms=[])
    assert "Tick at least one mechanism" in str(tl.out.outputs)


def test_detail_of_a_headline_statement_without_a_speech_verb(frames):
    statements, articles = frames
    title = articles.loc[0, "title"]
    row = _statement("a1", title, "inspections", "Anna Envoy", "US", "direct", [], field="title")
    ex = StatementExplorer(statements_frame([{**row, "cue": ":"}]), articles)
    assert "(:)" not in ex.detail.value
    assert "Envoy on <mark>inspections</mark>" in ex.detail.value


def test_results_read_oldest_first_undated_last(explorer):
    df = explorer.filtered()
    assert list(df["speaker"][:2]) == ["Anna Envoy", "Maria Speaker"]  # 2021, then 2022
    assert df["published"].iloc[2:].isna().all()


def test_timeline_offers_mechanisms_of_newly_added_events(treaty):
    from analysis.pipeline import events_frame
    from analysis.widgets import TimelineExplorer

    slim = dataclasses.replace(
        treaty,
        events=treaty.events[treaty.events["mechanism"] == "inspections"],
        mechanism_status=treaty.mechanism_status[
            treaty.mechanism_status["mechanism"] == "inspections"
        ],
    )
    tl = TimelineExplorer(slim)
    assert list(tl.mechanism_boxes) == ["inspections"]
    added = events_frame(
        [{"article_id": "n1", "date_label": "2022-11", "mechanism": "bcc", "action": "postpone"}]
    )
    before = tl.figure
    tl.update(events=added)
    assert list(tl.mechanism_boxes) == ["inspections", "bcc"]
    assert len(tl.mechanism_row.children) == 2 and tl.figure is not before


def test_saved_notebooks_get_a_static_snapshot_of_the_explorer(explorer):
    explorer.apply_filters(speakers=["Maria Speaker"])
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "1 of 25 statements" in bundle["text/plain"]
    assert "&lt;img src=x onerror=alert(1)&gt; is not a treaty" in bundle["text/html"]
    assert "<img" not in bundle["text/html"]


def test_exported_quotes_cannot_run_as_spreadsheet_formulas(frames, tmp_path):
    import openpyxl

    statements, articles = frames
    hostile = statements.iloc[[0]].copy()
    hostile["quote"] = '=HYPERLINK("https://example.org/x","click")'
    hostile["speaker"] = "@Anna Envoy"
    explorer = StatementExplorer(hostile, articles, export_dir=tmp_path)
    csv_path = explorer.export_csv(tmp_path / "out.csv")
    back = pd.read_csv(csv_path)
    assert back["quote"][0] == "'" + '=HYPERLINK("https://example.org/x","click")'
    assert back["speaker"][0] == "'@Anna Envoy"
    xlsx_path = explorer.export_excel(tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(xlsx_path).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)


def test_search_finds_words_of_a_quote_that_runs_past_its_sentence(frames, tmp_path):
    statements, articles = frames
    rows = statements.iloc[[0, 1]].copy()
    rows["quote"] = ["We will talk. Verification comes first.", "Nothing about that here."]
    rows["sentence"] = ["We will talk.", "Nothing about that here, she said."]
    explorer = StatementExplorer(rows, articles, export_dir=tmp_path)
    assert list(explorer.apply_filters(text="verification")["quote"]) == [rows["quote"].iloc[0]]
    assert list(explorer.apply_filters(text="she said")["quote"]) == [rows["quote"].iloc[1]]
    # other filters first, then the text: the same answer as text alone
    both = explorer.apply_filters(speakers=[rows["speaker"].iloc[0]], text="verification")
    assert len(both) == 1
