"""Read SPARQL from text or a file, and format results as table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
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
        return "  ".join((c if len(c) <= 80 else c[:77] + "...").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
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
