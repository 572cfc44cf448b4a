"""Hedges on a clause: hedging adverbs, epistemic modals, 'likely to', 'seen as', 'if'.

Hedging adverbs ("allegedly", "reportedly"), epistemic modals (may, might, could, would),
"is likely to", "is seen as", a predicate "a potential rival", and conditionals ("if ..."),
on the verb or an enclosing verb; the hedge word is kept. Also (rules of English):

- the complement of a verb of belief, wish, plan or request is not asserted: "Analysts
  believe the market will rise", "Sony hopes that the Cell can become ...", "asked the FCC
  to reverse the decision", "wants the government to raise wages", "called for the banks to
  be sold" (hedge: the verb's lemma);
- an indirect question is no claim: "would not confirm whether the system will be built",
  "asked what the nomination means" (hedge "whether", "question"); but a "why" or a manner
  "how" asks only the reason or the way, and takes its clause as true ("it explains why
  threats continue to proliferate", "see how the markets respond");
- "it is likely (that) ...", "X seems/appears to be ..." hedge what they frame;
- what "any" thing does is no fact about a thing: "would veto any bill implementing the taxes";
- an act under an adjective of will is not done: "was reluctant to reshuffle", "is eager to sell";
- "would" under a verb in the past is the future of the past, not a hedge: "Acme said it
  would open a plant" reports "will open" (unless a condition goes with it, or it tells a
  feeling about a case supposed: "said he would be concerned about a further rise");
- the claim of a cleft is its relative clause, under what frames the cleft: "I hope it is the
  warmth that talks to people"; an adjective's complement is in its copula's clause ("I shall be
  satisfied having helped ..." under "if ...");
- what a purpose sets out to bring about is a goal, not a fact: "proposals to promote
  awareness, ensuring that young people are not exposed to ...", "to make sure that ..." (a
  non-finite "ensure"; "the law ensures that ..." states an effect).
"""

from __future__ import annotations

from typing import Any

from .clauses import Clause
from .sentences import doc_text

