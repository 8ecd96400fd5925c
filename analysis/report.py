"""A brief from the chosen articles and the treaty record: HTML, DOCX and PDF.

``build_report`` gathers the articles at a glance, the key statements, the events and
their cross-check against the record, the five charts and the sources, then writes
each format. Article text is untrusted: the HTML is built by a template engine with
autoescaping, and links are kept only for http(s) URLs.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.paths import REPORTS_DIR
from analysis.safety import safe_url

FORMATS: tuple[str, ...] = ("html", "docx", "pdf")
BRIEF_NAME = "brief"
MAX_STATEMENTS = 40
MAX_EVENTS = 40
MAX_QUOTE = 400
CHART_DPI = 200

#: Record tables whose sources the brief lists.
RECORD_TABLES: tuple[str, ...] = (
    "events",
    "mechanism_status",
    "inspections",
    "bcc_sessions",
    "aggregate_numbers",
    "limits",
)


class ReportError(ValueError):
    """A brief cannot be built from these inputs; the message says what to do."""


# --------------------------------------------------------------------------- content


@dataclass
class Chart:
    """One chart of the brief: its stable name, title, caption, figure and PNG bytes."""

    name: str
    title: str
    caption: str
    source: str
    figure: Any
    png: bytes


@dataclass
class Brief:
    """Everything a brief shows, independent of the output format."""

    title: str
    generated: str
    articles: list[dict[str, Any]]
    statements: list[dict[str, str]]
    statements_total: int
    events: list[dict[str, str]]
    events_total: int
    crosscheck: list[dict[str, str]] | None
    crosscheck_columns: list[str]
    crosscheck_note: str
    charts: list[Chart]
    sources: list[dict[str, str]]
    notes: list[str] = field(default_factory=list)


def _text(value: Any, default: str = "") -> str:
    """A cell as plain text: '' (or ``default``) for None/NaN/NaT."""
    if value is None:
        return default
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value if _text(v))
    try:
        if pd.isna(value):
            return default
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp | dt.date):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    text = str(value).strip()
    return text or default


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _human_date(value: Any) -> str:
    if value is None or pd.isna(value):
        return "date unknown"
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts.strftime('%B %Y')}"


def _article_rows(articles: pd.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for rec in articles.to_dict("records"):
        rows.append(
            {
                "article_id": _text(rec.get("article_id")),
                "title": _text(rec.get("title"), "(untitled)"),
                "outlet": _text(rec.get("outlet"), "outlet unknown"),
                "date": _human_date(rec.get("published")),
                "url": _text(rec.get("url")) or _text(rec.get("source")),
                "href": safe_url(rec.get("url")),
                "words": f"{int(rec.get('n_words') or 0):,}",
                "language": _text(rec.get("language")),
            }
        )
    return rows


def _short_titles(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> '[n]', the article's number in the at-a-glance table."""
    return {
        _text(rec.get("article_id")): f"[{i}]"
        for i, rec in enumerate(articles.to_dict("records"), start=1)
    }


def _mechanisms(value: Any) -> str:
    from analysis.charts import LANES

    items = value if isinstance(value, list | tuple) else ([value] if _text(value) else [])
    return ", ".join(LANES.get(_text(v), _text(v).replace("_", " ")) for v in items if _text(v))


def _statement_rows(statements: pd.DataFrame, articles: pd.DataFrame) -> list[dict[str, str]]:
    titles = _short_titles(articles)
    df = statements
    if "start" in df.columns:
        df = df.assign(_order=pd.to_numeric(df["start"], errors="coerce")).sort_values(
            ["article_id", "_order"], kind="stable"
        )
    rows = []
    for rec in df.head(MAX_STATEMENTS).to_dict("records"):
        speaker = _text(rec.get("speaker"), "Unattributed")
        role = _text(rec.get("speaker_role")) or _text(rec.get("speaker_org"))
        role = "" if role == speaker else role
        rows.append(
            {
                "speaker": speaker,
                "role": role,
                "quote": _clip(_text(rec.get("quote")), MAX_QUOTE),
                "kind": _text(rec.get("kind")),
                "topics": _mechanisms(rec.get("topics")),
                "article": titles.get(_text(rec.get("article_id")), ""),
            }
        )
    return rows


