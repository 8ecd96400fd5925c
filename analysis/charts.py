"""Report-quality charts of the treaty record and the loaded articles, in one house style.

Every chart function takes frames (or a treaty record) and returns a matplotlib
``Figure``; nothing is shown or saved until you ask (``save_chart``). Figures are
built without pyplot, so a notebook shows each chart once, inline, and scripts
need no display.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

from analysis.paths import FIGURES_DIR

# --------------------------------------------------------------------------- house style

#: The Okabe–Ito palette, safe for the common forms of colour blindness.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: One colour per mechanism status, the same in every chart.
STATUS_COLORS: dict[str, str] = {
    "active": OKABE_ITO["bluish_green"],
    "paused": OKABE_ITO["orange"],
    "suspended": OKABE_ITO["vermillion"],
    "ended": "#8C8C8C",
}

#: BCC session outcomes, coloured like the statuses they mean.
BCC_COLORS: dict[str, str] = {
    "held": STATUS_COLORS["active"],
    "postponed": STATUS_COLORS["paused"],
    "cancelled": STATUS_COLORS["suspended"],
}

PARTY_COLORS: dict[str, str] = {"US": OKABE_ITO["blue"], "Russia": OKABE_ITO["reddish_purple"]}
PARTY_NAMES: dict[str, str] = {"US": "United States", "Russia": "Russia"}
PARTY_ADJECTIVES: dict[str, str] = {"US": "US", "Russia": "Russian"}

#: Timeline lanes, top to bottom, with the words a reader sees.
LANES: dict[str, str] = {
    "treaty": "Treaty (New START)",
    "inspections": "On-site inspections",
    "bcc": "Consultative Commission",
    "data_exchange": "Data exchanges",
    "notifications": "Notifications",
    "strategic_dialogue": "Strategic dialogue",
    "open_skies_flights": "Open Skies flights",
    "other": "Other",
}

MEASURES: dict[str, str] = {
    "deployed_warheads": "Deployed warheads",
    "deployed_launchers": "Deployed launchers (ICBMs, SLBMs, heavy bombers)",
    "total_launchers": "Deployed and non-deployed launchers",
}

INSPECTION_QUOTA = 18
INK = "#222222"
MUTED = "#5A5A5A"
NO_DATA = "#B0B0B0"

#: Default sizes in inches: a report column is about 6.5 in wide; slides scale them up.
SIZE_WIDE = (8.0, 5.2)
SIZE_STANDARD = (7.5, 4.6)
SIZE_TALL = (7.5, 7.6)

HOUSE_RC: dict[str, Any] = {
    # Article text (speakers, outlets) is drawn as written: "$" is a dollar, not mathtext.
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 9.5,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.labelcolor": INK,
    "axes.edgecolor": "#888888",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "axes.grid": False,
    "grid.color": "#E3E3E3",
    "grid.linewidth": 0.7,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}

_TITLE_PT = 13.0
_SUBTITLE_PT = 9.0
_SOURCE_PT = 7.0
_MARGIN_IN = 0.12

#: Event labels: actions said without an actor ...
PASSIVE_WORDS: dict[str, str] = {
    "sign": "Signed",
    "enter_into_force": "In force",
    "extend": "Extended",
    "expire": "Expires",
}
#: ... and verbs after an actor (singular, plural).
ACTION_VERBS: dict[str, tuple[str, str]] = {
    "pause": ("pauses", "pause"),
    "suspend": ("suspends", "suspend"),
    "ban": ("bars", "bar"),
    "postpone": ("postpones", "postpone"),
    "resume": ("resumes", "resume"),
    "withdraw": ("withdraws", "withdraw"),
    "propose": ("proposes", "propose"),
}

#: Which recorded events earn a label first (lower = more important).
ACTION_PRIORITY: dict[str, int] = {
    "suspend": 0,
    "expire": 1,
    "ban": 2,
    "enter_into_force": 3,
    "withdraw": 3,
    "pause": 4,
    "extend": 4,
    "postpone": 5,
    "sign": 6,
    "resume": 6,
    "propose": 7,
    "other": 9,
}


def _house(func: Callable[..., Figure]) -> Callable[..., Figure]:
    """Build the chart under the house rcParams without touching the caller's settings."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        with mpl.rc_context(HOUSE_RC):
            return func(*args, **kwargs)

    return wrapper


def _wrap(text: str, width_in: float, size_pt: float) -> list[str]:
    """Lines of ``text`` that fit ``width_in`` inches at ``size_pt`` points."""
    if not text:
        return []
    chars = max(20, int(width_in * 72 / (0.56 * size_pt)))
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(textwrap.wrap(para, chars) or [""])
    return lines


class ChartFigure(Figure):
    """A figure that shows itself in Jupyter, with or without pyplot imported."""

    def _repr_png_(self) -> bytes:
        return figure_png(self, dpi=110)


def new_figure(
    title: str,
    subtitle: str = "",
    source: str = "",
    *,
    size: tuple[float, float] = SIZE_STANDARD,
) -> Figure:
    """An empty house-style figure: title and subtitle on top, source line at the bottom.

    The axes area is laid out by constrained layout inside the band left between the
    header and the footer, so nothing overlaps them.
    """
    fig = ChartFigure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    width, height = size
    text_w = width - 2 * _MARGIN_IN
    title_lines = _wrap(title, text_w, _TITLE_PT)
    sub_lines = _wrap(subtitle, text_w, _SUBTITLE_PT)
    src_lines = _wrap(source, text_w, _SOURCE_PT)
    line = 1.3 / 72
    header = _MARGIN_IN + len(title_lines) * _TITLE_PT * line
    y = 1 - _MARGIN_IN / height
    fig.text(
        _MARGIN_IN / width,
        y,
        "\n".join(title_lines),
        ha="left",
        va="top",
        fontsize=_TITLE_PT,
        fontweight="bold",
        color=INK,
        gid="chart-title",
    )
    if sub_lines:
        header += 0.05 + len(sub_lines) * _SUBTITLE_PT * line
        fig.text(
            _MARGIN_IN / width,
            1 - (_MARGIN_IN + len(title_lines) * _TITLE_PT * line + 0.05) / height,
            "\n".join(sub_lines),
            ha="left",
            va="top",
            fontsize=_SUBTITLE_PT,
            color=MUTED,
            gid="chart-subtitle",
        )
    footer = _MARGIN_IN * 0.6
    if src_lines:
        footer += len(src_lines) * _SOURCE_PT * line + 0.04
        fig.text(
            _MARGIN_IN / width,
            _MARGIN_IN * 0.6 / height,
            "\n".join(src_lines),
            ha="left",
            va="bottom",
            fontsize=_SOURCE_PT,
            color=MUTED,
            gid="chart-source",
        )
    header += 0.08
    fig.get_layout_engine().set(
        rect=(0.0, footer / height, 1.0, 1 - (header + footer) / height),
        w_pad=0.06,
        h_pad=0.06,
    )
    fig.chart_meta = {"title": title, "subtitle": subtitle, "source": source}
    return fig


