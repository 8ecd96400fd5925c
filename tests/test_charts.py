"""Charts: content, house style, empty data, zoom, export with metadata."""

from __future__ import annotations

import types

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest

from analysis import charts


def _d(values):
    return pd.to_datetime(pd.Series(values), errors="coerce")


def sample_treaty(**overrides):
    """A small made-up record with the TreatyRecord attributes (invented numbers)."""
    events = pd.DataFrame(
        {
            "date": _d(
                ["2011-02-05", "2020-03-15", "2022-08-08", "2023-02-21", "2026-02-05", "2022-11-20"]
            ),
            "treaty": ["New START"] * 6,
            "actor": ["US and Russia", "US and Russia", "Russia", "Russia", "", "Russia"],
            "mechanism": ["treaty", "inspections", "inspections", "treaty", "treaty", "bcc"],
            "action": ["enter_into_force", "pause", "ban", "suspend", "expire", "postpone"],
            "description": ["a", "b", "c", "d", "e", "f"],
            "source_url": [
                "https://www.state.gov/a",
                "https://www.state.gov/b",
                "https://tass.com/c",
                "https://tass.com/d",
                "https://www.state.gov/e",
                "https://tass.com/f",
            ],
            "confidence": ["high"] * 6,
            "note": [""] * 6,
            "date_precision": ["day"] * 6,
        }
    )
    status = pd.DataFrame(
        {
            "mechanism": [
                "treaty",
                "treaty",
                "treaty",
                "inspections",
                "inspections",
                "inspections",
                "bcc",
                "bcc",
                "data_exchange",
                "data_exchange",
                "strategic_dialogue",
            ],
            "status": [
                "active",
                "suspended",
                "ended",
                "active",
                "paused",
                "suspended",
                "active",
                "suspended",
                "active",
                "suspended",
                "suspended",
            ],
            "start": _d(
                [
                    "2011-02-05",
                    "2023-02-21",
                    "2026-02-05",
                    "2011-02-05",
                    "2020-03-15",
                    "2022-08-08",
                    "2011-02-05",
                    "2022-11-20",
                    "2011-02-05",
                    "2023-02-21",
                    "2022-02-24",
                ]
            ),
            "end": _d(
                [
                    "2023-02-21",
                    "2026-02-05",
                    None,
                    "2020-03-15",
                    "2022-08-08",
                    "2026-02-05",
                    "2022-11-20",
                    "2026-02-05",
                    "2023-02-21",
                    "2026-02-05",
                    None,
                ]
            ),
            "reason": [""] * 11,
            "source_url": ["https://www.state.gov/x"] * 11,
            "confidence": ["high"] * 11,
            "note": [""] * 11,
        }
    )
    years = list(range(2011, 2023))
    rows = []
    for y in years:
        for party in ("US", "Russia"):
            total = None if y == 2013 and party == "Russia" else (0 if y >= 2020 else 16 + y % 3)
            rows.append(
                {
                    "treaty_year_start": pd.Timestamp(year=y, month=2, day=5),
                    "inspecting_party": party,
                    "total": total,
                    "source_url": "https://www.state.gov/i",
                    "confidence": "high",
                }
            )
    inspections = pd.DataFrame(rows)
    inspections["total"] = pd.array(inspections["total"], dtype="Int64")
    bcc = pd.DataFrame(
        {
            "session": pd.array([1, 2, 3, None], dtype="Int64"),
            "start": _d(["2011-03-28", "2011-10-10", "2019-10-01", "2022-11-29"]),
            "end": _d(["2011-04-01", "2011-10-20", "2019-10-10", None]),
            "place": ["Geneva", "Geneva", "Geneva", "Cairo"],
            "status": ["held", "held", "held", "postponed"],
            "source_url": ["https://www.state.gov/bcc"] * 4,
            "confidence": ["high"] * 4,
            "note": [""] * 4,
        }
    )
    agg_rows = []
    for i, when in enumerate(pd.date_range("2011-03-01", "2025-09-01", freq="6MS")):
        if when.month not in (3, 9):
            continue
        for party, base in (("US", 1600), ("Russia", 1500)):
            if party == "Russia" and when > pd.Timestamp("2022-09-01"):
                continue
            agg_rows.append(
                {
                    "as_of": when,
                    "party": party,
                    "deployed_warheads": base - i * 3,
                    "deployed_launchers": 650 - i,
                    "total_launchers": 850 - i * 2,
                    "source_url": "https://www.state.gov/agg",
                    "confidence": "high",
                }
            )
    aggregates = pd.DataFrame(agg_rows)
    limits = pd.DataFrame(
        {
            "measure": ["deployed_launchers", "deployed_warheads", "total_launchers"],
            "limit": [700, 1550, 800],
            "source_url": ["https://www.state.gov/l"] * 3,
        }
    )
    sources = pd.DataFrame(
        {
            "url": ["https://www.state.gov/", "https://tass.com/"],
            "publisher": ["U.S. Department of State", "TASS"],
        }
    )
    attrs = dict(
        events=events,
        mechanism_status=status,
        inspections=inspections,
        bcc_sessions=bcc,
        aggregate_numbers=aggregates,
        limits=limits,
        sources=sources,
    )
    attrs.update(overrides)
    return types.SimpleNamespace(**attrs)


