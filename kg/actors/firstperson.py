"""Rule 4b of coreference (see coref.py): "we" in a quote is the body its speaker speaks for.

Inside quotes "I" is the speaker (extraction reads it from the attribution chain). "We",
"us" and "our" are the speaker only as part of a body: when the speaker is a person, or an
unnamed spokesman, who speaks for one organisation that the article names, they are that
organisation: one named in the speaker's own noun phrase ("White House spokesman Marlin
Fitzwater", "a spokesman for Dell", "William Jacobi, Westinghouse general manager") or one
the speaker is affiliated with (roles.py). With no such organisation, or with two, the
pronoun is left as it was (extraction gives it to the speaker). Countries are no such body:
a minister's "we" may be the government, the party or the nation.

The same holds of "the company" ("the firm" ...) as the subject of what such a speaker
reports: "Richard Wiener, attorney for Apex, said the company has not yet decided" is Apex,
when Apex is a company and the only body the speaker speaks for, whatever company roles.py
took it for (the one company of the article).
"""

from __future__ import annotations

from typing import Any

from ..extract.tokens import doc_tokens
from ..models import COMPANY, ORGANIZATION
from .clusters import ORG_TYPES, Cluster
from .evidence import COMPANY_NOUNS
from .names import fold
from .quotes import QUOTING_VERBS, quote_of, speaker_token

FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
# Children of a speaker's noun phrase that start a clause of their own: not the phrase's name.
CLAUSE_CHILDREN = frozenset({"relcl", "acl", "ccomp", "advcl", "conj", "cc"})
# Prepositions of a speaker's phrase that name whom the speaker works for: "a spokesman for
# Dell", "chief of Acme", "Tim Hanlon, from Starcom", "a partner with Goforth & Co".
AFFILIATING_PREPS = frozenset({"for", "of", "from", "with"})
# Words that make a role a past one, whose holder speaks for that body no longer.
PAST_WORDS = frozenset({"former", "ex", "one-time", "onetime", "erstwhile", "then", "retired", "late"})


def first_plural_antecedents(
    doc: Any, heads: dict[int, str], by_key: dict[str, Cluster], resolved: dict[int, int]
) -> dict[int, int]:
    """we/us/our token inside a quote -> a mention token of the organisation its speaker speaks for."""
    inside = quote_of(doc)
    named = _named_tokens(by_key)
    result: dict[int, int] = {}
    for tok in doc_tokens(doc):
        if tok.pos_ != "PRON" or tok.lower_ not in FIRST_PLURAL or tok.i not in inside:
            continue
        speaker = speaker_token(doc, inside[tok.i], inside)
        if speaker is None:
            continue
        orgs = _speaks_for(doc, resolved.get(speaker, speaker), heads, by_key, named)
        if len(orgs) != 1:
            continue
        key = orgs.pop()
        tokens = sorted(i for i, k in heads.items() if k == key)
        before = [i for i in tokens if i < tok.i]
        result[tok.i] = before[-1] if before else tokens[0]
    return result


def _named_tokens(by_key: dict[str, Cluster]) -> dict[int, str]:
    """Every token of a named mention -> its cluster's key."""
    return {i: c.key for c in by_key.values() for m in c.mentions for i in m.tokens}


def company_of_speaker(doc: Any, by_token: dict[int, str], by_key: dict[str, Cluster]) -> dict[int, str]:
    """ "the company" subject of a clause reported by a speaker for one company -> that company's key."""
    named = _named_tokens(by_key)
    result: dict[int, str] = {}
    for tok in doc_tokens(doc):
        if tok.i in named or tok.dep_ not in ("nsubj", "nsubjpass") or tok.lemma_.lower() not in COMPANY_NOUNS:
            continue
        if [c.lower_ for c in tok.children] != ["the"] or tok.head.dep_ != "ccomp":
            continue
        reporter = tok.head.head
        if reporter.lemma_.lower() not in QUOTING_VERBS:
            continue
        speaker = next((c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if speaker is None:
            continue
        orgs = _speaks_for(doc, speaker.i, by_token, by_key, named)
        if len(orgs) == 1 and by_key[next(iter(orgs))].type in (COMPANY, ORGANIZATION):
            result[tok.i] = orgs.pop()
    return result


def _speaks_for(doc: Any, i: int, heads: dict[int, str], by_key: dict[str, Cluster], named: dict[int, str]) -> set[str]:
    """The organisations a speaker (a person or a role noun) is said to speak for."""
    speaker = doc[i]
    key = named.get(i) or heads.get(i)  # a name, or a role noun resolved to one ("the spokesman")
    if key is not None and by_key[key].type in ORG_TYPES:
        return set()  # the organisation itself speaks: extraction's speaker already is it
    if key is None and (speaker.pos_ != "NOUN" or speaker.tag_ in ("NNS", "NNPS")):
        return set()  # a pronoun no rule resolved, or "officials": nobody to speak for
    phrases = [speaker] if key is None else [doc[m.end - 1] for m in by_key[key].mentions]
    orgs = {k for head in phrases for k in _named_in(_phrase(head), by_key, named)}
    if key is not None:
        orgs |= by_key[key].affiliations
    present = set(heads.values())
    return {k for k in orgs if k != key and k in by_key and by_key[k].type in ORG_TYPES and k in present}


def _phrase(head: Any) -> list[Any]:
    """The tokens of a noun phrase that can name whom its head speaks for: its clauses,
    coordinated phrases and prepositions other than AFFILIATING_PREPS ("manager at Hanford"
    tells a place of work) left out; nothing at all for a past role ("the one-time
    chairman of Merrill Lynch", "former White House spokesman")."""
    found: list[Any] = []
    todo = [head]
    while todo:
        t = todo.pop()
        found.append(t)
        todo.extend(
            c for c in t.children
            if c.dep_ not in CLAUSE_CHILDREN and (c.dep_ != "prep" or c.lower_ in AFFILIATING_PREPS)
        )  # fmt: skip
    if any(t.lower_ in PAST_WORDS or t.lower_ == "time" and t.nbor(-2).lower_ == "one" for t in found if t.i >= 2):
        return []
    return found


def _named_in(phrase: list[Any], by_key: dict[str, Cluster], named: dict[int, str]) -> set[str]:
    """The organisations a phrase names: its mentions, and runs of proper nouns that spell an
    organisation's name the NER left untyped here ("White House spokesman Marlin Fitzwater")."""
    orgs = {k for t in phrase for k in [named.get(t.i)] if k is not None}
    names = {fold(m.name): c.key for c in by_key.values() if c.type in ORG_TYPES for m in c.mentions}
    words = sorted((t for t in phrase if t.pos_ == "PROPN" and t.i not in named), key=lambda t: t.i)
    runs: list[list[Any]] = []
    for t in words:
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return orgs | {names[f] for run in runs for f in [fold(" ".join(t.text for t in run))] if f in names}
