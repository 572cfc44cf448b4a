"""Who says each clause: reporting verbs, "according to", "citing", quotes, hedges and denials.

Rules (general rules of English reported speech and news style):

- A clause whose verb is a reporting verb (say, report, tell, announce ...) and that has a
  clausal complement reports that complement; so does one attached to another clause as
  a parenthetical ("..., Bloomberg has reported").
- A clause inside a reported noun object is the reporter's: "said prices for accounts, which have
  a duration of six months, will rise" (a misparse that makes "prices" the object of "said").
- "X quoted Y as saying ..." reports its complement with the chain X, Y.
- A sentence ending in ", X reported (on Tuesday)(, citing Y)." reports everything before
  the comma, whatever the parse made of it; clauses that took a word of "X" as their
  object are misparses and are dropped.
- Quoted clauses after "X said: “" or continuing a split quote are X's (quotes.py).
- Every clause inside a reported complement is attributed to the reporter; nested
  reports make a chain, outermost speaker first: the reporter, whom it cites ("citing Y",
  "sources told X" puts X first), then "according to Z" inside the report.
- An infinitive of purpose reports nothing: "the fundamentals must be in place to assure that the
  bank can survive" (what is to be assured is a goal, hedges.py), "gave State Mutual 20 days to show
  why ...".
- A reporting verb joined to a reported clause with a subject of its own reports on its own: "The
  specifications suggest X but analysts cautioned that Y" (Y is the analysts', not the
  specifications').
- An audience told is no object of the report: "He told reporters the country deserved ..."
  states what he said, not (He, says, reporters); an actor told is ("De Mel told Reuters").
- A clause hanging off the reporting verb itself is the article's, not the report's: the
  speaker's description ("White House spokesman Marlin Fitzwater said, ...": Fitzwater is
  the spokesman, in the article's voice), an adjunct of the act of saying.
- A clause within "according to ..." ("the UK-based journal Screen Digest") is the article's, and so
  is a name's title or description outside quotes ("Bundesbank President Karl Otto Poehl", "Coudert
  Brothers, a U.S. law firm"), whoever reports the sentence it stands in.
- "X expressed doubts over whether ...", "voiced concern that ...": the clause a view is about
  is the holder's (its hedge, "whether", is found by hedges.py).
- A speaker named by a pronoun or a description ("it insisted", "the agency said", "the
  company said", "Acme's spokesman") is resolved by speakers.py.
- A quoted sentence with no attribution continues the previous speaker (quotes.py).
- Each clause's hedge ("allegedly", "may", "if ...") is found by hedges.py; denials ("X
  denied ...", "No, it's not true") and the claims they answer by denials.py
  (`denial_targets`, re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .according import according_to
from .citing import citing
from .clauses import Clause
from .denials import DENYING_VERBS, denial_targets, is_denial
from .hedges import CLAUSAL_DEPS, HOLDING_VERBS, WH_TAGS, hedge, hedge_word, verb_lemma
from .polarity import negative_cue, raised_negation
from .quotes import colon_quotes, quoted, split_quotes
from .reporting import QUOTED_AS_VERBS, as_saying, reporting
from .speakers import UNSURE_KEYS, KeyOf, Speakers, speaker
from .tails import tail_attributions

__all__ = ["Context", "KeyOf", "appositive", "contexts", "denial_targets", "hedge_word"]

# fmt: off
# Reporting verbs whose noun object is what is reported: a clause inside it ("said transaction prices
# for accounts, which have a duration of six months, ...") is the reporter's too.
CONTENT_OBJECT_VERBS = frozenset(
    {"say", "report", "announce", "confirm", "reveal", "disclose", "predict", "forecast", "estimate", "state"}
)
NOUN_OBJECT_DEPS = frozenset({"dobj", "pobj"})
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "ccomp"})  # "reports that ...", "claims that ..."
# "expressed doubts over whether ...", "voiced concern that ...": a view expressed is its holder's.
EXPRESSING_VERBS = frozenset({"express", "voice", "air"})
VIEW_NOUNS = frozenset(
    {"doubt", "concern", "fear", "hope", "worry", "confidence", "optimism", "scepticism", "skepticism", "belief"}
    | {"view", "opinion", "reservation", "surprise", "regret", "disappointment", "frustration", "anger"}
)
VIEW_PREPS = frozenset({"over", "about", "on", "as"})
LISTENER_DEPS = frozenset({"dobj", "dative"})  # "told reporters ...", "told him ..."
# Reporting verbs whose noun object is the one told (not "Angels adds nothing - it is ...")
TELLING_VERBS = frozenset(
    {"tell", "inform", "assure", "reassure", "brief", "warn", "remind", "notify", "advise", "promise", "convince"}
)
PURPOSE_DEPS = frozenset({"advcl", "acl"})  # an infinitive of purpose: "to assure that ..."
# fmt: on


@dataclass(frozen=True, slots=True)
class Context:
    """How the article stands to one clause."""

    chain: tuple[str, ...] = ()
    reported_by: int | None = None
    reports: bool = False
    hedge: str | None = None
    negated: bool = False
    denied: bool = False
    quoted: bool = False
    time_text: str | None = None
    denial: bool = False  # this clause's speech act denies something said before
    drop: bool = False  # a misparse: an argument taken from an attribution phrase


def contexts(doc: Any, clauses: list[Clause], key_of: KeyOf) -> list[Context]:
    """One Context per clause, in order."""
    content_heads = _content_heads(doc, clauses)
    # the walk up from a clause stops at a reported noun object too (it makes no reporter of its verb)
    object_heads = _object_heads(doc, clauses)
    chain_heads = {**object_heads, **content_heads}
    object_only = set(object_heads.values()) - set(content_heads.values())
    tails = tail_attributions(doc, clauses)
    colon = colon_quotes(doc, clauses)
    speakers = Speakers()
    speaker_of: dict[int, list[str]] = {}
    own_prefix: dict[int, tuple[str, ...]] = {}

    def speaker_chain(reporter: int) -> list[str]:
        if reporter not in speaker_of:
            chain, prefix = _speakers(doc, clauses[reporter], key_of, speakers)
            speaker_of[reporter] = chain
            if prefix:
                own_prefix[reporter] = prefix
            speakers.add(chain)
        return speaker_of[reporter]

    order = sorted(range(len(clauses)), key=lambda i: (clauses[i].verb if clauses[i].verb >= 0 else 0, i))
    raw: dict[int, tuple[tuple[str, ...], int | None, bool]] = {}
    for i in order:
        clause = clauses[i]
        if clause.verb < 0:
            raw[i] = ((), None, False)
            continue
        chain, reported_by, denied = _chain(doc, i, clause, clauses, chain_heads, key_of, speaker_chain, speakers)
        if reported_by is None:
            reporter = tails.reporter_of.get(clause.verb, colon.get(clause.verb))
            if reporter is not None and reporter != i:
                reported_by = reporter
                chain = [*speaker_chain(reporter), *[k for k in chain if k not in speaker_chain(reporter)]]
        raw[i] = (tuple(dict.fromkeys(chain)), reported_by, denied)
    listeners = _listeners(doc, clauses, key_of)
    for i, (kept, reported_by, denied) in raw.items():
        if reported_by is not None and reported_by in listeners:
            raw[i] = (kept, listeners[reported_by], denied)  # "He told reporters the country ...": the other
    reporters = {r for _, r, _ in raw.values() if r is not None and r not in object_only}
    reporters |= set(content_heads.values()) | tails.reporters
    quoted_chain = split_quotes(doc, clauses, raw, reporters, key_of)
    result = []
    for i, clause in enumerate(clauses):
        found, reported_by, denied = raw[i]
        if not found and i in quoted_chain:
            found, reported_by = quoted_chain[i]
        if not found and i in own_prefix:
            found = tuple(own_prefix[i])
        if clause.kind == "apposition" and not quoted(doc, clause.verb):
            # "according to X, Director Quentin Tarantino is in talks": the name's title is the article's
            result.append(Context(drop=i in tails.misparsed))
            continue
        negated = negative_cue(doc, clause) or (reported_by is not None and raised_negation(doc, clauses[reported_by]))
        result.append(
            Context(
                chain=tuple(found),
                reported_by=reported_by,
                reports=i in reporters,
                hedge=hedge(doc, clause),
                negated=negated,
                denied=denied,
                quoted=quoted(doc, clause.verb),
                denial=is_denial(doc, i, clause, clauses, raw),
                drop=i in tails.misparsed or i in listeners or _misparsed_report(doc, clause),
            )
        )
    return result


def _listeners(doc: Any, clauses: list[Clause], key_of: KeyOf) -> dict[int, int]:
    """'He told reporters the country deserved ...': the clause of a reporting verb whose object is its
    listener -> the clause of the same verb whose object is what was said (the listener is no object).
    An actor told stays ('De Mel told Reuters', 'told the Prime Minister': who spoke to whom)."""
    found: dict[int, int] = {}
    for i, clause in enumerate(clauses):
        said = clause.object_clause
        if clause.verb < 0 or said is None or not clause.object or said in clause.object:
            continue
        if doc[said].dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[said].children):
            continue  # "told him to leave": a request, and whom it asks
        told = [k for k in clause.object if doc[k].dep_ in LISTENER_DEPS and doc[k].head.i == clause.verb]
        if verb_lemma(doc[clause.verb]) not in TELLING_VERBS or not told:
            continue
        heard = key_of(clause.object)
        if heard and not heard.startswith(UNSURE_KEYS):
            continue
        content = next(
            (j for j, c in enumerate(clauses) if j != i and c.verb == clause.verb and said in (c.object or ())), None
        )
        if content is not None:
            found[i] = content
    return found


def _content_heads(doc: Any, clauses: list[Clause]) -> dict[int, int]:
    """Token index of each reported complement's head -> index of the clause reporting it."""
    heads: dict[int, int] = {}
    # (a clause whose subject is a misparsed part of the report reports nothing: below)
    for i, clause in sorted(enumerate(clauses), key=lambda pair: _misparsed_subject(doc, pair[1])):
        verb = _reporting_verb(doc, clause)
        if verb is None:
            held = _expressed(doc[clause.verb]) if clause.verb >= 0 else None
            if held is not None:
                heads.setdefault(held.i, i)
            continue
        saying = as_saying(verb) if verb_lemma(verb) in QUOTED_AS_VERBS else None
        children = [*verb.children, *(saying.children if saying is not None else ())]
        inner = [c for c in children if c.dep_ in CLAUSAL_DEPS and c.pos_ in ("VERB", "AUX")]
        own = [c for c in inner if c.i in (clause.object or ())]
        if own:  # the complement within this clause's object (a verb may have two: "X, Y predicted, ...")
            heads.setdefault(own[0].i, i)
            continue
        if clause.object_clause is not None:
            heads.setdefault(clause.object_clause, i)
            continue
        if not inner:
            # "denied reports that Zaluzhny had been dismissed": the object noun's that-clause is the content
            inner = [
                c
                for obj in verb.children
                if obj.dep_ in NOUN_OBJECT_DEPS and obj.pos_ in ("NOUN", "PROPN")
                for c in obj.children
                if c.dep_ in NOUN_COMPLEMENT_DEPS
                and c.pos_ in ("VERB", "AUX")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
        if inner:
            heads.setdefault(inner[0].i, i)
        elif (
            verb.dep_ in CLAUSAL_DEPS
            and verb.head.i != verb.i
            and not reporting(verb.head)
            and not any(c.dep_ == "mark" or c.tag_ in WH_TAGS for c in verb.children)
        ):
            # (not "Pioneer said its venture found gold": that "found" is what Pioneer said; not "see
            # how the markets respond": a complement that opens with "how", "if", "that" is no aside)
            # "X happened, Bloomberg reported": the reporting verb hangs off the reported one
            heads.setdefault(verb.head.i, i)
    for i, clause in enumerate(clauses):
        verb = _reporting_verb(doc, clause)
        if verb is not None and not _misparsed_subject(doc, clause):
            for child in verb.children:
                if child.dep_ == "csubj" and any(c.dep_ == "nsubj" for c in verb.children):
                    heads.setdefault(child.i, i)  # "..., exceeding the four billion dlrs ploughed into ..., X told"
    return heads


def _misparsed_report(doc: Any, clause: Clause) -> bool:
    """A reporting clause whose subject is a misparsed part of what it reports says nothing."""
    return _reporting_verb(doc, clause) is not None and _misparsed_subject(doc, clause)


def _misparsed_subject(doc: Any, clause: Clause) -> bool:
    """'..., exceeding the four billion dlrs ploughed into U.S. equities, Arther Mitchell ... told the
    conference': a clausal subject beside the reporting verb's own subject is a part of what it reports."""
    if clause.verb < 0 or not clause.subject:
        return False
    verb = doc[clause.verb]
    heads = [doc[k] for k in clause.subject if doc[k].head.i == clause.verb]
    return any(h.dep_ == "csubj" for h in heads) and any(c.dep_ == "nsubj" for c in verb.children)


def _expressed(verb: Any) -> Any | None:
    """'expressed doubts over whether X', 'voiced concern that X': the clause an expressed view is
    about is its holder's (and the view's hedge: "whether", "would", is found by hedges.py)."""
    if verb_lemma(verb) not in EXPRESSING_VERBS or verb.pos_ != "VERB":
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in VIEW_NOUNS:
            continue
        for child in obj.children:
            if child.dep_ in NOUN_COMPLEMENT_DEPS and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children
            ):
                return child  # "concern that prices would rise"
            if child.dep_ == "prep" and child.lower_ in VIEW_PREPS:
                # "doubts over whether sites added anything", "fears about what the law means"
                return next((c for c in child.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX")), None)
    return None


def _reporting_verb(doc: Any, clause: Clause) -> Any | None:
    """The clause's reporting (or holding) verb; in 'Williams said referring to the match' the verb
    group's head is the participle, and the report is its "said"."""
    if clause.verb < 0:
        return None
    verb = doc[clause.verb]
    if verb.dep_ in PURPOSE_DEPS and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        # "must be in place to assure that the bank can survive", "gave it 20 days to show why ...": a
        # purpose (or a time given for an act) reports nothing; "went on to say that ..." does (xcomp)
        return None
    if reporting(verb) or verb_lemma(verb) in HOLDING_VERBS:
        return verb
    head = verb.head
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and head.i in clause.relation and reporting(head):
        return head
    return None


def _object_heads(doc: Any, clauses: list[Clause]) -> dict[int, int]:
    """Token index of a reported noun object ("said transaction prices ...") -> index of its clause."""
    heads: dict[int, int] = {}
    for i, clause in enumerate(clauses):
        if clause.verb < 0 or verb_lemma(doc[clause.verb]) not in CONTENT_OBJECT_VERBS:
            continue
        for obj in doc[clause.verb].children:
            if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN"):
                heads.setdefault(obj.i, i)
    return heads


def _chain(
    doc: Any,
    index: int,
    clause: Clause,
    clauses: list[Clause],
    content_heads: dict[int, int],
    key_of: KeyOf,
    speaker_chain: Callable[[int], list[str]],
    speakers: Speakers,
) -> tuple[list[str], int | None, bool]:
    """Speakers from outermost to innermost, the clause reporting this one, and denial."""
    chain: list[str] = []
    reported_by: int | None = None
    denied = False
    token = doc[clause.verb]
    seen: set[int] = set()
    passed: set[int] = set()  # the tokens walked through, below this one
    while True:
        # "according to the UK-based journal Screen Digest": a clause within the phrase is the article's
        inside = any(c.lower_ == "according" and c.i in passed for c in token.children)
        according = [] if inside else according_to(doc, token, key_of, speakers)
        if according:
            chain[:0] = [k for k in according if k not in chain]
        reporter = content_heads.get(token.i)
        if reporter is not None and clauses[reporter].verb in passed:
            # "White House spokesman Marlin Fitzwater said, ...", "Referring to reports, X said, ...": a
            # clause hanging off the reporting verb itself (its speaker's description, an adjunct of the
            # act) is the article's, not part of what is reported
            seen.add(reporter)
        if reporter is not None and reporter != index and reporter not in seen:
            seen.add(reporter)
            if reported_by is None:
                reported_by = reporter
                denied = doc[clauses[reporter].verb].lemma_.lower() in DENYING_VERBS
            outer = speaker_chain(reporter)
            chain = [*outer, *[k for k in chain if k not in outer]]
        if token.head.i == token.i or _own_report(token):
            break
        passed.add(token.i)
        token = token.head
    return chain, reported_by, denied


def _own_report(token: Any) -> bool:
    """'The specifications suggest X but analysts cautioned that Y': a reporting verb joined to a reported
    clause, with a subject of its own, is a report of its own (the article's), not part of the first."""
    return (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and reporting(token)
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)
        and token.head.dep_ in CLAUSAL_DEPS
        # set against the first ("but"), no subordinate ("but only if X agrees"), not in a quote
        and any(c.dep_ == "cc" and c.lower_ == "but" and c.i < token.i for c in token.head.children)
        and not any(c.dep_ == "mark" for c in token.children)
        and not quoted(token.doc, token.i)
    )


def _speakers(doc: Any, reporter: Clause, key_of: KeyOf, speakers: Speakers) -> tuple[list[str], tuple[str, ...]]:
    """The reporter's subject (or the earlier speaker it refers to), then whom it cites; and
    the chain the reporting act itself rests on ('the people said': Bloomberg's people).

    'sources told the FT': the outlet told comes first, then the sources; 'The company said orders
    have improved, adding "..."': the one adding is the company, not the reported clause's subject.
    """
    verb = doc[reporter.verb]
    own = speaker(doc, _adder(verb) or reporter.subject, key_of, speakers)
    found: list[str] = list(own)
    if verb.lemma_.lower() == "tell" and reporter.object and found:
        told = key_of(reporter.object)
        # "sources told the FT", "officials had told him" (the one retelling it); not "a PR expert told
        # the trial", "officials told the Prime Minister": those only heard it
        retold = any(doc[i].pos_ == "PRON" for i in reporter.object) and len(reporter.object) == 1
        if told and (told.startswith("mediaoutlet/") or (found[-1].startswith("anonymoussource/") and retold)):
            found = [told, *[k for k in found if k != told]]
    if verb_lemma(verb) in QUOTED_AS_VERBS and as_saying(verb) is not None:
        for obj in verb.children:  # "quoted the minister as saying": the minister said it, to the outlet
            if obj.dep_ == "dobj":
                quoted_key = key_of(tuple(t.i for t in obj.subtree))
                if quoted_key and quoted_key not in found:
                    found.append(quoted_key)
    prefix = tuple(found[: found.index(own[-1])]) if own and own[-1] in found else ()
    found += [k for k in citing(doc, verb, key_of) if k not in found]
    return found, prefix


def _adder(verb: Any) -> tuple[int, ...] | None:
    """The subject of the reporting verb a ', adding ...' participle continues, when the parse hung it
    on the reported clause ('said orders have improved, adding ...'): the adder is who said it."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or head.dep_ != "ccomp":
        return None
    outer = head.head
    if not reporting(outer) or not reporting(verb):
        return None
    subject = next((c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if subject is None else tuple(sorted(t.i for t in subject.subtree))


def appositive(doc: Any, head: int, is_named: Callable[[int], bool]) -> int:
    """The named apposition of a descriptive head ("Zelensky's spokesman, Sergey Nikiforov"), else head."""
    for child in doc[head].children:
        if child.dep_ == "appos" and is_named(child.i):
            return int(child.i)
    return head
