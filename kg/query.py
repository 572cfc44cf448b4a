"""Read SPARQL from text or a file, and format results as table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from .errors import QueryError
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
    if term is None:
        return ""
    if isinstance(term, (URIRef, BNode, Literal)):
        return str(term)
    return str(term)


def _rows(result: Result) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["ask"], [["true" if result.askAnswer else "false"]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        rows = sorted([[_cell(s), _cell(p), _cell(o)] for s, p, o in result.graph])
        return ["subject", "predicate", "object"], rows
    names = [str(v) for v in result.vars or []]
    return names, [[_cell(row[i]) for i in range(len(names))] for row in result]  # type: ignore[index]


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


def _table(names: list[str], rows: list[list[str]]) -> str:
    shown = [[" ".join(c.split()) for c in row] for row in rows]
    widths = [max([len(n)] + [min(len(r[i]), 80) for r in shown]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            (c if len(c) <= 80 else c[:77] + "...").ljust(w) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in shown]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


FORMATTERS: dict[str, Callable[[list[str], list[list[str]]], str]] = {
    "table": _table,
    "csv": _delimited(","),
    "tsv": _delimited("\t"),
    "json": _json,
}


def format_result(result: Result, fmt: str) -> str:
    """Render a query result in one of FORMATTERS."""
    names, rows = _rows(result)
    return FORMATTERS[fmt](names, rows)