def no_data(ax: Any, message: str = "No data") -> None:
    """Replace an axes' content with a clear 'no data' message."""
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=11,
        color=MUTED,
        gid="no-data",
        wrap=True,
    )


def human_date(value: Any, precision: str = "day") -> str:
    """'5 Feb 2026', 'Feb 2026' or '2026'; '' for a missing date."""
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    if precision == "year":
        return f"{ts.year}"
    if precision == "month":
        return ts.strftime("%b %Y")
    return f"{ts.day} {ts.strftime('%b %Y')}"


def _date_axis(ax: Any) -> None:
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    formatter = mdates.ConciseDateFormatter(locator, show_offset=False)
    formatter.formats = ["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%S"]
    formatter.zero_formats = ["", "%Y", "%b", "%d %b", "%H:%M", "%H:%M"]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def _thousands(x: float, _pos: Any = None) -> str:
    return f"{x:,.0f}"


# --------------------------------------------------------------------------- data helpers


def _table(treaty: Any, name: str) -> pd.DataFrame:
    """A table of the record, or an empty frame when the record or table is missing."""
    df = getattr(treaty, name, None) if treaty is not None else None
    if isinstance(df, pd.DataFrame):
        return df
    return pd.DataFrame()


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce")


def _domain(url: Any) -> str:
    if not isinstance(url, str) or not url.strip():
        return ""
    host = urlparse(url.strip()).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def _publishers(treaty: Any) -> dict[str, str]:
    """Domain -> publisher name, from the record's sources table when it names them."""
    sources = _table(treaty, "sources")
    if sources.empty:
        return {}
    name_col = next(
        (
            c
            for c in ("publisher", "outlet", "organisation", "organization", "name")
            if c in sources.columns
        ),
        None,
    )
    url_col = next((c for c in ("url", "source_url", "domain") if c in sources.columns), None)
    if name_col is None or url_col is None:
        return {}
    out: dict[str, str] = {}
    for url, name in zip(sources[url_col], sources[name_col], strict=False):
        dom = _domain(url) if "/" in str(url) else str(url).lower().removeprefix("www.")
        if dom and isinstance(name, str) and name.strip():
            out.setdefault(dom, name.strip())
    return out


def source_urls(treaty: Any, tables: Iterable[str]) -> list[str]:
    """The distinct source URLs behind the given tables of the record, in first-seen order."""
    seen: dict[str, None] = {}
    for name in tables:
        df = _table(treaty, name)
        if "source_url" in df.columns:
            for url in df["source_url"].dropna():
                for part in re.split(r"[\s;|]+", str(url)):
                    if part.startswith(("http://", "https://")):
                        seen.setdefault(part, None)
    return list(seen)


def source_line(
    treaty: Any, tables: Iterable[str], extra: Sequence[str] = (), *, max_names: int = 6
) -> str:
    """'Sources: US Department of State; ...' naming the publishers behind the tables,
    most cited first; beyond ``max_names`` the rest are counted, not named."""
    names = _publishers(treaty)
    counts: dict[str, int] = {}
    for name in tables:
        df = _table(treaty, name)
        if "source_url" not in df.columns:
            continue
        for cell in df["source_url"].dropna():
            for url in re.split(r"[\s;|]+", str(cell)):
                if url.startswith(("http://", "https://")):
                    dom = _domain(url)
                    pub = names.get(dom) or _match_parent(names, dom) or dom
                    counts[pub] = counts.get(pub, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])
    shown = ranked if len(ranked) <= max_names + 1 else ranked[:max_names]
    more = len(ranked) - len(shown)
    shown += [item for item in extra if item and item not in shown]
    if not shown:
        return "Source: no sources recorded. Chart: arms-control workbook."
    label = "Source" if len(shown) == 1 and not more else "Sources"
    tail = f"; and {more} more (see the record's sources table)" if more else ""
    return f"{label}: " + "; ".join(shown) + tail + ". Chart: arms-control workbook."


def _match_parent(names: dict[str, str], dom: str) -> str | None:
    for known, name in names.items():
        if dom.endswith("." + known):
            return name
    return None


def as_date(value: Any, *, end: bool = False) -> pd.Timestamp:
    """A date from '2020-01-01', a datetime, or a year (2020: 1 January, or 31 December
    when ``end``)."""
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return pd.Timestamp(year=int(value), month=12 if end else 1, day=31 if end else 1)
    return pd.Timestamp(value)


def _xlim(ax: Any, start: Any, end: Any, lo: pd.Timestamp, hi: pd.Timestamp) -> None:
    left = as_date(start) if start is not None else lo
    right = as_date(end, end=True) if end is not None else hi
    ax.set_xlim(mdates.date2num(left), mdates.date2num(right))


# --------------------------------------------------------------------------- label placement


