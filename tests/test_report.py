"""The brief: HTML (escaped, self-contained), DOCX and PDF opened as a reader's tool would."""

from __future__ import annotations

import sys
import types
from html.parser import HTMLParser

import lxml.html
import pandas as pd
import pytest
from test_charts import sample_treaty

from analysis import report
from analysis.articles import article_from_text, articles_frame, save_article

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

BODY = (
    "The foreign minister said on Monday that talks on strategic stability remain frozen.\n\n"
    f"\u201cWe will not accept inspections on these terms {SCRIPT},\u201d the minister said.\n\n"
    "The deputy minister added that the commission would not meet this year."
)


@pytest.fixture(scope="module")
def hostile():
    """An article, statements and events whose text carries markup an attacker could plant."""
    rec = article_from_text(
        BODY,
        title=f"Minister warns {SCRIPT} on talks {IMG}",
        outlet=f"Daily {IMG}",
        published="2022-12-05",
        url="javascript:alert(1)",
        language="en",
    )
    articles = articles_frame([rec])
    aid = rec["article_id"]
    statements = pd.DataFrame(
        {
            "article_id": [aid, aid],
            "speaker": [f"Ivan Petrov {IMG}", "Olga Smirnova"],
            "speaker_role": ["Foreign Minister", "Deputy Foreign Minister"],
            "kind": ["direct", "indirect"],
            "quote": [
                f"We will not accept inspections on these terms {SCRIPT}",
                "the commission would not meet this year",
            ],
            "topics": [["inspections"], ["bcc"]],
            "start": [100, 200],
        }
    )
    events = pd.DataFrame(
        {
            "article_id": [aid],
            "date": pd.to_datetime(["2022-11-29"]),
            "date_label": ["2022-11-29"],
            "date_precision": ["day"],
            "actor": ["Russia"],
            "mechanism": ["bcc"],
            "action": ["postpone"],
            "evidence": [f"the commission would not meet {IMG}"],
        }
    )
    return articles, statements, events


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def built(hostile, tmp_path_factory):
    articles, statements, events = hostile
    out = tmp_path_factory.mktemp("brief")
    paths = report.build_report(
        articles, statements=statements, events=events, treaty=sample_treaty(), out_dir=out
    )
    return paths


def test_build_report_writes_every_format(built):
    assert set(built) == {"html", "docx", "pdf"}
    for fmt, path in built.items():
        assert path.name == f"brief.{fmt}"
        assert path.stat().st_size > 10_000


def test_html_escapes_all_article_text(built):
    raw = built["html"].read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(raw)
    tags = parser.tags
    assert not [t for t, _ in tags if t == "script"]
    assert not [a for t, a in tags if any(k.startswith("on") for k in a)]
    imgs = [a for t, a in tags if t == "img"]
    assert len(imgs) == 5  # the five charts, nothing else
    assert all(a["src"].startswith("data:image/png;base64,") for a in imgs)
    assert not [a for t, a in tags if t == "a" and a.get("href", "").startswith("javascript")]
    # the same with lxml, and the hostile text is there as text
    doc = lxml.html.fromstring(raw)
    assert doc.xpath("//script") == []
    assert doc.xpath("//img[@onerror]") == []
    text = doc.text_content()
    assert SCRIPT in text and IMG in text
    assert "&lt;script&gt;" in raw


def test_html_is_self_contained_and_has_every_section(built):
    doc = lxml.html.fromstring(built["html"].read_text(encoding="utf-8"))
    headings = [h.text_content() for h in doc.xpath("//h2")]
    assert headings == [
        "The article at a glance",
        "Key statements",
        "Events reported, and the record",
        "Charts",
        "Sources",
    ]
    assert not doc.xpath("//link[@rel='stylesheet'] | //img[not(starts-with(@src, 'data:'))]")
    rows = doc.xpath("//table[@class='statements']/tbody/tr")
    assert len(rows) == 2
    assert "Olga Smirnova" in rows[1].text_content()
    assert "Consultative Commission" in rows[1].text_content()  # topics in words
    sources = doc.xpath("//ol[@class='sources']/li/a/@href")
    assert "https://www.state.gov/agg" in sources
    assert "https://tass.com/c" in sources


