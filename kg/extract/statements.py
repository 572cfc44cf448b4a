"""From a parsed article to plain Entities and Statements.

This is where spaCy objects end: clauses (token indices) become Arguments (character
offsets, entity keys), and the clauses that report other clauses become attribution
chains on them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors.coref import find_entities
from ..models import (
    ACTOR_TYPES,
    CONCEPT,
    SPORTS_TEAM,
    Argument,
    Article,
    Extraction,
    Figure,
    Statement,
)
from .arguments import TIME_ENTS, Entities, argument, entity_for, head_of
from .attribution import Context, appositive, contexts
from .clauses import Clause, clauses_of_doc, controlled_infinitive, expletive_report
from .denials import denial_targets
from .etal import without_et_al
from .figures import find_figures
from .hedges import OPINION_PASSIVES
from .labels import measured
from .objects import amount as _amount
from .polarity import object_negator
from .predicates import FIGURE, TEXT, entity_type, predicate_for
from .rosters import with_rosters
from .scores import without_scores
from .sentences import doc_text, sentence_of
from .speakers import COMPANY_ANAPHORS, UNSURE_KEYS
from .timex import Timex, clause_times, whole_time
from .tokens import doc_tokens
from .unresolved import SPEAKER_CONFIDENCE, UNRESOLVED_CONFIDENCE, pronoun_head, speaker_of, unresolved_mention
from .voice import active_clause, agent_of, participle_subject, recased

QUESTION = "question"  # the hedge of a clause asked, not stated
SENTENCE_MARKS = frozenset({".", "!", "?", "?!", "!?"})
# Prepositions after which a time is what a relation is about: "scheduled for", "postponed until".
AIM_PREPOSITIONS = frozenset({"for", "until", "till"})
# Verbs whose time is what they state: "was born in March 2001" ("Teja was born" says nothing).
TIME_OBJECT_VERBS = frozenset({"bear"})
UNRESOLVED = "-unresolved-"  # in the key of a pronoun's unresolved mention (unresolved.py)
SPEAKING_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})  # (not "it": "It explains why ...")
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "noone", "no-one", "neither"})


def extract_article(doc: Any, article: Article, *, extractor: str = "") -> Extraction:
    """Entities and statements of one parsed article."""
    ents = Entities(find_entities(doc))
    # a match's score and a closing 'et al' are no arguments; a team list says who plays for whom
    clauses = list(with_rosters(doc, without_et_al(doc, without_scores(doc, clauses_of_doc(doc)))))

    def named(i: int) -> bool:
        return i in ents.index.by_token

    def key_of(toks: tuple[int, ...]) -> str | None:
        return entity_for(doc, appositive(doc, head_of(doc, sorted(toks)), named), ents)

    ctx = contexts(doc, clauses, key_of)
    times = clause_times(doc, [(c.verb, *c.relation) for c in clauses], article.date)
    statements: list[Statement] = []
    by_clause: dict[int, int] = {}
    for i, clause in enumerate(clauses):
        reporter = ctx[i].reported_by
        claim = times[reporter] if reporter is not None else None
        statement = (
            None
            if ctx[i].drop
            else _statement(
                doc, clause, ctx[i], ents, when=times[i], claim=claim, published=article.date, article_id=article.id
            )
        )
        if statement is None:
            continue
        by_clause[i] = len(statements)
        statements.append(statement)
    statements = _unresolved_speakers(doc, statements, clauses, ctx, by_clause, ents)
    statements = _link_reports(statements, clauses, ctx, by_clause)
    denials = denial_targets(statements)
    statements = [replace(st, denies=tuple(denials[i])) if i in denials else st for i, st in enumerate(statements)]
    return Extraction(article, ents.all(), tuple(statements), extractor)


def _unresolved_speakers(
    doc: Any,
    statements: list[Statement],
    clauses: list[Clause],
    ctx: list[Context],
    by_clause: dict[int, int],
    ents: Entities,
) -> list[Statement]:
    """'He said the ministry has authorised ...' with 'He' resolved to no one: what he said is still his
    (the unresolved mention's), not the article's own assertion."""
    result = list(statements)
    order = sorted(by_clause, key=lambda i: clauses[i].verb)  # outer reports first: their chains go in
    for i in order:
        reporter = ctx[i].reported_by
        if reporter is None or reporter not in by_clause or result[by_clause[i]].attribution:
            continue
        said = result[by_clause[reporter]]
        speaker = said.subject.entity
        # (not "Anybody who says ...", "Those who fall victim can find that ...", "..., which he denies")
        personal = speaker and speaker.split(UNRESOLVED)[0].removeprefix("concept/") in SPEAKING_PRONOUNS
        if personal and speaker in ents.extra and doc_tokens(doc)[clauses[reporter].verb].dep_ != "relcl":
            # ("He said he expected ...": the same pronoun again is taken for the same speaker)
            again = said.attribution and said.attribution[-1].split(UNRESOLVED)[0] == speaker.split(UNRESOLVED)[0]
            chain = said.attribution if again else (*said.attribution, speaker)
            result[by_clause[i]] = replace(result[by_clause[i]], attribution=chain)
    return result


def _link_reports(
    statements: list[Statement], clauses: list[Clause], ctx: list[Context], by_clause: dict[int, int]
) -> list[Statement]:
    """Point each reported statement at the statement that reports it."""
    result = list(statements)
    for i, context in enumerate(ctx):
        if context.reported_by is None or i not in by_clause or context.reported_by not in by_clause:
            continue
        result[by_clause[i]] = replace(result[by_clause[i]], content_of=by_clause[context.reported_by])
    return _described_reporters(result)


def _described_reporters(statements: list[Statement]) -> list[Statement]:
    """'..., the company said': the report's subject is the actor its content is attributed to, when
    the subject is a singular definite description of an organisation left a concept (not "the firms",
    "the spokesman"), the verb follows it ("the group which
    represents ..., Universities UK, said" may be another), and the content has that one speaker only."""
    result = list(statements)
    chains: dict[int, set[tuple[str, ...]]] = {}
    for st in statements:
        if st.content_of is not None:
            chains.setdefault(st.content_of, set()).add(st.attribution)
    for r, found in chains.items():
        subject = result[r].subject
        if len(found) != 1 or subject.entity is None or not subject.entity.startswith("concept/"):
            continue
        (chain,) = found
        words = subject.text.lower().split()
        after = result[r].sentence[subject.end - result[r].sentence_start :].split()  # not "the group which ..."
        next_to_verb = bool(after) and after[0].strip(".,;:!?\"'") == (result[r].relation.split() or [""])[0]
        described = len(words) == 2 and words[0] == "the" and words[1] in COMPANY_ANAPHORS and next_to_verb
        if described and len(chain) == 1 and not chain[0].startswith(UNSURE_KEYS):
            result[r] = replace(result[r], subject=replace(subject, entity=chain[0]))
    return result


def _statement(
    doc: Any,
    clause: Clause,
    context: Context,
    ents: Entities,
    *,
    when: Timex | None = None,
    claim: Timex | None = None,
    published: str | None = None,
    article_id: str = "",
) -> Statement | None:
    subject = argument(doc, clause.subject, ents)
    if subject is None or controlled_infinitive(doc, clause) or expletive_report(doc, clause):
        return None
    if clause.kind != "apposition" and (subject.entity is None or subject.entity.startswith("concept/")):
        # "Ukrainian commander-in-chief, Valery Zaluzhny, has ...": the named apposition
        head = head_of(doc, sorted(clause.subject))
        named = appositive(doc, head, lambda i: i in ents.index.by_token)
        if named != head:
            subject = replace(subject, entity=ents.index.by_token[named])
    confidence = clause.confidence
    if subject.entity is None and (noun := participle_subject(doc, clause.subject)) is not None:
        subject = argument(doc, noun, ents) or subject  # "the proposals put forward by X could lead to ..."
    if subject.entity is None:
        # never drop a clause for a pronoun no rule resolved: its speaker, or an unresolved mention
        head = doc_tokens(doc)[head_of(doc, sorted(clause.subject))]
        if not pronoun_head(head):
            return None
        speaker = speaker_of(head, context.chain)
        if speaker is None:
            mention = unresolved_mention(head, article_id)
            ents.extra[mention.key] = mention
        subject = replace(subject, entity=speaker or mention.key)
        confidence *= SPEAKER_CONFIDENCE if speaker else UNRESOLVED_CONFIDENCE
    negator = object_negator(doc, clause)  # "had no qualifications": the "no" is the clause's negation
    kept = tuple(i for i in (*(clause.object or ()), *clause.completion) if i != negator)
    obj = argument(doc, kept, ents) if clause.object else None
    if (
        obj is not None
        and _common(obj)
        and _amount(measured(doc_tokens(doc)[head_of(doc, sorted(clause.object or ()))]))
    ):
        # "will receive 1.4 billion francs": an amount is a value (with its kg:figure), no concept node
        obj = replace(obj, entity=None)
    if obj is not None and clause.kind != "verb" and clause.lemma == "be in" and entity_type(obj.entity) == SPORTS_TEAM:
        return None  # "in Dublin, Ireland tore into ...": a place lies in no team
    if obj is not None and obj.entity is not None and obj.entity == subject.entity:
        # "the ICO has the ICO": an actor related to itself says nothing (a coreference slip)
        return None
    if clause.kind == "nominal" and clause.lemma == "have" and (obj is None or _common(obj)):
        # "South Korea's economy", "India's oil production": a possessed common noun says nothing
        return None
    if obj is not None and (timex := whole_time(obj.text, published)) is not None:
        # "reported on Tuesday": a time is when, not what; "scheduled for March 19": the time it is set for
        words = clause.lemma.split()
        aimed = words[-1] in AIM_PREPOSITIONS or words[0] in TIME_OBJECT_VERBS
        when, obj = when or replace(timex, start=obj.start, end=obj.end), obj if aimed else None
    by = agent_of(doc, clause) if obj is not None and entity_type(obj.entity) in ACTOR_TYPES else None
    stated = clause if by is None else active_clause(doc, clause, by)
    if by is not None and obj is not None:
        # "plans were unveiled by the Conservatives": the agent's act, in the active voice (voice.py)
        subject, obj = obj, subject
        subject = replace(subject, text=recased(subject.text, as_object=False))
        obj = replace(obj, text=recased(obj.text, as_object=True))
    sent = sentence_of(doc, clause.verb if clause.verb >= 0 else clause.subject[0])
    extras = tuple(  # a phrase that completes the object is in it: "took swipes at the Playstation"
        a
        for role, toks in clause.extras
        if not (toks and toks[0] in clause.completion) and (a := argument(doc, toks, ents, role=role)) is not None
    )
    time_text = next((a.text for a in extras if a.role == "time"), None)
    relation = stated.relation_text or " ".join(doc_tokens(doc)[i].text for i in clause.relation)
    figures: tuple[Figure, ...] = ()
    if not context.reports:
        args = [a for a in (subject, obj, *extras) if a is not None]
        figures = tuple(find_figures(doc_text(doc)[min(a.start for a in args) : max(a.end for a in args)]))
    kind = "denial" if context.denial else "report" if context.reports else stated.kind
    question = _in_question(doc, clause, sent)
    sentence = sent.text.rstrip()  # a sentence before a paragraph break ends with its white space
    return Statement(
        subject=subject,
        relation=relation,
        lemma=stated.lemma,
        predicate=_predicate(doc, stated, subject, obj),
        object=obj,
        sentence=sentence,
        sentence_start=sent.start_char,
        sentence_end=sent.start_char + len(sentence),
        extras=extras,
        # a question claims nothing: "Why can't the film industry ...?" is neither asserted nor negated
        negated=not question and (clause.negated or context.negated or _negative_subject(doc, clause.subject)),
        hedge=QUESTION if question else context.hedge,  # the clause's modal is in it (hedges.py)
        attribution=context.chain,
        denied=context.denied,
        time=when.value if when else None,
        time_text=when.text if when else time_text or context.time_text,
        claim_time=claim.value if claim else None,
        figures=figures,
        confidence=round(confidence, 3),
        kind=kind,
        quoted=context.quoted,
    )


def _common(arg: Argument) -> bool:
    """An argument naming no actor: plain text or a concept."""
    return arg.entity is None or entity_type(arg.entity) == CONCEPT


def _in_question(doc: Any, clause: Clause, sent: Any) -> bool:
    """Whether the clause ends in a question mark: the first sentence-ending mark after its words is '?'."""
    if "?" not in doc_text(doc)[sent.start_char : sent.end_char]:
        return False  # most sentences: nothing to look for
    last = max([*clause.subject, *clause.relation, *(clause.object or ()), clause.verb])
    for token in doc[last + 1 : sent.end]:
        after = doc_tokens(doc)[token.i + 1] if token.i + 1 < sent.end else None
        if after is not None and after.text[:1].isalpha() and after.text[:1].islower():
            continue  # "a report by Which? magazine found": a mark inside a name, not the sentence's end
        if token.text in SENTENCE_MARKS or token.text.startswith("?"):
            return bool(token.text.startswith("?"))
    return bool(sent.text.rstrip(" \n\"'”’)").endswith("?"))


def _predicate(doc: Any, clause: Clause, subject: Argument, obj: Argument | None) -> str:
    """The controlled predicate that fits the clause's lemma phrase, voice and argument types."""
    head_token = doc_tokens(doc)[head_of(doc, sorted(clause.object))] if obj is not None and clause.object else None
    object_type = None if obj is None else entity_type(obj.entity) if obj.entity else TEXT
    if head_token is not None and _amount(head_token):
        object_type = FIGURE  # "gained 15 points", "rose 30 pct": a figure, not a thing won or lost
    elif head_token is not None and head_token.ent_type_ in TIME_ENTS:
        object_type = None  # "declined in 2003": a time is when, not what; the clause has no object
    head = head_token.lemma_ if head_token is not None else None
    lemma = clause.lemma
    words = lemma.split()
    if len(words) > 2 and words[1] == "to" and words[0] in OPINION_PASSIVES:
        opinion = [doc_tokens(doc)[i] for i in clause.relation if doc_tokens(doc)[i].lemma_.lower() == words[0]]
        if any(c.dep_ == "auxpass" for t in opinion for c in t.children):
            # "is said to have resigned": the opinion verb is the hedge, the relation is "resign"
            lemma = " ".join(words[2:])
    return predicate_for(
        lemma,
        subject=entity_type(subject.entity),
        obj=object_type,
        object_head=head,
        # "documents found in Baghdad", "powers sought by banks": a reduced clause of a past participle is passive
        passive=clause.kind == "passive"
        or (clause.kind == "participle" and doc_tokens(doc)[clause.verb].tag_ == "VBN"),
    )


def _negative_subject(doc: Any, tokens: tuple[int, ...]) -> bool:
    """'No one wins', 'no party has a majority', 'nobody came', 'neither side commented': the subject negates."""
    if not tokens:
        return False
    head = doc_tokens(doc)[head_of(doc, sorted(tokens))]
    if head.lower_ in NEGATIVE_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in head.children) or (
        head.i > 0 and doc_tokens(doc)[head.i - 1].lower_ == "no" and head.lower_ == "one"
    )
