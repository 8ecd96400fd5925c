"""Loading articles: every input kind, the cleaning of page furniture, and bad input."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import articles as art
from analysis.articles import (
    ArticleError,
    article_from_text,
    load_article,
    load_articles,
    save_article,
)
from analysis.frames import ARTICLE_COLUMNS
from analysis.paths import ARTICLES_DIR

SEED = next(ARTICLES_DIR.glob("elamerican-2022-12-05-*.txt"))

# Texts written by the team for these tests.
EN_BODY = (
    "The deputy minister said on Tuesday that the two delegations would meet again in the "
    "spring to discuss the treaty's inspection regime.\n\n"
    "“We are ready to talk, but not under pressure,” he told reporters in the capital.\n"
)
ES_BODY = (
    "El vicecanciller afirmó este martes que las dos delegaciones volverán a reunirse en "
    "primavera para hablar del régimen de inspecciones del tratado.\n\n"
    "«Estamos dispuestos a dialogar, pero no bajo presión», dijo a los periodistas.\n"
)
RU_BODY = (
    "Заместитель министра заявил во вторник, что делегации снова встретятся весной, "
    "чтобы обсудить режим инспекций по договору.\n\n"
    "«Мы готовы к разговору, но не под давлением», сказал он журналистам.\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def front(**meta: str) -> str:
    lines = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return f"---\n{lines}---\n"


# ---------------------------------------------------------------- the seed and the frame


def test_seed_loads_with_metadata_and_clean_start() -> None:
    df = load_articles(SEED)
    assert list(df.columns) == ARTICLE_COLUMNS
    row = df.iloc[0]
    assert row.title.startswith("Russian Foreign Minister Lavrov: Freezing of Strategic Dialogue")
    assert row.published == pd.Timestamp("2022-12-05")
    assert row.outlet == "El American"
    assert row.url.startswith("https://elamerican.com/")
    assert row.language == "en"
    assert row.text.startswith("Russian Foreign Minister Sergey Lavrov warned on Monday")
    for furniture in ("Skip to content", "Leer en Español", "Lavrov Rusia"):
        assert furniture not in row.text
        assert furniture in row.removed
    assert row.text.rstrip().endswith("inspection of the Russian arsenal.")
    assert row.n_words == len(row.text.split())
    assert df["published"].dtype == "datetime64[ns]"


def test_article_id_is_a_stable_hash_of_the_clean_text(tmp_path: Path) -> None:
    a = load_article(SEED)
    # The same article saved again with different furniture and front matter keeps its id.
    copy = write(tmp_path / "copy.txt", "Share\n\nSubscribe\n\n" + a["text"])
    b = load_article(copy)
    assert a["article_id"] == b["article_id"]
    assert len(a["article_id"]) == 16
    changed = write(tmp_path / "changed.txt", a["text"] + "\n\nA new paragraph was added here.")
    assert load_article(changed)["article_id"] != a["article_id"]


def test_text_without_front_matter_takes_title_from_first_heading(tmp_path: Path) -> None:
    path = write(
        tmp_path / "plain.txt",
        "Skip to content\nMenu\nDeputy minister says delegations will meet in spring\n"
        "By Jane Doe\n5 December 2022, 10:30\n\n" + EN_BODY,
    )
    rec = load_article(path)
    assert rec["title"] == "Deputy minister says delegations will meet in spring"
    assert rec["text"].startswith("The deputy minister said on Tuesday")
    assert pd.isna(rec["published"])
    assert "By Jane Doe" in rec["removed"]
    assert rec["language"] == "en"


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "note.md",
        front(title="Talks in spring", published="2023-03-01", outlet="Wire", language="en")
        + EN_BODY,
    )
    rec = load_article(path)
    assert (rec["title"], rec["outlet"], rec["language"]) == ("Talks in spring", "Wire", "en")
    assert rec["published"] == pd.Timestamp("2023-03-01")


def test_furniture_in_the_middle_and_repeated_paragraphs_are_removed(tmp_path: Path) -> None:
    para = "The delegations met for three days and agreed to exchange lists of their experts."
    text = (
        "The ministry said on Friday that it had received the other side's notification "
        "about the planned visit.\n\nAdvertisement\n\n"
        + para
        + "\n\nRead more: Other news of the day\n\nPhoto: Reuters / A file picture\n\n"
        + para
        + "\n"
    )
    rec = article_from_text(text, title="Ministry gets notification")
    assert "Advertisement" not in rec["text"]
    assert "Read more" not in rec["text"]
    assert "Photo:" not in rec["text"]
    assert rec["text"].count(para) == 1


def test_quote_paragraphs_are_not_mistaken_for_furniture() -> None:
    text = (
        "The spokeswoman said the ministry was ready for talks on the treaty.\n\n"
        "“No.\n\n"
        "We will not accept this,” she said.\n"
    )
    rec = article_from_text(text, title="Ministry ready")
    assert "“No." in rec["text"]
    assert "We will not accept this" in rec["text"]


@pytest.mark.parametrize(("body", "expected"), [(EN_BODY, "en"), (ES_BODY, "es"), (RU_BODY, "ru")])
def test_language_is_detected_when_front_matter_is_silent(body: str, expected: str) -> None:
    assert article_from_text(body, title="Headline of the article")["language"] == expected


def test_spanish_furniture_is_removed() -> None:
    text = "Saltar al contenido\nCompartir\nSuscríbete\nPor Ana Pérez\n\n" + ES_BODY
    rec = article_from_text(text, title="Delegaciones volverán a reunirse")
    assert rec["text"].startswith("El vicecanciller afirmó")
    assert {"Saltar al contenido", "Compartir", "Suscríbete", "Por Ana Pérez"} <= set(
        rec["removed"]
    )


# ---------------------------------------------------------------- saved web pages

PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Delegations to meet in spring | The Daily Wire Service</title>
<meta property="og:title" content="Delegations to meet in spring">
<meta property="og:site_name" content="The Daily Wire Service">
<meta property="article:published_time" content="2023-03-14T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<header><h1>Delegations to meet in spring</h1></header>
<article>
<p>The deputy minister said on Tuesday that the two delegations would meet again in the
spring to discuss the treaty's inspection regime, which has been frozen since last year.</p>
<p>“We are ready to talk, but not under pressure,” he told reporters in the capital after a
long meeting with the ambassador of the other side.</p>
<p>Officials on both sides said the meeting would take place in a neutral country and that
the agenda would include the exchange of data and the schedule of future visits.</p>
</article>
<footer>Copyright 2023 The Daily Wire Service. All rights reserved. Cookie settings.</footer>
</body></html>
"""