class _Placer:
    """Greedy label placement: try a few offsets, keep the first that collides with nothing."""

    def __init__(self, fig: Figure, ax: Any) -> None:
        self.fig = fig
        self.ax = ax
        self.renderer = fig.canvas.get_renderer()
        self.ax_box = ax.get_window_extent(self.renderer)
        self.taken: list[Any] = []

    def block(self, bbox: Any) -> None:
        self.taken.append(bbox)

    def place(
        self,
        x: float,
        y: float,
        text: str,
        offsets: Sequence[tuple[float, float, str]],
        **kw: Any,
    ) -> Any | None:
        for dx, dy, ha in offsets:
            ann = self.ax.annotate(
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va="bottom" if dy >= 0 else "top",
                annotation_clip=False,
                **kw,
            )
            ann.set_in_layout(False)
            box = ann.get_window_extent(self.renderer).expanded(1.06, 1.15)
            inside = (
                box.x0 >= self.ax_box.x0
                and box.x1 <= self.ax_box.x1
                and box.y0 >= self.ax_box.y0
                and box.y1 <= self.ax_box.y1
            )
            if inside and not any(box.overlaps(other) for other in self.taken):
                self.taken.append(box)
                return ann
            ann.remove()
        return None


# --------------------------------------------------------------------------- 1. timeline


def _lane_of(mechanism: Any) -> str:
    return mechanism if isinstance(mechanism, str) and mechanism in LANES else "other"


def _event_label(row: pd.Series) -> str:
    """'Russia suspends, Feb 2023', 'INF: US withdraws, Aug 2019', 'In force, Feb 2011'."""
    action = str(row.get("action") or "other")
    actor = row.get("actor")
    actor = str(actor).strip() if isinstance(actor, str) else ""
    if action in PASSIVE_WORDS or not actor:
        head = PASSIVE_WORDS.get(action) or action.replace("_", " ").capitalize()
    else:
        singular, plural = ACTION_VERBS.get(action, (action, action))
        head = f"{actor} {plural if ' and ' in actor else singular}"
    treaty = row.get("treaty")
    if isinstance(treaty, str) and treaty.strip() and treaty not in ("New START", "none"):
        head = f"{treaty}: {head}"
    precision = str(row.get("date_precision") or "day")
    return f"{head}, {human_date(row['date'], 'year' if precision == 'year' else 'month')}"


@_house
def timeline(
    treaty: Any,
    events: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    start: Any = None,
    end: Any = None,
    *,
    mechanisms: Sequence[str] | None = None,
    size: tuple[float, float] = SIZE_WIDE,
) -> Figure:
    """Mechanism timeline: status periods per mechanism, recorded events, the articles' events.

    ``events`` are the events extracted from the loaded articles (drawn as triangles in
    their lane at their resolved date); ``articles`` gives the publication dates (dashed
    lines). ``start``/``end`` zoom the date axis; ``mechanisms`` keeps only those lanes.
    """
    status = _table(treaty, "mechanism_status").copy()
    rec_events = _table(treaty, "events").copy()
    art_events = events.copy() if isinstance(events, pd.DataFrame) else pd.DataFrame()
    published = (
        _dates(articles["published"]).dropna()
        if isinstance(articles, pd.DataFrame) and "published" in articles.columns
        else pd.Series(dtype="datetime64[ns]")
    )
    today = pd.Timestamp.today().normalize()

    for df, cols in ((status, ("start", "end")), (rec_events, ("date",)), (art_events, ("date",))):
        for col in cols:
            if col in df.columns:
                df[col] = _dates(df[col])
    if not status.empty:
        status = status.dropna(subset=["start"])
    if "date" in rec_events.columns:
        rec_events = rec_events.dropna(subset=["date"])
    undated = 0
    if "date" in art_events.columns:
        undated = int(art_events["date"].isna().sum())
        art_events = art_events.dropna(subset=["date"])
    else:
        undated = len(art_events)
        art_events = pd.DataFrame()
    keep = None if mechanisms is None else [m for m in LANES if m in set(mechanisms)]
    if keep is not None:
        status, rec_events, art_events = (
            df[df["mechanism"].map(_lane_of).isin(keep)] if "mechanism" in df.columns else df
            for df in (status, rec_events, art_events)
        )

    outlets: list[str] = []
    if isinstance(articles, pd.DataFrame) and "outlet" in articles.columns:
        outlets = [f"{o} (article)" for o in articles["outlet"].dropna().astype(str).unique() if o]
    source = source_line(treaty, ["mechanism_status", "events"], extra=outlets)
    span = ""
    if start is not None or end is not None:
        span = (
            f" Shown: {human_date(as_date(start)) if start is not None else 'start'} to "
            f"{human_date(as_date(end, end=True)) if end is not None else 'today'}."
        )
    fig = new_figure(
        "New START's machinery: what ran, what paused, what stopped",
        "Bars: status of each mechanism over time. Circles: events in the treaty record; "
        "triangles: events reported in the loaded article(s); dashed line: publication date."
        + span
        + (f" Not shown: {undated} article event(s) without a resolved date." if undated else ""),
        source,
        size=size,
    )
    ax = fig.add_subplot()
    if status.empty and rec_events.empty and art_events.empty:
        no_data(ax, "No data: the treaty record has no status periods or events to show.")
        return fig

    used = set()
    for frame in (status, rec_events, art_events):
        if "mechanism" in frame.columns:
            used.update(_lane_of(m) for m in frame["mechanism"])
    lanes = [m for m in LANES if m != "other" or "other" in used]
    if keep is not None:
        lanes = [m for m in lanes if m in keep] or keep
    ypos = {m: len(lanes) - 1 - i for i, m in enumerate(lanes)}

    all_dates = pd.concat(
        [
            status["start"] if "start" in status.columns else pd.Series(dtype="datetime64[ns]"),
            status["end"].dropna()
            if "end" in status.columns
            else pd.Series(dtype="datetime64[ns]"),
            rec_events.get("date", pd.Series(dtype="datetime64[ns]")),
            art_events.get("date", pd.Series(dtype="datetime64[ns]")),
            published,
        ]
    ).dropna()
    lo = all_dates.min() - pd.Timedelta(days=200)
    hi = max(all_dates.max(), today) + pd.Timedelta(days=200)

    bar_h = 0.36
    for _, row in status.iterrows():
        lane = _lane_of(row.get("mechanism"))
        st = str(row.get("status") or "").lower()
        stop = row["end"] if pd.notna(row.get("end")) else max(today, row["start"])
        width = mdates.date2num(stop) - mdates.date2num(row["start"])
        ax.broken_barh(
            [(mdates.date2num(row["start"]), max(width, 2.0))],
            (ypos[lane] - bar_h / 2, bar_h),
            facecolors=STATUS_COLORS.get(st, NO_DATA),
            edgecolor="white",
            linewidth=0.6,
            gid=f"status-{st}",
        )

    drawn = set(status["mechanism"].map(_lane_of)) if "mechanism" in status.columns else set()
    for frame in (rec_events, art_events):
        if "mechanism" in frame.columns:
            drawn |= set(frame["mechanism"].map(_lane_of))
    for lane, y in ypos.items():
        if lane not in drawn:
            ax.text(
                0.01,
                y,
                "nothing recorded",
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="center",
                fontsize=7.5,
                style="italic",
                color=MUTED,
                gid="empty-lane",
            )
    lane_names = dict(LANES)
    if "treaty" in rec_events.columns and "mechanism" in rec_events.columns:
        others = rec_events.loc[rec_events["mechanism"] == "treaty", "treaty"].dropna()
        if (~others.astype(str).isin(["New START", "none"])).any():
            lane_names["treaty"] = "Treaties (New START\nand others)"
    ax.set_yticks(list(ypos.values()), [lane_names[m] for m in ypos])
    ax.set_ylim(-0.6, len(lanes) - 0.4)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x")
    _date_axis(ax)
    _xlim(ax, start, end, lo, hi)

    for day in sorted(set(published.dt.normalize())):
        ax.axvline(
            mdates.date2num(day), color=INK, linestyle=(0, (4, 3)), linewidth=1.0, gid="published"
        )

    rec_y = []
    if not rec_events.empty:
        rec_y = [ypos[_lane_of(m)] for m in rec_events.get("mechanism", [None] * len(rec_events))]
        ax.scatter(
            mdates.date2num(rec_events["date"]),
            rec_y,
            s=26,
            marker="o",
            facecolor=INK,
            edgecolor="white",
            linewidth=0.7,
            zorder=4,
            gid="record-events",
        )
    if not art_events.empty:
        art_y = [ypos[_lane_of(m)] for m in art_events.get("mechanism", [None] * len(art_events))]
        ax.scatter(
            mdates.date2num(art_events["date"]),
            np.asarray(art_y, dtype=float),
            s=58,
            marker="^",
            facecolor=OKABE_ITO["sky_blue"],
            edgecolor=INK,
            linewidth=0.8,
            zorder=5,
            gid="article-events",
        )

    handles = [Patch(facecolor=STATUS_COLORS[s], label=s.capitalize()) for s in STATUS_COLORS]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=INK,
            markeredgecolor="white",
            markersize=6,
            label="Recorded event",
        )
    )
    if not art_events.empty:
        handles.append(
            Line2D(
                [],
                [],
                marker="^",
                linestyle="",
                markerfacecolor=OKABE_ITO["sky_blue"],
                markeredgecolor=INK,
                markersize=7,
                label="Event in article",
            )
        )
    if not published.empty:
        n = published.dt.normalize().nunique()
        label = (
            f"Article published ({human_date(published.iloc[0])})"
            if n == 1
            else f"Articles published ({n} dates)"
        )
        handles.append(Line2D([], [], color=INK, linestyle=(0, (4, 3)), label=label))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.07),
        ncols=min(len(handles), 4),
        handlelength=1.6,
        columnspacing=1.4,
    )

    fig.canvas.draw()
    _label_events(fig, ax, rec_events, rec_y)
    return fig