def test_docx_holds_headings_images_and_statements_table(built):
    from docx import Document

    doc = Document(str(built["docx"]))
    assert len(doc.inline_shapes) == 5
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Key statements" in headings and "Sources" in headings
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in doc.tables}
    statements = tables[("Speaker", "Statement", "Kind", "Mechanisms", "Article")]
    assert len(statements.rows) == 3
    assert SCRIPT in statements.rows[1].cells[1].text  # kept as text, verbatim
    assert statements.rows[2].cells[0].text.startswith("Olga Smirnova")
    assert doc.core_properties.title.startswith("Brief: Minister warns")


def test_pdf_has_pages_title_and_statements(built):
    from pypdf import PdfReader

    pdf = PdfReader(str(built["pdf"]))
    assert len(pdf.pages) >= 3
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Brief: Minister warns" in text
    assert "Olga Smirnova" in text
    assert "Key statements" in text
    assert pdf.metadata.title.startswith("Brief: Minister warns")


def test_non_latin_text_reaches_the_pdf_and_docx(tmp_path):
    from docx import Document
    from pypdf import PdfReader

    rec = article_from_text(
        "Лавров заявил, что диалог заморожен.\n\nВторой абзац статьи о договоре.",
        title="Лавров о стратегическом диалоге",
        outlet="Известия",
        published="2022-12-05",
        language="ru",
    )
    statements = pd.DataFrame(
        {
            "article_id": [rec["article_id"]],
            "speaker": ["Сергей Лавров"],
            "quote": ["диалог заморожен"],
            "kind": ["indirect"],
            "topics": [[]],
        }
    )
    paths = report.build_report(
        articles_frame([rec]),
        statements=statements,
        events=pd.DataFrame(),
        treaty=sample_treaty(),
        out_dir=tmp_path,
        formats=("pdf", "docx"),
    )
    assert set(paths) == {"pdf", "docx"}
    text = "\n".join(p.extract_text() for p in PdfReader(str(paths["pdf"])).pages)
    assert "Сергей Лавров" in text
    assert "Лавров о стратегическом диалоге" in text
    assert any(
        "диалог заморожен" in c.text
        for t in Document(str(paths["docx"])).tables
        for r in t.rows
        for c in r.cells
    )


def _fake_crosscheck(monkeypatch, func):
    module = types.ModuleType("analysis.crosscheck")
    module.crosscheck = func
    monkeypatch.setitem(sys.modules, "analysis.crosscheck", module)


def test_crosscheck_section_is_skipped_with_a_note(monkeypatch, hostile):
    def not_yet(events, treaty):
        raise NotImplementedError

    _fake_crosscheck(monkeypatch, not_yet)
    articles, statements, events = hostile
    brief = report.make_brief(
        articles, statements=statements, events=events, treaty=sample_treaty()
    )
    assert brief.crosscheck is None
    assert "not available" in brief.crosscheck_note
    html = report.render_html(brief)
    assert "Cross-check not available" in html