def test_saved_html_page(tmp_path: Path) -> None:
    rec = load_article(write(tmp_path / "page.html", PAGE))
    assert rec["title"] == "Delegations to meet in spring"
    assert rec["outlet"] == "The Daily Wire Service"
    assert rec["published"] == pd.Timestamp("2023-03-14")
    assert rec["text"].startswith("The deputy minister said on Tuesday")
    assert "Subscribe" not in rec["text"] and "Cookie" not in rec["text"]
    assert "We are ready to talk" in rec["text"]


# ---------------------------------------------------------------- URLs, on a real server


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/article":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(2.0)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>" + b"x" * 3000 + b"</p></body></html>")
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> str:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_and_extracted(server: str) -> None:
    rec = load_article(f"{server}/article")
    assert rec["title"] == "Delegations to meet in spring"
    assert rec["url"] == f"{server}/article"
    assert rec["source"] == f"{server}/article"
    assert "We are ready to talk" in rec["text"]


def test_url_404_is_one_clear_error(server: str) -> None:
    with pytest.raises(ArticleError, match="HTTP 404"):
        load_article(f"{server}/missing")


def test_url_timeout_is_one_clear_error(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(art, "URL_TIMEOUT", 0.3)
    with pytest.raises(ArticleError, match="no answer within"):
        art.fetch_url(f"{server}/slow", timeout=0.3)


def test_url_over_size_cap(server: str) -> None:
    with pytest.raises(ArticleError, match="limit"):
        art.fetch_url(f"{server}/huge", max_bytes=1000)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "javascript://x"])
def test_only_http_and_https_urls(url: str) -> None:
    with pytest.raises(ArticleError, match="only http"):
        load_article(url)


# ---------------------------------------------------------------- folders, globs, batches


def test_folders_are_recursive_and_sorted_and_globs_work(tmp_path: Path) -> None:
    write(tmp_path / "b" / "two.txt", front(title="Two") + EN_BODY.replace("Tuesday", "Friday"))
    write(tmp_path / "a" / "one.txt", front(title="One") + EN_BODY)
    write(tmp_path / "a" / "deep" / "three.md", front(title="Three") + ES_BODY)
    write(tmp_path / "a" / "notes.csv", "not,an,article\n")
    df = load_articles(tmp_path)
    assert list(df.title) == ["Three", "One", "Two"]  # a/deep/three.md < a/one.txt < b/two.txt
    assert load_articles(tmp_path).article_id.tolist() == df.article_id.tolist()
    globbed = load_articles(str(tmp_path / "*" / "*.txt"))
    assert sorted(globbed.title) == ["One", "Two"]
    both = load_articles(tmp_path / "a" / "one.txt", tmp_path / "b")
    assert list(both.title) == ["One", "Two"]


