"""Read SPARQL from text or a file, and format results as table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from .errors import QueryError
from .tables import render as render_table
from .vocab import ontology_dir

QUERY_SUFFIXES = (".rq", ".sparql")


def read_query(text_or_path: str) -> str:
    """The query text: the argument itself, or the contents of the .rq file it names."""
    if text_or_path.strip().lower().endswith(QUERY_SUFFIXES) and "\n" not in text_or_path:
        path = Path(text_or_path.strip())
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise QueryError(f"{path}: no such query file") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query file ({exc})") from exc
    if not text_or_path.strip():
        raise QueryError("empty query; give SPARQL text or a .rq file")
    return text_or_path


def named_queries() -> dict[str, Path]:
    """The queries shipped in ontology/queries, by name."""
    return {p.stem: p for p in sorted((ontology_dir() / "queries").glob("*.rq"))}


_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Z][A-Z0-9_]*)(\?)?\s*:\s*(.*)$", re.MULTILINE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter a named query declares in a '# param NAME[?] : description' line."""

    name: str
    required: bool
    description: str


def query_params(text: str) -> dict[str, Param]:
    """The parameters a query declares.

    >>> query_params("# param ACTOR : an actor\\nSELECT * WHERE { ?s ?p ?ACTOR }")
    {'ACTOR': Param(name='ACTOR', required=True, description='an actor')}
    """
    return {m[1]: Param(m[1], not m[2], m[3].strip()) for m in _PARAM_LINE.finditer(text)}