def _event_rows(events: pd.DataFrame, articles: pd.DataFrame) -> list[dict[str, str]]:
    titles = _short_titles(articles)
    rows = []
    for rec in events.head(MAX_EVENTS).to_dict("records"):
        rows.append(
            {
                "date": _text(rec.get("date_label"), "date unknown"),
                "actor": _text(rec.get("actor")),
                "mechanism": _mechanisms(rec.get("mechanism")),
                "action": _text(rec.get("action")).replace("_", " "),
                "evidence": _clip(_text(rec.get("evidence")), 240),
                "article": titles.get(_text(rec.get("article_id")), ""),
            }
        )
    return rows


_CROSSCHECK_PREFERRED = (
    "date_label",
    "actor",
    "mechanism",
    "action",
    "verdict",
    "status",
    "match",
    "record_date",
    "record_date_label",
    "difference",
    "explanation",
    "note",
)


_CROSSCHECK_HEADERS = ("Reported in the article", "Verdict", "In the record", "Explanation")


def _crosscheck_rows(result: pd.DataFrame) -> list[dict[str, str]]:
    """One row per checked event: what the article says, the verdict, the record's event."""
    rows = []
    for rec in result.to_dict("records"):
        what = " ".join(
            p
            for p in (
                _text(rec.get("actor")),
                _text(rec.get("action")).replace("_", " "),
                f"({_mechanisms(rec.get('mechanism'))})" if _text(rec.get("mechanism")) else "",
            )
            if p
        )
        record = _text(rec.get("record_date"))
        desc = _text(rec.get("record_description"))
        rows.append(
            {
                _CROSSCHECK_HEADERS[0]: f"{_text(rec.get('date_label'), 'no date')}: {what}",
                _CROSSCHECK_HEADERS[1]: _text(rec.get("verdict")),
                _CROSSCHECK_HEADERS[2]: _clip(f"{record}: {desc}" if record else desc, 200),
                _CROSSCHECK_HEADERS[3]: _clip(_text(rec.get("explanation")), 240),
            }
        )
    return rows


def _crosscheck(
    events: pd.DataFrame, treaty: Any
) -> tuple[list[dict[str, str]] | None, list[str], str]:
    """Rows and columns of the cross-check, or None and a note saying why it is absent."""
    if treaty is None:
        return None, [], "Cross-check skipped: the treaty record could not be loaded."
    if events.empty:
        return None, [], "No events were found in the articles, so there is nothing to check."
    try:
        from analysis.crosscheck import crosscheck

        result = crosscheck(events, treaty)
    except (ImportError, NotImplementedError):
        return None, [], "Cross-check not available in this version of the workbook."
    if not isinstance(result, pd.DataFrame) or result.empty:
        return None, [], "The cross-check returned no rows."
    if {"verdict", "explanation"} <= set(result.columns):
        return _crosscheck_rows(result.head(MAX_EVENTS)), list(_CROSSCHECK_HEADERS), ""
    cols = [c for c in _CROSSCHECK_PREFERRED if c in result.columns]
    if len(cols) < 3:
        cols = [c for c in result.columns if c not in ("article_id", "start", "end")][:7]
    rows = [
        {c: _clip(_text(rec.get(c)), 200) for c in cols}
        for rec in result.head(MAX_EVENTS).to_dict("records")
    ]
    return rows, cols, ""


def _sources(treaty: Any) -> list[dict[str, str]]:
    from analysis.charts import _domain, source_urls

    urls = source_urls(treaty, RECORD_TABLES)
    meta: dict[str, dict[str, str]] = {}
    table = getattr(treaty, "sources", None)
    if isinstance(table, pd.DataFrame) and "url" in table.columns:
        for rec in table.to_dict("records"):
            meta[_text(rec.get("url"))] = {
                "publisher": _text(rec.get("publisher")),
                "title": _text(rec.get("title")),
            }
    rows = []
    for url in urls:
        info = meta.get(url, {})
        rows.append(
            {
                "publisher": info.get("publisher") or _domain(url),
                "title": info.get("title", ""),
                "url": url,
                "href": safe_url(url) or "",
            }
        )
    rows.sort(key=lambda r: (r["publisher"].lower(), r["url"]))
    return rows


def _charts(
    treaty: Any, statements: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame
) -> list[Chart]:
    from analysis.charts import CHARTS, all_charts, figure_png

    out = []
    for name, fig in all_charts(treaty, statements, events, articles).items():
        meta = getattr(fig, "chart_meta", {})
        out.append(
            Chart(
                name=name,
                title=meta.get("title") or CHARTS[name],
                caption=meta.get("subtitle", ""),
                source=meta.get("source", ""),
                figure=fig,
                png=figure_png(fig, dpi=CHART_DPI),
            )
        )
    return out


