#!/usr/bin/env python3
"""Whole-process figures of `kg build` against bare spaCy, in one run (issue 8).

Usage: nice python benchmarks/build.py [--articles 300] [--repeat 3] [--store-size 2000] [--large 3000] [--skip-large]
       nice python benchmarks/build.py --skip-small --large 3000 --store-size 3000   # one large build for 4-6

Every figure is a whole process (`python -m kg build ...`, or a bare-spaCy script started
the same way), timed by wall clock, on the same machine in the same run:

1. bare spaCy: load the same model with `spacy.load` (spaCy's own components, without kg's
   paragraph component or its table-driven attribute ruler and lemmatizer), read the same
   article bodies, `nlp.pipe(texts, batch_size=16)` with every component (kg disables none);
   words/s against `kg build --jobs 1` on the same articles (the headline ratio);
2. `kg build --jobs 2` against `--jobs 1`;
3. a re-run with nothing new, as a share of the first build;
4. adding 10 articles to a store of `--store-size` articles, against building those 10
   alone into an empty store, both with the defaults (so graph.html is written, and kg.ttl
   while the store holds at most 500 articles, as `kg build` does); with `--store-size`
   equal to `--large` the large build below is that store (one big build instead of two);
5. peak RSS (the largest process of the build: ru_maxrss of its children) at `--articles`
   and at `--large` articles, both with --jobs 2;
6. load (kg's write path: checkpoint + bulk load) and query times of the large store's
   graph (N-Quads), in a fresh embedded store, then the same queries as whole `kg query`
   processes and over HTTP through `kg serve` (the SPARQL 1.1 Protocol, JSON results).

Words are whitespace-separated tokens of the article bodies. Articles: the BBC corpus in
file order, then the Reuters corpus when more are needed (named in the output).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.articles import find_files, read_articles  # noqa: E402
from kg.remote import PROLOGUE  # noqa: E402

BARE_SPACY = """
import sys, time
from pathlib import Path
import spacy
from kg.articles import find_files, read_articles
from kg.nlp import default_model_name
nlp = spacy.load(default_model_name())  # spaCy's own pipeline, as a user would load it
texts = [a.text for f in find_files([Path(sys.argv[1])]) for a in read_articles(f)]
for doc in nlp.pipe(texts, batch_size=16):
    pass
print(" ".join(nlp.pipe_names), file=sys.stderr)
"""
QUERIES = {
    "count triples by predicate": "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p",
    "statements per status": "SELECT ?status (COUNT(?st) AS ?n) WHERE { ?st kg:status ?status } GROUP BY ?status",
    "claims about one actor": (
        "SELECT ?st ?sentence WHERE { ?st rdf:object ?o ; kg:sentence ?sentence . ?o rdfs:label ?l . "
        'FILTER(CONTAINS(LCASE(STR(?l)), "blair")) } LIMIT 100'
    ),
}


def corpus(n: int, folder: Path) -> tuple[Path, int, str]:
    """A folder of n articles (hard links), their word count and where they come from."""
    shared = next(p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir())
    sources = [shared / "corpus" / "bbc_news", shared / "corpus" / "reuters21578"]
    files = [f for s in sources for f in find_files([s]) if f.suffix == ".txt"][:n]
    folder.mkdir(parents=True)
    words = 0
    for f in files:
        os.link(f, folder / f.name)
        words += sum(len(a.text.split()) for a in read_articles(f))
    bbc = sum(1 for f in files if f.name.startswith("bbc"))
    return folder, words, f"{bbc} BBC + {len(files) - bbc} Reuters"


MEASURED = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=sys.stderr).returncode
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(used.ru_maxrss, code, used.ru_utime + used.ru_stime, file=sys.stderr)
"""
CPU: list[float] = []  # CPU seconds (user + system, all its processes) of each run, in order


