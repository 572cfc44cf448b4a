"""kg build, kg remove and kg render: the commands that write (the store, kg.ttl, graph.html)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import KgError

if TYPE_CHECKING:
    from ..progress import Progress


from .common import (
    HTML_NAME,
    TTL_NAME,
    fail,
    main,
    model_option,
    out_option,
    progress,
    reports_errors,
    say,
    store_option,
    talks,
    wait_option,
    wrote,
)


def _default_jobs() -> int:

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

    from ..build import build as run_build
    from ..build import rebuild as run_rebuild

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
    from ..counts import store_counts
    from ..remote import open_store
    from ..removal import remove_articles
    from ..store import Store

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
    from ..export import to_turtle
    from ..files import write_atomic
    from ..remote import open_store

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
    from ..counts import store_counts
    from ..remote import open_store

    try:
        with open_store(out_dir, store_url) as store:
            return f"the store was left at its last commit: it holds {store_counts(store).describe()}"
    except (KgError, KeyboardInterrupt):
        return "the store was left at its last commit"


def _fail_after_commit(exc: BaseException, report: Any, out_dir: Path, unwritten: list[Path]) -> None:
    """A build that failed after its articles were stored says so, and what was not written."""
    from ..build import describe_change

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
    from ..render import render_store_described

    return render_store_described(store, **options)


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
    from ..dossier import find_entity
    from ..files import write_atomic
    from ..remote import open_store
    from ..vocab import ENTITY

    target = file or out_dir / HTML_NAME
    with open_store(out_dir, store_url) as store, progress().stage(f"drawing {target}"):
        if focus is not None:  # looked up like kg show: any alias, case and accents ignored, near names suggested
            focus = f"{ENTITY}{find_entity(store, focus).key}"
        html, contents = _render(store, top=top, focus=focus, depth=depth, concepts=concepts)
        size = write_atomic(target, html)
    wrote(target, size, contents)
