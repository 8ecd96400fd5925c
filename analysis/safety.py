"""Keeping untrusted article text inert where it leaves the workbook (links, spreadsheets)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_url(url: Any) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, else None (no javascript:, data:)."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or any(c.isspace() for c in text):
        return None
    parsed = urlparse(text)
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return text
    return None


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas in Excel or LibreOffice.

    A cell that starts with ``= + - @`` (or a tab or carriage return) is prefixed with an
    apostrophe, as OWASP recommends against CSV/formula injection.
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out
