"""Tests of kg.articles: every input format, content-hash ids, folder walking and every bad input.

No spaCy needed: the loader only reads files.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.articles import (
    ID_LENGTH,
    SUFFIXES,
    content_hash,
    find_files,
    load,
    make_article,
    read_articles,
    read_text,
    shown,
)
from kg.errors import InputError, KgError
from kg.models import Article

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "articles"

BODY = "Zaluzhny declined the offer, the FT reported on Tuesday.\n\nThe ministry denied it."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def one(path: Path) -> Article:
    articles = list(read_articles(path))
    assert len(articles) == 1, articles
    return articles[0]


def expect_error(paths: list[Path], *fragments: str) -> str:
    """Loading fails with one InputError whose one-line message holds every fragment."""
    with pytest.raises(InputError) as caught:
        load(paths)
    message = str(caught.value)
    assert "\n" not in message, message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert isinstance(caught.value, KgError)
    return message


def sha_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


# --- plain text ---------------------------------------------------------------------------------


def test_txt_with_date_header(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.txt", f"date 2024-01-30 Zaluzhny refuses\n\n{BODY}\n"))
    assert article.title == "Zaluzhny refuses"
    assert article.date == "2024-01-30"
    assert article.text == BODY
    assert article.source == "a.txt"
    assert article.url is None
    assert article.id == sha_id(BODY)
    assert article.content_hash == hashlib.sha256(BODY.encode()).hexdigest()
    assert article.content_hash.startswith(article.id)


def test_txt_with_date_header_and_no_title(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.txt", f"date 2024-01-30\n{BODY}"))
    assert (article.title, article.date, article.text) == (None, "2024-01-30", BODY)


def test_txt_with_title_header_is_undated(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.txt", f"title Kyiv's leadership strained\n{BODY}\n"))
    assert article.title == "Kyiv's leadership strained"
    assert article.date is None
    assert article.text == BODY


@pytest.mark.parametrize(
    ("header", "title", "day"),
    [
        ("   date 2024-01-12 Washington uneasy", "Washington uneasy", "2024-01-12"),
        ("\tdate   2024-01-12    Washington uneasy   ", "Washington uneasy", "2024-01-12"),
        ("  title   Washington uneasy  ", "Washington uneasy", None),
        ("\ttitle Washington uneasy", "Washington uneasy", None),
    ],
)
def test_txt_header_with_leading_white_space(tmp_path: Path, header: str, title: str, day: str | None) -> None:
    article = one(write(tmp_path / "a.txt", f"{header}\n{BODY}"))
    assert (article.title, article.date, article.text) == (title, day, BODY)


def test_txt_without_header_keeps_first_line(tmp_path: Path) -> None:
    text = "The US is worried about the rift, Bloomberg reported.\nSecond line."
    article = one(write(tmp_path / "a.txt", text))
    assert (article.title, article.date, article.text) == (None, None, text)


def test_txt_header_words_must_be_lower_case_keywords(tmp_path: Path) -> None:
    # "Title insurers ..." is a sentence, not a header
    text = "Title insurers merged on Monday.\nMore text."
    assert one(write(tmp_path / "a.txt", text)).text == text


def test_txt_with_byte_order_mark(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.txt", "\ufeffdate 2024-01-30 T\n" + BODY))
    assert (article.title, article.date, article.text) == ("T", "2024-01-30", BODY)


def test_txt_upper_case_suffix(tmp_path: Path) -> None:
    assert one(write(tmp_path / "A.TXT", BODY)).text == BODY


def test_txt_header_only_has_no_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "date 2024-01-30 Only a title\n\n  \n")
    expect_error([path], str(path), "no text")


# --- line ends ----------------------------------------------------------------------------------


def test_crlf_and_cr_are_normalised(tmp_path: Path) -> None:
    unix = write(tmp_path / "unix.txt", "date 2024-01-30 T\nOne.\n\nTwo.\n")
    dos = write(tmp_path / "dos.txt", "date 2024-01-30 T\r\nOne.\r\n\r\nTwo.\r\n")
    mac = write(tmp_path / "mac.txt", "date 2024-01-30 T\rOne.\r\rTwo.\r")
    articles = [one(unix), one(dos), one(mac)]
    for article in articles:
        assert (article.title, article.date, article.text) == ("T", "2024-01-30", "One.\n\nTwo.")
        assert "\r" not in article.text
    assert len({article.id for article in articles}) == 1
    assert len(load([tmp_path])) == 1


def test_crlf_markdown_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "---\r\ntitle: Rift\r\ndate: 2024-01-30\r\nsource: Wire\r\n---\r\n\r\nBody text.\r\n",
    )
    article = one(path)
    assert (article.title, article.date, article.source, article.text) == (
        "Rift",
        "2024-01-30",
        "Wire",
        "Body text.",
    )


def test_crlf_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First.", "title": "A"}), json.dumps({"text": "Second."})]
    articles = list(read_articles(write(tmp_path / "a.jsonl", "\r\n".join(lines) + "\r\n")))
    assert [(a.title, a.text) for a in articles] == [("A", "First."), (None, "Second.")]


def test_make_article_normalises_line_ends() -> None:
    assert make_article("Hello.\r\nWorld.\rEnd.\r\n", title=" Hi ").text == "Hello.\nWorld.\nEnd."
    assert make_article("Hello.", title="  ").title is None


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "---\n"
        'title: "Zaluzhny: the offer he refused"\n'
        "Date: 2024-01-30\n"
        "# a comment line\n"
        "\n"
        "source: Sample Wire\n"
        "url: https://example.org/a\n"
        "---\n\n"
        "The **Financial Times** and *The Economist* [reported](https://example.org/ft) it.\n",
    )
    article = one(path)
    assert article.title == "Zaluzhny: the offer he refused"
    assert article.date == "2024-01-30"
    assert article.source == "Sample Wire"
    assert article.url == "https://example.org/a"
    assert article.text == "The Financial Times and The Economist reported it."


def test_markdown_front_matter_without_source_uses_file_name(tmp_path: Path) -> None:
    article = one(write(tmp_path / "note.markdown", "---\ntitle: T\n---\nText here.\n"))
    assert (article.title, article.date, article.source, article.url) == ("T", None, "note.markdown", None)


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.md", "\n# Kyiv rift deepens\n\nFirst paragraph.\n\nSecond one.\n"))
    assert article.title == "Kyiv rift deepens"
    assert article.date is None
    assert article.text == "First paragraph.\n\nSecond one."


def test_markdown_front_matter_title_wins_over_heading(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.md", "---\ntitle: From meta\n---\n# Heading\n\nBody.\n"))
    assert article.title == "From meta"
    assert article.text == "Heading\n\nBody."


def test_markdown_without_front_matter_or_heading(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.md", "Just a paragraph with `code` and __bold__.\n"))
    assert (article.title, article.date, article.source) == (None, None, "a.md")
    assert article.text == "Just a paragraph with code and bold."


def test_markdown_markup_is_removed_and_paragraphs_kept(tmp_path: Path) -> None:
    text = (
        "# Title\n\n"
        "Intro paragraph.\n\n"
        "## A section\n\n"
        "> A quoted line.\n\n"
        "- first item\n"
        "* second item\n\n"
        "![a photo](img.png) Closing line.\n"
    )
    article = one(write(tmp_path / "a.md", text))
    assert article.title == "Title"
    assert article.text == (
        "Intro paragraph.\n\nA section\n\nA quoted line.\n\nfirst item\nsecond item\n\na photo Closing line."
    )


def test_markdown_bad_front_matter_line_names_path_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: T\nno colon here\n---\nBody.\n")
    expect_error([path], f"{path}:3", "key: value")


# --- HTML ---------------------------------------------------------------------------------------


def test_html(tmp_path: Path) -> None:
    page = """<!doctype html>