def test_the_same_article_twice_is_kept_once(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", front(title="Same") + EN_BODY)
    write(tmp_path / "y.txt", front(title="Same again") + EN_BODY)
    assert len(load_articles(tmp_path)) == 1


# ---------------------------------------------------------------- bad input


def test_bad_inputs_are_reported_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path / "good.txt", front(title="Good") + EN_BODY)
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    bad_date = write(
        tmp_path / "bad_date.txt", front(title="Bad", published="2022-13-45") + EN_BODY
    )
    bad_yaml = write(tmp_path / "bad_yaml.txt", "---\ntitle: [unclosed\n---\n" + EN_BODY)
    big = write(tmp_path / "big.txt", EN_BODY * 50)
    monkeypatch.setattr(art, "MAX_BYTES", 2000)
    missing = tmp_path / "missing.txt"
    df = load_articles(good, empty, binary, bad_date, bad_yaml, big, missing)
    assert list(df.title) == ["Good"]
    errors = {Path(e["source"]).name: e["error"] for e in df.attrs["errors"]}
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["binary.txt"]
    assert "YYYY-MM-DD" in errors["bad_date.txt"] and "2022-13-45" in errors["bad_date.txt"]
    assert "YAML" in errors["bad_yaml.txt"]
    assert "limit" in errors["big.txt"]
    assert "no such file" in errors["missing.txt"]
    for message in errors.values():
        assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize(
    ("body", "encoding", "expected_word", "lang"),
    [(RU_BODY, "cp1251", "Заместитель", "ru"), (ES_BODY, "latin-1", "régimen", "es")],
)
def test_legacy_encodings_are_detected_not_garbled(
    tmp_path: Path, body: str, encoding: str, expected_word: str, lang: str
) -> None:
    path = write(tmp_path / f"{encoding}.txt", body, encoding=encoding)
    rec = load_article(path)
    assert expected_word in rec["text"]
    assert rec["language"] == lang


def test_unparseable_date_object_in_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "d.txt", front(title="T", published="next week") + EN_BODY)
    with pytest.raises(ArticleError, match="not a date"):
        load_article(path)


def test_folder_given_to_load_article_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="load_articles"):
        load_article(tmp_path)


# ---------------------------------------------------------------- saving pasted text


def test_save_article_writes_front_matter_and_never_overwrites(tmp_path: Path) -> None:
    path = save_article(
        EN_BODY,
        title="Talks: what next?",
        outlet="Wire",
        published="2023-03-14",
        url="https://example.org/a",
        directory=tmp_path,
    )
    assert path.name == "2023-03-14-talks-what-next.txt"
    rec = load_article(path)
    assert (rec["title"], rec["outlet"], rec["url"]) == (
        "Talks: what next?",
        "Wire",
        "https://example.org/a",
    )
    assert rec["published"] == pd.Timestamp("2023-03-14")
    with pytest.raises(ArticleError, match="already exists"):
        save_article(EN_BODY, title="Talks: what next?", published="2023-03-14", directory=tmp_path)
    assert load_article(path)["text"] == rec["text"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": EN_BODY, "title": "T", "published": "14/03/2023"}, "YYYY-MM-DD"),
        ({"text": "   ", "title": "T"}, "empty"),
        ({"text": EN_BODY, "title": " "}, "title"),
    ],
)
def test_save_article_refuses_bad_input(tmp_path: Path, kwargs: dict, message: str) -> None:
    text = kwargs.pop("text")
    with pytest.raises(ArticleError, match=message):
        save_article(text, directory=tmp_path, **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_photo_captions_are_removed_but_prose_naming_an_agency_is_kept() -> None:
    prose = "The agency said the minister had cancelled his trip, according to Reuters."
    text = (
        "The minister spoke to the press after the meeting of the commission on Monday.\n\n"
        "Jane Roe, the envoy (Photo: John Smith / EPA)\n\n"
        "Delegates arrive for the talks. Getty Images\n\n" + prose + "\n"
    )
    rec = article_from_text(text, title="Minister speaks")
    assert "EPA" not in rec["text"] and "Getty" not in rec["text"]
    assert prose in rec["text"]


def test_save_article_into_an_unwritable_place_is_one_clear_error(tmp_path: Path) -> None:
    blocker = write(tmp_path / "a-file", "not a folder")
    with pytest.raises(ArticleError, match="cannot save here"):
        save_article(EN_BODY, title="Talks", directory=blocker / "articles")


def test_a_standfirst_without_a_final_period_is_kept_as_the_first_paragraph() -> None:
    standfirst = (
        "The deputy minister says the talks on the inspection regime will not resume "
        "before the spring, whatever Washington proposes"
    )
    text = "Skip to content\nDelegations to meet in spring\n" + standfirst + "\n\n" + EN_BODY
    rec = article_from_text(text)
    assert rec["title"] == "Delegations to meet in spring"
    assert rec["text"].startswith(standfirst)
    # a short line after the headline is still furniture (a caption or a section name)
    rec = article_from_text("Delegations to meet in spring\nWorld news\n\n" + EN_BODY)
    assert rec["text"].startswith("The deputy minister said on Tuesday")