def named_query(name: str, params: dict[str, str] | None = None) -> str:
    """The text of a named query with its parameters bound, checked against what it declares."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"unknown named query {name!r}; choose one of: {', '.join(queries)}")
    text = queries[name].read_text(encoding="utf-8")
    return bind_params(text, params or {}, where=f"query {name!r}")


def bind_params(text: str, params: dict[str, str], *, where: str = "the query") -> str:
    """Bind parameters as VALUES clauses of string literals: values are data, never SPARQL text.

    >>> print(bind_params("# param ACTOR : x\\nSELECT ?s WHERE { ?s ?p ?ACTOR }", {"actor": 'a" } #'}))
    # param ACTOR : x
    SELECT ?s WHERE { VALUES ?ACTOR { "a\\" } #" }
     ?s ?p ?ACTOR }
    """
    declared = query_params(text)
    given = {key.upper(): value for key, value in params.items()}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        valid = ", ".join(declared) or "none"
        raise QueryError(f"{where} has no parameter {unknown[0]}; its parameters: {valid}")
    missing = [p.name for p in declared.values() if p.required and p.name not in given]
    if missing:
        p = declared[missing[0]]
        raise QueryError(f"{where} needs --param {p.name}=VALUE ({p.description})")
    if not given:
        return text
    values = "".join(f" VALUES ?{key} {{ {Literal(value).n3()} }}\n" for key, value in sorted(given.items()))
    # after every WHERE {, so that subqueries (which see only their own variables) get them too
    return _WHERE.sub(lambda m: m.group(0) + values, text)


def parse_param(item: str) -> tuple[str, str]:
    """'ACTOR=Zaluzhny' -> ('ACTOR', 'Zaluzhny')."""
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise QueryError(f"bad --param {item!r}; write it as KEY=VALUE, e.g. --param ACTOR=Zaluzhny")
    return key.strip().upper(), value


def _cell(term: object) -> str:
    """A term as machine formats write it: IRIs whole, literals as their text."""
    return "" if term is None else str(term)


def prefixed(iri: str, prefixes: Mapping[str, str]) -> str:
    """'person:valery-zaluzhny' for an IRI under a known namespace (the longest), else '<IRI>'.

    >>> prefixed("https://w3id.org/kg/ontology#asserted", {"kg": "https://w3id.org/kg/ontology#"})
    'kg:asserted'
    >>> prefixed("https://example.org/a/b", {"kg": "https://w3id.org/kg/ontology#"})
    '<https://example.org/a/b>'
    """
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is not None:
        local = iri[len(best) :]
        if _LOCAL.fullmatch(local):
            prefix = next(p for p, ns in sorted(prefixes.items()) if ns == best)
            return f"{prefix}:{local}"
    return f"<{iri}>"


_LOCAL = re.compile(r"(?:[\w][\w.-]*[\w-]|[\w]?)")


def _human(term: object, titles: Mapping[str, str], prefixes: Mapping[str, str]) -> str:
    if isinstance(term, URIRef):
        return titles.get(str(term)) or prefixed(str(term), prefixes)
    if isinstance(term, BNode):
        return f"_:{term}"
    return _cell(term)


def _terms(result: Result) -> tuple[list[str], list[list[object]]]:
    if result.type == "ASK":
        return ["ask"], [[Literal(bool(result.askAnswer))]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return ["subject", "predicate", "object"], sorted(([s, p, o] for s, p, o in result.graph), key=str)
    names = [str(v) for v in result.vars or []]
    return names, [[row[i] for i in range(len(names))] for row in result]  # type: ignore[index]


def _delimited(delimiter: str) -> Callable[[list[str], list[list[str]]], str]:
    def render(names: list[str], rows: list[list[str]]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()

    return render


def _json(names: list[str], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(names, row, strict=True)) for row in rows], ensure_ascii=False, indent=1) + "\n"


FORMATTERS: dict[str, Callable[[list[str], list[list[str]]], str]] = {
    "csv": _delimited(","),
    "tsv": _delimited("\t"),
    "json": _json,
}
FORMATS = ("table", *FORMATTERS)
"""table is for people (prefixed names, article titles, fitted to the terminal); csv, tsv and
json are for programs (full IRIs, nothing cut)."""


def format_result(
    result: Result,
    fmt: str,
    *,
    width: int | None = None,
    titles: Mapping[str, str] | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> str:
    """Render a query result: 'table' for people, or one of FORMATTERS for programs.

    The table shows IRIs as prefixed names (`prefixes`) or, for articles, their titles
    (`titles`: IRI -> title), and fits `width` by cutting text, never names or IRIs.
    """
    names, terms = _terms(result)
    if fmt != "table":
        return FORMATTERS[fmt](names, [[_cell(t) for t in row] for row in terms])
    titles, prefixes = titles or {}, prefixes or {}
    rows = [[_human(t, titles, prefixes) for t in row] for row in terms]
    whole = {i for i in range(len(names)) if any(isinstance(r[i], URIRef) and str(r[i]) not in titles for r in terms)}
    return render_table(names, rows, width=width, whole=whole) + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


_BLANKED = re.compile(  # IRIs, strings and comments, where a colon is no prefix
    r"<[^<>\"{}|^`\\\s]*>|\"\"\".*?\"\"\"|'''.*?'''|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|#[^\n]*", re.S
)
_PREFIXED = re.compile(r"(?<![\w?$.\-:])((?:[A-Za-z](?:[\w.-]*\w)?)?):(?=[\w%\\]|[\s;,.)}\]]|$)")
_DECLARED = re.compile(r"\bPREFIX\s+((?:[A-Za-z](?:[\w.-]*\w)?)?):", re.I)
_PARSER_ERROR = re.compile(r"^error at (\d+):(\d+): expected (?:one of )?(.*)$", re.S)
_ITEM = re.compile(r'"(?:\\.|[^"\\])*"|\[(?:\\.|[^\]])*\]|[^,\s][^,]*')


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def unknown_prefix(sparql: str, known: Iterable[str]) -> tuple[str, str] | None:
    """The first prefix used but neither predefined nor declared, and where: ('kgx', '1:21').

    >>> unknown_prefix("SELECT * WHERE { ?s kgx:p <http://x/a:b> ; rdf:type 'a:b' }", ["rdf"])
    ('kgx', '1:21')
    """
    blank = _BLANKED.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), sparql)
    declared = set(known) | set(_DECLARED.findall(blank))
    for m in _PREFIXED.finditer(blank):
        if m.group(1) not in declared and not blank[: m.start()].rstrip().upper().endswith("PREFIX"):
            return m.group(1), _position(sparql, m.start())
    return None


def _expected(items: str) -> str:
    """The parser's list of what it expected, in words ('LATERAL or SERVICE', 'a name')."""
    words: list[str] = []
    for item in _ITEM.findall(items):
        item = item.strip()
        if item.startswith("["):
            word = "a name" if "'A' ..= 'Z'" in item else ""
        else:
            word = "" if item == "Prefix not found" else item
        if word and word not in words:
            words.append(word)
    if not words:
        return "something else"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def explain_syntax_error(message: str, sparql: str, known: Iterable[str]) -> str:
    """A SPARQL parser's error in words, on one line, with its position and what to do.

    >>> explain_syntax_error("error at 1:25: expected one of LATERAL, SERVICE, [_]", "SELECT * WHERE { ?s ?p }", [])
    "SPARQL syntax error at 1:25 (after '?s ?p }'): expected LATERAL or SERVICE"
    >>> explain_syntax_error("error at 1:28: expected one of Prefix not found", "SELECT * { ?s kgx:p ?o }", ["kg"])
    "SPARQL syntax error: unknown prefix 'kgx:' at 1:15; known prefixes: kg; or declare it: PREFIX kgx: <IRI>"
    """
    known = sorted(known)
    missing = unknown_prefix(sparql, known)
    if missing is not None:
        prefix, where = missing
        return (
            f"SPARQL syntax error: unknown prefix '{prefix}:' at {where}; known prefixes: {', '.join(known)}; "
            f"or declare it: PREFIX {prefix}: <IRI>"
        )
    m = _PARSER_ERROR.match(" ".join(message.split()))
    if m is None:
        return f"SPARQL syntax error: {' '.join(message.split())}"
    line, column, items = int(m.group(1)), int(m.group(2)), m.group(3)
    if "Prefix not found" in items:
        return f"SPARQL syntax error: unknown prefix at {line}:{column}; known prefixes: {', '.join(known)}"
    lines = sparql.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = " ".join(text[: column - 1].split()[-3:])
    near = f" (after {before!r})" if before else " (at the start of the line)"
    return f"SPARQL syntax error at {line}:{column}{near}: expected {_expected(items)}"
