#!/usr/bin/env python3
"""Speed and memory of kg's pipeline against the bare spaCy pipeline, on the same text, in one run.

Usage: python benchmarks/speed.py [--articles N] [--corpus DIR]

Prints words per second for: spaCy alone (nlp.pipe), spaCy + kg extraction, and the whole
build (extraction + RDF + one store transaction), kg's overhead over bare spaCy in percent,
and the peak resident memory. Default corpus: ../shared/corpus/bbc_news (first N articles);
falls back to articles/ when ../shared is absent.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.actors.resolve import resolve  # noqa: E402
from kg.articles import find_files, read_articles  # noqa: E402
from kg.build import extract, extractor_name  # noqa: E402
from kg.nlp import load_model  # noqa: E402
from kg.rdf import extraction_quads, ontology_quads  # noqa: E402
from kg.store import Store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc_news")
    args = ap.parse_args()
    corpus = args.corpus if args.corpus.is_dir() else ROOT / "articles"
    articles = [a for f in find_files([corpus])[: args.articles] for a in read_articles(f)][: args.articles]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {corpus} — {len(articles)} articles, {words:,} words")
    nlp = load_model()
    print(f"model: {extractor_name(nlp)}")
    list(nlp.pipe(a.text for a in articles[:5]))  # warm up

    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    bare = time.perf_counter() - t0
    del docs

    t0 = time.perf_counter()
    extractions = list(extract(articles, nlp))
    with_extraction = time.perf_counter() - t0

    t0 = time.perf_counter()
    extractions = resolve(extractions)
    quads = list(ontology_quads())
    for x in extractions:
        quads.extend(extraction_quads(x))
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp), create=True) as store:
        store.add_quads(quads)
        stored = store.count()
    storing = time.perf_counter() - t0

    statements = sum(len(x.statements) for x in extractions)
    overhead = (with_extraction - bare) / bare * 100
    print(f"{'stage':<34}{'seconds':>9}{'words/s':>10}")
    print(f"{'spaCy alone (nlp.pipe)':<34}{bare:>9.2f}{words / bare:>10,.0f}")
    print(f"{'spaCy + kg extraction':<34}{with_extraction:>9.2f}{words / with_extraction:>10,.0f}")
    total = with_extraction + storing
    print(f"{'whole build (+ RDF + store)':<34}{total:>9.2f}{words / total:>10,.0f}")
    print(f"extraction overhead over bare spaCy: {overhead:+.1f}%")
    print(f"RDF + store: {storing:.2f} s for {stored:,} quads ({statements:,} statements)")
    print(f"whole build overhead over bare spaCy: {(total - bare) / bare * 100:+.1f}%")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
