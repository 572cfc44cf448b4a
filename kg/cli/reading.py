"""kg query, validate, serve, export, entities and show: the commands that only read the store."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..export import EXPORTERS
from ..models import ENTITY_TYPES

if TYPE_CHECKING:
    pass


from .common import (
    ENTITY_FORMATS,
    fail,
    graph_contents,
    main,
    out_option,
    plural,
    progress,
    reports_errors,
    store_option,
    talks,
    wait_option,
    wrote,
)

QUERY_FORMATS = ("table", "csv", "tsv", "json")  # kg.query.FORMATS
FORMAT_HELP = (
    "table is for people: prefixed names, article titles, fitted to the terminal; "
    "csv, tsv and json keep full IRIs and cut nothing."
)


def terminal_width() -> int | None:
    """Columns to fit tables in: $COLUMNS, else the terminal's width; None (no limit) when piped."""
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


@main.command()
@click.argument("query", required=False)
@out_option
@store_option
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True, help=FORMAT_HELP)
@click.option("--named", "named", default=None, metavar="NAME", help="Run a query shipped in ontology/queries by name.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Parameter of a --named query; repeatable.")
@talks
@wait_option
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0),
    metavar="SECONDS",
    help="Stop the query after this long (0: no limit).",
)
@click.option(
    "--memory",
    default=None,
    type=click.IntRange(0),
    metavar="MB",
    help="Stop the query if it needs more memory than this (0: no bound). Default: half the RAM, at most 4096.",
)
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses send the query to other servers.")
@reports_errors
def query(
    query: str | None,
    out_dir: Path,
    store_url: str | None,
    fmt: str,
    named: str | None,
    params: tuple[str, ...],
    wait: float,
    timeout: float,
    memory: int | None,
    allow_service: bool,
) -> None:
    """Run a SPARQL query (text or a .rq file) over all articles' graphs.

    Predefined prefixes: rdf, rdfs, owl, xsd, skos, prov, dcterms, schema; kg (the
    ontology), kge (entities), kga (articles), kgs (statements), kgp (controlled
    predicates), kgo (open predicates); and one per entity type: person, organization,
    governmentbody, militaryorganization, company, mediaoutlet, sportsteam, country, place, event,
    anonymoussource, group, creativework, concept, situation (person:valery-zaluzhny).

    Named queries: who-said-what [SOURCE], claims-about ACTOR, sources-of ACTOR,
    anonymous-only, denials, contradictions, timeline ACTOR. An ACTOR or SOURCE that
    names one entity (key, IRI, label or alias, regardless of case and accents) finds
    that entity; other text finds every entity whose label or IRI contains it; text in
    no name is an error that suggests the nearest names.

    \b
    Example:
      kg query "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
      kg query --named claims-about --param ACTOR=Zaluzhny --format csv > claims.csv
    """
    from ..bounded import Limits, default_memory
    from ..query import format_result, named_query, parse_param, read_query
    from ..remote import open_store
    from ..store import SPARQL_PREFIXES

    if named is not None and query is not None:
        raise click.UsageError("give either QUERY or --named NAME, not both")
    if named is None and query is None:
        raise click.UsageError("give a QUERY (SPARQL text or a .rq file) or --named NAME")
    if params and named is None:
        raise click.UsageError("--param works only with --named")
    values = dict(parse_param(p) for p in params)
    text = read_query(query) if query is not None else named_query(str(named), values)  # checked before any work
    limits = Limits(timeout, default_memory() if memory is None else memory << 20, allow_service)
    with open_store(out_dir, store_url, wait=wait) as store, progress().stage("querying"):
        if named is not None and any(key in ACTOR_PARAMS for key in values):
            text = named_query(named, _actor_params(store, values))
        result = store.run(text, limits)
        if fmt == "table":
            titles = {str(a): str(t) for a, t in store.select(ARTICLE_TITLES)}
            shown = format_result(result, fmt, width=terminal_width(), titles=titles, prefixes=SPARQL_PREFIXES)
        else:
            shown = format_result(result, fmt)
    click.echo(shown, nl=False)


ARTICLE_TITLES = "SELECT ?a ?t WHERE { ?a a kg:Article ; dcterms:title ?t }"
ACTOR_PARAMS = ("ACTOR", "SOURCE")  # parameters of named queries that name an actor


def _actor_params(store: Any, values: dict[str, str]) -> dict[str, str]:
    """Named queries' ACTOR and SOURCE values, looked up like kg show does (kg.lookup.query_value)."""
    from ..dossier import candidates, entity_rows
    from ..lookup import query_value

    if not any(key in ACTOR_PARAMS for key in values):
        return values
    pool = candidates(entity_rows(store))
    return {key: query_value(pool, v) if key in ACTOR_PARAMS else v for key, v in values.items()}


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@store_option
@talks
@reports_errors
def validate(file: Path | None, out_dir: Path, store_url: str | None) -> None:
    """Check the store (or an RDF FILE) against the SHACL shapes in ontology/shapes.ttl.

    Prints one line per violation (focus node, property, message) and exits with 1 if
    there is any; prints nothing and exits with 0 when the graph conforms. On a large
    store this takes a while: progress goes to stderr every few seconds.

    \b
    Example:
      kg validate --out output/
      kg validate output/kg.ttl
    """
    from ..validate import validate_file, validate_store

    with progress().stage(f"validating {file or out_dir} against the SHACL shapes"):
        found = validate_file(file) if file is not None else validate_store(out_dir, store_url)
    for line in found:
        click.echo(line)
    if found:
        fail(f"{len(found)} SHACL violation{'s' if len(found) != 1 else ''}")


