"""Argument spans: which doc tokens make up a noun phrase or a clause argument.

Every helper walks a subtree once and returns sorted doc indices, so an argument
costs time proportional to its length.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .tokens import doc_heads, doc_tokens

Tokens = tuple[int, ...]

# Children of an argument's head cut off its phrase: clauses or side remarks of their own.
NP_CUT_DEPS = frozenset({"relcl", "punct", "cc", "conj", "preconj", "parataxis", "advcl", "ccomp"})
# Appositions and participles are cut off only when set apart by punctuation ("Zaluzhny, the general,").
SET_APART_DEPS = frozenset({"appos", "acl"})
# Children cut off deeper inside a phrase.
NP_DEEP_CUT_DEPS = frozenset({"relcl", "parataxis", "advcl"})
# Children cut off one conjunct (the other conjuncts and their coordinator).
CONJ_DEPS = frozenset({"conj", "cc", "preconj"})
HYPHENS = frozenset({"-", "‐", "‑"})
# Edge tokens trimmed off any argument.
EDGE_TRIM_POS = frozenset({"PUNCT", "CCONJ", "SCONJ"})
# Dependency labels of relative pronouns and words never part of an argument.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# Entity types whose coordinated names must not be split ("the London, Midland and Scottish Railway").
NAME_ENT_TYPES = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def subtree_indices(
    token: Any,
    *,
    cut: frozenset[str] = frozenset(),
    deep_cut: frozenset[str] = frozenset(),
    skip: Iterable[int] = (),
) -> Tokens:
    """Indices of token's subtree, leaving out children of token whose dep is in cut,
    deeper children whose dep is in deep_cut, and the tokens in skip (with their subtrees)."""
    skipped = set(skip)
    out = [token.i]
    stack = [
        child for child in token.children if (child.dep_ not in cut or _word_hyphen(child)) and child.i not in skipped
    ]
    while stack:
        tok = stack.pop()
        out.append(tok.i)
        stack.extend(child for child in tok.children if child.dep_ not in deep_cut and child.i not in skipped)
    return trim(token.doc, sorted(out))


def _word_hyphen(token: Any) -> bool:
    """A hyphen inside a word ("commander-in-chief"): punctuation that is never cut off."""
    doc = token.doc
    return (
        token.text in HYPHENS
        and 0 < token.i < len(doc) - 1
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
    )


def split_words(head: Any) -> dict[int, Tokens]:
    """Hyphenated words the parser cut into sibling arguments of head: "make a counter - offer" (three
    objects), "became vice - president" (a complement, an attribute and another). Maps the last part, the
    word's head in English, to the tokens of the parts before it (with their determiners and modifiers)."""
    doc = head.doc
    found: dict[int, Tokens] = {}
    for tok in head.children:
        if not _word_hyphen(tok) or tok.head.i != head.i:
            continue
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if before.head.i != head.i or after.head.i != head.i or before.is_punct or after.is_punct:
            continue
        parts = (*found.pop(before.i, ()), *subtree_indices(before), tok.i)
        found[after.i] = tuple(sorted(parts))
    return found


def trim(doc: Any, indices: list[int]) -> Tokens:
    """Drop punctuation and coordinators at either edge of an index list."""
    start, end = 0, len(indices)
    while start < end and doc[indices[start]].pos_ in EDGE_TRIM_POS and doc[indices[start]].tag_ != "``":
        start += 1
    while end > start and doc[indices[end - 1]].pos_ in EDGE_TRIM_POS and doc[indices[end - 1]].tag_ != "''":
        end -= 1
    kept = indices[start:end]
    return _balance_quotes(doc, kept)


def _balance_quotes(doc: Any, indices: list[int]) -> Tokens:
    """Remove an opening or closing quote left without its partner at an edge."""
    if indices and doc[indices[0]].tag_ == "``" and not any(doc[i].tag_ == "''" for i in indices):
        indices = indices[1:]
    if indices and doc[indices[-1]].tag_ == "''" and not any(doc[i].tag_ == "``" for i in indices):
        indices = indices[:-1]
    return tuple(indices)


def noun_phrase(token: Any, *, full: bool = False, skip: Iterable[int] = ()) -> Tokens:
    """The noun phrase headed by token: with its modifiers and prepositional phrases.

    With full=True relative clauses and appositions stay in, as in "the bill that X backs".
    Tokens in skip are left out with their subtrees (the clause the phrase is an argument of).
    """
    if full:
        return subtree_indices(token, cut=CONJ_DEPS, skip=skip)
    skip = [*skip, *(c.i for c in token.children if c.dep_ in SET_APART_DEPS and set_apart(token, c))]
    cut = NP_CUT_DEPS - CONJ_DEPS if _initials(token) or _pair(token) else NP_CUT_DEPS
    return subtree_indices(token, cut=cut, deep_cut=NP_DEEP_CUT_DEPS, skip=skip)


