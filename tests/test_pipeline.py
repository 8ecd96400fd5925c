"""Extraction wiring: articles frame in, statements and events frames out."""

from __future__ import annotations

import pandas as pd
import pytest

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


def _extract_one(text: str) -> pd.DataFrame:
    art = article_from_text(text, title="A test", published="2024-03-01", language="en")
    statements, _ = extract(articles_frame([art]))
    return statements


def test_an_edited_lexicon_takes_effect_on_the_next_run_without_a_restart(
    tmp_path, monkeypatch
) -> None:
    import shutil

    from analysis import events, pipeline, speakers, statements
    from analysis.paths import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "lexicon", data / "lexicon")
    shutil.copy(DATA_DIR / "speakers.csv", data / "speakers.csv")
    monkeypatch.setattr(pipeline, "DATA_DIR", data)
    monkeypatch.setattr(pipeline, "_SEEN_DATA", None)
    monkeypatch.setattr(statements, "LEXICON_DIR", data / "lexicon")
    monkeypatch.setattr(events, "LEXICON_DIR", data / "lexicon")
    monkeypatch.setattr(speakers, "DEFAULT_REGISTRY", data / "speakers.csv")
    text = "\u201cWe will not sign anything this year,\u201d Marta Oyelaran harrumphed on Friday."
    try:
        before = _extract_one(text)
        assert "Marta Oyelaran" not in set(before["speaker"].dropna())
        assert pipeline.refresh_lexicons() is False  # nothing changed since that run
        with (data / "lexicon" / "speech_verbs_en.csv").open("a", encoding="utf-8") as fh:
            fh.write("harrumphed,harrumph,clause\n")
        after = _extract_one(text)
        said = after[after["speaker"] == "Marta Oyelaran"]
        assert said["quote"].tolist() == ["We will not sign anything this year,"]
        assert said["cue"].tolist() == ["harrumphed"]
    finally:
        monkeypatch.undo()
        pipeline.refresh_lexicons()  # back to the project's own lexicons
        for cached in (statements._lexicon, events._lexicon, speakers._registry):
            cached.cache_clear()


def _records_to_extract() -> list[dict]:
    from analysis.articles import load_article
    from analysis.paths import ARTICLES_DIR

    seed = load_article(sorted(ARTICLES_DIR.glob("*.txt"))[0])
    texts = [
        TEXT,
        "“Inspections must resume,” the minister said on Friday. The talks were held "
        "on March 3, 2023, and the next round is planned for May.",
        "Moscow suspended the treaty in February 2023, officials said yesterday.",
        "No text at all.",
    ]
    records = [seed]
    for i, text in enumerate(texts):
        records.append(article_from_text(text, title=f"T{i}", published="2023-03-10"))
    records[-1]["text"] = None  # no text: nothing found, no error
    records.append(article_from_text(TEXT, title=None, published=None))
    records.append(article_from_text(texts[1], title="Es", published="2023-03-10", language="es"))
    return records


def test_records_extracted_stage_by_stage_match_article_by_article(monkeypatch) -> None:
    from analysis import pipeline
    from analysis.pipeline import extract_article, extract_records

    records = _records_to_extract()
    expected = [extract_article(r) for r in records]
    assert any(e["statements"] for e in expected) and any(e["events"] for e in expected)
    for batch in (1, 2, 3, 100):  # batches that split the records every which way
        monkeypatch.setattr(pipeline, "STAGE_BATCH", batch)
        assert extract_records(records) == [(e, None) for e in expected]
    only = extract_records(records, events=False)
    assert only == [({"statements": e["statements"], "events": []}, None) for e in expected]
    only = extract_records(records, statements=False)
    assert only == [({"statements": [], "events": e["events"]}, None) for e in expected]


@pytest.mark.parametrize("stage", ["statements", "events", "topics", "published"])
def test_an_article_failing_at_any_stage_gets_its_own_error_in_a_chunk(monkeypatch, stage) -> None:
    import analysis.events
    import analysis.statements
    from analysis import pipeline
    from analysis.pipeline import extract_article
    from analysis.store import _extract_chunk

    records = _records_to_extract()
    expected = [{"article_id": r["article_id"], **extract_article(r)} for r in records]
    bad = 2
    records[bad] = dict(records[bad], text=records[bad]["text"] + " poison")
    if stage == "published":
        records[bad]["published"] = "not a date"
    else:
        module = analysis.statements if stage == "statements" else analysis.events
        name = {"statements": "find_statements", "events": "find_events"}.get(
            stage, "mechanisms_mentioned"
        )
        real = getattr(module, name)

        def fragile(text: str, *args, **kwargs):
            if "poison" in text:
                raise RuntimeError("cannot parse\nsecond line")
            return real(text, *args, **kwargs)

        monkeypatch.setattr(module, name, fragile)
        if stage == "topics":  # a quote of the bad article is what the topic finder gets
            records[bad]["text"] = "“Inspections are poison,” Foreign Minister Sergey Lavrov said."
    monkeypatch.setattr(pipeline, "STAGE_BATCH", 3)
    out = _extract_chunk(records)
    assert [o["article_id"] for o in out] == [r["article_id"] for r in records]
    assert set(out[bad]) == {"article_id", "error"}
    assert out[bad]["error"].startswith("extraction failed (")
    if stage != "published":
        assert out[bad]["error"] == "extraction failed (RuntimeError: cannot parse)"
    assert out[:bad] + out[bad + 1 :] == expected[:bad] + expected[bad + 1 :]