@main.command()
@out_option
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535), help="Port on 127.0.0.1.")
@click.option(
    "--timeout", default=30, show_default=True, type=click.IntRange(1), help="Time limit of a query, in seconds."
)
@reports_errors
def serve(out_dir: Path, port: int, timeout: int) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol on 127.0.0.1, until Ctrl-C.

    The server is Oxigraph's own (GET and POST, results as JSON, XML, CSV or TSV by the
    Accept header, a query editor at /). It serves a snapshot of the store taken when
    it starts, with the union of all graphs as the default graph; updates are refused.
    Builds may go on while it runs; restart it to serve what they added.

    \b
    Example:
      kg serve --out output/ --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/query
    """
    from ..serve import start

    server = start(out_dir, port=port, timeout=timeout)
    try:
        click.echo(f"kg: serving {out_dir} read-only at {server.url} (query editor at /); Ctrl-C stops", err=True)
        server.wait(on_restart=lambda why: click.echo(f"kg: the server stopped ({why}); restarting it", err=True))
    except KeyboardInterrupt:
        pass  # Ctrl-C before the wait began
    finally:
        server.stop()
    click.echo("kg: stopped", err=True)


@main.command()
@out_option
@store_option
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), required=True)
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@talks
@reports_errors
def export(out_dir: Path, store_url: str | None, fmt: str, file: Path | None) -> None:
    """Export the whole graph as Turtle, TriG, N-Quads, JSON-LD, GraphML or CSV.

    TriG and N-Quads keep one named graph per article. GraphML is the actor graph of
    the HTML page (for Gephi, yEd or networkx); CSV has one row per statement with its
    labels, status, source chain, sentence and article.

    \b
    Example:
      kg export --format nquads --file output/kg.nq
    """
    from ..counts import store_counts
    from ..files import write_atomic
    from ..remote import open_store

    with open_store(out_dir, store_url) as store, progress().stage(f"exporting {fmt}"):
        data = EXPORTERS[fmt](store)
        counts = store_counts(store)
    if file is None:
        click.echo(data, nl=False)
        return
    size = write_atomic(file, data)
    if fmt == "csv":
        contents = plural(len(list(csv.reader(io.StringIO(data)))) - 1, "statement")
    elif fmt == "graphml":
        import networkx as nx

        contents = graph_contents(nx.parse_graphml(data))
    else:
        contents = counts.describe()
    wrote(file, size, contents)


@main.command()
@out_option
@store_option
@click.option(
    "--type",
    "type_",
    type=click.Choice(ENTITY_TYPES, case_sensitive=False),
    default=None,
    help="Only entities of this type (default: every actor, no concepts or situations).",
)
@click.option("--format", "fmt", type=click.Choice(ENTITY_FORMATS), default="table", show_default=True)
@talks
@reports_errors
def entities(out_dir: Path, store_url: str | None, type_: str | None, fmt: str) -> None:
    """List the actors in the graph: type, label, articles and statements naming them, aliases.

    Most talked-about first. statements counts the statements an actor is the subject,
    object or source of, as kg show lists them; articles, the articles they come from.
    The table fits the terminal (labels and aliases cut, keys never); csv and json
    (one object per line) cut nothing.

    \b
    Example:
      kg entities --type Person --format csv > people.csv
    """
    from ..dossier import format_entities, list_entities
    from ..remote import open_store

    canonical = next((t for t in ENTITY_TYPES if type_ and t.lower() == type_.lower()), None)
    with open_store(out_dir, store_url) as store, progress().stage("reading entities"):
        rows = list_entities(store, canonical)
    click.echo(format_entities(rows, fmt, width=terminal_width()), nl=False)


@main.command()
@click.argument("name")
@out_option
@store_option
@talks
@reports_errors
def show(name: str, out_dir: Path, store_url: str | None) -> None:
    """Print one actor's dossier: aliases, roles, every statement in and out with sentence and source.

    NAME is a label, an alias, an entity key or IRI, matched regardless of case and
    accents; a name that fits none gets the nearest actors' names. Statements are listed
    with the actor as subject (->), object (<-) or source (<=); their number is the one
    kg entities gives.

    \b
    Example:
      kg show Zaluzhny --out output/
    """
    from ..dossier import dossier, format_dossier
    from ..remote import open_store

    with open_store(out_dir, store_url) as store, progress().stage(f"reading {name}"):
        text = format_dossier(dossier(store, name))
    click.echo(text, nl=False)
