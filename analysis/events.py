"""What happened: treaty-mechanism events with resolved dates (stub, see issue 5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd


def find_events(
    text: str,
    *,
    published: dt.date | None = None,
    language: str = "en",
    title: str | None = None,
) -> list[dict[str, Any]]:
    """Events in one article's text, dates resolved against ``published``."""
    return []


def mechanisms_mentioned(text: str) -> list[str]:
    """The treaty mechanisms a passage speaks of (inspections, bcc, ...)."""
    return []


def extract_events(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per event for every article of an articles frame."""
    from analysis.pipeline import extract

    return extract(articles)[1]
