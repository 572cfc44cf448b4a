#!/usr/bin/env python3
"""Store candidates on about a million triples: load time and a count-by-predicate query.

Usage: python benchmarks/store.py [--statements N]

Generates statement-shaped quads (about 22 per statement, one named graph per 50
statements, as kg writes them), then measures, in one run:
rdflib's in-memory Dataset (parse N-Quads, query), Oxigraph on disk through its own
N-Quads parser in one transaction, kg's write path (Oxigraph's bulk loader bracketed by a
checkpoint, from rdflib terms), and Oxigraph on disk filled quad by quad through rdflib's
store plugin (oxrdflib).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset, Literal
from rdflib.namespace import PROV, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.terms import nquads  # noqa: E402
from kg.vocab import ARTICLE, ENTITY, KG, PRED, STATEMENT  # noqa: E402

QUERY = "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"


def quads(statements: int):
    preds = [PRED[p] for p in ("says", "meets", "criticizes", "supports", "rejects")]
    for i in range(statements):
        g = ARTICLE[f"a{i // 50}"]
        node = STATEMENT[f"s{i}"]
        s, o = ENTITY[f"person/p{i % 5000}"], ENTITY[f"organization/o{(i * 7) % 3000}"]
        yield s, RDFS.label, Literal(f"Person {i % 5000}"), g
        yield o, RDFS.label, Literal(f"Organization {(i * 7) % 3000}"), g
        yield s, RDF.type, KG.Person, g
        yield o, RDF.type, KG.Organization, g
        for p, v in (
            (RDF.type, RDF.Statement),
            (RDF.type, KG.ExtractedStatement),
            (RDF.type, PROV.Entity),
            (RDF.subject, s),
            (RDF.predicate, preds[i % 5]),
            (RDF.object, o),
            (PROV.wasDerivedFrom, g),
            (KG.sentence, Literal(f"Person {i} met organisation {i * 7} on a Monday in a long sentence.")),
            (KG.charStart, Literal(i)),
            (KG.charEnd, Literal(i + 60)),
            (KG.surface, Literal("met")),
            (KG.lemma, Literal("meet")),
            (KG.subjectText, Literal(f"Person {i}")),
            (KG.objectText, Literal(f"Org {i}")),
            (KG.confidence, Literal(0.5)),
            (KG.kind, Literal("verb")),
            (KG.status, KG.asserted),
            (KG.negated, Literal(False)),
        ):
            yield node, p, v, g


def timed(label: str, func):
    t0 = time.perf_counter()
    result = func()
    print(f"{label:<58}{time.perf_counter() - t0:>8.2f} s")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=45_000)
    args = ap.parse_args()
    data = nquads(quads(args.statements))
    count = data.count("\n")
    print(f"{count:,} quads ({args.statements:,} statements), {len(data) / 2**20:.0f} MiB of N-Quads")

    warnings.simplefilter("ignore", DeprecationWarning)
    memory = Dataset()
    timed("rdflib in memory: parse N-Quads", lambda: memory.parse(data=data, format="nquads"))
    timed("rdflib in memory: count by predicate", lambda: list(memory.query(QUERY)))
    memory.close()

    with tempfile.TemporaryDirectory() as tmp:
        disk = ox.Store(tmp)
        timed(
            "Oxigraph on disk: native N-Quads load, one transaction",
            lambda: disk.load(data.encode(), format=ox.RdfFormat.N_QUADS),
        )
        rdf_ds = Dataset(store=OxigraphStore(store=disk), default_union=True)
        timed("Oxigraph on disk: count by predicate (via rdflib)", lambda: list(rdf_ds.query(QUERY)))
        print(f"{'  quads stored':<58}{len(disk):>10,}")

    with tempfile.TemporaryDirectory() as tmp:
        from kg.store import Store

        rdflib_quads = list(quads(args.statements))
        with Store.open(Path(tmp), create=True) as kg_store:
            timed("kg's write path: bulk load + checkpoint (Store.add_quads)", lambda: kg_store.add_quads(rdflib_quads))
            timed("kg's store: count by predicate (via rdflib)", lambda: list(kg_store.query(QUERY)))

    with tempfile.TemporaryDirectory() as tmp:
        sample = args.statements // 10
        one_by_one = Dataset(store=OxigraphStore(store=ox.Store(tmp)))

        def add_one_by_one():
            for s, p, o, g in quads(sample):
                one_by_one.add((s, p, o, g))

        timed(f"Oxigraph via rdflib add(), quad by quad ({sample:,} statements)", add_one_by_one)
    return 0


if __name__ == "__main__":
    sys.exit(main())
