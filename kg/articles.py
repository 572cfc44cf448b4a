"""Find and read input files as Articles.

Formats, by file ending:

- ``.txt``: plain text; the first line may be a header ``date YYYY-MM-DD Title`` or
  ``title Title`` (leading white space allowed), followed by the body.
- ``.md``: Markdown, optionally with YAML-style front matter between ``---`` lines
  (``title``, ``date``, ``source``, ``url``); a leading ``# Heading`` is the title otherwise.
- ``.html`` / ``.htm``: the ``<title>`` and the text of ``<p>`` and heading elements.
- ``.json``: one object, or a list of objects; ``.jsonl``: one object per line. Each record has
  ``text`` and optional ``title``, ``date``, ``source``, ``url``, ``id``.

Every article's id is a prefix of the SHA-256 of its text, so loading it again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .datelines import split_dateline, strip_tickers
from .errors import InputError
from .models import Article

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
ID_LENGTH = 16
# Python refuses to read longer integers (sys.get_int_max_str_digits); no article field is a number.
MAX_JSON_DIGITS = 4300

_HEADER = re.compile(r"^\s*(?:date\s+(\d[\d./-]*)\s*(.*)|title\s+(.*))$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shown(path: Path | str) -> str:
    r"""A path as messages print it: on one line, control characters and undecodable bytes escaped.

    >>> shown("new\nline.txt"), shown("caf\udce9.txt")
    ('new\\nline.txt', 'caf\\xe9.txt')
    """
    text = str(path)
    if text.isprintable():
        return text
    out = []
    for char in text:
        if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif char.isprintable() or char == " ":
            out.append(char)
        else:
            out.append(repr(char)[1:-1])
    return "".join(out)


def make_article(
    text: str,
    *,
    title: str | None = None,
    date_: str | None = None,
    source: str = "",
    url: str | None = None,
    where: str = "",
    read_from: str = "",
) -> Article:
    """Build an Article, normalising line ends and checking the date.

    >>> make_article("Hello.\\r\\n", title="Hi").text
    'Hello.'
    """
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise InputError(f"{where or source}: the article has no text; remove the file or give it text")
    digest = content_hash(body)  # of the text as written, dateline included: ids do not change
    dateline, body = split_dateline(body)
    body = strip_tickers(body)  # "CSR Ltd <CSRA.S> said": a ticker is no word of the sentence
    return Article(
        id=digest[:ID_LENGTH],
        text=body,
        title=(title or "").strip() or None,
        date=_check_date(date_, where or source),
        source=source,
        url=url or None,
        content_hash=digest,
        dateline=dateline,
        origin=url or read_from or source,
    )


def _check_date(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    match = _DATE_PREFIX.match(str(value).strip())
    if not match:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD; write dates like 2024-01-30")
    try:
        date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not a real date; write dates like 2024-01-30") from exc
    return match.group(1)


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders (recursively) into the sorted list of article files."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{shown(path)}: no such file or folder")
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                raise InputError(f"{shown(path)}: folder holds no articles; kg reads {', '.join(SUFFIXES)} files")
            found.extend(inside)
        elif path.suffix.lower() in SUFFIXES:
            found.append(path)
        else:
            raise InputError(
                f"{shown(path)}: unknown file type {shown(path.suffix) or '(none)'!r}; kg reads {', '.join(SUFFIXES)}"
            )
    for file in found:
        _check_name(file)
    return list(dict.fromkeys(found))


def _check_name(path: Path) -> None:
    """Refuse a file name that is not UTF-8: it is stored as the article's source, which must be text."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{shown(path)}: file name is not valid UTF-8; rename the file, e.g. convmv -f latin1 -t utf-8"
        ) from exc