def _load_inputs(
    articles: Any,
    statements: pd.DataFrame | None,
    events: pd.DataFrame | None,
    treaty: Any,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, Any, list[str]]:
    notes: list[str] = []
    if articles is None or isinstance(articles, str | Path):
        from analysis.articles import load_articles

        articles = load_articles(*([] if articles is None else [articles]))
    elif not isinstance(articles, pd.DataFrame):
        from analysis.articles import load_articles

        articles = load_articles(*list(articles))
    for err in articles.attrs.get("errors", []) or []:
        notes.append(f"Not loaded: {err.get('source')}: {err.get('error')}")
    if articles.empty:
        raise ReportError(
            "no articles loaded: give article files or folders, or put .txt/.html files "
            "in data/articles/"
        )
    if statements is None or events is None:
        from analysis.pipeline import extract

        found_statements, found_events = extract(articles)
        statements = found_statements if statements is None else statements
        events = found_events if events is None else events
    if treaty is None:
        try:
            from analysis.treaty import TreatyDataError, load_treaty
        except ImportError:
            notes.append("The treaty record is not available in this version of the workbook.")
        else:
            try:
                treaty = load_treaty()
            except TreatyDataError as exc:
                notes.append(
                    f"The treaty record could not be loaded ({len(exc.problems)} problem(s); "
                    "run `python -m analysis check-data`)."
                )
    return articles, statements, events, treaty, notes


def make_brief(
    articles: Any = None,
    *,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    treaty: Any = None,
) -> Brief:
    """Gather the brief's content (loading and extracting what is not given)."""
    articles, statements, events, treaty, notes = _load_inputs(articles, statements, events, treaty)
    if len(articles) == 1:
        title = f"Brief: {_text(articles.iloc[0].get('title'), 'untitled article')}"
    else:
        title = f"Brief: {len(articles)} articles on US\u2013Russia arms control"
    rows, cols, note = _crosscheck(events, treaty)
    return Brief(
        title=title,
        generated=dt.date.today().isoformat(),
        articles=_article_rows(articles),
        statements=_statement_rows(statements, articles),
        statements_total=len(statements),
        events=_event_rows(events, articles),
        events_total=len(events),
        crosscheck=rows,
        crosscheck_columns=cols,
        crosscheck_note=note,
        charts=_charts(treaty, statements, events, articles),
        sources=_sources(treaty),
        notes=notes,
    )


# --------------------------------------------------------------------------- HTML

_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ b.title }}</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; max-width: 52rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.meta, .note, figcaption, .more { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .35rem .4rem; text-align: left;
         vertical-align: top; }
