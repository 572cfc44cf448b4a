"""The main job: articles -> extraction -> one transaction into the store."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .actors.resolve import resolve
from .articles import load
from .counts import Counts, store_counts
from .extract.statements import extract_article
from .files import ensure_writable_dir
from .models import ACTOR_TYPES, Article, Extraction
from .nlp import load_model, model_version, parse
from .rdf import Quad, extraction_quads, ontology_quads
from .remote import open_store
from .store import Store
from .vocab import ENTITIES_GRAPH, ENTITY

Progress = Callable[[Article], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    articles: int  # articles read from the inputs
    added: int  # new articles stored by this build
    skipped: int  # already in the store
    entities: int
    statements: int
    quads: int
    seconds: float
    before: Counts = Counts()  # what the store held before this build
    after: Counts = Counts()  # and after it

    def summary(self) -> str:
        """What was read, what was added, and what the store holds now, in kg.counts' units.

        >>> BuildReport(5, 2, 3, 0, 0, 0, 2.54, Counts(3, 9, 4, 1, 90), Counts(5, 12, 4, 1, 120)).summary()
        '5 articles read: 2 added, 3 already stored; the store now holds 5 articles (+2), \
12 actors (+3), 4 concepts, 1 situation, 120 statements (+30); 2.5 s'
        """
        return (
            f"{self.articles:,} article{'' if self.articles == 1 else 's'} read: {self.added:,} added, "
            f"{self.skipped:,} already stored; the store {describe_change(self.before, self.after)}; "
            f"{self.seconds:.1f} s"
        )


def describe_change(before: Counts, after: Counts) -> str:
    """'now holds 5 articles (+2), ...', 'holds ... (unchanged)', or, for a new store, 'now holds ...'."""
    if after == before:
        return f"holds {after.describe()} (unchanged)"
    if before == Counts():
        return f"now holds {after.describe()}"
    parts = []
    for part, was, now in zip(after.describe().split(", "), astuple(before), astuple(after), strict=True):
        parts.append(part if now == was else f"{part} ({now - was:+,})")
    return "now holds " + ", ".join(parts)


def extractor_name(nlp: Any) -> str:
    return f"kg {__version__} ({model_version(nlp)})"


def extract(
    articles: Iterable[Article],
    nlp: Any,
    *,
    n_process: int = 1,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> Iterator[Extraction]:
    """Parse and extract each article; one Extraction per article, in order."""
    pending = list(articles)
    extractor = extractor_name(nlp)
    docs = parse(nlp, (a.text for a in pending), batch_size=batch_size, n_process=n_process)
    for article, doc in zip(pending, docs, strict=True):
        yield extract_article(doc, article, extractor=extractor)
        if progress is not None:
            progress(article)


STORED_ACTORS = """
SELECT DISTINCT ?e ?label ?type WHERE {
  GRAPH <%s> { ?e a ?type ; rdfs:label ?label }
}"""


def stored_actors(store: Store) -> list[tuple[str, str, str]]:
    """(key, label, type) of the actors already stored, so that a later build reuses their IRIs."""
    found = []
    for e, label, type_ in store.select(STORED_ACTORS % ENTITIES_GRAPH):
        type_name = str(type_).rsplit("#", 1)[-1]
        if str(e).startswith(str(ENTITY)) and type_name in ACTOR_TYPES:
            found.append((str(e)[len(str(ENTITY)) :], str(label), type_name))
    return sorted(found)


def build(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    model: str | None = None,
    n_process: int = 1,
    progress: Progress | None = None,
    on_start: Callable[[int], None] | None = None,
    wait: float = 0.0,
    store_url: str | None = None,
) -> BuildReport:
    """Read every input, then extract the articles not yet stored and add them in one transaction.

    All inputs are read and checked, and the output folder tested, before anything is written:
    a failed build leaves the store as it was.
    """
    started = time.perf_counter()
    articles = load(paths)
    ensure_writable_dir(out_dir)
    nlp = load_model(model)
    with open_store(out_dir, store_url, create=True, wait=wait) as store:
        before = store_counts(store)
        stored = store.article_ids()
        new = [a for a in articles if a.id not in stored]
        if on_start is not None:
            on_start(len(new))
        known = stored_actors(store) if stored else []
        extractions = resolve(list(extract(new, nlp, n_process=n_process, progress=progress)), known=known)
        quads: list[Quad] = list(ontology_quads()) if new or not stored else []
        for x in extractions:
            quads.extend(extraction_quads(x))
        if quads:
            store.add_quads(quads)
        after = store_counts(store)
    return BuildReport(
        articles=len(articles),
        added=len(new),
        skipped=len(articles) - len(new),
        entities=len({e.key for x in extractions for e in x.entities}),
        statements=sum(len(x.statements) for x in extractions),
        quads=len(quads),
        seconds=time.perf_counter() - started,
        before=before,
        after=after,
    )
