"""The arms-control analyst workbook: articles, statements, events, the treaty record.

Importing ``analysis`` is cheap: the public functions below are loaded on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "load_articles": "analysis.articles",
    "load_article": "analysis.articles",
    "article_from_text": "analysis.articles",
    "ArticleError": "analysis.articles",
    "extract_statements": "analysis.statements",
    "find_statements": "analysis.statements",
    "extract_events": "analysis.events",
    "find_events": "analysis.events",
    "resolve_date": "analysis.dates",
    "extract": "analysis.pipeline",
    "extract_article": "analysis.pipeline",
    "load_treaty": "analysis.treaty",
    "crosscheck": "analysis.crosscheck",
    "save_chart": "analysis.charts",
    "build_report": "analysis.report",
    "ingest": "analysis.store",
    "load_store": "analysis.store",
    "ingest_and_load": "analysis.store",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