def _label_events(fig: Figure, ax: Any, rec_events: pd.DataFrame, rec_y: list[int]) -> None:
    """Label the most important recorded events that fit without overlapping."""
    if rec_events.empty:
        return
    placer = _Placer(fig, ax)
    for tick in ax.get_yticklabels():
        placer.block(tick.get_window_extent(placer.renderer))
    x0, x1 = ax.get_xlim()
    df = rec_events.assign(_y=rec_y, _x=mdates.date2num(rec_events["date"]))
    df = df[(df["_x"] >= x0) & (df["_x"] <= x1)]
    conf_rank = {"high": 0, "medium": 1, "low": 2}
    df = df.assign(
        _p=df.get("action", pd.Series("other", index=df.index))
        .astype(str)
        .map(lambda a: ACTION_PRIORITY.get(a, 9)),
        _c=df.get("confidence", pd.Series("high", index=df.index))
        .astype(str)
        .map(lambda c: conf_rank.get(c, 1)),
        _o=~df.get("treaty", pd.Series("New START", index=df.index))
        .astype(str)
        .isin(["New START", "none", "nan", "<NA>"]),
    ).sort_values(["_o", "_p", "_c", "date"])
    # markers themselves are obstacles
    pts = ax.transData.transform(np.column_stack([df["_x"], df["_y"]])) if len(df) else []
    for px, py in pts:
        placer.block(Bbox.from_extents(px - 3, py - 3, px + 3, py + 3))
    offsets = [
        (0, 7, "center"),
        (0, -7, "center"),
        (-4, 7, "left"),
        (-4, -7, "left"),
        (4, 7, "right"),
        (4, -7, "right"),
    ]
    y0, y1 = ax.get_ylim()
    lane_pt = placer.ax_box.height * 72 / fig.dpi / max(y1 - y0, 1)
    if lane_pt / 2 >= 28:  # room for a second row of labels inside each lane
        offsets += [(dx, 17 if dy > 0 else -17, ha) for dx, dy, ha in offsets]
    placed: set[tuple[int, str]] = set()
    for _, row in df.iterrows():
        text = _event_label(row)
        if row["_p"] >= 9 or (row["_y"], text) in placed:
            continue
        ann = placer.place(
            row["_x"],
            row["_y"],
            text,
            offsets,
            fontsize=7,
            color=INK,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
            zorder=6,
        )
        if ann is not None:
            ann.set_gid("event-label")
            placed.add((row["_y"], text))


# --------------------------------------------------------------------------- 2. inspections


def treaty_year_label(year: int) -> str:
    """'2019–20' for the treaty year that starts on 5 February 2019."""
    return f"{year}\u2013{(year + 1) % 100:02d}"


