"""The command line: ``python -m analysis SUBCOMMAND ...`` (see ``--help``)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from typing import Any


def _jsonable(value: Any) -> Any:
    """Plain JSON values for numpy/pandas scalars, timestamps and NaN/NaT."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):
        return _jsonable(value.tolist())
    if hasattr(value, "isoformat"):
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        return value.isoformat()[:10]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _report_errors(errors: list[dict[str, str]]) -> None:
    for err in errors:
        print(f"error: {err['source']}: {err['error']}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    """Print each article's metadata with its statements and events."""
    from analysis.articles import load_articles
    from analysis.pipeline import safe_extract_article

    articles = load_articles(*args.sources)
    errors = list(articles.attrs.get("errors", []))
    rows = []
    for record in articles.to_dict("records"):
        found, error = safe_extract_article(record)
        if error:
            errors.append({"source": record["source"], "error": error})
        published = record["published"]
        obj = {
            "path": record["source"],
            "article_id": record["article_id"],
            "title": record["title"],
            "published": None
            if published is None or published != published
            else published.date().isoformat(),
            "outlet": record["outlet"],
            "url": record["url"],
            "language": record["language"],
            "n_words": record["n_words"],
            "statements": found["statements"],
            "events": found["events"],
        }
        rows.append(_jsonable(obj))
    if args.jsonl:
        for obj in rows:
            print(json.dumps(obj, ensure_ascii=False))
    else:
        _print_readable(rows)
    _report_errors(errors)
    return 1 if errors else 0


def _print_readable(rows: list[dict[str, Any]]) -> None:
    for obj in rows:
        print(f"== {obj['title'] or '(untitled)'}")
        print(
            f"   {obj['outlet'] or 'outlet unknown'} | {obj['published'] or 'date unknown'} | "
            f"{obj['language']} | {obj['n_words']} words | {obj['path']}"
        )
        print(f"   statements: {len(obj['statements'])}")
        for st in obj["statements"]:
            quote = (st.get("quote") or "").replace("\n", " ")
            if len(quote) > 90:
                quote = quote[:87] + "..."
            print(f"     [{st.get('kind')}] {st.get('speaker')} ({st.get('cue')}): {quote}")
        print(f"   events: {len(obj['events'])}")
        for ev in obj["events"]:
            print(
                f"     {ev.get('date') or '????'}  {ev.get('actor')}  "
                f"{ev.get('mechanism')}/{ev.get('action')}"
            )


def cmd_summary(args: argparse.Namespace) -> int:
    """Print a table of the loaded articles."""
    from analysis.articles import load_articles, summary_table

    articles = load_articles(*args.articles)
    _report_errors(articles.attrs.get("errors", []))
    if articles.empty:
        print("no articles loaded; put .txt or .html files in data/articles/", file=sys.stderr)
        return 1
    print(summary_table(articles))
    return 1 if articles.attrs.get("errors") else 0


def cmd_report(args: argparse.Namespace) -> int:
    """Build the brief and the figures."""
    from analysis.report import cli_report

    return cli_report(args)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Load, extract and store articles incrementally."""
    from analysis.store import cli_ingest

    return cli_ingest(args)


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmark."""
    from analysis.bench import cli_bench

    return cli_bench(args)


def cmd_check_data(args: argparse.Namespace) -> int:
    """Validate the curated treaty tables."""
    from analysis.treaty import cli_check

    return cli_check(args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Arms-control analyst workbook: load articles, extract who said what and "
        "what happened, check it against the treaty record, chart it and write a brief.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "extract",
        help="print statements and events of articles (files, folders, globs, URLs)",
        description="Load articles and print their metadata with the statements and events "
        "found in them; --jsonl prints one JSON object per article.",
    )
    p.add_argument("sources", nargs="+", metavar="FILE_OR_DIR", help="files, folders, globs, URLs")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per article")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "summary",
        help="print a table of the loaded articles",
        description="Load articles (default: data/articles) and print title, date, outlet, "
        "language and word count.",
    )
    p.add_argument("articles", nargs="*", metavar="ARTICLES")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser(
        "report",
        help="build the brief (HTML, DOCX, PDF) and the figures",
        description="Build a brief from the chosen articles (default: data/articles) and the "
        "treaty record, with the charts in PNG, SVG and PDF.",
    )
    p.add_argument("articles", nargs="*", metavar="ARTICLES")
    p.add_argument("--out", default=None, help="output folder (default: reports/)")
    p.add_argument("--formats", default="html,docx,pdf", help="comma-separated: html,docx,pdf")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "ingest",
        help="load, extract and store articles incrementally under data/processed/",
        description="Load, extract and store articles, statements and events; unchanged "
        "articles are skipped.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCES")
    p.add_argument("--store", default=None, help="store folder (default: data/processed/)")
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    p.add_argument("--workers", type=int, default=None, help="processes to use (default: cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "bench",
        help="benchmark extraction, ingest, the explorer and import time",
        description="Build a synthetic corpus and print speed figures.",
    )
    p.add_argument("--articles", type=int, default=10_000, help="synthetic articles to use")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser(
        "check-data",
        help="validate the curated treaty tables in data/treaty/",
        description="Validate every treaty table and list all problems at once.",
    )
    p.add_argument("directory", nargs="?", default=None)
    p.set_defaults(func=cmd_check_data)
    return parser


_USER_ERRORS = {"ArticleError", "RegistryError", "TreatyDataError", "ReportError", "StoreError"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into `head`
        return 0
    except OSError as exc:  # an output folder that cannot be written, a full disk, ...
        where = exc.filename or "output"
        print(
            f"error: {where}: {exc.strerror or exc}; choose a folder you can write to "
            "(e.g. --out) or free some space",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:
        # Errors a user can cause (a bad registry row, a typo in a treaty CSV) carry a
        # message that names the input and the fix: print it, not a traceback.
        if type(exc).__name__ not in _USER_ERRORS:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