def test_crosscheck_rows_are_shown(monkeypatch, hostile, tmp_path):
    def check(events, treaty):
        assert len(events) == 1 and treaty is not None
        return events.assign(
            verdict="conflict",
            record_date="2022-11-28",
            record_description="Russia postpones the session",
            record_source_url="https://tass.com/f",
            explanation=f"The record dates it a day earlier {SCRIPT}",
        )

    _fake_crosscheck(monkeypatch, check)
    articles, statements, events = hostile
    paths = report.build_report(
        articles,
        statements=statements,
        events=events,
        treaty=sample_treaty(),
        out_dir=tmp_path,
        formats=("html", "pdf"),
    )
    doc = lxml.html.fromstring(paths["html"].read_text(encoding="utf-8"))
    header = [th.text_content() for th in doc.xpath("//table[@class='crosscheck']//th")]
    assert header == ["Reported in the article", "Verdict", "In the record", "Explanation"]
    (row,) = doc.xpath("//table[@class='crosscheck']/tbody/tr")
    cells = [td.text_content() for td in row.xpath("td")]
    assert cells[0] == "2022-11-29: Russia postpone (Consultative Commission)"
    assert cells[1] == "conflict"
    assert cells[2] == "2022-11-28: Russia postpones the session"
    assert SCRIPT in cells[3]
    assert doc.xpath("//script") == []
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(str(paths["pdf"])).pages)
    assert "conflict" in text and "Reported in the article" in text


def test_crosscheck_with_other_columns_is_shown_as_is(monkeypatch, hostile):
    _fake_crosscheck(monkeypatch, lambda ev, tr: ev.assign(status="ok", note="fine"))
    articles, statements, events = hostile
    brief = report.make_brief(
        articles, statements=statements, events=events, treaty=sample_treaty()
    )
    assert "status" in brief.crosscheck_columns
    assert brief.crosscheck[0]["status"] == "ok"


def test_brief_without_a_record_still_builds(hostile, tmp_path, monkeypatch):
    from analysis import treaty as treaty_module

    def broken(directory=None):
        raise treaty_module.TreatyDataError(["events.csv, row 2: bad date"])

    monkeypatch.setattr(treaty_module, "load_treaty", broken)
    articles, statements, events = hostile
    brief = report.make_brief(articles, statements=statements, events=events)
    assert any("could not be loaded" in n for n in brief.notes)
    assert brief.sources == []
    assert len(brief.charts) == 5
    report.write_brief(brief, tmp_path, ["html"])


def test_formats_are_validated():
    assert report.parse_formats("html, PDF") == ("html", "pdf")
    with pytest.raises(report.ReportError, match="'gif'"):
        report.parse_formats("html,gif")
    with pytest.raises(report.ReportError):
        report.parse_formats(" , ")


def test_safe_url_keeps_only_web_links():
    assert report.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert report.safe_url("javascript:alert(1)") is None
    assert report.safe_url("data:text/html,hi") is None
    assert report.safe_url("JAVASCRIPT://x") is None
    assert report.safe_url(None) is None


# --------------------------------------------------------------------------- command line


def test_cli_report_builds_brief_and_figures(tmp_path, capsys):
    from analysis.cli import main

    art_dir = tmp_path / "articles"
    save_article(
        BODY,
        title="Minister warns on talks",
        outlet="Daily",
        published="2022-12-05",
        directory=art_dir,
    )
    out = tmp_path / "out"
    code = main(["report", str(art_dir), "--out", str(out), "--formats", "html,pdf"])
    printed = capsys.readouterr().out.split()
    assert code == 0
    assert str(out / "brief.html") in printed and str(out / "brief.pdf") in printed
    assert not (out / "brief.docx").exists()
    figures = sorted(p.name for p in (out / "figures").iterdir())
    assert figures == sorted(
        f"{name}.{ext}"
        for name in ("timeline", "inspections", "bcc", "aggregates", "statements")
        for ext in ("png", "svg", "pdf")
    )
    assert all(str(out / "figures" / f) in printed for f in figures)


def test_cli_report_bad_format_is_one_line(tmp_path, capsys):
    from analysis.cli import main

    assert main(["report", "--out", str(tmp_path), "--formats", "html,odt"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "odt" in err[0] and "html, docx, pdf" in err[0]
    assert not list(tmp_path.iterdir())


def test_cli_report_without_articles_is_one_line(tmp_path, capsys):
    from analysis.cli import main

    empty = tmp_path / "none"
    empty.mkdir()
    assert main(["report", str(empty), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: no articles loaded")
    assert "Traceback" not in "\n".join(err)