def read_text(path: Path) -> str:
    """Read a regular file as UTF-8 text, refusing binary files and other encodings with a clear message."""
    data = _read_regular_file(path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{shown(path)}: binary file, not text (NUL byte at offset {nul}); kg reads UTF-8 text articles"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{shown(path)}: not valid UTF-8 (byte {exc.start}); convert it, e.g. iconv -f latin1 -t utf-8"
        ) from exc
    if not text.strip():
        raise InputError(f"{shown(path)}: empty file; remove it or give it text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file; a FIFO, device or socket is refused before it can block the read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISREG(mode):
                with os.fdopen(fd, "rb", closefd=False) as handle:
                    return handle.read()
        finally:
            os.close(fd)
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read file ({exc.strerror or exc})") from exc
    kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
    raise InputError(f"{shown(path)}: cannot read file (not a regular file: {kind}); give kg article files or folders")


def read_articles(path: Path) -> Iterator[Article]:
    """Yield the articles in one file."""
    suffix = path.suffix.lower()
    text = read_text(path)
    if suffix in JSON_SUFFIXES:
        yield from _json_articles(text, path, lines=suffix == ".jsonl")
    elif suffix in MARKDOWN_SUFFIXES:
        yield _markdown_article(text, path)
    elif suffix in HTML_SUFFIXES:
        yield _html_article(text, path)
    else:
        yield _text_article(text, path)


def load(paths: Iterable[Path]) -> list[Article]:
    """Read every article under the paths, checking all of them before returning any.

    Duplicates (the same text twice) are kept once, the first one seen.
    """
    articles: dict[str, Article] = {}
    for file in find_files(paths):
        for article in read_articles(file):
            articles.setdefault(article.id, article)
    return list(articles.values())


def _text_article(text: str, path: Path) -> Article:
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    match = _HEADER.match(first)
    if match:
        day, dated_title, title = match.groups()
        return make_article(rest, title=dated_title or title, date_=day, source=path.name, where=shown(path))
    return make_article(text, source=path.name, where=shown(path))


def _markdown_article(text: str, path: Path) -> Article:
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for number, line in enumerate(match.group(1).splitlines(), start=2):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise InputError(f"{shown(path)}:{number}: front matter line is not 'key: value'")
            meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    title = meta.get("title")
    if title is None:
        heading = re.match(r"\s*#\s+(.+)\n", text)
        if heading:
            title, text = heading.group(1).strip(), text[heading.end() :]
    return make_article(
        _strip_markdown(text),
        title=title,
        date_=meta.get("date"),
        source=meta.get("source") or path.name,
        url=meta.get("url"),
        where=shown(path),
        read_from=path.name,
    )


def _strip_markdown(text: str) -> str:
    """Remove the Markdown markup that would confuse the parser: emphasis, links, heading marks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]+", "", text, flags=re.M)
    text = re.sub(r"^[ \t]{0,3}[>*+-][ \t]+", "", text, flags=re.M)
    return re.sub(r"(\*\*|__|\*|`)", "", text)


def _json_articles(text: str, path: Path, *, lines: bool) -> Iterator[Article]:
    if lines:
        # split on "\n" only: str.splitlines() also splits on U+2028, U+0085 ..., valid inside JSON strings
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                yield _json_record(
                    _parse_json(line, f"{shown(path)}:{number}"), f"{shown(path)}:{number}", path, number
                )
        return
    data = _parse_json(text, shown(path))
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{shown(path)}: the JSON list holds no articles; remove the file or add records")
    for index, record in enumerate(records):
        yield _json_record(record, f"{shown(path)}[{index}]", path, index)


def _parse_json(text: str, where: str) -> Any:
    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_JSON_DIGITS:
            raise InputError(
                f"{where}: a JSON number has {len(digits.lstrip('-'))} digits (at most {MAX_JSON_DIGITS}); "
                "write it as a string or remove it"
            )
        return int(digits)

    try:
        return json.loads(text, parse_int=integer)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}: malformed JSON ({exc.msg} at column {exc.colno}); fix or remove the record"
        ) from exc
    except RecursionError as exc:
        raise InputError(
            f'{where}: JSON nested too deeply for Python\'s parser; an article is a flat object with a "text" string'
        ) from exc


def _json_record(record: Any, where: str, path: Path, number: int) -> Article:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{where}: a JSON article needs a "text" string')
    for key in ("text", "title", "date", "source", "url", "id"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{key}" must be a string')
        if value is not None:
            _check_unicode(value, where, key)
    return make_article(
        record["text"],
        title=record.get("title"),
        date_=record.get("date"),
        source=record.get("source") or record.get("url") or f"{path.name}#{record.get('id') or number}",
        url=record.get("url"),
        where=where,
        read_from=f"{path.name}#{record.get('id') or number}",
    )


def _check_unicode(value: str, where: str, key: str) -> None:
    """Refuse a lone surrogate ("\\ud800"): JSON can spell one, but no text can hold it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f'{where}: "{key}" holds a lone surrogate {value[exc.start]!a} at character {exc.start}, '
            "which is not text; fix the escape or remove it"
        ) from exc


class _HTMLText(HTMLParser):
    BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "br"})
    SKIP = frozenset({"script", "style", "noscript", "head", "nav", "footer"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "body":  # </head> may be omitted
            self._skip = 0
        elif tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _html_article(text: str, path: Path) -> Article:
    parser = _HTMLText()
    parser.feed(text)
    body = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    body = re.sub(r"\s*\n\s*\n\s*", "\n\n", body)
    return make_article(body, title=" ".join(parser.title.split()) or None, source=path.name, where=shown(path))