th { background: #f4f4f4; }
figure { margin: 1.2rem 0; }
figure img { max-width: 100%; height: auto; }
blockquote { margin: 0; }
td.date { white-space: nowrap; }
table.statements td:first-child { min-width: 8rem; }
@media print { body { margin: 0; max-width: none; } figure { break-inside: avoid; } }
</style>
</head>
<body>
<h1>{{ b.title }}</h1>
<p class="meta">Generated {{ b.generated }} by the arms-control workbook.</p>
{% for n in b.notes %}<p class="note">{{ n }}</p>{% endfor %}

<h2>The article{{ "s" if b.articles|length > 1 }} at a glance</h2>
<table>
<thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Date</th><th>Words</th><th>Link</th></tr>
</thead>
<tbody>
{% for a in b.articles %}<tr><td>{{ loop.index }}</td><td>{{ a.title }}</td><td>{{ a.outlet }}</td>
<td>{{ a.date }}</td><td>{{ a.words }}</td>
<td>{% if a.href %}<a href="{{ a.href }}" rel="noopener noreferrer">{{ a.url }}</a>
{%- else %}{{ a.url }}{% endif %}</td></tr>
{% endfor %}</tbody>
</table>

<h2>Key statements</h2>
{% if b.statements %}
<table class="statements">
<thead><tr><th>Speaker</th><th>Statement</th><th>Kind</th><th>Mechanisms</th><th>Article</th></tr></thead>
<tbody>
{% for s in b.statements %}<tr><td><strong>{{ s.speaker }}</strong>
{%- if s.role %}<br><span class="more">{{ s.role }}</span>{% endif %}</td>
<td><blockquote>{{ s.quote }}</blockquote></td><td>{{ s.kind }}</td><td>{{ s.topics }}</td>
<td>{{ s.article }}</td></tr>
{% endfor %}</tbody>
</table>
{% if b.statements_total > b.statements|length %}<p class="more">Showing
{{ b.statements|length }} of {{ b.statements_total }} statements.</p>{% endif %}
{% else %}<p class="note">No statements were found in the article(s).</p>{% endif %}

<h2>Events reported, and the record</h2>
{% if b.events %}
<table class="events">
<thead><tr><th>Date</th><th>Actor</th><th>Mechanism</th><th>Action</th><th>Evidence</th><th>Article</th></tr></thead>
<tbody>
{% for e in b.events %}<tr><td class="date">{{ e.date }}</td><td>{{ e.actor }}</td>
<td>{{ e.mechanism }}</td>
<td>{{ e.action }}</td><td>{{ e.evidence }}</td><td>{{ e.article }}</td></tr>
{% endfor %}</tbody>
</table>
{% if b.events_total > b.events|length %}<p class="more">Showing
{{ b.events|length }} of {{ b.events_total }} events.</p>{% endif %}
{% else %}<p class="note">No dated treaty events were found in the article(s).</p>{% endif %}
<h3>Cross-check against the record</h3>
{% if b.crosscheck %}
<table class="crosscheck">
<thead><tr>{% for c in b.crosscheck_columns %}<th>{{ c.replace("_", " ") }}</th>{% endfor %}
</tr></thead>
<tbody>
{% for r in b.crosscheck %}<tr>
{%- for c in b.crosscheck_columns %}<td>{{ r[c] }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table>
{% else %}<p class="note">{{ b.crosscheck_note }}</p>{% endif %}

<h2>Charts</h2>
{% for c in b.charts %}<figure id="chart-{{ c.name }}">
<img src="data:image/png;base64,{{ images[c.name] }}" alt="{{ c.title }}. {{ c.caption }}">
<figcaption>Figure {{ loop.index }}. {{ c.title }}</figcaption>
</figure>
{% endfor %}

<h2>Sources</h2>
{% if b.sources %}<ol class="sources">
{% for s in b.sources %}<li>{{ s.publisher }}{% if s.title %}: {{ s.title }}{% endif %}.
{% if s.href %}<a href="{{ s.href }}" rel="noopener noreferrer">{{ s.url }}</a>
{%- else %}{{ s.url }}{% endif %}</li>
{% endfor %}</ol>
{% else %}<p class="note">No record sources were used.</p>{% endif %}
</body>
</html>
"""


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page (charts embedded as PNG, text escaped)."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    images = {c.name: base64.b64encode(c.png).decode("ascii") for c in brief.charts}
    return env.from_string(_HTML).render(b=brief, images=images)


# --------------------------------------------------------------------------- DOCX

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: Any) -> str:
    """Text python-docx can store (XML forbids most control characters)."""
    return _XML_BAD.sub("", _text(text))


def _docx_table(doc: Any, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Any:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = _x(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _x(text)
    return table


def _statement_cells(brief: Brief) -> list[list[str]]:
    """The key-statements table as rows of cells (speaker with role, quote, kind, ...)."""
    return [
        [
            s["speaker"] + (f" ({s['role']})" if s["role"] else ""),
            s["quote"],
            s["kind"],
            s["topics"],
            s["article"],
        ]
        for s in brief.statements
    ]


def render_docx(brief: Brief, path: Path) -> Path:
    """Write the brief as a Word document (headings, tables, the charts as pictures)."""
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    doc.core_properties.title = _x(brief.title)
    doc.core_properties.subject = "Arms-control brief"
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(_x(brief.title), level=0)
    doc.add_paragraph(f"Generated {brief.generated} by the arms-control workbook.")
    for note in brief.notes:
        doc.add_paragraph().add_run(_x(note)).italic = True

    doc.add_heading("The article(s) at a glance", level=1)
    _docx_table(
        doc,
        ["#", "Title", "Outlet", "Date", "Words", "Link"],
        (
            [str(i), a["title"], a["outlet"], a["date"], a["words"], a["url"]]
            for i, a in enumerate(brief.articles, start=1)
        ),
    )

    doc.add_heading("Key statements", level=1)
    if brief.statements:
        _docx_table(
            doc,
            ["Speaker", "Statement", "Kind", "Mechanisms", "Article"],
            _statement_cells(brief),
        )
        if brief.statements_total > len(brief.statements):
            doc.add_paragraph(
                f"Showing {len(brief.statements)} of {brief.statements_total} statements."
            )
    else:
        doc.add_paragraph("No statements were found in the article(s).")

    doc.add_heading("Events reported, and the record", level=1)
    if brief.events:
        _docx_table(
            doc,
            ["Date", "Actor", "Mechanism", "Action", "Evidence", "Article"],
            (
                [e["date"], e["actor"], e["mechanism"], e["action"], e["evidence"], e["article"]]
                for e in brief.events
            ),
        )
    else:
        doc.add_paragraph("No dated treaty events were found in the article(s).")
    doc.add_heading("Cross-check against the record", level=2)
    if brief.crosscheck:
        _docx_table(
            doc,
            [c.replace("_", " ") for c in brief.crosscheck_columns],
            ([r[c] for c in brief.crosscheck_columns] for r in brief.crosscheck),
        )
    else:
        doc.add_paragraph(_x(brief.crosscheck_note))

    doc.add_heading("Charts", level=1)
    for i, chart in enumerate(brief.charts, start=1):
        doc.add_picture(io.BytesIO(chart.png), width=Inches(6.3))
        doc.add_paragraph().add_run(_x(f"Figure {i}. {chart.title}")).italic = True

    doc.add_heading("Sources", level=1)
    if brief.sources:
        for s in brief.sources:
            label = s["publisher"] + (f": {s['title']}" if s["title"] else "")
            doc.add_paragraph(_x(f"{label}. {s['url']}"), style="List Number")
    else:
        doc.add_paragraph("No record sources were used.")
    doc.save(str(path))
    return path


# --------------------------------------------------------------------------- PDF


def _fonts() -> tuple[Path, Path]:
    import matplotlib

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return base / "DejaVuSans.ttf", base / "DejaVuSans-Bold.ttf"


def render_pdf(brief: Brief, path: Path) -> Path:
    """Write the brief as a PDF (fpdf2 with the DejaVu font matplotlib ships: any script)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    regular, bold = _fonts()
    pdf = FPDF(format="A4")
    pdf.set_title(brief.title)
    pdf.set_subject("Arms-control brief")
    pdf.set_creator("arms-control workbook")
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    head = FontFace(emphasis="BOLD", fill_color=(236, 236, 236))

    def heading(text: str, size: float = 13) -> None:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font("DejaVu", "", 9)

    def para(text: str, size: float = 9) -> None:
        pdf.set_font("DejaVu", "", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def table(header: Sequence[str], rows: list[Sequence[str]], widths: Sequence[int]) -> None:
        pdf.set_font("DejaVu", "", 7.5)
        with pdf.table(
            col_widths=widths,
            headings_style=head,
            line_height=3.6,
            text_align="LEFT",
            first_row_as_headings=True,
        ) as t:
            t.row(list(header))
            for row in rows:
                t.row([str(v) for v in row])
        pdf.ln(2)

    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(0, 8, brief.title, align="L", new_x="LMARGIN", new_y="NEXT")
    para(f"Generated {brief.generated} by the arms-control workbook.", 8)
    for note in brief.notes:
        para(note, 8)

    heading("The article(s) at a glance")
    table(
        ["#", "Title", "Outlet", "Date", "Words", "Link"],
        [
            [str(i), a["title"], a["outlet"], a["date"], a["words"], a["url"]]
            for i, a in enumerate(brief.articles, start=1)
        ],
        (4, 32, 14, 13, 7, 30),
    )

    heading("Key statements")
    if brief.statements:
        table(
            ["Speaker", "Statement", "Kind", "Mechanisms", "Art."],
            _statement_cells(brief),
            (20, 51, 10, 14, 7),
        )
        if brief.statements_total > len(brief.statements):
            para(f"Showing {len(brief.statements)} of {brief.statements_total} statements.", 8)
    else:
        para("No statements were found in the article(s).")

    heading("Events reported, and the record")
    if brief.events:
        table(
            ["Date", "Actor", "Mechanism", "Action", "Evidence", "Art."],
            [
                [e["date"], e["actor"], e["mechanism"], e["action"], e["evidence"], e["article"]]
                for e in brief.events
            ],
            (12, 13, 15, 11, 42, 7),
        )
    else:
        para("No dated treaty events were found in the article(s).")
    heading("Cross-check against the record", 11)
    if brief.crosscheck:
        table(
            [c.replace("_", " ") for c in brief.crosscheck_columns],
            [[r[c] for c in brief.crosscheck_columns] for r in brief.crosscheck],
            (30, 12, 30, 28)
            if tuple(brief.crosscheck_columns) == _CROSSCHECK_HEADERS
            else [1] * len(brief.crosscheck_columns),
        )
    else:
        para(brief.crosscheck_note)

    heading("Charts")
    for i, chart in enumerate(brief.charts, start=1):
        fig_w, fig_h = chart.figure.get_size_inches()
        width = pdf.epw
        height = width * fig_h / fig_w
        if pdf.get_y() + height + 12 > pdf.page_break_trigger:
            pdf.add_page()
        pdf.image(io.BytesIO(chart.png), w=width, h=height)
        para(f"Figure {i}. {chart.title}", 7.5)
        pdf.ln(3)

    heading("Sources")
    if brief.sources:
        for i, s in enumerate(brief.sources, start=1):
            label = s["publisher"] + (f": {s['title']}" if s["title"] else "")
            pdf.set_font("DejaVu", "", 7.5)
            pdf.multi_cell(0, 3.6, f"{i}. {label}.", align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 90, 160)
            pdf.multi_cell(0, 3.6, s["url"], link=s["href"] or "", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
    else:
        para("No record sources were used.")
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- entry points


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """('html', 'pdf') from 'html,pdf' or a list; ReportError naming an unknown format."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    out = [f.strip().lower().lstrip(".") for f in items if f and f.strip()]
    if not out:
        raise ReportError("no output format given: use --formats html,docx,pdf")
    bad = [f for f in out if f not in FORMATS]
    if bad:
        raise ReportError(f"unknown format {bad[0]!r}: choose from {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(out))


def write_brief(brief: Brief, out_dir: str | Path, formats: Sequence[str]) -> dict[str, Path]:
    """Write ``brief`` in each format as ``out_dir/brief.<format>``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for fmt in parse_formats(formats):
        path = out / f"{BRIEF_NAME}.{fmt}"
        if fmt == "html":
            path.write_text(render_html(brief), encoding="utf-8")
        elif fmt == "docx":
            render_docx(brief, path)
        else:
            render_pdf(brief, path)
        paths[fmt] = path
    return paths


def build_report(
    articles: Any = None,
    *,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    treaty: Any = None,
    out_dir: str | Path = REPORTS_DIR,
    formats: Sequence[str] = FORMATS,
) -> dict[str, Path]:
    """Write a brief from the chosen articles and the record; returns {format: path}.

    ``articles``: an articles frame, or files/folders to load (default ``data/articles/``).
    Statements and events are extracted when not given; the record is loaded when not given.
    """
    formats = parse_formats(formats)
    brief = make_brief(articles, statements=statements, events=events, treaty=treaty)
    return write_brief(brief, out_dir, formats)


def cli_report(args: Any) -> int:
    """``python -m analysis report [ARTICLES...] [--out DIR] [--formats html,docx,pdf]``."""
    import matplotlib

    matplotlib.use("Agg")
    from analysis.charts import save_chart

    try:
        formats = parse_formats(getattr(args, "formats", None) or ",".join(FORMATS))
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out = Path(args.out) if getattr(args, "out", None) else REPORTS_DIR
    from analysis.articles import load_articles

    sources = list(getattr(args, "articles", None) or [])
    articles = load_articles(*sources)
    skipped = list(articles.attrs.get("errors", []) or [])
    for err in skipped:
        print(f"error: skipped {err['source']}: {err['error']}", file=sys.stderr)
    articles.attrs["errors"] = []
    if articles.empty:
        where = ", ".join(sources) if sources else "data/articles/"
        print(
            f"error: no articles loaded from {where}: give article files or folders "
            "(.txt with front matter, or .html)",
            file=sys.stderr,
        )
        return 1
    from analysis.articles import summary_table

    print(summary_table(articles))
    brief = make_brief(articles)
    for note in brief.notes:
        print(f"warning: {note}", file=sys.stderr)
    print(f"\n{brief.statements_total} statements, {brief.events_total} events found.")
    written = list(write_brief(brief, out, formats).values())
    for chart in brief.charts:
        written += save_chart(chart.figure, chart.name, directory=out / "figures")
    print("Wrote:")
    for path in written:
        try:
            shown = path.resolve().relative_to(Path.cwd())
        except ValueError:
            shown = path
        print(f"  {shown}")
    # Like extract and summary: the brief is built from what loaded, and the exit code
    # says that some input did not.
    return 1 if skipped else 0
