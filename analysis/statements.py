"""Who said what: quotes and reported speech with resolved speakers (stub, see issue 3)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def find_statements(
    text: str, *, language: str = "en", title: str | None = None
) -> list[dict[str, Any]]:
    """Statements in one article's text (and title), as dicts with the statement columns."""
    return []


def extract_statements(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per statement for every article of an articles frame."""
    from analysis.pipeline import extract

    return extract(articles)[0]
