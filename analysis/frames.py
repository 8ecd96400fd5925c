"""Column contracts of the frames every module passes around.

Frames are the interface between loading, extraction, the record, charts,
widgets and reports: the same names and dtypes everywhere.
"""

from __future__ import annotations

#: One row per article (``load_articles``).
ARTICLE_COLUMNS: list[str] = [
    "article_id",  # str: sha1 of the cleaned text, first 16 hex digits
    "source",  # str: the path or URL as given
    "url",  # str | None: canonical URL (front matter, page metadata or the fetched URL)
    "outlet",  # str | None
    "title",  # str | None
    "published",  # datetime64[ns]: NaT when unknown
    "language",  # str: ISO 639-1 code ("en", "es", "ru", ...)
    "author",  # str | None
    "text",  # str: cleaned text, paragraphs separated by a blank line
    "n_words",  # int
    "removed",  # list[str]: furniture lines removed by the cleaner
]

#: One row per statement (``extract_statements``).
STATEMENT_COLUMNS: list[str] = [
    "article_id",
    "speaker",  # canonical full name or institution
    "speaker_mention",  # the words in the text that name the speaker
    "speaker_role",
    "speaker_org",
    "speaker_country",
    "kind",  # direct | indirect | partial
    "quote",  # exact words; text[start:end] == quote when field == "text"
    "cue",  # speech verb or phrase
    "start",
    "end",
    "field",  # "text" or "title": where the offsets point
    "sentence",
    "topics",  # list[str]: mechanisms the quote speaks of (inspections, bcc, ...)
]

#: One row per event (``extract_events``).
EVENT_COLUMNS: list[str] = [
    "article_id",
    "date",  # datetime64[ns]: first day of the period the date names; NaT when unknown
    "date_label",  # str | None: "YYYY-MM-DD", "YYYY-MM" or "YYYY" as resolved
    "date_precision",  # day | month | year | unknown
    "date_text",  # the words that gave the date
    "actor",
    "mechanism",
    "action",
    "treaty",
    "evidence",
    "start",
    "end",
    "until",  # str | None: the end date an event states ("extended until 2026-02-05")
    "date_source",  # "text" (the clause states the date) or "report" (the report's own day)
]

MECHANISMS: list[str] = [
    "treaty",
    "inspections",
    "bcc",
    "data_exchange",
    "notifications",
    "strategic_dialogue",
    "open_skies_flights",
    "other",
]

ACTIONS: list[str] = [
    "sign",
    "enter_into_force",
    "extend",
    "pause",
    "suspend",
    "ban",
    "postpone",
    "resume",
    "withdraw",
    "expire",
    "propose",
    "other",
]

STATUSES: list[str] = ["active", "paused", "suspended", "ended"]
KINDS: list[str] = ["direct", "indirect", "partial"]
