"""Interactive widgets for the notebooks: explore statements, add an article, redraw the timeline.

Everything shown from an article goes through :func:`html.escape` before any markup is added.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import html
import inspect
import io
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as W
import numpy as np
import pandas as pd

from analysis.frames import KINDS, MECHANISMS, STATEMENT_COLUMNS
from analysis.safety import safe_url, spreadsheet_safe

PAGE_SIZE = 20
UNKNOWN = "Unknown"

# --------------------------------------------------------------------------------------------
# Paths


def project_root(start: str | Path | None = None) -> Path:
    """The project directory (the one holding ``pyproject.toml`` and ``analysis/``).

    Looks upward from ``start`` (default: the current directory), then beside the installed
    package; falls back to the current directory.
    """
    here = Path(start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "pyproject.toml").is_file() and (candidate / "analysis").is_dir():
            return candidate
    package_parent = Path(__file__).resolve().parents[1]
    if (package_parent / "pyproject.toml").is_file():
        return package_parent
    return here


def resolve_paths(
    paths: str | Path | Iterable[str | Path] | None, root: Path | None = None
) -> list:
    """Paths (or URLs) with relative paths taken from the project root; URLs are kept as given.

    ``None`` gives an empty list (so ``load_treaty(*resolve_paths(None))`` uses the default).
    """
    if paths is None:
        return []
    if isinstance(paths, (str, Path)):
        paths = [paths]
    base = root or project_root()
    out: list[str | Path] = []
    for p in paths:
        if isinstance(p, str) and re.match(r"^[a-z][a-z0-9+.-]*://", p, re.I):
            out.append(p)
            continue
        path = Path(p).expanduser()
        out.append(path if path.is_absolute() else base / path)
    return out


# --------------------------------------------------------------------------------------------
# HTML helpers (escape first, then add markup)


def highlight(text: str | None, needle: str | None) -> str:
    """``text`` escaped for HTML, every case-insensitive match of ``needle`` wrapped in <mark>."""
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    if not needle:
        return html.escape(text)
    parts: list[str] = []
    last = 0
    for m in re.finditer(re.escape(needle), text, flags=re.IGNORECASE):
        if m.start() == m.end():
            continue
        parts.append(html.escape(text[last : m.start()]))
        parts.append(f"<mark>{html.escape(m.group(0))}</mark>")
        last = m.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def safe_link(url: Any, label: str, tooltip: str | None = None) -> str:
    """An <a> to ``url`` (http/https only) with the escaped ``label``; plain text otherwise."""
    text = html.escape(label)
    hover = f' title="{html.escape(tooltip, quote=True)}"' if tooltip else ""
    good = safe_url(url)
    if good:
        href = html.escape(good, quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer"{hover}>{text}</a>'
    return f"<span{hover}>{text}</span>" if hover else text


def _message(text: str, ok: bool) -> str:
    colour = "#1b5e20" if ok else "#b71c1c"
    sign = "✔" if ok else "✖"
    return f'<span style="color:{colour}">{sign} {html.escape(text)}</span>'


def _fmt_date(value: Any) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _to_timestamp(value: Any) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    ts = pd.Timestamp(value)
    return None if pd.isna(ts) else ts


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, np.ndarray, pd.Series, pd.Index)):
        return [v for v in value if v is not None]
    try:
        if pd.isna(value):
            return []
    except (TypeError, ValueError):
        pass
    return [value]


def _first_line(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# Statement explorer


class StatementExplorer:
    """Filter, page through, read in context and export the statements of a set of articles.

    ``explorer.apply_filters(speakers=[...], text="...")`` sets the filters from Python;
    ``explorer.filtered()`` returns the matching statements with their article's date, title,
    outlet and URL. Display the explorer itself (or ``explorer.widget``) in a notebook.
    """

    def __init__(
        self,
        statements: pd.DataFrame,
        articles: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
        *,
        export_dir: str | Path | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.page_size = page_size
        self.export_dir = Path(export_dir) if export_dir else None
        self.page = 0
        self._mask = np.zeros(0, dtype=bool)
        self._hits = np.zeros(0, dtype=np.int64)
        self._busy = False
        self._build_widgets()
        self.update(statements, articles, events)

    # ---- data ---------------------------------------------------------------------------

    def update(
        self,
        statements: pd.DataFrame,
        articles: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
    ) -> None:
        """Replace the data (after an article was added), keeping the filters that still apply.

        Without ``articles``, the statements' own ``published``/``title``/``outlet``/``url``
        columns are used when present.
        """
        st = _rechunked(statements.reset_index(drop=True).copy())
        for col in STATEMENT_COLUMNS:
            if col not in st.columns:
                st[col] = None
        if articles is None:
            articles = pd.DataFrame({"article_id": pd.Series(dtype=object)})
        arts = articles.drop_duplicates("article_id", keep="last").set_index("article_id")
        self.articles = arts
        self.events = events
        ids = st["article_id"]
        for col in ("published", "title", "outlet", "url"):
            if col in arts.columns:
                st[col] = ids.map(arts[col]) if len(st) else pd.Series(dtype=object)
            elif col not in st.columns:
                st[col] = None
        st["published"] = pd.to_datetime(st["published"], errors="coerce")
        # results read oldest first (undated last), in text order within an article
        st = st.sort_values("published", kind="stable", na_position="last", ignore_index=True)
        self.statements = st
        self._precompute()
        self._refresh_options()
        self._filter_and_render(reset_page=True)

    def _precompute(self) -> None:
        """Lowercase search text, category codes, topic matrix, dates: computed once per update."""
        st = self.statements
        n = len(st)
        self._speaker_cat = pd.Categorical(st["speaker"].fillna(UNKNOWN).astype(str))
        self._country_cat = pd.Categorical(st["speaker_country"].fillna(UNKNOWN).astype(str))
        self._kind_cat = pd.Categorical(st["kind"].astype(object).fillna(UNKNOWN).astype(str))
        quote = st["quote"].fillna("").astype(str)
        sentence = st["sentence"].fillna("").astype(str)
        # The quote usually sits inside its sentence: search it apart only when it does not
        # (a quote over several sentences), which halves the text a search has to scan.
        inside = [q in s for q, s in zip(quote, sentence, strict=True)]
        text = (
            quote.where(~np.asarray(inside, dtype=bool), "")
            + "\n"
            + sentence
            + "\n"
            + st["speaker"].fillna("").astype(str)
            + "\n"
            + st["speaker_mention"].fillna("").astype(str)
        )
        try:
            self._text_lc = text.str.lower().astype("string[pyarrow]")
        except (ImportError, TypeError):
            self._text_lc = text.str.lower().astype("string")
        topic_lists = [_as_list(t) for t in st["topics"]]
        names = sorted({t for ts in topic_lists for t in ts}, key=_mechanism_order)
        self._topic_names = names
        index = {name: i for i, name in enumerate(names)}
        matrix = np.zeros((n, len(names)), dtype=bool)
        rows = [i for i, ts in enumerate(topic_lists) for _ in ts]
        cols = [index[t] for ts in topic_lists for t in ts]
        if rows:
            matrix[rows, cols] = True
        self._topics = matrix
        published = st["published"].to_numpy(dtype="datetime64[ns]")
        self._dates = published.astype("int64")
        self._has_date = ~np.isnat(published)
        self._mask = np.ones(n, dtype=bool)

    def _refresh_options(self) -> None:
        self._busy = True
        try:
            self.speaker_select.options, self.speaker_select.value = _count_options(
                self._speaker_cat, self.speaker_select.value
            )
            self.country_select.options, self.country_select.value = _count_options(
                self._country_cat, self.country_select.value
            )
            counts = self._topics.sum(axis=0)
            pairs = zip(self._topic_names, counts, strict=True)
            opts = [(f"{_topic_label(name)} ({int(c)})", name) for name, c in pairs]
            keep = tuple(v for v in self.topic_select.value if v in self._topic_names)
            self.topic_select.options = opts
            self.topic_select.value = keep
            kind_counts = pd.Series(self._kind_cat).value_counts()
            for kind, box in self.kind_boxes.items():
                box.description = f"{kind} ({int(kind_counts.get(kind, 0))})"
        finally:
            self._busy = False

    # ---- filtering (vectorised: no per-row Python) ---------------------------------------

    def mask(
        self,
        *,
        speakers: Sequence[str] | None = None,
        countries: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None,
        topics: Sequence[str] | None = None,
        start: Any = None,
        end: Any = None,
        text: str | None = None,
    ) -> np.ndarray:
        """Boolean mask of the statements matching every given criterion (empty = no filter)."""
        n = len(self.statements)
        m = np.ones(n, dtype=bool)
        for cat, wanted in ((self._speaker_cat, speakers), (self._country_cat, countries)):
            wanted = _as_list(wanted)
            if wanted:
                codes = cat.categories.get_indexer(wanted)
                m &= np.isin(cat.codes, codes[codes >= 0])
        kinds = _as_list(kinds)
        if kinds and set(kinds) != set(KINDS):
            codes = self._kind_cat.categories.get_indexer(kinds)
            m &= np.isin(self._kind_cat.codes, codes[codes >= 0])
        topics = _as_list(topics)
        if topics:
            cols = [self._topic_names.index(t) for t in topics if t in self._topic_names]
            m &= self._topics[:, cols].any(axis=1) if cols else False
        lo, hi = _to_timestamp(start), _to_timestamp(end)
        if lo is not None:
            m &= self._has_date & (self._dates >= lo.value)
        if hi is not None:
            hi_excl = (hi.normalize() + pd.Timedelta(days=1)).value
            m &= self._has_date & (self._dates < hi_excl)
        needle = (text or "").strip().lower()
        if needle:
            # Search only the rows the other filters kept: the text scan is the costly part.
            rows = np.flatnonzero(m)
            if len(rows):
                hay = self._text_lc if len(rows) == n else self._text_lc.iloc[rows]
                found = hay.str.contains(needle, regex=False).fillna(False).to_numpy(dtype=bool)
                m[rows] = found
        return m

    def criteria(self) -> dict[str, Any]:
        """The filters currently set in the widgets."""
        return {
            "speakers": list(self.speaker_select.value),
            "countries": list(self.country_select.value),
            "kinds": [k for k, box in self.kind_boxes.items() if box.value],
            "topics": list(self.topic_select.value),
            "start": self.start_picker.value,
            "end": self.end_picker.value,
            "text": self.text_box.value,
        }

    def apply_filters(self, **criteria: Any) -> pd.DataFrame:
        """Set exactly these filters and return :meth:`filtered`; filters not named are cleared.

        Criteria: ``speakers``, ``countries``, ``kinds``, ``topics`` (lists), ``start``, ``end``
        (dates, inclusive), ``text`` (also accepted as ``search``).
        """
        if "search" in criteria:
            criteria["text"] = criteria.pop("search")
        unknown = set(criteria) - set(self.criteria())
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        speakers = _valid(self.speaker_select, criteria.get("speakers"))
        countries = _valid(self.country_select, criteria.get("countries"))
        topics = _valid(self.topic_select, criteria.get("topics"))
        kinds = set(_as_list(criteria.get("kinds"))) or set(KINDS)
        self._busy = True
        try:
            self.speaker_select.value = speakers
            self.country_select.value = countries
            self.topic_select.value = topics
            for kind, box in self.kind_boxes.items():
                box.value = kind in kinds
            self.start_picker.value = _as_date(criteria.get("start"))
            self.end_picker.value = _as_date(criteria.get("end"))
            self.text_box.value = criteria.get("text") or ""
        finally:
            self._busy = False
        self._filter_and_render(reset_page=True)
        return self.filtered()

    def clear_filters(self) -> None:
        """Show every statement again."""
        self.apply_filters()

    def filtered(self) -> pd.DataFrame:
        """The statements passing the current filters, with their article's date, title and URL."""
        return self.statements.iloc[self._hits].reset_index(drop=True)

    # ---- paging and selection -----------------------------------------------------------

    @property
    def n_pages(self) -> int:
        """Number of result pages (at least 1)."""
        return max(1, -(-len(self._hits) // self.page_size))

    def go_to_page(self, page: int) -> None:
        """Show result page ``page`` (0-based, clipped to the available pages)."""
        self.page = min(max(0, page), self.n_pages - 1)
        self._render_page()

    def next_page(self, *_: Any) -> None:
        """Show the next page of results."""
        self.go_to_page(self.page + 1)

    def prev_page(self, *_: Any) -> None:
        """Show the previous page of results."""
        self.go_to_page(self.page - 1)

    def page_rows(self) -> pd.DataFrame:
        """The statements on the current page."""
        lo = self.page * self.page_size
        return self.statements.iloc[self._hits[lo : lo + self.page_size]]

    def select(self, row: int | None) -> None:
        """Show the statement with index ``row`` of :attr:`statements` in its paragraph."""
        if row is not None and row in set(self.detail_select.options_values()):
            self.detail_select.value = row
        self._render_detail(row)

    # ---- export -------------------------------------------------------------------------

    def export_table(self) -> pd.DataFrame:
        """The filtered statements ready for a spreadsheet (topics joined, dates as dates)."""
        df = self.filtered().copy()
        df["topics"] = df["topics"].map(lambda ts: "; ".join(map(str, _as_list(ts))))
        df["kind"] = df["kind"].astype(object)
        df["published"] = df["published"].dt.date
        front = ["published", "speaker", "kind", "quote", "title", "outlet", "url"]
        return df[front + [c for c in df.columns if c not in front]]

    def export_csv(self, path: str | Path | None = None) -> Path:
        """Write the filtered statements to CSV (default: reports/exports/); return the path."""
        target = Path(path) if path else self._export_path("csv")
        target.parent.mkdir(parents=True, exist_ok=True)
        spreadsheet_safe(self.export_table()).to_csv(target, index=False)
        return target

    def export_excel(self, path: str | Path | None = None) -> Path:
        """Write the filtered statements to an .xlsx workbook; return the path."""
        target = Path(path) if path else self._export_path("xlsx")
        target.parent.mkdir(parents=True, exist_ok=True)
        spreadsheet_safe(self.export_table()).to_excel(target, index=False, sheet_name="statements")
        return target

    def _export_path(self, ext: str) -> Path:
        folder = self.export_dir or project_root() / "reports" / "exports"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"statements-{stamp}.{ext}"
        n = 2
        while target.exists():
            target = folder / f"statements-{stamp}-{n}.{ext}"
            n += 1
        return target

    def _on_export(self, kind: str) -> None:
        try:
            path = self.export_csv() if kind == "csv" else self.export_excel()
        except OSError as exc:
            self.export_status.value = _message(f"Could not write the {kind} file: {exc}", False)
            return
        n = len(self._hits)
        self.export_status.value = _message(f"{n} statements written to {path}", True)

    # ---- widgets ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        wide = W.Layout(width="100%")
        self.speaker_select = W.SelectMultiple(options=[], rows=8, layout=wide)
        self.country_select = W.SelectMultiple(options=[], rows=4, layout=wide)
        self.topic_select = W.SelectMultiple(options=[], rows=5, layout=wide)
        self.kind_boxes = {
            k: W.Checkbox(
                value=True,
                description=k,
                indent=False,
                layout=W.Layout(width="auto", margin="0 14px 0 0"),
            )
            for k in KINDS
        }
        self.start_picker = W.DatePicker(description="From", layout=W.Layout(width="100%"))
        self.end_picker = W.DatePicker(description="To", layout=W.Layout(width="100%"))
        self.text_box = W.Text(
            placeholder="words or a name, then Enter",
            continuous_update=False,
            layout=wide,
        )
        self.clear_button = W.Button(description="Clear filters", icon="eraser")
        self.summary = W.HTML()
        self.table = W.HTML()
        self.prev_button = W.Button(description="Previous", icon="arrow-left")
        self.next_button = W.Button(description="Next", icon="arrow-right")
        self.page_label = W.HTML()
        self.detail_select = _RowSelect(
            description="Read", options=[], layout=W.Layout(width="98%")
        )
        self.detail = W.HTML()
        self.csv_button = W.Button(description="Export CSV", icon="download")
        self.excel_button = W.Button(description="Export Excel", icon="table")
        self.export_status = W.HTML()

        for w in (self.speaker_select, self.country_select, self.topic_select):
            w.observe(self._on_filter_change, names="value")
        for w in (*self.kind_boxes.values(), self.start_picker, self.end_picker, self.text_box):
            w.observe(self._on_filter_change, names="value")
        self.clear_button.on_click(lambda _: self.clear_filters())
        self.prev_button.on_click(self.prev_page)
        self.next_button.on_click(self.next_page)
        self.detail_select.observe(lambda ch: self._render_detail(ch["new"]), names="value")
        self.csv_button.on_click(lambda _: self._on_export("csv"))
        self.excel_button.on_click(lambda _: self._on_export("excel"))

        def label(text: str) -> W.HTML:
            return W.HTML(f"<b>{html.escape(text)}</b>")

        hint = (
            '<div style="line-height:1.3;color:#555;font-size:12px;margin:0 0 4px 0">'
            "Ctrl/⌘-click to pick several; nothing picked means all.</div>"
        )
        filters = W.VBox(
            [
                label("Speaker"),
                W.HTML(hint),
                self.speaker_select,
                label("Country / side"),
                self.country_select,
                label("Mechanism / topic"),
                self.topic_select,
                label("Kind"),
                W.HBox(list(self.kind_boxes.values()), layout=W.Layout(flex_flow="row wrap")),
                label("Article date"),
                self.start_picker,
                self.end_picker,
                label("Words"),
                self.text_box,
                self.clear_button,
            ],
            layout=W.Layout(flex="0 0 300px", width="300px", padding="0 12px 0 0"),
        )
        pager = W.HBox([self.prev_button, self.page_label, self.next_button])
        results = W.VBox(
            [
                self.summary,
                self.table,
                pager,
                self.detail_select,
                self.detail,
                W.HBox([self.csv_button, self.excel_button]),
                self.export_status,
            ],
            layout=W.Layout(flex="1 1 auto", width="auto", min_width="0"),
        )
        self.widget = W.HBox([filters, results], layout=W.Layout(width="100%"))
        # class names for styling and for the browser test
        self.widget.add_class("statement-explorer")
        self.speaker_select.add_class("statement-speakers")
        self.country_select.add_class("statement-countries")
        self.topic_select.add_class("statement-topics")
        self.text_box.add_class("statement-search")
        self.summary.add_class("statement-summary")
        self.table.add_class("statement-table")
        self.detail_select.add_class("statement-read")
        self.detail.add_class("statement-detail-box")

    def _on_filter_change(self, _change: dict) -> None:
        if not self._busy:
            self._filter_and_render(reset_page=True)

    def _filter_and_render(self, reset_page: bool = False) -> None:
        self._mask = self.mask(**self.criteria())
        self._hits = np.flatnonzero(self._mask)
        if reset_page:
            self.page = 0
        self._render_page()

    def _render_page(self) -> None:
        total, n = len(self.statements), len(self._hits)
        needle = self.text_box.value.strip()
        self.summary.value = f"<b>{n}</b> of {total} statements" + (
            " match the filters" if n != total else ""
        )
        rows = self.page_rows()
        self.page_label.value = (
            f'<span style="padding:0 10px;line-height:28px">'
            f"page {self.page + 1} of {self.n_pages}</span>"
        )
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.n_pages - 1
        self.table.value = _results_table(rows, needle, first=self.page * self.page_size + 1)
        options = [
            (
                f"{self.page * self.page_size + i + 1}. "
                f"{_first_line(r.speaker or UNKNOWN, 30)}: {_first_line(r.quote or '', 70)}",
                idx,
            )
            for i, (idx, r) in enumerate(rows.iterrows())
        ]
        self._busy = True
        try:
            self.detail_select.options = options
            self.detail_select.value = options[0][1] if options else None
        finally:
            self._busy = False
        self._render_detail(self.detail_select.value)

    def _render_detail(self, row: int | None) -> None:
        if row is None or row not in self.statements.index:
            self.detail.value = "<i>No statement selected.</i>" if len(self._hits) else ""
            return
        st = self.statements.loc[row]
        art = self.articles.loc[st["article_id"]] if st["article_id"] in self.articles.index else {}
        self.detail.value = _detail_html(st, art)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The live widget, plus a static snapshot (summary and first page) for saved notebooks."""
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = (
            f"StatementExplorer: {len(self._hits)} of {len(self.statements)} statements "
            "(run the notebook in JupyterLab to filter them)"
        )
        bundle["text/html"] = f"<p>{self.summary.value}</p>{self.table.value}"
        return bundle


class _RowSelect(W.Dropdown):
    """A Dropdown whose option values are row indices."""

    def options_values(self) -> list[Any]:
        return [v for _, v in self.options]


def _topic_label(name: str) -> str:
    """'strategic_dialogue' -> 'strategic dialogue'; 'bcc' -> 'BCC'."""
    return "BCC" if name == "bcc" else name.replace("_", " ")


def _rechunked(df: pd.DataFrame) -> pd.DataFrame:
    """Arrow-backed columns in one chunk each (row takes on many small chunks are slow)."""
    for col in df.columns:
        values = df[col].array
        pa_array = getattr(values, "_pa_array", None)
        if pa_array is not None and getattr(pa_array, "num_chunks", 1) > 1:
            with contextlib.suppress(TypeError, ValueError):
                df[col] = pd.Series(
                    type(values)(pa_array.combine_chunks()), index=df.index, name=col
                )
    return df


def _mechanism_order(name: str) -> tuple[int, str]:
    return (MECHANISMS.index(name) if name in MECHANISMS else len(MECHANISMS), name)


def _count_options(
    cat: pd.Categorical, keep: Sequence[str]
) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    counts = pd.Series(cat).value_counts()
    counts = counts[counts > 0]
    order = sorted(counts.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], kv[0]))
    options = [(f"{name} ({int(c)})", name) for name, c in order]
    values = {v for _, v in options}
    return options, tuple(v for v in keep if v in values)


def _valid(widget: W.SelectMultiple, wanted: Any) -> tuple[str, ...]:
    values = {v for _, v in widget.options}
    wanted = _as_list(wanted)
    missing = [w for w in wanted if w not in values]
    if missing:
        raise ValueError(f"not among the options: {', '.join(map(str, missing))}")
    return tuple(wanted)


def _as_date(value: Any) -> dt.date | None:
    ts = _to_timestamp(value)
    return None if ts is None else ts.date()


_CELL = "padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left"


def _results_table(rows: pd.DataFrame, needle: str, first: int = 1) -> str:
    if rows.empty:
        return "<p><i>No statement matches these filters.</i></p>"
    head = "".join(
        f'<th style="{_CELL};background:#f3f3f3">{h}</th>'
        for h in ("#", "Published", "Speaker", "Kind", "Quote", "Article")
    )
    body = []
    for i, (_, r) in enumerate(rows.iterrows()):
        who = highlight(r["speaker"] or UNKNOWN, needle)
        extra = ", ".join(
            str(v)
            for v in (r.get("speaker_role"), r.get("speaker_country"))
            if _present(v) and str(v) != str(r["speaker"])
        )
        if extra:
            who += f'<br><small style="color:#555">{html.escape(extra)}</small>'
        title = r["title"] if _present(r["title"]) else r["article_id"]
        outlet = (
            f'<br><small style="color:#555">{html.escape(_first_line(str(r["outlet"]), 24))}'
            "</small>"
            if _present(r["outlet"])
            else ""
        )
        body.append(
            "<tr>"
            f'<td style="{_CELL};color:#777">{first + i}</td>'
            f'<td style="{_CELL};white-space:nowrap">{_fmt_date(r["published"])}{outlet}</td>'
            f'<td style="{_CELL};min-width:110px">{who}</td>'
            f'<td style="{_CELL}">{html.escape(str(r["kind"]) if _present(r["kind"]) else "")}</td>'
            f'<td style="{_CELL}">{highlight(r["quote"], needle)}</td>'
            f'<td style="{_CELL};min-width:120px;max-width:240px">'
            f"{safe_link(r['url'], _first_line(str(title), 50), str(title))}</td>"
            "</tr>"
        )
    return (
        '<table class="statement-results" style="border-collapse:collapse;width:100%;'
        f'font-size:13px;line-height:1.35"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The blank-line-separated paragraph holding text[start:end], with offsets inside it."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    return text[para_start:para_end], start - para_start, end - para_start


def _detail_html(st: pd.Series, art: Any) -> str:
    def get(key: str) -> Any:
        try:
            value = art[key]
        except (KeyError, TypeError):
            return None
        return value if _present(value) else None

    quote = st["quote"] if _present(st["quote"]) else ""
    text = get("text") or ""
    start, end = st["start"], st["end"]
    field = st["field"] if _present(st["field"]) else "text"
    source = text if field == "text" else (get("title") or "")
    if (
        _present(start)
        and _present(end)
        and 0 <= int(start) <= int(end) <= len(source)
        and source[int(start) : int(end)] == quote
    ):
        para, a, b = _paragraph_around(source, int(start), int(end))
        body = (
            html.escape(para[:a]) + f"<mark>{html.escape(para[a:b])}</mark>" + html.escape(para[b:])
        )
    else:
        context = st["sentence"] if _present(st["sentence"]) else quote
        body = highlight(context, quote) if quote else html.escape(str(context))
    title = get("title") or st["article_id"]
    meta = " · ".join(
        html.escape(str(v)) for v in (_fmt_date(get("published")), get("outlet")) if v
    )
    who = html.escape(str(st["speaker"] or UNKNOWN))
    cue_text = str(st.get("cue")) if _present(st.get("cue")) else ""
    cue = f" ({html.escape(cue_text)})" if re.search(r"\w", cue_text) else ""
    return (
        '<div class="statement-detail" style="border-left:4px solid #1f77b4;'
        'padding:6px 12px;margin:6px 0;background:#fafafa;line-height:1.4">'
        f"<div><b>{safe_link(get('url'), str(title))}</b></div>"
        f'<div style="color:#555;font-size:12px">{meta}</div>'
        f'<div style="margin-top:4px"><b>{who}</b>{cue}</div>'
        f'<p style="margin:6px 0;line-height:1.5">{body}</p></div>'
    )


# --------------------------------------------------------------------------------------------
# Article loader

LoadedCallback = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], Any]

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArticleLoader:
    """Add an article from a file, pasted text or a URL: saved, loaded, extracted, announced.

    ``on_loaded(articles, statements, events)`` receives the frames of the new article(s).
    Existing files are never overwritten.
    """

    def __init__(
        self,
        directory: str | Path | None = None,
        on_loaded: LoadedCallback | None = None,
    ) -> None:
        self.directory = Path(directory) if directory else project_root() / "data" / "articles"
        self.on_loaded = on_loaded
        self.last_path: Path | None = None
        wide = W.Layout(width="98%")
        self.upload = W.FileUpload(accept=".txt,.md,.html,.htm", multiple=True)
        self.upload_button = W.Button(description="Add uploaded file(s)", icon="upload")
        self.text_area = W.Textarea(
            placeholder="Paste the article's text here", rows=10, layout=wide
        )
        self.title_box = W.Text(description="Title", layout=wide)
        self.outlet_box = W.Text(description="Outlet", layout=wide)
        self.date_box = W.Text(description="Date", placeholder="YYYY-MM-DD", layout=wide)
        self.url_box = W.Text(description="URL", placeholder="https://…", layout=wide)
        self.paste_button = W.Button(description="Save and add", icon="save")
        self.fetch_box = W.Text(description="URL", placeholder="https://…", layout=wide)
        self.fetch_button = W.Button(description="Fetch and add", icon="globe")
        self.status = W.HTML()
        self.upload_button.on_click(lambda _: self.add_uploads())
        self.paste_button.on_click(lambda _: self.add_pasted())
        self.fetch_button.on_click(lambda _: self.add_url())
        for box in (self.title_box, self.outlet_box, self.date_box, self.url_box, self.fetch_box):
            box.style.description_width = "60px"
        tabs = W.Tab(
            children=[
                W.VBox(
                    [
                        self.text_area,
                        self.title_box,
                        self.outlet_box,
                        self.date_box,
                        self.url_box,
                        self.paste_button,
                    ]
                ),
                W.VBox([W.HBox([self.upload, self.upload_button])]),
                W.VBox([self.fetch_box, self.fetch_button]),
            ]
        )
        for i, name in enumerate(("Paste text", "Upload file", "From URL")):
            tabs.set_title(i, name)
        for widget, name in (
            (self.text_area, "article-text"),
            (self.title_box, "article-title"),
            (self.outlet_box, "article-outlet"),
            (self.date_box, "article-date"),
            (self.url_box, "article-url"),
            (self.paste_button, "article-save"),
            (self.status, "article-status"),
        ):
            widget.add_class(name)
        self.widget = W.VBox(
            [
                W.HTML(
                    f"New articles are saved to <code>{html.escape(str(self.directory))}</code>"
                ),
                tabs,
                self.status,
            ],
            layout=W.Layout(max_width="900px"),
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def _say(self, text: str, ok: bool) -> bool:
        self.status.value = _message(text, ok)
        return ok

    def add_pasted(self) -> bool:
        """Save the pasted text with its title, outlet, date and URL; True when added."""
        from analysis.articles import ArticleError, save_article

        text = self.text_area.value.strip()
        title = self.title_box.value.strip()
        date = self.date_box.value.strip()
        url = self.url_box.value.strip()
        if not text:
            return self._say("The text box is empty: paste the article's text first.", False)
        if not title:
            return self._say("Give the article a title (it names the saved file).", False)
        if date and not _valid_date(date):
            return self._say(f"Date '{date}' is not a real date: write it as YYYY-MM-DD.", False)
        if url and not re.match(r"^https?://\S+$", url):
            return self._say(f"URL '{url}' should start with http:// or https://.", False)
        try:
            path = save_article(
                text,
                title=title,
                outlet=self.outlet_box.value.strip() or None,
                published=date or None,
                url=url or None,
                directory=self.directory,
            )
        except (ArticleError, OSError) as exc:
            return self._say(_one_line(exc), False)
        if self._load(path):
            self.text_area.value = ""
            return True
        return False

    def add_uploads(self) -> bool:
        """Save the uploaded files as they are (never overwriting) and add them; True if all ok."""
        files = list(self.upload.value)
        if not files:
            return self._say("Choose a file with the Upload button first.", False)
        ok = True
        for f in files:
            name = Path(str(f["name"])).name
            if not re.match(r"^[\w][\w .()-]*\.(txt|md|html?)$", name, re.I):
                ok = self._say(f"'{name}': use a .txt, .md or .html file with a plain name.", False)
                continue
            target = self.directory / name
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                with open(target, "xb") as fh:
                    fh.write(bytes(f["content"]))
            except FileExistsError:
                ok = self._say(
                    f"{target} already exists: rename your file or remove the old one.", False
                )
                continue
            except OSError as exc:
                ok = self._say(f"Could not save {target}: {exc}", False)
                continue
            ok = self._load(target) and ok
        self.upload.value = ()
        return ok

    def add_url(self, url: str | None = None) -> bool:
        """Fetch an article from a URL, save it with front matter and add it; True when added."""
        from analysis.articles import ArticleError, load_article, save_article

        url = (url if url is not None else self.fetch_box.value).strip()
        if not re.match(r"^https?://\S+$", url):
            return self._say(f"'{url}' is not a web address: start it with https://.", False)
        try:
            record = load_article(url)
        except Exception as exc:  # noqa: BLE001 - any fetch failure becomes one line
            return self._say(f"Could not load {url}: {_one_line(exc)}", False)
        published = record.get("published")
        try:
            path = save_article(
                record["text"],
                title=record.get("title") or url,
                outlet=record.get("outlet"),
                published=_fmt_date(published) or None,
                url=record.get("url") or url,
                language=record.get("language"),
                directory=self.directory,
            )
        except (ArticleError, OSError) as exc:
            return self._say(_one_line(exc), False)
        if self._load(path):
            self.fetch_box.value = ""
            return True
        return False

    def _load(self, path: Path) -> bool:
        from analysis.articles import load_articles
        from analysis.pipeline import extract

        articles = load_articles(path)
        errors = articles.attrs.get("errors") or []
        if articles.empty:
            why = errors[0]["error"] if errors else "no article found in it"
            return self._say(f"Saved {path} but could not read it: {why}", False)
        statements, events = extract(articles)
        self.last_path = Path(path)
        if self.on_loaded is not None:
            self.on_loaded(articles, statements, events)
        title = articles["title"].iloc[0] or Path(path).name
        return self._say(
            f"Added '{title}' ({len(statements)} statements, {len(events)} events), "
            f"saved as {path}.",
            True,
        )


def _valid_date(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text


# --------------------------------------------------------------------------------------------
# Timeline explorer


class TimelineExplorer:
    """Pick mechanisms and a date range; the suspension timeline is redrawn in place."""

    def __init__(
        self,
        treaty: Any,
        events: pd.DataFrame | None = None,
        articles: pd.DataFrame | None = None,
        *,
        start: Any = None,
        end: Any = None,
    ) -> None:
        self.treaty = treaty
        self.events = events
        self.articles = articles
        self.figure: Any = None
        self.out = W.Output(layout=W.Layout(min_height="300px"))
        mechanisms = self._mechanisms()
        self.mechanism_boxes: dict[str, W.Checkbox] = {}
        self.mechanism_row = W.HBox(layout=W.Layout(flex_flow="row wrap"))
        self._add_mechanism_boxes(mechanisms)
        years = self._years()
        options = [(str(y), pd.Timestamp(year=y, month=1, day=1)) for y in years]
        lo, hi = _to_timestamp(start), _to_timestamp(end)
        first = options[0][1] if options else None
        last = options[-1][1] if options else None
        if lo is not None and options:
            first = max((v for _, v in options if v <= lo), default=options[0][1])
        if hi is not None and options:
            last = min((v for _, v in options if v >= hi.normalize()), default=options[-1][1])
        self.range_slider = W.SelectionRangeSlider(
            options=options or [("-", pd.Timestamp("2000-01-01"))],
            index=(0, 0),
            description="Years",
            continuous_update=False,
            layout=W.Layout(width="95%"),
        )
        if options:
            self.range_slider.value = (first, last)
        self.range_slider.observe(self._redraw, names="value")
        self.widget = W.VBox(
            [
                self.mechanism_row,
                self.range_slider,
                self.out,
            ]
        )
        self.redraw()

    def _mechanisms(self) -> list[str]:
        found: set[str] = set()
        for frame in (
            getattr(self.treaty, "mechanism_status", None),
            getattr(self.treaty, "events", None),
            self.events,
        ):
            if frame is not None and "mechanism" in frame.columns:
                found.update(str(m) for m in frame["mechanism"].dropna().unique())
        return sorted(found, key=_mechanism_order)

    def _years(self) -> list[int]:
        dates: list[pd.Series] = []
        status = getattr(self.treaty, "mechanism_status", None)
        if status is not None:
            dates += [pd.to_datetime(status[c], errors="coerce") for c in ("start", "end")]
        for frame in (getattr(self.treaty, "events", None), self.events):
            if frame is not None and "date" in frame.columns:
                dates.append(pd.to_datetime(frame["date"], errors="coerce"))
        values = pd.concat(dates).dropna() if dates else pd.Series(dtype="datetime64[ns]")
        if values.empty:
            return []
        today = pd.Timestamp.today()
        return list(range(values.min().year, max(values.max().year, today.year) + 1))

    def selected_mechanisms(self) -> list[str]:
        """Mechanisms whose box is ticked."""
        return [m for m, box in self.mechanism_boxes.items() if box.value]

    def set_view(
        self, *, mechanisms: Sequence[str] | None = None, start: Any = None, end: Any = None
    ) -> None:
        """Set mechanisms and/or the year range from Python, then redraw once."""
        self._hold = True
        try:
            if mechanisms is not None:
                for m, box in self.mechanism_boxes.items():
                    box.value = m in set(mechanisms)
            if start is not None or end is not None:
                opts = [v for _, v in self.range_slider.options]
                lo, hi = self.range_slider.value
                if start is not None:
                    s = pd.Timestamp(start)
                    lo = max((v for v in opts if v <= s), default=opts[0])
                if end is not None:
                    e = pd.Timestamp(end)
                    hi = min((v for v in opts if v >= e), default=opts[-1])
                self.range_slider.value = (lo, hi)
        finally:
            self._hold = False
        self.redraw()

    def update(
        self,
        *,
        events: pd.DataFrame | None = None,
        articles: pd.DataFrame | None = None,
        treaty: Any = None,
    ) -> None:
        """New data (e.g. an article was added): redraw with the current choices."""
        if events is not None:
            self.events = events
        if articles is not None:
            self.articles = articles
        if treaty is not None:
            self.treaty = treaty
        self._add_mechanism_boxes(self._mechanisms())
        self.redraw()

    def _add_mechanism_boxes(self, mechanisms: Iterable[str]) -> None:
        """A ticked box for each mechanism not offered yet (e.g. from a newly added article)."""
        for m in mechanisms:
            if m in self.mechanism_boxes:
                continue
            box = W.Checkbox(
                value=True,
                description=m.replace("_", " "),
                indent=False,
                layout=W.Layout(width="auto", margin="0 12px 0 0"),
            )
            box.observe(self._redraw, names="value")
            self.mechanism_boxes[m] = box
        order = sorted(self.mechanism_boxes, key=_mechanism_order)
        self.mechanism_boxes = {m: self.mechanism_boxes[m] for m in order}
        self.mechanism_row.children = [self.mechanism_boxes[m] for m in order]

    _hold = False

    def _redraw(self, _change: dict | None = None) -> None:
        if not self._hold:
            self.redraw()

    def filtered_data(self) -> tuple[Any, pd.DataFrame | None]:
        """The treaty record and article events restricted to the ticked mechanisms."""
        keep = set(self.selected_mechanisms())

        def only(frame: pd.DataFrame | None) -> pd.DataFrame | None:
            if frame is None or "mechanism" not in frame.columns:
                return frame
            return frame[frame["mechanism"].astype(object).isin(keep)]

        treaty = self.treaty
        if dataclasses.is_dataclass(treaty) and not isinstance(treaty, type):
            changes = {
                name: only(getattr(treaty, name))
                for name in ("events", "mechanism_status")
                if hasattr(treaty, name)
            }
            treaty = dataclasses.replace(treaty, **changes)
        return treaty, only(self.events)

    def redraw(self) -> None:
        """Draw the timeline for the current choices into the output area."""
        import matplotlib.pyplot as plt

        from analysis import charts

        treaty, events = self.filtered_data()
        lo, hi = self.range_slider.value
        if not self.selected_mechanisms():
            self._show({"text/html": "<i>Tick at least one mechanism.</i>"})
            return
        try:
            window = {"start": lo, "end": hi + pd.offsets.YearEnd(0)}
            if "mechanisms" in inspect.signature(charts.timeline).parameters:
                # the chart drops the unticked lanes itself
                window["mechanisms"] = self.selected_mechanisms()
            fig = charts.timeline(treaty, events, self.articles, **window)
        except Exception as exc:  # noqa: BLE001 - shown to the analyst as one line
            self._show(
                {"text/html": _message(f"Could not draw the timeline: {_one_line(exc)}", False)}
            )
            return
        self.figure = fig
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight")
        plt.close(fig)
        self._show({"image/png": base64.b64encode(buf.getvalue()).decode("ascii")})

    def _show(self, data: dict[str, str]) -> None:
        """Replace the output area's content in one update (no flicker, works without a kernel)."""
        data.setdefault("text/plain", "timeline")
        self.out.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# --------------------------------------------------------------------------------------------
# Workbench: loader -> explorer + timeline


class Workbench:
    """The loader, statement explorer and timeline sharing one set of articles.

    Adding an article in ``workbench.loader`` refreshes ``workbench.explorer`` and
    ``workbench.timeline`` without re-running the notebook.
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        statements: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
        *,
        treaty: Any = None,
        directory: str | Path | None = None,
        export_dir: str | Path | None = None,
        start: Any = None,
        end: Any = None,
    ) -> None:
        if statements is None or events is None:
            from analysis.pipeline import extract

            statements, events = extract(articles)
        self.articles, self.statements, self.events = articles, statements, events
        self.explorer = StatementExplorer(statements, articles, events, export_dir=export_dir)
        self.timeline = (
            TimelineExplorer(treaty, events, articles, start=start, end=end)
            if treaty is not None
            else None
        )
        self.loader = ArticleLoader(directory, on_loaded=self.add)
        parts = [self.loader.widget, self.explorer.widget]
        if self.timeline is not None:
            parts.append(self.timeline.widget)
        self.widget = W.VBox(parts)

    def add(self, articles: pd.DataFrame, statements: pd.DataFrame, events: pd.DataFrame) -> None:
        """Add new articles with their statements and events, replacing same-id articles."""
        ids = set(articles["article_id"])
        keep_a = self.articles[~self.articles["article_id"].isin(ids)]
        keep_s = self.statements[~self.statements["article_id"].isin(ids)]
        keep_e = self.events[~self.events["article_id"].isin(ids)]
        self.articles = _concat(keep_a, articles)
        self.statements = _concat(keep_s, statements)
        self.events = _concat(keep_e, events)
        self.explorer.update(self.statements, self.articles, self.events)
        if self.timeline is not None:
            self.timeline.update(events=self.events, articles=self.articles)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def _concat(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    if old.empty:
        return new.reset_index(drop=True)
    if new.empty:
        return old.reset_index(drop=True)
    out = pd.concat([old, new], ignore_index=True)
    for col in old.columns:
        if isinstance(old[col].dtype, pd.CategoricalDtype):
            out[col] = pd.Categorical(out[col], categories=old[col].cat.categories)
    return out