@_house
def inspections_chart(treaty: Any, *, size: tuple[float, float] = SIZE_STANDARD) -> Figure:
    """On-site inspections per treaty year by inspecting party, with the annual quota."""
    df = _table(treaty, "inspections").copy()
    fig = new_figure(
        "On-site inspections under New START, by treaty year",
        f"Inspections conducted by each party (treaty years start on 5 February); "
        f"dashed line: the annual quota of {INSPECTION_QUOTA} per side. Hatched: no figure "
        "found (not zero). Shading: inspections paused or suspended.",
        source_line(treaty, ["inspections", "mechanism_status"]),
        size=size,
    )
    ax = fig.add_subplot()
    if df.empty or "treaty_year_start" not in df.columns:
        no_data(ax, "No data: the treaty record holds no inspection counts.")
        return fig
    df["year"] = _dates(df["treaty_year_start"]).dt.year
    df = df.dropna(subset=["year"])
    df["year"] = df["year"].astype(int)
    totals = pd.to_numeric(df.get("total"), errors="coerce")
    df["total"] = totals
    y0, y1 = int(df["year"].min()), int(df["year"].max())
    span = _status_span(treaty, "inspections")
    if span is not None:
        y0 = min(y0, _treaty_year(span[0]))
        y1 = max(y1, _treaty_year(span[1] - pd.Timedelta(days=1)))
    years = list(range(y0, y1 + 1))
    parties = [p for p in PARTY_COLORS if p in set(df["inspecting_party"])] or list(PARTY_COLORS)
    parties += [p for p in df["inspecting_party"].dropna().unique() if p not in parties]
    width = 0.8 / len(parties)
    ymax = max(INSPECTION_QUOTA, float(np.nanmax(totals)) if totals.notna().any() else 0) * 1.18
    stub = ymax * 0.14
    missing_any = False
    for j, party in enumerate(parties):
        sub = df[df["inspecting_party"] == party].set_index("year")["total"]
        sub = sub[~sub.index.duplicated(keep="first")]
        color = PARTY_COLORS.get(party, OKABE_ITO["sky_blue"])
        xs, hs, miss = [], [], []
        for i, year in enumerate(years):
            x = i - 0.4 + width * (j + 0.5)
            value = sub.get(year)
            if value is None or pd.isna(value):
                miss.append(x)
            else:
                xs.append(x)
                hs.append(float(value))
        bars = ax.bar(
            xs,
            hs,
            width * 0.92,
            color=color,
            label=PARTY_NAMES.get(party, party),
            gid=f"inspections-{party}",
        )
        ax.bar_label(bars, labels=[f"{h:.0f}" for h in hs], padding=1.5, fontsize=7, color=INK)
        if miss:
            missing_any = True
            ax.bar(
                miss,
                [stub] * len(miss),
                width * 0.92,
                facecolor="white",
                edgecolor=NO_DATA,
                hatch="////",
                linewidth=0.8,
                gid=f"inspections-missing-{party}",
            )
            for x in miss:
                ax.text(x, stub * 1.08, "n/a", ha="center", va="bottom", fontsize=6.5, color=MUTED)

    ax.axhline(INSPECTION_QUOTA, color=INK, linestyle=(0, (5, 3)), linewidth=1, gid="quota")
    ax.text(
        len(years) - 0.5,
        INSPECTION_QUOTA,
        f"Quota: {INSPECTION_QUOTA} a year",
        ha="right",
        va="bottom",
        fontsize=7.5,
        color=INK,
    )
    shade_handles = _shade_status_years(
        ax, treaty, "inspections", pd.Timestamp(year=y0, month=2, day=5), len(years)
    )
    ax.set_xticks(range(len(years)), [treaty_year_label(y) for y in years])
    if len(years) > 8:
        ax.tick_params(axis="x", labelrotation=45)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.set_ylim(0, ymax)
    ax.set_ylabel("Inspections conducted")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y")
    handles, _ = ax.get_legend_handles_labels()
    if missing_any:
        handles.append(
            Patch(facecolor="white", edgecolor=NO_DATA, hatch="////", label="No figure found")
        )
    handles += shade_handles
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncols=len(handles) if len(handles) <= 4 else -(-len(handles) // 2),
        borderaxespad=0.2,
    )
    return fig


