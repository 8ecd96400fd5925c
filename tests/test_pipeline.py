"""Extraction wiring: articles frame in, statements and events frames out."""

from __future__ import annotations

import pandas as pd

from analysis.articles import article_from_text, articles_frame
from analysis.frames import EVENT_COLUMNS, STATEMENT_COLUMNS
from analysis.pipeline import extract

TEXT = (
    "Deputy Foreign Minister Sergey Ryabkov said on Tuesday that Moscow had postponed the "
    "meeting of the bilateral consultative commission.\n\n"
    "“We are not ready for this meeting,” he told reporters.\n"
)


def test_untitled_and_undated_articles_extract_without_error() -> None:
    record = article_from_text(TEXT)
    assert record["title"] is None
    frame = articles_frame([record, article_from_text(TEXT + "\nMore.", title="Titled")])
    statements, events = extract(frame)
    assert list(statements.columns[: len(STATEMENT_COLUMNS)]) == STATEMENT_COLUMNS
    assert list(events.columns[: len(EVENT_COLUMNS)]) == EVENT_COLUMNS
    assert set(statements.article_id) == set(frame.article_id)
    assert (statements.speaker == "Sergey Ryabkov").all()
    # Without a publication date, "on Tuesday" cannot be resolved: no date is invented.
    undated = events[events.article_id == record["article_id"]]
    assert not undated.empty and undated["date"].isna().all()


def test_frames_have_the_documented_dtypes() -> None:
    frame = articles_frame([article_from_text(TEXT, title="T", published="2022-11-29")])
    statements, events = extract(frame)
    assert isinstance(statements["kind"].dtype, pd.CategoricalDtype)
    assert str(statements["start"].dtype) == "Int64"
    assert events["date"].dtype == "datetime64[ns]"
    assert isinstance(events["mechanism"].dtype, pd.CategoricalDtype)
    text = frame.text.iloc[0]
    for row in statements[statements.field == "text"].itertuples():
        assert text[row.start : row.end] == row.quote


def test_an_extractor_failing_on_one_article_does_not_stop_the_batch(monkeypatch) -> None:
    import analysis.statements

    real = analysis.statements.find_statements

    def fragile(text: str, **kwargs):
        if "poison" in text:
            raise RuntimeError("cannot parse")
        return real(text, **kwargs)

    monkeypatch.setattr(analysis.statements, "find_statements", fragile)
    good = article_from_text(TEXT, title="Good", published="2022-11-29")
    bad = article_from_text("This poison paragraph breaks the extractor, he said.", title="Bad")
    bad["source"] = "bad.txt"
    statements, events = extract(articles_frame([bad, good]))
    assert set(statements.article_id) == {good["article_id"]}
    assert statements.attrs["errors"] == events.attrs["errors"]
    (error,) = statements.attrs["errors"]
    assert error["source"] == "bad.txt" and "cannot parse" in error["error"]


def test_extract_statements_and_extract_events_run_only_their_extractor(monkeypatch) -> None:
    import analysis.events
    import analysis.statements
    from analysis import extract_events, extract_statements

    frame = articles_frame([article_from_text(TEXT, title="T", published="2022-11-29")])

    def boom(*args, **kwargs):
        raise AssertionError("the other extractor ran")

    monkeypatch.setattr(analysis.events, "find_events", boom)
    assert len(extract_statements(frame)) >= 1
    monkeypatch.undo()
    monkeypatch.setattr(analysis.statements, "find_statements", boom)
    assert len(extract_events(frame)) >= 1
