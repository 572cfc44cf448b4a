"""Check a graph against the SHACL shapes in ontology/shapes.ttl: one line per violation."""

from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import SH

from .errors import InputError, KgError
from .vocab import ontology_dir

SHAPES_FILE = "shapes.ttl"
RDF_FORMATS = {
    ".nq": "nquads",
    ".trig": "trig",
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}


class ValidationError(KgError):
    """The shapes themselves cannot be read or applied."""


def shapes() -> Graph:
    """The SHACL shapes shipped in ontology/shapes.ttl."""
    return Graph().parse(ontology_dir() / SHAPES_FILE, format="turtle")


def read_rdf(path: Path) -> Graph:
    """All triples of an RDF file (every named graph merged), by its suffix."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}; use one of {', '.join(RDF_FORMATS)}")
    dataset = Dataset()
    try:
        with warnings.catch_warnings():  # rdflib 7 warns about its own default_context when parsing
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(path, format=fmt)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (SyntaxError, ParserError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid {fmt} ({' '.join(str(exc).split())[:200]})") from exc
    except RecursionError as exc:  # rdflib's parsers recurse once per nested list or blank node
        raise InputError(f"{path}: not valid {fmt} (nested too deeply for the parser); flatten the nesting") from exc
    return _merged(dataset)


def _merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def violations(data: Graph) -> list[str]:
    """Every SHACL violation in data, one sorted line each: focus node, path, message, value."""
    from pyshacl import validate

    try:
        conforms, report, _ = validate(data, shacl_graph=shapes(), inference="none", allow_warnings=True)
    except Exception as exc:  # pyshacl raises its own error types for broken shapes
        raise ValidationError(f"SHACL validation failed to run: {' '.join(str(exc).split())[:200]}") from exc
    if conforms:
        return []
    assert isinstance(report, Graph)
    lines = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = f"{_term(focus)} {_term(path)}" if path is not None else _term(focus)
        shown = f" (value: {_term(value)})" if value is not None and value != focus else ""
        lines.append(f"{where}: {message}{shown}")
    return sorted(set(lines))


def _term(term: object) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = " ".join(str(term).split())
        return repr(text if len(text) <= 60 else text[:57] + "...")
    return str(term)


def validate_store(out_dir: Path, store_url: str | None = None) -> list[str]:
    """Violations in the store under an output folder (or at a SPARQL endpoint)."""
    import pyoxigraph as ox

    from .remote import open_store

    with open_store(out_dir, store_url) as store:
        data = store.dump(ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=data.decode("utf-8"), format="nquads")
    return violations(_merged(dataset))


def validate_file(path: Path) -> list[str]:
    """Violations in an RDF file."""
    return violations(read_rdf(path))