def _status_span(treaty: Any, mechanism: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """From the first status period of ``mechanism`` to the day it ended (or today)."""
    status = _table(treaty, "mechanism_status")
    if status.empty or not {"mechanism", "status", "start"} <= set(status.columns):
        return None
    rows = status[status["mechanism"] == mechanism]
    starts = _dates(rows["start"]).dropna()
    if starts.empty:
        return None
    today = pd.Timestamp.today().normalize()
    ended = _dates(rows.loc[rows["status"] == "ended", "start"]).dropna()
    if not ended.empty:
        return starts.min(), min(ended.min(), today)
    ends = _dates(rows["end"]) if "end" in rows.columns else pd.Series(pd.NaT, index=rows.index)
    stop = today if ends.isna().any() else min(ends.max(), today)
    return starts.min(), stop


def _treaty_year(day: pd.Timestamp) -> int:
    return day.year if (day.month, day.day) >= (2, 5) else day.year - 1


def _shade_status_years(
    ax: Any, treaty: Any, mechanism: str, origin: pd.Timestamp, n: int
) -> list[Patch]:
    """Shade a yearly bar axis (bar i covers the year from ``origin`` + i years) where
    ``mechanism`` was paused, suspended or ended."""
    status = _table(treaty, "mechanism_status")
    if status.empty or "mechanism" not in status.columns:
        return []
    rows = status[
        (status["mechanism"] == mechanism) & status["status"].isin(["paused", "suspended", "ended"])
    ]
    seen: dict[str, Patch] = {}
    today = pd.Timestamp.today()
    for _, row in rows.iterrows():
        start = pd.to_datetime(row.get("start"), errors="coerce")
        stop = pd.to_datetime(row.get("end"), errors="coerce")
        if pd.isna(start):
            continue
        stop = today if pd.isna(stop) else stop

        def pos(d: pd.Timestamp) -> float:
            return (d - origin).days / 365.25 - 0.5

        a, b = max(pos(start), -0.6), min(pos(stop), n - 0.4)
        if b - a < 0.25:  # too thin to see
            continue
        color = STATUS_COLORS[row["status"]]
        ax.axvspan(
            a, b, color=color, alpha=0.14, linewidth=0, zorder=0, gid=f"shade-{row['status']}"
        )
        seen.setdefault(
            row["status"], Patch(facecolor=color, alpha=0.3, label=f"{row['status'].capitalize()}")
        )
    return list(seen.values())


# --------------------------------------------------------------------------- 3. BCC


@_house
def bcc_chart(treaty: Any, *, size: tuple[float, float] = SIZE_STANDARD) -> Figure:
    """Bilateral Consultative Commission sessions per year: held vs postponed or cancelled."""
    df = _table(treaty, "bcc_sessions").copy()
    fig = new_figure(
        "Consultative Commission sessions: held, postponed or cancelled",
        "Sessions of the Bilateral Consultative Commission found in public sources, per "
        "calendar year, by outcome. The record is incomplete: \u2013 means none recorded, "
        "not none held. Shading: the Commission paused or suspended.",
        source_line(treaty, ["bcc_sessions"]),
        size=size,
    )
    ax = fig.add_subplot()
    if df.empty or "start" not in df.columns:
        no_data(ax, "No data: the treaty record holds no Commission sessions.")
        return fig
    df["year"] = _dates(df["start"]).dt.year
    df = df.dropna(subset=["year"])
    if df.empty:
        no_data(ax, "No data: no Commission session has a date.")
        return fig
    df["year"] = df["year"].astype(int)
    y0, y1 = int(df["year"].min()), int(df["year"].max())
    span = _status_span(treaty, "bcc")
    if span is not None:
        y0 = min(y0, span[0].year)
        y1 = max(y1, (span[1] - pd.Timedelta(days=1)).year)
    years = list(range(y0, y1 + 1))
    counts = (
        df.assign(status=df["status"].astype(str).str.lower())
        .groupby(["year", "status"])
        .size()
        .unstack(fill_value=0)
        .reindex(years, fill_value=0)
    )
    bottom = np.zeros(len(years))
    for st, color in BCC_COLORS.items():
        if st not in counts.columns:
            continue
        vals = counts[st].to_numpy(dtype=float)
        ax.bar(
            range(len(years)),
            vals,
            0.7,
            bottom=bottom,
            color=color,
            label=st.capitalize(),
            gid=f"bcc-{st}",
        )
        for i, (v, b) in enumerate(zip(vals, bottom, strict=True)):
            if v > 0:
                ax.text(
                    i,
                    b + v / 2,
                    f"{v:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white" if st != "postponed" else INK,
                    fontweight="bold",
                )
        bottom += vals
    for i, total in enumerate(bottom):
        if total == 0:
            ax.text(
                i,
                0.03,
                "\u2013",
                ha="center",
                va="bottom",
                fontsize=12,
                color=MUTED,
                gid="bcc-none",
            )
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    if len(years) > 16:
        ax.tick_params(axis="x", labelrotation=45)
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.set_ylim(0, max(2.5, bottom.max() * 1.2))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Sessions")
    ax.grid(axis="y")
    shade = _shade_status_years(
        ax, treaty, "bcc", pd.Timestamp(year=y0, month=1, day=1), len(years)
    )
    handles, _ = ax.get_legend_handles_labels()
    ax.legend(
        handles=handles + shade,
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncols=len(handles) + len(shade),
        borderaxespad=0.2,
    )
    return fig


# --------------------------------------------------------------------------- 4. aggregates


@_house
def aggregates_chart(treaty: Any, *, size: tuple[float, float] = SIZE_TALL) -> Figure:
    """Declared aggregate numbers by party against the treaty limits, gaps left as gaps."""
    df = _table(treaty, "aggregate_numbers").copy()
    limits = _table(treaty, "limits")
    fig = new_figure(
        "Warheads and launchers declared under New START",
        "Aggregate numbers each party declared in the twice-yearly data exchanges "
        "(1 March, 1 September); dashed lines: the treaty limits. Lines break where the record "
        "holds no figure: nothing is interpolated.",
        source_line(treaty, ["aggregate_numbers", "limits"]),
        size=size,
    )
    if df.empty or "as_of" not in df.columns:
        no_data(fig.add_subplot(), "No data: the treaty record holds no aggregate numbers.")
        return fig
    df["as_of"] = _dates(df["as_of"])
    df = df.dropna(subset=["as_of"]).sort_values("as_of")
    axes = fig.subplots(len(MEASURES), 1, sharex=True)
    lo = df["as_of"].min() - pd.Timedelta(days=120)
    stopped = _status_start(treaty, "data_exchange", ("suspended", "ended"))
    treaty_end = _status_start(treaty, "treaty", ("ended",))
    last_known = df["as_of"].max()
    if stopped is not None:
        last_known = max(last_known, treaty_end if treaty_end is not None else stopped)
    hi = last_known + pd.Timedelta(days=120)
    limit_of = {}
    if not limits.empty and {"measure", "limit"} <= set(limits.columns):
        limit_of = {
            m: float(v)
            for m, v in zip(
                limits["measure"], pd.to_numeric(limits["limit"], errors="coerce"), strict=False
            )
            if pd.notna(v)
        }
    parties = [p for p in PARTY_COLORS if p in set(df["party"])]
    parties += [p for p in df["party"].dropna().unique() if p not in parties]
    last_of: dict[str, pd.Timestamp] = {}
    for ax, (measure, label) in zip(axes, MEASURES.items(), strict=True):
        ax.set_title(label, loc="left", fontsize=9)
        values_all = []
        if measure not in df.columns:
            ax.text(0.5, 0.5, "no figures", transform=ax.transAxes, ha="center", color=MUTED)
            continue
        for party in parties:
            sub = df[df["party"] == party][["as_of", measure]].copy()
            sub[measure] = pd.to_numeric(sub[measure], errors="coerce")
            known = sub.dropna()
            if known.empty:
                continue
            values_all.extend(known[measure].tolist())
            last_of[party] = max(last_of.get(party, known["as_of"].max()), known["as_of"].max())
            xs, ys = _with_breaks(known["as_of"], known[measure])
            ax.plot(
                xs,
                ys,
                color=PARTY_COLORS.get(party, OKABE_ITO["sky_blue"]),
                marker="o",
                markersize=3.2,
                linewidth=1.6,
                label=PARTY_NAMES.get(party, party),
                gid=f"agg-{measure}-{party}",
            )
        limit = limit_of.get(measure)
        if limit is not None:
            ax.axhline(limit, color=INK, linestyle=(0, (5, 3)), linewidth=1, gid="limit")
            ax.annotate(
                f"Limit {limit:,.0f}",
                (1, limit),
                xycoords=("axes fraction", "data"),
                xytext=(0, 2),
                textcoords="offset points",
                ha="right",
                va="bottom",
                fontsize=7.5,
                color=INK,
            )
            values_all.append(limit)
        if values_all:
            top = max(values_all)
            bottom = min(values_all)
            pad = (top - bottom) * 0.25 or top * 0.1
            ax.set_ylim(max(0, bottom - pad), top + pad)
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.grid(axis="y")
    if stopped is not None and stopped < hi:
        _shade_gap(
            axes,
            stopped,
            hi,
            f"Data exchanges\nstopped {human_date(stopped, 'month')}",
        )
    else:
        end = df["as_of"].max()
        for party, last in last_of.items():
            if (end - last).days > 250:
                _shade_gap(
                    axes,
                    last + pd.Timedelta(days=45),
                    hi,
                    f"No {PARTY_ADJECTIVES.get(party, party)} figures\nafter {human_date(last)}",
                )
                break
    axes[0].legend(
        loc="lower right", bbox_to_anchor=(1, 1.01), ncols=len(parties) or 1, borderaxespad=0.2
    )
    _date_axis(axes[-1])
    axes[-1].set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    return fig


def _shade_gap(axes: Sequence[Any], start: pd.Timestamp, stop: pd.Timestamp, note: str) -> None:
    """Grey band over every panel from ``start`` to ``stop``, annotated in the first."""
    x0 = mdates.date2num(start)
    for k, ax in enumerate(axes):
        ax.axvspan(x0, mdates.date2num(stop), facecolor="#EFEFEF", linewidth=0, zorder=0, gid="gap")
        if k == 0:
            ax.annotate(
                note,
                (0.99, _free_band(ax, x0)),
                xycoords="axes fraction",
                ha="right",
                va="center",
                fontsize=7,
                color=MUTED,
                gid="gap-note",
            )


def _free_band(ax: Any, x0: float) -> float:
    """Axes-fraction height (near the top or the bottom) with fewer points right of ``x0``."""
    lo, hi = ax.get_ylim()
    fracs = []
    for line in ax.get_lines():
        xs, ys = (np.asarray(a, dtype=float) for a in line.get_data())
        if xs.size == 0 or line.get_gid() == "limit":
            continue
        sel = ys[(xs >= x0) & np.isfinite(ys)]
        fracs.extend(((sel - lo) / (hi - lo)).tolist())
    if not fracs:
        return 0.5
    return 0.1 if np.mean(fracs) > 0.5 else 0.9


def _status_start(treaty: Any, mechanism: str, statuses: Sequence[str]) -> pd.Timestamp | None:
    """When ``mechanism`` first entered one of ``statuses`` in the record, if it did."""
    status = _table(treaty, "mechanism_status")
    if status.empty or not {"mechanism", "status", "start"} <= set(status.columns):
        return None
    rows = status[(status["mechanism"] == mechanism) & status["status"].isin(statuses)]
    starts = _dates(rows["start"]).dropna()
    return None if starts.empty else starts.min()


def _with_breaks(dates: pd.Series, values: pd.Series, max_gap_days: int = 250) -> tuple:
    """x, y with NaN inserted where consecutive figures are more than a data exchange apart."""
    xs: list[float] = []
    ys: list[float] = []
    prev = None
    for d, v in zip(dates, values, strict=True):
        if prev is not None and (d - prev).days > max_gap_days:
            xs.append(mdates.date2num(prev + (d - prev) / 2))
            ys.append(np.nan)
        xs.append(mdates.date2num(d))
        ys.append(float(v))
        prev = d
    return xs, ys


# --------------------------------------------------------------------------- 5. statements


@_house
def statements_chart(
    statements: pd.DataFrame | None,
    articles: pd.DataFrame | None,
    *,
    top: int = 8,
    size: tuple[float, float] | None = None,
) -> Figure:
    """Statements over time by speaker and by mechanism/topic, from the loaded articles.

    A statement's date is its article's publication date; speakers beyond the ``top``
    most frequent are grouped as "Other speakers".
    """
    st = statements.copy() if isinstance(statements, pd.DataFrame) else pd.DataFrame()
    arts = articles if isinstance(articles, pd.DataFrame) else pd.DataFrame()
    outlets: list[str] = []
    if "outlet" in arts.columns:
        outlets = [o for o in arts["outlet"].dropna().astype(str).unique() if o]
    source = (
        "Source: " + "; ".join(outlets) if outlets else "Source: the loaded articles"
    ) + "; statements found by the workbook's extractor. Chart: arms-control workbook."
    title = "Who spoke about the treaty, and about what"
    subtitle = (
        "Statements found in the loaded articles, by publication date: by speaker (top) and "
        "by mechanism the statement mentions (bottom). Circle size and number: statements."
    )
    message = ""
    if st.empty or "article_id" not in st.columns:
        message = "No data: no statements in the loaded articles."
    else:
        if "published" in arts.columns and "article_id" in arts.columns:
            dates = arts.set_index("article_id")["published"]
            dates = dates[~dates.index.duplicated()]
            st["date"] = _dates(st["article_id"].map(dates)).dt.normalize()
        else:
            st["date"] = pd.NaT
        undated = int(st["date"].isna().sum())
        st = st.dropna(subset=["date"])
        if st.empty:
            message = "No data: the articles with statements have no publication date."
        elif undated:
            subtitle += f" Not shown: {undated} statement(s) from undated articles."
    if message:
        fig = new_figure(title, subtitle, source, size=size or SIZE_STANDARD)
        no_data(fig.add_subplot(), message)
        return fig

    raw = st["speaker"] if "speaker" in st.columns else pd.Series(None, index=st.index)
    speaker = raw.where(raw.notna() & (raw.astype(str).str.strip() != ""), "Unattributed")
    speaker = speaker.astype(str)
    keep = list(speaker.value_counts().index[:top])
    speaker = speaker.where(speaker.isin(keep), "Other speakers")
    by_speaker = st.assign(row=speaker).groupby(["row", "date"]).size()
    order_speakers = keep + (["Other speakers"] if "Other speakers" in set(speaker) else [])

    topics = st["topics"] if "topics" in st.columns else pd.Series([[]] * len(st), index=st.index)
    exploded = st.assign(
        row=[
            [LANES.get(t, str(t)) for t in (t_ if isinstance(t_, list | tuple) else [])]
            or ["No mechanism named"]
            for t_ in topics
        ]
    ).explode("row")
    by_topic = exploded.groupby(["row", "date"]).size()
    order_topics = list(exploded["row"].value_counts().index)
    if "No mechanism named" in order_topics:  # the residual goes last
        order_topics.remove("No mechanism named")
        order_topics.append("No mechanism named")

    n1, n2 = max(len(order_speakers), 2), max(len(order_topics), 2)
    height = min(10.0, 2.4 + 0.34 * (n1 + n2) + 0.6)
    single_day = st["date"].nunique() == 1
    if single_day:
        subtitle = subtitle.replace(
            "by publication date", f"all published on {human_date(st['date'].iloc[0])}"
        ).replace("Circle size and number: statements.", "Bars: number of statements.")
    fig = new_figure(title, subtitle, source, size=size or (SIZE_STANDARD[0], height))
    axes = fig.subplots(2, 1, sharex=True, height_ratios=[n1, n2])
    dmin, dmax = st["date"].min(), st["date"].max()
    pad = max(pd.Timedelta(days=45), (dmax - dmin) * 0.08)
    biggest = max(by_speaker.max(), by_topic.max())
    panels = (
        (axes[0], by_speaker, order_speakers, OKABE_ITO["blue"], "By speaker", "speaker"),
        (
            axes[1],
            by_topic,
            order_topics,
            OKABE_ITO["bluish_green"],
            "By mechanism or topic",
            "topic",
        ),
    )
    for ax, counts, order, color, panel, gid in panels:
        ypos = {name: len(order) - 1 - i for i, name in enumerate(order)}
        if single_day:
            totals = counts.groupby(level=0).sum()
            bars = ax.barh(
                [ypos[name] for name in totals.index],
                totals.to_numpy(),
                0.6,
                color=color,
                gid=f"statements-{gid}-bars",
            )
            ax.bar_label(bars, padding=3, fontsize=7.5, color=INK)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        else:
            xs = [mdates.date2num(d) for (_, d) in counts.index]
            ys = [ypos[name] for (name, _) in counts.index]
            sizes = [110 + 240 * (c / biggest) for c in counts.to_numpy()]
            ax.scatter(
                xs,
                ys,
                s=sizes,
                color=color,
                edgecolor="white",
                zorder=3,
                gid=f"statements-{gid}",
            )
            for x, y, c in zip(xs, ys, counts.to_numpy(), strict=True):
                ax.text(
                    x,
                    y,
                    f"{c}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white",
                    fontweight="bold",
                    zorder=4,
                )
        ax.set_yticks(list(ypos.values()), list(ypos))
        ax.set_ylim(-0.6, max(len(order) - 0.4, 1.4))
        ax.set_title(panel, loc="left", fontsize=9)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="x")
    if single_day:
        axes[-1].set_xlim(0, biggest * 1.12 + 0.5)
        axes[-1].set_xlabel("Statements")
    else:
        _date_axis(axes[-1])
        axes[-1].set_xlim(mdates.date2num(dmin - pad), mdates.date2num(dmax + pad))
    fig.chart_meta["subtitle"] = subtitle
    return fig