def sample_articles():
    return pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "title": ["First piece", "Second piece"],
            "outlet": ["Example Times", "Example Post"],
            "published": _d(["2022-12-05", "2023-03-01"]),
            "url": ["https://example.org/1", "https://example.org/2"],
            "n_words": [400, 500],
        }
    )


def sample_statements():
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1", "a2", "a2"],
            "speaker": ["Sergey Lavrov", "Sergey Lavrov", "Maria Zakharova", "Sergey Lavrov", None],
            "quote": ["q1", "q2", "q3", "q4", "q5"],
            "kind": ["direct"] * 5,
            "topics": [["strategic_dialogue"], ["treaty"], [], ["inspections", "treaty"], []],
        }
    )


def sample_events():
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2"],
            "date": _d(["2022-12-05", "2021-01-26", None]),
            "date_label": ["2022-12-05", "2021-01", None],
            "date_precision": ["day", "month", "unknown"],
            "actor": ["US", "US and Russia", "Russia"],
            "mechanism": ["strategic_dialogue", "treaty", "inspections"],
            "action": ["suspend", "extend", "ban"],
        }
    )


# --------------------------------------------------------------------------- helpers


def _texts(fig):
    """Visible texts a reader sees (tick labels of ticks outside the view are never drawn)."""
    from matplotlib.text import Text

    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def _by_gid(fig, gid):
    return [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]


def _all_text(fig):
    return "\n".join(t.get_text() for t in _texts(fig))


