"""Load articles (text with front matter, saved web pages, URLs, folders) into pandas.

Every loader returns the same record: the columns of ``frames.ARTICLE_COLUMNS``.
Bad inputs never stop a batch: ``load_articles`` lists them in ``df.attrs["errors"]``.
"""

from __future__ import annotations

import datetime as dt
import functools
import glob
import hashlib
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.frames import ARTICLE_COLUMNS
from analysis.paths import ARTICLES_DIR

DEFAULT_ARTICLES_DIR: Path = ARTICLES_DIR
#: Largest file or page the loader reads, in bytes.
MAX_BYTES: int = 5_000_000
#: Seconds to wait for a URL.
URL_TIMEOUT: float = 15.0
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
FRONT_MATTER_KEYS = ("title", "published", "url", "outlet", "language", "author")


class ArticleError(Exception):
    """An input that could not be loaded; the message names it and says what to do."""

    def __init__(self, source: object, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


# --------------------------------------------------------------------------- reading


def _decode(data: bytes, source: object) -> str:
    """Bytes to text: UTF-8 first, else the encoding charset-normalizer detects."""
    if not data.strip():
        raise ArticleError(source, "the file is empty; save the article's text into it")
    if b"\x00" in data[:8192]:
        raise ArticleError(
            source, "this looks like a binary file, not text or HTML; save the article as .txt"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise ArticleError(
            source, "the text encoding could not be recognised; re-save the file as UTF-8"
        )
    text = str(best)
    if _control_ratio(text) > 0.01:
        raise ArticleError(
            source, "this looks like a binary file, not text or HTML; save the article as .txt"
        )
    return text


# Encodings news articles are saved in, in the order they are tried.
_CANDIDATE_ENCODINGS = ["cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_15", "utf_16"]


def _control_ratio(text: str) -> float:
    sample = text[:5000]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ArticleError(path, "no such file or folder; check the path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(
            path,
            f"the file is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit; "
            "save only the article",
        )
    return path.read_bytes()


# --------------------------------------------------------------------------- front matter

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@functools.cache
def _front_matter_loader() -> Any:
    """A safe YAML loader that leaves dates as text, so a bad date is reported, not raised.

    Uses libyaml's C loader when PyYAML was built with it (about ten times faster).
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    Loader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for ch, resolvers in base.yaml_implicit_resolvers.items()
    }
    return Loader


def split_front_matter(text: str, source: object = "<text>") -> tuple[dict[str, Any], str]:
    """The YAML front-matter block of a text (empty when absent) and the body after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    import yaml

    try:
        meta = yaml.load(m.group(1), Loader=_front_matter_loader()) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise ArticleError(
            source, f"the front-matter block is not valid YAML{where}; fix it or remove it"
        ) from None
    if not isinstance(meta, dict):
        raise ArticleError(
            source, "the front-matter block must be 'key: value' lines (title, published, ...)"
        )
    return {str(k).lower(): v for k, v in meta.items()}, text[m.end() :]


def parse_published(value: Any, source: object = "<text>") -> pd.Timestamp:
    """A publication date from front matter or a form field; NaT when absent."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return pd.NaT
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None) if value.tzinfo else value
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.replace(tzinfo=None))
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?", text)
    if m:
        try:
            return pd.Timestamp(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            pass
    raise ArticleError(
        source, f"published date {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2022-12-05)"
    )


# --------------------------------------------------------------------------- cleaning

# Lines that are page furniture in any article, in several languages.
_FURNITURE = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?content|saltar\ al\ contenido|перейти\ к\ содержанию
      | leer\ en\ (?:español|inglés)|read\ in\ (?:english|spanish)|versión\ en\ español
      | (?:share|compartir|поделиться)(?:\ (?:this|on|en)\b.*)?
      | (?:subscribe|suscr[ií]bete|подписаться)\b.*
      | (?:sign\ in|log\ ?in|register|iniciar\ sesión)
      | contact(?:\ us)?|cont[aá]ctenos|advertisement|publicidad|реклама|anuncio
      | (?:related|read\ (?:more|also)|see\ also|lea\ también|te\ puede\ interesar
         |también\ te\ puede\ interesar|читайте\ также|более)\b.*
      | (?:follow\ us|síguenos)\b.*
      | (?:photo|foto|image|imagen|фото|file\ photo)\s*[:/].*
      | (?:by|por|автор)\s*:?\ [\w.\- ]{2,60}
      | (?:published|updated|publicado|actualizado|опубликовано|обновлено)\b.{0,60}
      | (?:home|inicio|главная)(?:\s*[›>/|»].*)?
      | (?:print|imprimir|email|e-mail|tweet|facebook|twitter|whatsapp|telegram|linkedin)
      | \d+\s*(?:min(?:ute)?s?|minutos?)\s+(?:read|de\ lectura)
      | (?:cookie|cookies)\b.*
      | all\ rights\ reserved.*|todos\ los\ derechos\ reservados.*|©.*
    )$""",
    re.I | re.X,
)
_TIMESTAMP = re.compile(
    r"""^(?:[\w,.]+\s){0,2}\(?\s*(?:
        \d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s*[,|]?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?
      | \d{4}-\d{2}-\d{2}(?:[T\s]\d{2}:\d{2}(?::\d{2})?)?
      | (?:\w+\s)?\d{1,2}(?:st|nd|rd|th)?\s?,?\s?(?:de\s)?\w+\.?,?\s?(?:de\s)?\d{4}
         (?:\s*[,|-]?\s*\d{1,2}:\d{2}.*)?
      | \w+\.?\s\d{1,2},?\s?\d{4}(?:\s*[,|-]?\s*\d{1,2}:\d{2}.*)?
      | \d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\w{2,5})?
    )\s*\)?$""",
    re.I | re.X,
)
# Photo captions and credits: a short line naming a photo, its agency or photographer.
_CAPTION = re.compile(
    r"""[(\[]\s*(?:photo|foto|image|imagen|фото|credit|crédito)\b
      | \b(?:photo|foto|фото)\s*:
      | \b(?:getty\ images|afp|epa|reuters|ap\ photo|sputnik|ria\ novosti)\s*[)\]]?\s*$""",
    re.I | re.X,
)
_SENTENCE_END = re.compile(r"""[.!?…:;"»”’')\]]\s*$""")
_QUOTE_CHARS = '"“”«»„‘’'


def _fold(s: str) -> str:
    if s.isascii():
        return _NON_WORD.sub(" ", s.lower()).strip()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", s).strip()


_NON_WORD = re.compile(r"\W+")


def _is_prose(line: str) -> bool:
    """A line that reads as a real paragraph: several words and sentence punctuation."""
    words = line.split()
    if len(words) >= 25:
        return True
    if len(words) < 6:
        return False
    return bool(_SENTENCE_END.search(line)) or line.lstrip()[:1] in _QUOTE_CHARS


def _is_furniture(line: str) -> bool:
    stripped = line.strip(" \t|•·-–—")
    if not stripped:
        return True
    if _FURNITURE.match(stripped) or _TIMESTAMP.match(stripped):
        return True
    return len(stripped.split()) <= 15 and bool(_CAPTION.search(stripped))


def clean_text(text: str, title: str | None = None) -> tuple[str, str | None, list[str]]:
    """Text cleaned of page furniture, the title it found (or was given) and the removed lines.

    The text then starts at the article's first real paragraph; paragraphs are separated by
    one blank line; a paragraph repeated word for word is kept once.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    removed: list[str] = []
    found_title = title.strip() if isinstance(title, str) and title.strip() else None
    title_key = _fold(found_title) if found_title else None

    # Before the first prose paragraph everything short is furniture (nav, captions, bylines);
    # the first heading-like line becomes the title when none was given.
    kept: list[str] = []
    seen: set[str] = set()
    in_body = False
    for line in lines:
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        key = _fold(line)
        if title_key and key == title_key:
            removed.append(line)
            continue
        if not in_body:
            standfirst = found_title is not None and len(line.split()) >= 12
            if (_is_prose(line) or standfirst) and not _is_furniture(line):
                # A long line after the headline is the standfirst (subhead), often written
                # without a final period: the article starts there.
                in_body = True
            else:
                if (
                    found_title is None
                    and not _is_furniture(line)
                    and len(line.split()) >= 4
                    and not line.endswith(".")
                ):
                    found_title, title_key = line, key
                removed.append(line)
                continue
        if _is_furniture(line):
            removed.append(line)
            continue
        if len(key) > 40 and key in seen:
            removed.append(line)
            continue
        seen.add(key)
        kept.append(line)
    if not in_body:
        # No line reads as prose (a very short note): keep everything but obvious furniture.
        kept = [ln for ln in lines if ln and not _is_furniture(ln)]
        removed = [ln for ln in lines if ln and _is_furniture(ln)]
        if title_key:
            kept = [ln for ln in kept if _fold(ln) != title_key]
    body = "\n\n".join(p for p in "\n".join(kept).split("\n") if p).strip()
    return body, found_title, removed


# --------------------------------------------------------------------------- language

_LANG_IDENTIFIER: Any = None
_LANGUAGES = ["en", "es", "ru", "fr", "de", "uk", "pt", "it", "zh", "ar", "tr", "pl"]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (English, Spanish, Russian and others)."""
    sample = text[:3000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    global _LANG_IDENTIFIER
    if _LANG_IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(_LANGUAGES)
        _LANG_IDENTIFIER = ident
    lang, _ = _LANG_IDENTIFIER.classify(sample)
    if cyrillic / len(letters) > 0.5 and lang not in ("ru", "uk"):
        lang = "ru"
    return str(lang)


# --------------------------------------------------------------------------- records


def article_id_for(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-1 of its cleaned text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _record(
    *,
    source: str,
    body: str,
    title: Any = None,
    outlet: Any = None,
    published: Any = None,
    url: Any = None,
    language: Any = None,
    author: Any = None,
    clean: bool = True,
) -> dict[str, Any]:
    title = _clean_str(title)
    if clean:
        text, title, removed = clean_text(body, title)
    else:
        text, removed = body.strip(), []
    if not text.strip():
        raise ArticleError(source, "no article text was found; check that the file holds the text")
    lang = _clean_str(language)
    return {
        "article_id": article_id_for(text),
        "source": source,
        "url": _clean_str(url),
        "outlet": _clean_str(outlet),
        "title": title,
        "published": parse_published(published, source),
        "language": lang.lower()[:2] if lang else detect_language(text),
        "author": _clean_str(author),
        "text": text,
        "n_words": len(text.split()),
        "removed": removed,
    }


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: Any = None,
    url: str | None = None,
    language: str | None = None,
    source: str = "<pasted>",
) -> dict[str, Any]:
    """An article record from pasted text (front matter in the text, if any, fills the gaps)."""
    meta, body = split_front_matter(text, source)
    return _record(
        source=source,
        body=body,
        title=title or meta.get("title"),
        outlet=outlet or meta.get("outlet"),
        published=published if published not in (None, "") else meta.get("published"),
        url=url or meta.get("url"),
        language=language or meta.get("language"),
        author=meta.get("author"),
    )


def article_from_html(html: str, *, source: str, url: str | None = None) -> dict[str, Any]:
    """An article record from a saved or fetched web page (trafilatura + htmldate)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        raise ArticleError(
            source, "no article text was found in this page; save the page's text as .txt instead"
        )
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    body = meta.get("text") or ""
    body = "\n\n".join(ln.strip() for ln in body.split("\n") if ln.strip())
    published = meta.get("date")
    return _record(
        source=source,
        body=body,
        title=meta.get("title"),
        outlet=meta.get("sitename") or meta.get("hostname"),
        published=published,
        url=meta.get("url") or url,
        language=meta.get("language"),
        author=meta.get("author"),
    )


def fetch_url(url: str, *, timeout: float = URL_TIMEOUT, max_bytes: int = MAX_BYTES) -> str:
    """The HTML of a web page (http and https only), with a timeout and a size cap."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ArticleError(url, "only http:// and https:// addresses can be loaded")
    request = urllib.request.Request(
        url, headers={"User-Agent": "arms-control-workbook/0.1 (+article loader)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise ArticleError(
            url, f"the server answered HTTP {exc.code} ({exc.reason}); check the address"
        ) from None
    except TimeoutError:
        raise ArticleError(
            url, f"no answer within {timeout:g} s; try again later or save the page as .html"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise ArticleError(
                url, f"no answer within {timeout:g} s; try again later or save the page as .html"
            ) from None
        raise ArticleError(
            url, f"could not be fetched ({reason}); check the address or save the page"
        ) from None
    if len(data) > max_bytes:
        raise ArticleError(url, f"the page is over the {max_bytes / 1e6:.0f} MB limit")
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode(data, url)


def load_article(source: str | Path) -> dict[str, Any]:
    """One article from a file (.txt/.md with front matter, .html) or an http(s) URL."""
    src = str(source)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", src):
        html = fetch_url(src)
        return article_from_html(html, source=src, url=src)
    path = Path(src)
    if path.is_dir():
        raise ArticleError(path, "is a folder; use load_articles() to load every article in it")
    data = _read_bytes(path)
    text = _decode(data, path)
    if path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and re.match(r"\s*<(!doctype|html)", text, re.I)
    ):
        return article_from_html(text, source=src)
    return article_from_text(text, source=src)


def expand_sources(sources: Iterable[str | Path]) -> tuple[list[str], list[dict[str, str]]]:
    """Files and URLs named by paths, folders (recursive, sorted) and globs; unknown ones."""
    found: list[str] = []
    errors: list[dict[str, str]] = []
    for source in sources:
        src = str(source)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", src):
            found.append(src)
            continue
        path = Path(src)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name.lower() != "readme.md"
            )
            found.extend(str(p) for p in files)
        elif any(ch in src for ch in "*?["):
            matches = sorted(glob.glob(src, recursive=True))
            files = [m for m in matches if Path(m).is_file()]
            if not files:
                errors.append({"source": src, "error": "no file matches this pattern"})
            found.extend(files)
        else:
            found.append(src)
    return found, errors


def articles_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """An articles frame with the documented columns and dtypes."""
    df = pd.DataFrame.from_records(records, columns=ARTICLE_COLUMNS)
    df["published"] = pd.to_datetime(df["published"]).astype("datetime64[ns]")
    df["n_words"] = df["n_words"].astype("int64")
    for col in ("article_id", "source", "text", "language"):
        df[col] = df[col].astype(object)
    return df


def summary_table(articles: pd.DataFrame) -> str:
    """A plain-text table of the articles: title, date, outlet, language, words."""
    table = articles[["title", "published", "outlet", "language", "n_words"]].copy()
    table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("(no date)")
    table = table.fillna("")
    table["title"] = table["title"].map(lambda t: t if len(t) <= 100 else t[:97] + "...")
    return table.to_string(index=False)


def load_articles(*sources: str | Path) -> pd.DataFrame:
    """One row per article from files, folders, globs and URLs; bad inputs go to attrs["errors"].

    With no sources, loads ``data/articles/``. An article met twice (same cleaned text) is
    kept once.
    """
    if not sources:
        sources = (DEFAULT_ARTICLES_DIR,)
    paths, errors = expand_sources(sources)
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for src in paths:
        try:
            record = load_article(src)
        except ArticleError as exc:
            errors.append({"source": exc.source, "error": exc.problem})
            continue
        except Exception as exc:  # a library failing on odd input must not stop the batch
            errors.append({"source": src, "error": f"could not be read ({exc}); check the file"})
            continue
        if record["article_id"] in seen:
            continue
        seen.add(record["article_id"])
        records.append(record)
    df = articles_frame(records)
    df.attrs["errors"] = errors
    return df


# --------------------------------------------------------------------------- saving


def _slug(text: str, limit: int = 60) -> str:
    s = _fold(text).replace(" ", "-")
    return s[:limit].strip("-") or "article"


def save_article(
    text: str,
    *,
    title: str,
    outlet: str | None = None,
    published: Any = None,
    url: str | None = None,
    language: str | None = None,
    directory: str | Path = DEFAULT_ARTICLES_DIR,
) -> Path:
    """Save pasted text as ``directory/DATE-title.txt`` with front matter; never overwrites."""
    import yaml

    if not text or not text.strip():
        raise ArticleError(title or "<pasted>", "the article text is empty; paste the text")
    if not title or not title.strip():
        raise ArticleError("<pasted>", "the article needs a title; fill in the title field")
    when = parse_published(published, title)
    meta: dict[str, Any] = {"title": title.strip()}
    if outlet:
        meta["outlet"] = outlet.strip()
    if not pd.isna(when):
        meta["published"] = when.date().isoformat()
    if url:
        meta["url"] = url.strip()
    if language:
        meta["language"] = language.strip()
    stem = (meta.get("published", "undated") + "-" + _slug(title)).strip("-")
    path = Path(directory) / f"{stem}.txt"
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(f"---\n{header}---\n\n{text.strip()}\n")
    except FileExistsError:
        raise ArticleError(
            path, "a file with this name already exists; change the title or remove the old file"
        ) from None
    except OSError as exc:
        raise ArticleError(
            directory, f"cannot save here ({exc.strerror or exc}); choose a folder you can write to"
        ) from None
    return path