# fmt: off
HEDGE_WORDS = frozenset(
    {
        "allegedly", "reportedly", "apparently", "reputedly", "supposedly", "possibly", "probably",
        "perhaps", "likely", "unlikely", "seemingly", "presumably", "purportedly", "maybe",
        "ostensibly", "arguably", "hopefully",
    }
)
# "sales should equal the 1987 total", "the fundamentals must be in place": a forecast or an obligation,
# not a fact
HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should", "ought", "should've", "might've", "must"})
# "would veto any bill implementing the taxes": what any (not one given) thing does is no fact
ANY_DETERMINERS = frozenset({"any"})
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
HEDGE_ADJECTIVES = frozenset({"likely", "unlikely", "possible", "probable", "expected", "poised", "set"})
# "was reluctant to reshuffle his cabinet", "is eager to sell": the act is wanted or shunned, not done
ATTITUDE_ADJECTIVES = frozenset(
    {"reluctant", "unwilling", "willing", "eager", "keen", "ready", "prepared", "determined", "anxious"}
    | {"loath", "loth", "hesitant", "happy", "desperate"}
)
# "would be concerned about a further rise", "would be happy to": a feeling about a case supposed
FEELING_ADJECTIVES = frozenset(
    {"concerned", "worried", "surprised", "disappointed", "pleased", "delighted", "glad", "happy", "unhappy"}
    | {"upset", "grateful", "satisfied", "interested", "amazed", "shocked", "sorry", "thrilled", "comfortable"}
)
HEDGE_PREDICATE_MODIFIERS = frozenset(
    {"potential", "possible", "alleged", "suspected", "presumed", "would-be", "likely"}
)
# "X is seen as Y", "X is believed to ...": passive verbs of opinion hedge what they frame.
OPINION_PASSIVES = frozenset(
    {"see", "regard", "consider", "believe", "think", "view", "rumour", "rumor", "expect", "say"}
    | {"understand", "report", "allege", "suspect", "suppose", "presume", "estimate", "fear", "tip"}
    | {"bill", "tout", "hail", "dub"}  # "was billed as the biggest collection": the seller's words
)
# "he was seen in a film", "was considered for the job": these are opinions only with a
# predicate ("seen as a rival", "seen to be", "considered a hero", "billed as the biggest")
FRAMING_PASSIVES = frozenset({"see", "regard", "consider", "view", "bill", "tout", "hail", "dub"})
# "plans to build a plant", "a bid to buy Acme", "pressures for Congress to act": an act planned or sought
INTENT_NOUNS = frozenset(
    {"plan", "bid", "attempt", "effort", "proposal", "offer", "pressure", "call", "demand", "request"}
    | {"intention", "aim", "hope", "threat", "push", "campaign", "promise", "pledge", "desire", "wish"}
    | {"ambition", "goal", "drive", "scheme"}
)
# "rumors that it will add to reserves", "fears that the plant will close": a that-clause under a
# noun of hearsay, belief or possibility is talked of, not stated
CONTENT_NOUNS = frozenset(
    {"rumour", "rumor", "report", "speculation", "suggestion", "claim", "allegation", "fear", "hope"}
    | {"expectation", "guarantee", "possibility", "chance", "prospect", "risk", "doubt", "belief", "concern"}
    | {"worry", "assumption", "theory", "prediction", "forecast", "talk", "likelihood", "danger"}
)
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# Verbs of belief, wish, intention and request: what they frame is held, wanted or asked, not asserted.
ATTITUDE_VERBS = frozenset(
    {"believe", "think", "expect", "suspect", "fear", "hope", "feel", "assume", "reckon", "suppose", "imagine"}
    | {"anticipate", "doubt", "want", "wish", "plan", "intend", "aim", "seek", "ask", "urge", "call", "demand"}
    | {"request", "propose", "offer", "prefer", "order", "press", "plead", "instruct", "invite", "encourage"}
    | {"persuade", "tell", "recommend", "pray", "dream", "consider", "contemplate"}
    | {"suggest", "imply"}  # "the specifications suggest the PlayStation 3 will offer ...": a guess or a proposal
)
CAUSATIVES = frozenset({"let", "make", "help", "have"})  # "letting users shoot": the act is the causative's
# Of those, the ones whose that-clause is their holder's view: "Sony hopes that ..." is Sony's.
HOLDING_VERBS = frozenset({"hope", "fear", "suspect", "expect", "want", "wish", "doubt", "assume", "reckon"})
# Directive verbs frame a request only through an infinitive: "told him to leave", not "told him that ...".
DIRECTIVE_ONLY = frozenset({"tell", "ask", "order", "instruct", "invite", "encourage", "persuade", "press"})
QUESTION_MARKS = frozenset({"whether"})  # an indirect question: "would not confirm whether X"
QUESTION = "question"  # the hedge of a clause asked, not stated
WH_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})
SEEM_VERBS = frozenset({"seem", "appear"})
GOAL_VERBS = frozenset({"ensure", "guarantee", "assure"})  # "ensuring that ...": a purpose's goal
# Past-tense tags: a "would" under such a verb is the future of the past ("said it would open").
PAST_TAGS = frozenset({"VBD", "VBN"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a finite verb: no modal's base form
# fmt: on
# Dependencies of a reported complement: a hedge does not climb out of one (also used in attribution).
CLAUSAL_DEPS = frozenset({"ccomp", "parataxis"})
ADVERBIAL_DEPS = frozenset({"advmod", "acomp"})


def hedge_word(modal: str | None) -> str | None:
    """The clause extractor's modal or hedge word, when it hedges ('may'), not when it does not ('will')."""
    if modal is None:
        return None
    word = modal.lower()
    return word if word in HEDGE_MODALS or word in HEDGE_WORDS else None


def verb_lemma(token: Any) -> str:
    """The lemma of a verb, lower case; the model lemmatises "hopes" as "hop"."""
    lemma = str(token.lemma_).lower()
    return "hope" if lemma == "hop" and token.lower_.startswith("hop") and token.lower_ != "hop" else lemma


def _future_in_past(doc: Any, clause: Clause) -> bool:
    """'Acme said it would open a plant': 'would' in a complement of a verb in the past tense."""
    return clause.verb >= 0 and _past_report(doc[clause.verb])


def _past_report(token: Any) -> bool:
    """Whether this verb is (in) the complement of a verb in the past tense, with no condition."""
    while token.dep_ in ("xcomp", "conj", "aux", "auxpass") and token.head.i != token.i:
        token = token.head
    if token.dep_ != "ccomp" or token.head.tag_ not in PAST_TAGS:
        return False
    conditions = [t for t in token.subtree if t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS]
    return not conditions


def opinion_passive(token: Any) -> bool:
    """'is seen as a rival', 'is believed to', 'was billed as': a passive verb of opinion with what it frames.

    A reduced relative is such a passive too: "two men believed to be among the top spammers".
    """
    lemma = token.lemma_.lower()
    reduced = token.dep_ == "acl" and token.tag_ == "VBN"
    if lemma not in OPINION_PASSIVES or not (reduced or any(c.dep_ == "auxpass" for c in token.children)):
        return False
    if lemma == "expect" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False  # "the skills expected of school-leavers": what is required of them, not a forecast
    if lemma not in FRAMING_PASSIVES:
        return True
    for child in token.children:
        if (child.dep_ == "prep" and child.lower_ == "as") or child.dep_ in ("oprd", "ccomp", "dobj"):
            return True
        if child.dep_ == "xcomp" and (
            child.pos_ in ("NOUN", "ADJ") or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return True
    return False  # "he was seen in Something's Gotta Give": seen on screen, not judged


def _intent(token: Any, relation: set[int]) -> str | None:
    """'plans to build a plant', 'pressures for Congress to act': an infinitive under a noun of intent."""
    head = token.head
    if token.dep_ not in ("acl", "advcl") or head.i in relation or head.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    lemma = str(head.lemma_).lower()
    return lemma if lemma in INTENT_NOUNS else None


def _marked(token: Any) -> bool:
    """Whether a clause opens with a subordinator ('that', 'if', 'whether')."""
    return any(c.dep_ == "mark" for c in token.children)


def _noun_content(token: Any, relation: set[int]) -> str | None:
    """'rumors that it will add to reserves': a that-clause (not a relative clause) under a noun of hearsay."""
    head = token.head
    if token.dep_ != "acl" or head.i in relation or head.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return None
    lemma = str(head.lemma_).lower()
    return lemma if lemma in CONTENT_NOUNS else None


def _framing(token: Any, relation: set[int]) -> str | None:
    """The hedge a complement gets from the verb or adjective that frames it, if any."""
    head = token.head
    if token.dep_ == "ccomp" and _wh_first(token):
        return QUESTION  # "asked what the nomination means", "tell how much money the film will make"
    for_to = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)
    if head.i in relation or not (token.dep_ in ("ccomp", "xcomp") or for_to):
        return None
    lemma = verb_lemma(head)
    if lemma in OPINION_PASSIVES and any(c.dep_ == "auxpass" for c in head.children):
        return None  # "is expected to rise": the passive opinion verb is the hedge (below)
    if lemma in ATTITUDE_VERBS and head.pos_ in ("VERB", "AUX"):
        if (
            lemma in DIRECTIVE_ONLY
            and token.dep_ != "xcomp"
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        ):
            return None  # "told reporters that ..." reports, it does not ask
        return lemma
    if token.dep_ == "ccomp" and lemma == "be":
        # "it is likely (that) the Japanese will accept": the adjective hedges its clause
        for child in head.children:
            if child.dep_ == "acomp" and child.lower_ in HEDGE_ADJECTIVES - {"set", "poised"}:
                return str(child.lower_)
    if token.dep_ == "ccomp" and lemma in SEEM_VERBS:
        return lemma  # "it seems that ..."
    if token.dep_ == "ccomp" and lemma in GOAL_VERBS and (head.tag_ == "VBG" or _infinitive(head)):
        return lemma  # "ensuring that young people are not exposed", "to ensure that ..."
    return None


def _infinitive(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _wh_first(token: Any) -> bool:
    """A complement that opens with a wh-word is an indirect question (not a relative clause)."""
    first = min(token.subtree, key=lambda t: t.i)
    if first.tag_ not in WH_TAGS or first.i >= token.i or first.lower_ == "that":
        return False  # "so mad that he threw it": a "that" (tagged WDT) asks nothing
    modal = any(c.tag_ == "MD" for c in token.children)
    if not modal and (first.lower_ == "why" or (first.lower_ == "how" and first.head.i == token.i)):
        # "explains why threats continue to proliferate", "see how the markets respond": only the
        # reason or the manner is asked; the clause itself is taken as true ("how much ...", "how
        # red tape can be cut" ask)
        return False
    # "how many trees will be uprooted" asks; "Where it was appropriate ..., the reduction would be" does not
    word = first
    while word.head.i != token.i and word.head.i != word.i:
        if word.dep_ in ("advcl", "relcl", "ccomp", "acl"):
            return False
        word = word.head
    return word.dep_ not in ("advcl", "relcl", "acl")


def _feeling(doc: Any, clause: Clause) -> bool:
    """'said he would be concerned about a further rise': a feeling under "would" answers a case
    supposed, even in a past report (not "said it would be ready": the future of the past)."""
    return any(doc[i].lower_ in FEELING_ADJECTIVES for i in (clause.verb, *clause.relation) if i >= 0)


def _cleft(noun: Any) -> bool:
    """'it is the warmth (that talks to people)': the focus of a cleft, whose relative clause is the claim."""
    be = noun.head
    return (
        noun.dep_ == "attr" and be.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)
    )


def _any_noun(noun: Any) -> bool:
    """'any bill': a noun of no thing in particular (not "the most iconic of any stars": a comparison)."""
    if not any(c.dep_ == "det" and c.lower_ in ANY_DETERMINERS for c in noun.children):
        return False
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of":
        compared = [of.head, *of.head.children]
        return not any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("most", "least") for t in compared)
    return True


def _has_either(doc: Any) -> bool:
    """Whether the doc has the word "either" at all (checked once per doc)."""
    found = doc.user_data.get("kg.either")
    if found is None:
        found = doc.user_data["kg.either"] = "either" in doc_text(doc).lower()
    return bool(found)


def _either(doc: Any, clause: Clause) -> bool:
    """'either resigned or was fired', 'either Acme or Beta will win': neither branch is asserted alone."""
    if not _has_either(doc):
        return False
    token = doc[clause.verb]
    groups = [token]
    while token.dep_ in ("xcomp", "conj") and token.head.i != token.i and len(groups) < 4:
        token = token.head  # "or they want to thank everyone": the branch is "want"
        groups.append(token)
    for span in (clause.subject, clause.object):
        if span:
            inside = set(span)
            head = next((doc[i] for i in span if doc[i].head.i not in inside), doc[span[0]])
            groups.append(head.head if head.dep_ == "conj" else head)
    # "either" as preconj, or as advmod before the "or" ("they're either not in control or ..."; not
    # the "either" of "he did not go either", which has no "or")
    return any(
        c.dep_ in ("preconj", "advmod")
        and c.lower_ == "either"
        and any(o.dep_ == "cc" and o.lower_ == "or" and o.i > c.i for o in g.children)
        for g in groups
        for c in g.children
    )


def hedge(doc: Any, clause: Clause) -> str | None:
    """The hedge on a clause: adverbs, modals, 'likely to', 'seen as', 'a potential X', 'if'."""
    own = hedge_word(clause.modal)
    past_future = _future_in_past(doc, clause)
    if clause.verb >= 0 and any(doc[i].dep_ == "ccomp" and _wh_first(doc[i]) for i in {clause.verb, *clause.relation}):
        return QUESTION  # "show why it should not be obliged to pay": asked, whatever its modal
    if own and not (own == "would" and past_future and not _feeling(doc, clause)):
        return own
    if clause.verb < 0:
        return None
    if _either(doc, clause):
        return "either"
    token = doc[clause.verb]
    if _any_noun(token.head) and token.dep_ in NOUN_CLAUSE_DEPS:
        return "any"  # "any bill implementing the taxes", "any company that breaks the rules"
    relation = set(clause.relation) | {clause.verb}
    for i in sorted(relation):
        if verb_lemma(doc[i]) in SEEM_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in doc[i].children):
            return verb_lemma(doc[i])  # "the land seems to be similar"
    lemma = token.lemma_.lower()
    if opinion_passive(token):
        follow = next((c.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ == "as"), "")
        return f"{'seen' if lemma == 'see' else token.lower_} {follow}".strip() if follow else token.lower_
    for child in token.children:
        if child.dep_ == "attr" and clause.kind == "copula":
            for mod in child.children:
                if mod.dep_ == "amod" and mod.lower_ in HEDGE_PREDICATE_MODIFIERS:
                    return str(mod.lower_)
        if (
            child.dep_ == "acomp"
            and child.lower_ in HEDGE_ADJECTIVES
            and any(c.dep_ == "xcomp" for c in child.children)
        ):
            return str(child.lower_)
    for _ in range(4):
        for child in token.children:
            if child.dep_ in ADVERBIAL_DEPS and child.lower_ in HEDGE_WORDS:
                return str(child.lower_)
            if (
                child.dep_ == "aux"
                and child.lower_ in HEDGE_MODALS
                and not (child.lower_ == "would" and (past_future or _past_report(token)))
            ):
                return str(child.lower_)
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS | QUESTION_MARKS:
                # the condition itself is not asserted: "if Blair did not want to take part, ..."
                return str(child.lower_)
            if (
                child.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in child.children)
                and not any(m.dep_ == "advmod" and m.lower_ == "even" for m in child.children)
            ):  # (not "even if X, Y": a concession, Y holds either way)
                return str(next(m.lower_ for m in child.children if m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS))
        framed = _framing(token, relation) or _intent(token, relation) or _noun_content(token, relation)
        if framed:
            return framed
        if _infinitive(token) and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
            # a for-to clause states no event: "calls for Blair to resign", "the pressures for Congress to
            # act", "the plan is for the company to cut jobs" (a framing verb names it: "called for")
            return "for"
        if token.dep_ == "conj" and (
            token.tag_ in FINITE_TAGS or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        ):
            # "could take months and officials warned that ...", "may have been offensive but were not
            # racist": a clause of its own, or a finite verb, is out of the first verb's modal
            break
        # "is considering letting web users use a rifle": a bare clause under a causative is its act
        causative = token.dep_ == "ccomp" and verb_lemma(token.head) in CAUSATIVES and not _marked(token)
        if token.head.i == token.i or (token.dep_ in CLAUSAL_DEPS and not causative):
            break
        if token.dep_ == "xcomp" and token.head.lower_ in HEDGE_ADJECTIVES | ATTITUDE_ADJECTIVES:
            return str(token.head.lower_)
        # "was reported in June to have attended": an infinitive the parse hung on as advcl
        infinitive = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.dep_ == "relcl" and _cleft(token.head):
            token = token.head.head  # "I hope it is the warmth that talks to people": the cleft's clause
            continue
        # (an adjective's clause is its copula's: "I shall be satisfied having helped ..., if ...")
        if token.dep_ not in ("xcomp", "conj", "aux", "auxpass", "acomp") and not infinitive and not causative:
            break
        raised = token.dep_ == "xcomp" or infinitive
        token = token.head
        if raised and opinion_passive(token):
            # "is believed to be planning", "is said to have": the passive opinion verb hedges its complement
            return str(token.lower_)
    return None