def run(*args: str) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MiB) of its largest process, and stderr of a whole process.

    The process runs under a small wrapper of its own, so that ru_maxrss of the wrapper's
    children is this process tree's alone.
    """
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - t0
    *talk, last = proc.stderr.strip().splitlines() or ["0 1 0"]
    rss, status, cpu = last.split()
    peak, code = int(rss), int(status)
    CPU.append(float(cpu))
    if code != 0:
        sys.exit(f"failed: {' '.join(args)}\n" + "\n".join(talk))
    return seconds, peak // 1024, "\n".join(talk)


def build(articles: Path, out: Path, *extra: str) -> tuple[float, int, str]:
    return run("-m", "kg", "build", str(articles), "--out", str(out), "--no-html", "--no-ttl", *extra)


def build_with_files(articles: Path, out: Path, *extra: str) -> tuple[float, int, str]:
    """A build with the defaults: graph.html, and kg.ttl up to 500 articles, written after it."""
    return run("-m", "kg", "build", str(articles), "--out", str(out), *extra)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--store-size", type=int, default=2000)
    ap.add_argument("--large", type=int, default=3000)
    ap.add_argument("--skip-small", action="store_true", help="Skip the --articles builds (1-3, and RSS at 300).")
    ap.add_argument("--small-rss", type=int, default=0, help="With --skip-small: the peak RSS (MiB) at --articles.")
    ap.add_argument("--skip-large", action="store_true", help="Skip the --large build, its RSS and the load/query.")
    ap.add_argument("--skip-store", action="store_true", help="Skip adding 10 articles to a --store-size store.")
    ap.add_argument(
        "--repeat", type=int, default=1, help="Run figures 1-2 so many times, interleaved; keep the fastest."
    )
    args = ap.parse_args()
    print(f"load average at start: {load()}; cores: {os.cpu_count()}", flush=True)
    rss_two = args.small_rss
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_small:
            rss_two = small_builds(args.articles, tmp, args.repeat)
        reuse = not args.skip_large and args.store_size == args.large
        if not args.skip_store and not reuse:
            add_ten(args.store_size, tmp)
        if not args.skip_large:
            large, large_words, large_what = corpus(args.large, tmp / "large")
            t, rss_large, _ = build(large, tmp / "large-out", "--jobs", "2")
            print(f"kg build --jobs 2 of {args.large} articles ({large_what}, {large_words:,} words): {t:.0f} s")
            if rss_two:
                ratio = rss_large / rss_two
                print(f"  peak RSS {rss_large} MiB against {rss_two} MiB at {args.articles}: {ratio:.2f}x  (<= 1.3x)")
            else:
                print(f"  peak RSS {rss_large} MiB")
            print(f"  load average now: {load()}", flush=True)
            if reuse and not args.skip_store:
                add_ten(args.store_size, tmp, store=tmp / "large-out")
            load_and_query(tmp / "large-out", tmp / "loaded")
    print(f"load average at end: {load()}")
    return 0


def small_builds(n: int, tmp: Path, repeat: int = 1) -> int:
    """Figures 1-3 on n articles; returns the peak RSS (MiB) of the --jobs 2 build.

    With repeat > 1, bare spaCy, --jobs 1 and --jobs 2 run that many times, interleaved, and
    each figure is the fastest run (the machine's speed drifts over minutes: the fastest of
    each is the least disturbed one); every run is printed.
    """
    small, words, what = corpus(n, tmp / "small")
    print(f"articles: {n} ({what}), {words:,} words")
    runs: dict[str, list[tuple[float, float, int]]] = {"bare": [], "one": [], "two": []}
    names = ""
    for attempt in range(repeat):
        for key in runs:
            if key == "bare":
                seconds, rss, names = run("-c", BARE_SPACY, str(small))
            else:
                shutil.rmtree(tmp / key, ignore_errors=True)
                seconds, rss, _ = build(small, tmp / key, "--jobs", "1" if key == "one" else "2")
            runs[key].append((seconds, CPU[-1], rss))
        if repeat > 1:
            row = ", ".join(f"{key} {s:.1f} s (CPU {c:.1f} s)" for key, [*_, (s, c, _r)] in runs.items())
            print(f"  run {attempt + 1}: {row}; load {load()}", flush=True)
    # each figure: the fastest run's seconds and peak RSS; the least CPU of its runs
    (bare, _, _), (one, _, rss_one), (two, _, rss_two) = (min(r) for r in runs.values())
    bare_cpu, one_cpu, two_cpu = (min(c for _, c, _ in r) for r in runs.values())
    best = " (fastest of each)" if repeat > 1 else ""
    print(
        f"bare spaCy nlp.pipe(batch_size=16), pipeline {names.strip()!r}: {bare:.1f} s, {words / bare:,.0f} words/s"
        f" (CPU {bare_cpu:.1f} s){best}"
    )
    print(f"kg build --jobs 1: {one:.1f} s, {words / one:,.0f} words/s, peak RSS {rss_one} MiB (CPU {one_cpu:.1f} s)")
    print(f"  ratio to bare spaCy: {bare / one:.2f}x  (target >= 0.85x)")
    print(f"  ratio of CPU seconds (less sensitive to other work on the machine): {bare_cpu / one_cpu:.2f}x")
    print(f"kg build --jobs 2: {two:.1f} s, {words / two:,.0f} words/s, peak RSS {rss_two} MiB (CPU {two_cpu:.1f} s)")
    print(f"  speed-up over --jobs 1: {one / two:.2f}x  (target >= 1.7x)")
    again, _, said = build(small, tmp / "one", "--jobs", "1")
    print(f"re-run with nothing new: {again:.2f} s = {again / one * 100:.1f}% of the first build  (target <= 3%)")
    print(f"  {said.strip().splitlines()[-1]}")
    print(f"  load average now: {load()}", flush=True)
    return rss_two


def add_ten(size: int, tmp: Path, store: Path | None = None) -> None:
    """10 more articles (the next ones of the corpus) into a store of `size`, against into an empty store."""
    store_in, _, store_what = corpus(size + 10, tmp / "store-in")
    last10 = sorted(store_in.iterdir(), key=lambda f: f.name)[-10:]
    extra = tmp / "ten"
    extra.mkdir()
    for f in last10:
        f.rename(extra / f.name)
    if store is None:
        store = tmp / "big"
        t, _, _ = build(store_in, store, "--jobs", "2")
        print(f"store of {size} articles ({store_what}) built with --jobs 2 in {t:.0f} s", flush=True)
    else:
        print(f"store of {size} articles: the large build's")
    alone, _, _ = build_with_files(extra, tmp / "alone")
    added, _, said = build_with_files(extra, store)
    written = " and ".join(sorted(f.name for f in store.iterdir() if f.suffix in (".ttl", ".html")))  # by the add
    print(
        f"10 articles alone into an empty store: {alone:.1f} s; into the store of {size}: {added:.1f} s "
        f"(whole processes with the defaults; the add wrote {written or 'no file'})"
    )
    print(f"  ratio: {added / alone:.2f}x  (target <= 3x)")
    print(f"  {said.strip().splitlines()[-1]}")
    print(f"  load average now: {load()}", flush=True)
    shutil.rmtree(tmp / "alone")
    shutil.rmtree(extra)
    shutil.rmtree(store_in)


def load_and_query(out: Path, fresh: Path) -> None:
    from kg.store import Store

    with Store.open(out) as store:
        quads = list(store.inner.quads_for_pattern(None, None, None, None))
    t0 = time.perf_counter()
    with Store.open(fresh, create=True) as store:
        store.write(quads)
    took = time.perf_counter() - t0
    print(f"embedded store: load of {len(quads):,} quads through kg's write path: {took:.1f} s", flush=True)
    del quads
    with Store.open(fresh) as store:
        for name, sparql in QUERIES.items():
            t0 = time.perf_counter()
            rows = store.select(sparql)
            print(f"  query '{name}' in this process: {time.perf_counter() - t0:.2f} s, {len(rows)} rows")
    for name, sparql in QUERIES.items():
        t, _, _ = run("-m", "kg", "query", "--out", str(fresh), "--format", "csv", sparql)
        print(f"  kg query '{name}' (whole process): {t:.2f} s")
    serve(fresh)
    print(f"  load average now: {load()}", flush=True)


def serve(out: Path) -> None:
    """The same queries over HTTP through `kg serve` (POST, form-encoded, JSON results)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--out", str(out), "--port", str(port)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        if "serving" not in line:
            sys.exit(f"kg serve did not start: {line}")
        print(f"kg serve: started (snapshot + server) in {time.perf_counter() - t0:.1f} s")
        url = f"http://127.0.0.1:{port}/query"
        for name, sparql in QUERIES.items():
            body = urllib.parse.urlencode({"query": PROLOGUE + sparql}).encode()
            request = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json"})
            t0 = time.perf_counter()
            with urllib.request.urlopen(request, timeout=300) as answer:
                rows = json.load(answer)["results"]["bindings"]
            print(f"  HTTP '{name}': {time.perf_counter() - t0:.2f} s, {len(rows)} rows")
    finally:
        proc.send_signal(signal.SIGTERM)  # not SIGINT: a job started with & in a script ignores it
        proc.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
