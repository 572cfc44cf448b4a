"""'et al' ("and others") closes a list of names; it is no name nor an argument of its own.

"the era of Gareth Edwards, Phil Bennett, JPR Williams et al" lists three players and
others. The parser makes "al" a noun with "JPR Williams et" its apposition, which gave
"al is JPR Williams et" and "Phil Bennett is JPR Williams et al". The rules:

- a clause read off a noun phrase (an apposition, a copula without a verb) that has
  "et al" in its subject or object is a list misread, and is dropped;
- "et al" (with its full stop) at the end of any other argument leaves it: "the study by
  Smith et al" -> "the study by Smith";
- a clause whose subject or object is then empty, or only "et" or "al", is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from .clause_model import Clause, Tokens

NOUN_KINDS = frozenset({"apposition", "nominal", "copula"})
LATIN = frozenset({"et", "al", "al."})


def et_al_tokens(doc: Any) -> frozenset[int]:
    """Indices of the 'et' and 'al' (and a full stop right after 'al') of every 'et al' in doc."""
    found: set[int] = set()
    for tok in doc[:-1]:
        after = doc[tok.i + 1]
        if tok.lower_ == "et" and after.lower_ in ("al", "al."):
            found.update((tok.i, after.i))
            if after.i + 1 < len(doc) and doc[after.i + 1].text == "." and not after.whitespace_:
                found.add(after.i + 1)
    return frozenset(found)


def without_et_al(doc: Any, clauses: Iterable[Clause]) -> Iterator[Clause]:
    """The clauses with 'et al' taken out of their arguments (see the module docstring)."""
    latin = et_al_tokens(doc)
    if not latin:
        yield from clauses
        return
    for clause in clauses:
        args = set(clause.subject) | set(clause.object or ())
        if not args & latin:
            yield clause
            continue
        if clause.kind in NOUN_KINDS and clause.verb < 0 or clause.kind == "apposition":
            continue  # "Phil Bennett, JPR Williams et al": a list, no apposition
        subject = _strip(doc, clause.subject, latin)
        obj = _strip(doc, clause.object, latin) if clause.object else None
        if not subject or clause.object and not obj:
            continue
        yield replace(clause, subject=subject, object=obj)


def _strip(doc: Any, toks: Tokens, latin: frozenset[int]) -> Tokens:
    kept = list(toks)
    while kept and (kept[-1] in latin or doc[kept[-1]].is_punct):
        kept.pop()
    if any(doc[i].lower_ in LATIN and i in latin for i in kept) and len(kept) <= 2:
        return ()
    return tuple(kept) if any(i not in latin for i in kept) else ()