def _assert_nothing_clipped(fig):
    """Every visible text lies inside the figure once drawn."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for t in _texts(fig):
        ext = t.get_window_extent(renderer)
        assert ext.x0 >= box.x0 - 1 and ext.x1 <= box.x1 + 1, t.get_text()
        assert ext.y0 >= box.y0 - 1 and ext.y1 <= box.y1 + 1, t.get_text()


def _empty_treaty():
    return types.SimpleNamespace(
        events=pd.DataFrame(),
        mechanism_status=pd.DataFrame(),
        inspections=pd.DataFrame(),
        bcc_sessions=pd.DataFrame(),
        aggregate_numbers=pd.DataFrame(),
        limits=pd.DataFrame(),
        sources=pd.DataFrame(),
    )


# --------------------------------------------------------------------------- timeline


def test_timeline_has_one_lane_per_mechanism_and_all_markers():
    treaty = sample_treaty()
    events = sample_events()
    fig = charts.timeline(treaty, events=events, articles=sample_articles())
    ax = fig.axes[0]
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    for mech in (
        "inspections",
        "bcc",
        "data_exchange",
        "notifications",
        "strategic_dialogue",
        "open_skies_flights",
    ):
        assert charts.LANES[mech] in lanes
    assert any(lane.startswith("Treat") for lane in lanes)
    (record,) = _by_gid(fig, "record-events")
    assert len(record.get_offsets()) == len(treaty.events)
    (article,) = _by_gid(fig, "article-events")
    # the event without a resolved date is not drawn
    assert len(article.get_offsets()) == int(events["date"].notna().sum())
    assert article.get_paths()[0] is not record.get_paths()[0]
    # article markers sit in their mechanism's lane
    ypos = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)}
    assert ypos[charts.LANES["strategic_dialogue"]] in article.get_offsets()[:, 1]
    # one publication line per distinct date
    assert len(_by_gid(fig, "published")) == 2


def test_timeline_title_subtitle_and_source_name_the_publishers():
    fig = charts.timeline(sample_treaty(), articles=sample_articles())
    (title,) = _by_gid(fig, "chart-title")
    assert "New START" in title.get_text()
    assert _by_gid(fig, "chart-subtitle")
    (source,) = _by_gid(fig, "chart-source")
    assert "U.S. Department of State" in source.get_text()
    assert "TASS" in source.get_text()
    assert "Example Times" in source.get_text()


def test_timeline_status_bars_use_the_shared_status_colours():
    import matplotlib.colors as mcolors

    fig = charts.timeline(sample_treaty())
    for status, color in charts.STATUS_COLORS.items():
        bars = _by_gid(fig, f"status-{status}")
        assert bars, status
        for bar in bars:
            assert mcolors.to_hex(bar.get_facecolor()[0]) == mcolors.to_hex(color)


def test_timeline_zoom_limits_are_honoured_and_labels_stay_inside():
    fig = charts.timeline(sample_treaty(), start="2020-01-01", end="2026-12-31")
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    assert lo == pytest.approx(mdates.date2num(pd.Timestamp("2020-01-01")))
    assert hi == pytest.approx(mdates.date2num(pd.Timestamp("2026-12-31")))
    labels = _by_gid(fig, "event-label")
    assert labels
    for ann in labels:
        assert lo <= ann.xy[0] <= hi
    assert "Enter" not in " ".join(a.get_text() for a in labels)  # 2011 is out of view
    assert "1 Jan 2020" in _all_text(fig)


def test_timeline_zoom_accepts_years():
    fig = charts.timeline(sample_treaty(), start=2020, end=2023)
    lo, hi = fig.axes[0].get_xlim()
    assert lo == pytest.approx(mdates.date2num(pd.Timestamp("2020-01-01")))
    assert hi == pytest.approx(mdates.date2num(pd.Timestamp("2023-12-31")))


def test_timeline_labels_do_not_overlap_each_other():
    # many events in one lane, close together: some labels must be dropped, none overlap
    treaty = sample_treaty()
    crowd = pd.DataFrame(
        {
            "date": pd.date_range("2022-01-01", periods=12, freq="20D"),
            "treaty": "New START",
            "actor": "Russia",
            "mechanism": "inspections",
            "action": "suspend",
            "confidence": "high",
            "date_precision": "day",
        }
    )
    treaty.events = pd.concat([treaty.events, crowd], ignore_index=True)
    fig = charts.timeline(treaty)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [a.get_window_extent(renderer) for a in _by_gid(fig, "event-label")]
    assert 2 <= len(boxes) < len(treaty.events)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    _assert_nothing_clipped(fig)


# --------------------------------------------------------------------------- inspections


def test_inspections_missing_years_are_marked_not_zero():
    treaty = sample_treaty()
    fig = charts.inspections_chart(treaty)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "2011\u201312"
    # the record's inspection periods run to February 2026: treaty years up to 2025-26
    assert labels[-1] == "2025\u201326"
    n_years = len(labels)
    rows = treaty.inspections
    for party in ("US", "Russia"):
        known = rows[(rows["inspecting_party"] == party) & rows["total"].notna()]
        bars = [p for p in _by_gid(fig, f"inspections-{party}")]
        heights = sorted(p.get_height() for b in bars for p in getattr(b, "patches", [b]))
        assert heights == sorted(float(v) for v in known["total"])
        missing = [
            p
            for b in _by_gid(fig, f"inspections-missing-{party}")
            for p in getattr(b, "patches", [b])
        ]
        assert len(missing) == n_years - len(known)
        assert all(p.get_hatch() for p in missing)
    (quota,) = _by_gid(fig, "quota")
    assert quota.get_ydata()[0] == charts.INSPECTION_QUOTA
    assert _by_gid(fig, "shade-paused") and _by_gid(fig, "shade-suspended")
    assert "No figure found" in _all_text(fig)
    _assert_nothing_clipped(fig)


# --------------------------------------------------------------------------- BCC


def test_bcc_chart_counts_sessions_by_outcome():
    fig = charts.bcc_chart(sample_treaty())
    held = sum(p.get_height() for p in _by_gid(fig, "bcc-held"))
    postponed = sum(p.get_height() for p in _by_gid(fig, "bcc-postponed"))
    assert (held, postponed) == (3, 1)
    assert _by_gid(fig, "bcc-none")  # years without a session are marked
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks[0] == "2011"
    _assert_nothing_clipped(fig)


# --------------------------------------------------------------------------- aggregates


def test_aggregates_chart_limits_gap_and_no_interpolation():
    treaty = sample_treaty()
    agg = treaty.aggregate_numbers
    # drop two years of US figures: the line must break there, not bridge the gap
    agg = agg[~((agg["party"] == "US") & agg["as_of"].dt.year.isin([2015, 2016]))]
    treaty.aggregate_numbers = agg
    fig = charts.aggregates_chart(treaty)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[0] == "Deployed warheads"
    limits = sorted(line.get_ydata()[0] for line in _by_gid(fig, "limit"))
    assert limits == [700, 800, 1550]
    (us_line,) = _by_gid(fig, "agg-deployed_warheads-US")
    ys = np.asarray(us_line.get_ydata(), dtype=float)
    assert np.isnan(ys).sum() == 1
    assert np.isfinite(ys).sum() == int(
        agg[agg["party"] == "US"]["deployed_warheads"].notna().sum()
    )
    (ru_line,) = _by_gid(fig, "agg-deployed_warheads-Russia")
    last_ru = mdates.num2date(np.nanmax(ru_line.get_xdata())).replace(tzinfo=None)
    assert last_ru <= pd.Timestamp("2022-09-01")
    assert _by_gid(fig, "gap")
    (note,) = _by_gid(fig, "gap-note")
    assert "Data exchanges" in note.get_text() and "Feb 2023" in note.get_text()
    _assert_nothing_clipped(fig)


def test_aggregates_gap_without_status_names_the_silent_party():
    treaty = sample_treaty(mechanism_status=pd.DataFrame())
    fig = charts.aggregates_chart(treaty)
    (note,) = _by_gid(fig, "gap-note")
    assert "No Russian figures" in note.get_text()
    assert "Sep 2022" in note.get_text()


# --------------------------------------------------------------------------- statements


def test_statements_chart_by_speaker_and_topic():
    st = sample_statements()
    fig = charts.statements_chart(st, sample_articles())
    top, bottom = fig.axes[:2]
    speakers = [t.get_text() for t in top.get_yticklabels()]
    assert speakers[0] == "Sergey Lavrov"  # most statements first
    assert set(speakers) == {"Sergey Lavrov", "Maria Zakharova", "Unattributed"}
    topics = {t.get_text() for t in bottom.get_yticklabels()}
    assert {"On-site inspections", "Strategic dialogue", "No mechanism named"} <= topics
    counts = [int(t.get_text()) for t in top.texts]
    assert sum(counts) == len(st)
    lo, hi = top.get_xlim()
    assert lo < mdates.date2num(pd.Timestamp("2022-12-05")) < hi


def test_statements_chart_for_one_day_counts_with_bars():
    st = sample_statements()
    st = st[st["article_id"] == "a1"]
    fig = charts.statements_chart(st, sample_articles())
    bars = _by_gid(fig, "statements-speaker-bars")
    widths = sorted(b.get_width() for b in bars)
    assert widths == [1, 2]  # Maria Zakharova 1, Sergey Lavrov 2
    topic_total = sum(b.get_width() for b in _by_gid(fig, "statements-topic-bars"))
    assert topic_total == 3  # one topic each, one without: "No mechanism named"
    (subtitle,) = _by_gid(fig, "chart-subtitle")
    assert "5 Dec 2022" in subtitle.get_text()
    _assert_nothing_clipped(fig)


def test_statements_chart_groups_rare_speakers():
    st = pd.DataFrame({"article_id": ["a1"] * 5, "speaker": list("ABCDE"), "topics": [[]] * 5})
    fig = charts.statements_chart(st, sample_articles(), top=2)
    speakers = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(speakers) == 3 and speakers[-1] == "Other speakers"


# --------------------------------------------------------------------------- empty data


@pytest.mark.parametrize("treaty", [None, _empty_treaty()])
def test_every_chart_says_no_data_instead_of_crashing(treaty):
    figs = [
        charts.timeline(treaty),
        charts.inspections_chart(treaty),
        charts.bcc_chart(treaty),
        charts.aggregates_chart(treaty),
        charts.statements_chart(None, None),
        charts.statements_chart(pd.DataFrame(columns=["article_id", "speaker"]), None),
    ]
    for fig in figs:
        (msg,) = _by_gid(fig, "no-data")
        assert msg.get_text().startswith("No data")
        assert _by_gid(fig, "chart-title")
        _assert_nothing_clipped(fig)


def test_undated_articles_are_counted_not_drawn():
    arts = sample_articles().assign(published=pd.NaT)
    fig = charts.statements_chart(sample_statements(), arts)
    assert _by_gid(fig, "no-data")


# --------------------------------------------------------------------------- style, export


def test_charts_leave_global_state_alone():
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    before = dict(mpl.rcParams)
    n_figs = len(plt.get_fignums())
    charts.timeline(sample_treaty())
    assert dict(mpl.rcParams) == before
    assert len(plt.get_fignums()) == n_figs  # nothing registered with pyplot: shown once


def test_save_chart_writes_each_format_with_metadata(tmp_path):
    from PIL import Image
    from pypdf import PdfReader

    fig = charts.new_figure("A title", "A subtitle", "Source: somewhere", size=(3, 2))
    fig.add_subplot().plot([0, 1], [0, 1])
    paths = charts.save_chart(fig, "My Chart", directory=tmp_path)
    assert [p.name for p in paths] == ["my-chart.png", "my-chart.svg", "my-chart.pdf"]
    with Image.open(paths[0]) as img:
        assert img.text["Title"] == "A title"
        assert img.text["Source"] == "Source: somewhere"
        assert img.size == (900, 600)  # 300 dpi
        assert round(img.info["dpi"][0]) == 300
    svg = paths[1].read_text()
    assert "<dc:title>A title</dc:title>" in svg
    meta = PdfReader(paths[2]).metadata
    assert meta.title == "A title"
    assert "Source: somewhere" in meta.subject
    with pytest.raises(ValueError, match="gif"):
        charts.save_chart(fig, "x", formats=("gif",), directory=tmp_path)


def test_human_dates():
    assert charts.human_date(pd.Timestamp("2026-02-05")) == "5 Feb 2026"
    assert charts.human_date(pd.Timestamp("2026-02-05"), "month") == "Feb 2026"
    assert charts.human_date(pd.NaT) == ""
    assert charts.treaty_year_label(2019) == "2019\u201320"


def test_timeline_keeps_only_the_chosen_mechanisms_and_counts_undated_events():
    fig = charts.timeline(
        sample_treaty(), events=sample_events(), mechanisms=["inspections", "bcc"]
    )
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        charts.LANES["inspections"],
        charts.LANES["bcc"],
    ]
    (record,) = _by_gid(fig, "record-events")
    treaty = sample_treaty()
    assert len(record.get_offsets()) == int(
        treaty.events["mechanism"].isin(["inspections", "bcc"]).sum()
    )
    (subtitle,) = _by_gid(fig, "chart-subtitle")
    assert "1 article event(s) without a resolved date" in subtitle.get_text().replace("\n", " ")


def test_a_chart_shows_once_inline_in_a_real_kernel():
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from analysis import charts\ncharts.bcc_chart(None)"),
        # once pyplot is in use, the inline backend takes over: still exactly one image
        nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\ncharts.bcc_chart(None)"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    for cell in nb.cells:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(images) == 1, cell.outputs


def test_dollar_signs_in_article_text_are_not_read_as_mathtext():
    st = sample_statements()
    st["speaker"] = st["speaker"].astype(object)
    st.loc[st.index[0], "speaker"] = "Fund $5 $Cost"
    fig = charts.statements_chart(st, sample_articles())
    labels = [t for ax in fig.axes for t in ax.get_yticklabels() if "$" in t.get_text()]
    assert labels, "the speaker with dollar signs is drawn"
    for label in labels:
        assert label.get_parse_math() is False
        assert label._preprocess_math(label.get_text()) == ("Fund $5 $Cost", False)