# --------------------------------------------------------------------------- export


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "chart"


def save_chart(
    fig: Figure,
    name: str,
    formats: Sequence[str] = ("png", "svg", "pdf"),
    directory: str | Path = FIGURES_DIR,
) -> list[Path]:
    """Write ``fig`` as ``directory/name.<format>`` (PNG at 300 dpi) with title and source
    in each file's metadata; returns the paths written."""
    meta = getattr(fig, "chart_meta", {}) or {}
    title = meta.get("title") or name
    source = meta.get("source") or ""
    subtitle = meta.get("subtitle") or ""
    per_format: dict[str, dict[str, str]] = {
        "png": {"Title": title, "Source": source, "Description": subtitle},
        "svg": {"Title": title, "Description": f"{subtitle} {source}".strip()},
        "pdf": {"Title": title, "Subject": f"{subtitle} {source}".strip()},
    }
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    stem = _slug(name)
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        if fmt not in per_format:
            raise ValueError(f"unknown figure format {fmt!r}: use png, svg or pdf")
        path = out / f"{stem}.{fmt}"
        with mpl.rc_context({"pdf.fonttype": 42, "svg.hashsalt": "workbook"}):
            fig.savefig(
                path,
                format=fmt,
                dpi=300 if fmt == "png" else "figure",
                metadata=per_format[fmt],
            )
        paths.append(path)
    return paths


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (for embedding in the brief)."""
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


#: The report's charts: stable file name -> (builder, description).
CHARTS: dict[str, str] = {
    "timeline": "Mechanism timeline",
    "inspections": "On-site inspections per treaty year",
    "bcc": "Consultative Commission sessions",
    "aggregates": "Declared warheads and launchers",
    "statements": "Statements by speaker and topic",
}


def all_charts(
    treaty: Any,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    *,
    start: Any = None,
    end: Any = None,
) -> dict[str, Figure]:
    """The five report charts, keyed by their stable file names (``start``/``end`` zoom the
    timeline)."""
    return {
        "timeline": timeline(treaty, events=events, articles=articles, start=start, end=end),
        "inspections": inspections_chart(treaty),
        "bcc": bcc_chart(treaty),
        "aggregates": aggregates_chart(treaty),
        "statements": statements_chart(statements, articles),
    }
