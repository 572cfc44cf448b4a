"""kg extract: statements of articles printed, never stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    pass


from .common import (
    DEFAULT_OUT,
    main,
    model_option,
    reports_errors,
    store_option,
)


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
    from ..nlp import load_model

    if (against is not None or store_url is not None) and fmt != "nquads":
        raise click.UsageError("--against and --store work only with --format nquads")
    if fmt == "nquads":
        from ..build import stored_actors
        from ..cluster import as_nquads, shard_quads
        from ..remote import open_store

        known: list[tuple[str, str, str]] = []
        if against is not None or store_url is not None:
            with open_store(against or DEFAULT_OUT, store_url) as store:
                known = stored_actors(store)
        click.echo(as_nquads(shard_quads([file], model=model, known=known)), nl=False)
        return
    if fmt == "carb":
        from ..articles import read_text
        from ..extract.carb import carb_lines

        sentences = [line.strip() for line in read_text(file).splitlines() if line.strip()]
        for line in carb_lines(load_model(model), sentences):
            click.echo(line)
        return
    for record in _jsonl(file, model):
        click.echo(json.dumps(record, ensure_ascii=False, sort_keys=True))


def _jsonl(path: Path, model: str | None) -> Iterator[dict[str, Any]]:
    from ..articles import load
    from ..build import extract as run_extract
    from ..nlp import load_model

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