def set_apart(head: Any, child: Any) -> bool:
    """Whether punctuation stands between head and its child ("Zaluzhny , the general")."""
    lo, hi = sorted((head.i, child.left_edge.i if child.i > head.i else child.right_edge.i))
    return any(tok.is_punct for tok in head.doc[lo + 1 : hi])


def conjuncts(token: Any) -> list[Any]:
    """token and the tokens coordinated with it, unless they form one name."""
    if (token.ent_type_ in NAME_ENT_TYPES and not _name_list(token)) or _initials(token) or _pair(token):
        return [token]
    found = [token]
    stack = [child for child in token.children if child.dep_ == "conj"]
    if stack and _described(token, min(stack, key=lambda t: t.i)):
        return [token]
    while stack:
        tok = stack.pop()
        found.append(tok)
        stack.extend(child for child in tok.children if child.dep_ == "conj")
    return sorted(found, key=lambda t: t.i)


DETERMINING_DEPS = frozenset({"det", "poss", "nummod", "predet"})


def _described(token: Any, first: Any) -> bool:
    """A name, a comma and a bare singular noun: an apposition the parser coordinated, not a second
    member ("said Ian Fogg, personal technology and broadband analyst at Jupiter Research": the
    analyst is Fogg). A singular count noun with no determiner is no argument of its own."""
    return (
        token.pos_ == "PROPN"
        and first.tag_ == "NN"
        and token.i + 1 < first.i
        and token.doc[token.i + 1].text == ","
        and not any(c.dep_ in DETERMINING_DEPS for c in first.children)
    )


def _name_list(token: Any) -> bool:
    """Three or more names set off by commas are a list, not one name: "Sony, IBM and Toshiba developed
    the chip" (while "Marks and Spencer" or "Procter & Gamble" may be one)."""
    members = [c for c in token.children if c.dep_ == "conj"]
    if not members or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].text != ",":
        return False
    members += [c for m in members for c in m.children if c.dep_ == "conj"]
    return len(members) >= 2 and all(m.ent_type_ and m.ent_iob_ == "B" for m in members) and token.ent_iob_ == "B"


def _pair(token: Any) -> bool:
    """The object of "between", a pair that is one argument: "a fine line between number one and number 100"
    (no line is between number one). A list set off by commas keeps its members apart."""
    if token.dep_ != "pobj" or token.head.lower_ != "between":
        return False
    last = max((c for c in token.children if c.dep_ == "conj"), key=lambda c: c.i, default=None)
    return last is not None and not any(t.is_punct for t in token.doc[token.left_edge.i : token.right_edge.i + 1])


def _initials(token: Any) -> bool:
    """Capital letters joined by "and" are one name: "S and P said" is Standard and Poor's, not S and P."""
    letters = [c for c in token.children if c.dep_ == "conj"]
    return (
        len(letters) == 1
        and all(t.is_upper and t.is_alpha and len(t.text) <= 2 for t in (token, letters[0]))
        and letters[0].i == token.i + 2
        and token.doc[token.i + 1].lower_ in ("and", "&")
    )


def phrase_of(doc: Any, indices: Iterable[int]) -> str:
    """The words at indices joined by single spaces, as the sentence spells them."""
    return " ".join(doc[i].text for i in indices)


def merge(*parts: Iterable[int]) -> Tokens:
    """Sorted union of index groups."""
    return tuple(sorted({i for part in parts for i in part}))


def children_with(token: Any, deps: frozenset[str]) -> Iterator[Any]:
    """Children of token whose dependency label is in deps."""
    return (child for child in token.children if child.dep_ in deps)


PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_ENTS = frozenset({"PERSON"})


def head_of(doc: Any, indices: Iterable[int]) -> Any | None:
    """The first token of indices whose syntactic head lies outside them (or that is the root); None if none."""
    order = list(indices)
    inside, heads = set(order), doc_heads(doc)
    for i in order:
        if heads[i] not in inside or heads[i] == i:
            return doc_tokens(doc)[i]
    return None


def be_form(doc: Any, subject: Tokens, *, past: bool = False) -> str:
    """The form of "be" an implied copula takes, agreeing with the subject in number.

    Present tense by default: an apposition, a title or a place within a larger place states what holds
    of its noun, whatever the verb's tense (CaRB's annotators agree). A reduced clause ("the report ,
    published on Monday ,") and a noun's location, examples or adjective phrase take their host's tense.
    """
    head = head_of(doc, subject)
    # a person's name is singular whatever its ending ("Todd Graves is", tagged NNPS)
    plural = head is not None and (
        (head.tag_ in PLURAL_TAGS and head.ent_type_ not in SINGULAR_ENTS)
        or any(c.dep_ == "conj" and c.i in subject for c in head.children)
    )
    if past:
        return "were" if plural else "was"
    return "are" if plural else "is"