<html><head><title>  Rift   at the top </title><style>p { color: red }</style></head>
<body>
<nav>Home | World</nav>
<h1>Rift at the top</h1>
<p>Zelensky &amp; Zaluzhny   disagree,
   Bloomberg said.</p>
<script>var x = "not text";</script>
<p>88% trust the general.</p>
<footer>Copyright</footer>
</body></html>"""
    article = one(write(tmp_path / "a.html", page))
    assert article.title == "Rift at the top"
    assert article.source == "a.html"
    assert article.date is None
    assert (
        article.text == "Rift at the top\n\nZelensky & Zaluzhny disagree,\n Bloomberg said.\n\n88% trust the general."
    )
    for hidden in ("color", "not text", "Home", "Copyright"):
        assert hidden not in article.text


def test_htm_without_title_and_without_closing_head(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.htm", "<html><head><meta charset=utf-8><body><p>Hello there.</p>"))
    assert (article.title, article.text) == (None, "Hello there.")


def test_html_without_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html", "<html><head><title>T</title></head><body><script>x()</script></body>")
    expect_error([path], str(path), "no text")


# --- JSON and JSON Lines ------------------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    record = {
        "text": BODY,
        "title": "Offer refused",
        "date": "2024-01-30T09:15:00Z",
        "source": "Sample Wire",
        "url": "https://example.org/a",
        "id": "ignored-for-the-id",
    }
    article = one(write(tmp_path / "a.json", json.dumps(record)))
    assert article.text == BODY
    assert article.title == "Offer refused"
    assert article.date == "2024-01-30"
    assert article.source == "Sample Wire"
    assert article.url == "https://example.org/a"
    assert article.id == sha_id(BODY)


def test_json_list(tmp_path: Path) -> None:
    records = [{"text": "First.", "title": "One"}, {"text": "Second.", "url": "https://example.org/2"}]
    articles = list(read_articles(write(tmp_path / "list.json", json.dumps(records))))
    assert [a.text for a in articles] == ["First.", "Second."]
    assert [a.title for a in articles] == ["One", None]
    # without a source the url is the source, without both the file and the record's place in it
    assert [a.source for a in articles] == ["list.json#0", "https://example.org/2"]
    assert articles[1].url == "https://example.org/2"


def test_json_record_id_names_the_source(tmp_path: Path) -> None:
    article = one(write(tmp_path / "a.json", json.dumps({"text": "Some text.", "id": "story-7"})))
    assert article.source == "a.json#story-7"
    assert article.id == sha_id("Some text.")


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First story.", "title": "One", "date": "2024-03-05", "source": "Courier"}),
        "",
        "   ",
        json.dumps({"text": "Second story."}),
    ]
    articles = list(read_articles(write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")))
    assert [(a.title, a.date, a.source, a.text) for a in articles] == [
        ("One", "2024-03-05", "Courier", "First story."),
        (None, None, "a.jsonl#4", "Second story."),
    ]


def test_jsonl_keeps_unicode_line_separators_inside_strings(tmp_path: Path) -> None:
    text = "Line one\u2028line two\x85line three\u2029end\x0cpage."
    path = write(tmp_path / "a.jsonl", json.dumps({"text": text}, ensure_ascii=False) + "\n")
    assert one(path).text == text


def test_json_with_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", b"\xef\xbb\xbf" + json.dumps({"text": "Hi."}).encode())
    assert one(path).text == "Hi."


def test_malformed_jsonl_line_names_path_and_line_number(tmp_path: Path) -> None:
    good = json.dumps({"text": "Fine."})
    path = write(tmp_path / "a.jsonl", f"{good}\n\n{good[:-1]}\n{good}\n")
    message = expect_error([path], f"{path}:3", "malformed JSON")
    assert ":1" not in message.replace(str(path), "")


def test_malformed_json_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{"text": "no end"')
    expect_error([path], str(path), "malformed JSON")


@pytest.mark.parametrize(
    "record",
    [{"title": "no text"}, {"text": 42}, {"text": None}, ["text"], "just a string", 7],
)
def test_json_record_without_text(tmp_path: Path, record: object) -> None:
    path = write(tmp_path / "a.json", json.dumps(record))
    expect_error([path], f"{path}[0]", '"text"')


def test_jsonl_record_without_text_names_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "ok"}) + "\n" + json.dumps({"title": "x"}) + "\n")
    expect_error([path], f"{path}:2", '"text"')


def test_json_list_second_record_bad(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps([{"text": "ok"}, {"body": "wrong key"}]))
    expect_error([path], f"{path}[1]", '"text"')


@pytest.mark.parametrize("key", ["title", "date", "source", "url", "id"])
def test_json_fields_must_be_strings(tmp_path: Path, key: str) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "ok", key: 2024}) + "\n")
    expect_error([path], f"{path}:1", f'"{key}"', "string")


def test_json_record_with_empty_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "  \n "}) + "\n")
    expect_error([path], f"{path}:1", "no text")


def test_empty_json_list(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", "[]")
    expect_error([path], str(path), "no articles")


# --- ids ----------------------------------------------------------------------------------------


def test_same_text_in_two_files_is_one_article(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"date 2024-01-30 First title\n{BODY}")
    write(tmp_path / "b.md", f"---\ntitle: Other title\nsource: Wire\n---\n{BODY}\n")
    write(tmp_path / "c.jsonl", json.dumps({"text": BODY, "title": "Third"}) + "\n")
    write(tmp_path / "d.txt", "A different article.")
    articles = load([tmp_path])
    assert len(articles) == 2
    first = articles[0]
    # the first one seen (sorted paths) wins
    assert (first.title, first.source, first.id) == ("First title", "a.txt", sha_id(BODY))
    assert articles[1].text == "A different article."


def test_loading_twice_gives_the_same_articles(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "date 2024-01-30 T\nOne.")
    write(tmp_path / "b.json", json.dumps([{"text": "Two."}, {"text": "Three."}]))
    assert load([tmp_path]) == load([tmp_path])
    assert load([tmp_path, tmp_path / "a.txt"]) == load([tmp_path])


def test_id_ignores_surrounding_white_space(tmp_path: Path) -> None:
    a = one(write(tmp_path / "a.txt", "  \n\nSame words.\n\n"))
    b = one(write(tmp_path / "b.txt", "Same words."))
    assert a.id == b.id == sha_id("Same words.")


def test_content_hash() -> None:
    assert content_hash("abc") == hashlib.sha256(b"abc").hexdigest()
    assert content_hash("Kyiv \u2013 Київ") == hashlib.sha256("Kyiv \u2013 Київ".encode()).hexdigest()


texts = st.text(min_size=1, max_size=300).filter(lambda s: s.strip())
maybe = st.none() | st.text(max_size=40)
dates = st.none() | st.dates().map(lambda d: d.isoformat())


@settings(max_examples=200, deadline=None)
@given(text=texts, title1=maybe, title2=maybe, date1=dates, date2=dates, source=st.text(max_size=20))
def test_id_is_stable_and_depends_only_on_the_text(
    text: str, title1: str | None, title2: str | None, date1: str | None, date2: str | None, source: str
) -> None:
    a = make_article(text, title=title1, date_=date1, source=source, where="x")
    b = make_article(text, title=title2, date_=date2, source="other", url="https://example.org", where="y")
    assert a.id == b.id
    assert a.content_hash == b.content_hash
    assert a.id == a.content_hash[:ID_LENGTH]
    assert len(a.id) == ID_LENGTH
    assert a.id == sha_id(a.text)
    # line ends do not change the id ("\r\n" in the raw text already counts as one line end)
    assert make_article(a.text.replace("\n", "\r\n"), where="z").id == a.id
    # normalising is idempotent
    assert make_article(a.text, where="w").text == a.text


@settings(max_examples=200, deadline=None)
@given(one_text=texts, other=texts)
def test_different_texts_have_different_ids(one_text: str, other: str) -> None:
    a, b = make_article(one_text, where="a"), make_article(other, where="b")
    assert (a.id == b.id) == (a.text == b.text)


@settings(max_examples=100, deadline=None)
@given(text=texts, title=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_jsonl_round_trip_keeps_text_and_id(text: str, title: str) -> None:
    expected = make_article(text, where="x")
    record = {"text": text, "title": title, "date": "2024-01-30"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        article = one(path)
    assert article.text == expected.text
    assert article.id == expected.id
    assert article.title == (title.strip() or None)


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", "date 2024-02-30 Not a real day\nBody."),
        ("a.txt", "date 2024-1-30 Short month\nBody."),
        ("a.txt", "date 30/01/2024 European order\nBody."),
        ("a.md", "---\ntitle: T\ndate: January 30, 2024\n---\nBody.\n"),
        ("a.md", "---\ndate: 2024-13-01\n---\nBody.\n"),
        ("a.json", json.dumps({"text": "Body.", "date": "yesterday"})),
    ],
)
def test_bad_date(tmp_path: Path, name: str, content: str) -> None:
    path = write(tmp_path / name, content)
    expect_error([path], str(path), "date", "2024-01-30")


def test_bad_date_in_jsonl_names_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        json.dumps({"text": "ok"}) + "\n" + json.dumps({"text": "b", "date": "2024-02-31"}),
    )
    expect_error([path], f"{path}:2", "not a real date")


def test_undated_articles(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "No header here.")
    write(tmp_path / "b.md", "# Heading only\n\nBody.\n")
    write(tmp_path / "c.md", "---\ntitle: T\ndate:\n---\nBody two.\n")
    write(tmp_path / "d.json", json.dumps({"text": "Body three.", "date": None}))
    write(tmp_path / "e.html", "<p>Body four.</p>")
    articles = load([tmp_path])
    assert len(articles) == 5
    assert all(article.date is None for article in articles)


def test_text_starting_with_the_word_date_is_not_a_header(tmp_path: Path) -> None:
    text = "date night at the harbour drew 300 people.\nMore."
    assert one(write(tmp_path / "a.txt", text)).text == text


# --- folders ------------------------------------------------------------------------------------


def test_folder_recursion(tmp_path: Path) -> None:
    write(tmp_path / "top.txt", "Top level.")
    write(tmp_path / "sub" / "deeper" / "deep.md", "# Deep\n\nDeep text.\n")
    write(tmp_path / "sub" / "page.HTML", "<p>Page text.</p>")
    write(tmp_path / "sub" / "records.jsonl", json.dumps({"text": "Record text."}) + "\n")
    write(tmp_path / ".hidden" / "secret.txt", "Hidden folder text.")
    write(tmp_path / "sub" / ".git" / "notes.txt", "Nested hidden folder text.")
    write(tmp_path / "sub" / ".dotfile.txt", "Hidden file text.")
    write(tmp_path / "notes.docx", b"PK\x03\x04\x00\x00binary")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "README", "no suffix")
    write(tmp_path / "data.csv", "a,b\n1,2\n")

    files = find_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "sub/deeper/deep.md",
        "sub/page.HTML",
        "sub/records.jsonl",
        "top.txt",
    ]
    texts = sorted(article.text for article in load([tmp_path]))
    assert texts == ["Deep text.", "Page text.", "Record text.", "Top level."]


def test_hidden_folder_given_explicitly_is_read(tmp_path: Path) -> None:
    folder = tmp_path / ".drafts"
    write(folder / "a.txt", "Draft text.")
    assert [article.text for article in load([folder])] == ["Draft text."]


def test_files_and_folders_mixed_and_deduplicated(tmp_path: Path) -> None:
    a = write(tmp_path / "in" / "a.txt", "Alpha.")
    b = write(tmp_path / "b.txt", "Beta.")
    files = find_files([tmp_path / "in", a, b, b])
    assert files == [a, b]


def test_folder_with_no_articles(tmp_path: Path) -> None:
    write(tmp_path / "notes.csv", "a,b")
    write(tmp_path / ".hidden" / "a.txt", "Hidden.")
    expect_error([tmp_path], str(tmp_path), "no articles", ".txt")


def test_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    expect_error([folder], str(folder), "no articles")


def test_one_bad_file_in_a_folder_fails_the_load(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Fine.")
    bad = write(tmp_path / "b.txt", "   \n")
    expect_error([tmp_path], str(bad), "empty")


def test_no_paths_gives_no_articles() -> None:
    assert load([]) == []


# --- unreadable input ---------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "a.txt"
    expect_error([missing], str(missing), "no such file")


def test_missing_path_after_a_good_one(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", "Fine.")
    expect_error([good, tmp_path / "gone"], str(tmp_path / "gone"))


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.json", "a.jsonl", "a.html"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "")
    expect_error([path], str(path), "empty file")


@pytest.mark.parametrize("content", [" ", "\n\n\n", " \t\r\n \u00a0\u2003\n", "\ufeff  \n"])
def test_whitespace_only_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "a.txt", content)
    expect_error([path], str(path), "empty file")


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"Some text\x00\x01\x02 and more")
    expect_error([path], str(path), "binary")


def test_utf16_is_reported_as_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Hello world.".encode("utf-16"))
    expect_error([path], str(path), "binary")


def test_non_utf8_file(tmp_path: Path) -> None:
    text = "Zaluzhny a déclaré à la presse."
    path = write(tmp_path / "a.txt", text.encode("latin-1"))
    expect_error([path], str(path), "not valid UTF-8", f"byte {text.index('é')}", "iconv")


def test_non_utf8_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "caf\xe9"}\n'.encode("latin-1"))
    expect_error([path], str(path), "not valid UTF-8")


@pytest.mark.parametrize("name", ["a.pdf", "a.docx", "a.csv", "README", "a.txt.bak"])
def test_unknown_suffix_given_explicitly(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "Some text.")
    message = expect_error([path], str(path), "unknown file type", ".txt")
    assert (path.suffix or "(none)") in message


def test_read_text_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_text(tmp_path)


def test_nul_byte_far_into_a_file_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"Plain words. " * 1000 + b"\x00")
    assert (
        expect_error([path])
        == f"{path}: binary file, not text (NUL byte at offset 13000); kg reads UTF-8 text articles"
    )


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer
    message = expect_error([tmp_path / "pipe.txt"])
    assert (
        message
        == f"{tmp_path / 'pipe.txt'}: cannot read file (not a regular file: a FIFO); give kg article files or folders"
    )


def test_fifo_in_a_folder_is_not_an_article(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    os.mkfifo(tmp_path / "pipe.txt")
    assert find_files([tmp_path]) == [tmp_path / "a.txt"]


@pytest.mark.parametrize(
    ("name", "shown_as"),
    [("new\nline.txt", "new\\nline.txt"), ("tab\tbed.txt", "tab\\tbed.txt"), ("rs\x1e.txt", "rs\\x1e.txt")],
)
def test_control_characters_in_names_are_escaped(tmp_path: Path, name: str, shown_as: str) -> None:
    path = write(tmp_path / name, b"")
    assert expect_error([path]) == f"{tmp_path}/{shown_as}: empty file; remove it or give it text"


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Plain words.")
    message = expect_error([Path(os.fsdecode(raw))])
    assert (
        message
        == f"{tmp_path}/caf\\xe9.txt: file name is not valid UTF-8; rename the file, e.g. convmv -f latin1 -t utf-8"
    )
    assert shown(os.fsdecode(raw)).endswith("caf\\xe9.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "[" * 100_000 + "]" * 100_000,
            'JSON nested too deeply for Python\'s parser; an article is a flat object with a "text" string',
        ),
        (
            '{"text": "A \\ud800 b"}',
            "\"text\" holds a lone surrogate '\\ud800' at character 2, which is not text; fix the escape or remove it",
        ),
        (
            '{"text": "A b", "title": "\\udfff"}',
            "\"title\" holds a lone surrogate '\\udfff' at character 0, which is not text; fix the escape or remove it",
        ),
        (
            '{"text": "A b", "id": -' + "1" * 4301 + "}",
            "a JSON number has 4301 digits (at most 4300); write it as a string or remove it",
        ),
    ],
    ids=["nested", "surrogate-text", "surrogate-title", "long-integer"],
)
def test_hostile_json(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "a.json", content)
    where = f"{path}[0]" if "surrogate" in message else str(path)
    assert expect_error([path]) == f"{where}: {message}"


def test_json_integer_of_4300_digits_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{"text": "A b.", "extra": ' + "9" * 4300 + "}")
    assert one(path).text == "A b."


def test_suffixes_cover_every_documented_format() -> None:
    assert set(SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}


# --- the sample articles shipped in articles/ ---------------------------------------------------


def test_sample_articles() -> None:
    files = find_files([SAMPLES])
    assert files, "articles/ holds no samples"
    assert {path.suffix for path in files} >= {".txt", ".md", ".jsonl"}
    articles = load([SAMPLES])
    assert 4 <= len(articles) <= 8
    per_file = {path: list(read_articles(path)) for path in files}
    assert sum(len(found) for found in per_file.values()) == len(articles), "two samples share a text"
    total_words = 0
    for path, found in per_file.items():
        raw = path.read_text(encoding="utf-8")
        first_line = raw.lstrip().partition("\n")[0]
        for article in found:
            assert article.title, f"{path}: no title"
            words = len(article.text.split())
            total_words += words
            assert 120 <= words <= 350, f"{path}: {words} words"
            gives_date = (
                first_line.startswith("date ")
                or (path.suffix == ".md" and "\ndate:" in raw.partition("\n---")[0] + "\n")
                or (path.suffix in (".json", ".jsonl") and '"date"' in raw)
            )
            if gives_date:
                assert article.date is not None, f"{path}: date not read"
                assert article.date.startswith("2024-")
            assert "\r" not in article.text
            assert article.id == sha_id(article.text)
    assert total_words <= 1600
    everything = " ".join(article.text for article in articles)
    for name in ("Zaluzhny", "Zelensky", "Bloomberg", "Sullivan", "Davos", "Nikiforov", "88%", "62%"):
        assert name in everything, name
    dated = {article.date for article in articles}
    assert "2024-01-30" in dated
    assert None in dated, "one sample is undated (title header)"
