"""Rule 4 of coreference (see coref.py): the antecedent of each third-person pronoun.

Which pronouns refer, and to actors of which types, is referring.py's:
he/him/his/she/her go to a person of compatible gender, it/its to an organisation,
outlet, country or government body (only as a possessor or the subject of a verb other
than "be", "seem" ...; and only to one that is itself a subject or possessor), they/their
to an unnamed plural source or a group, or (by rules 1 and 2 only, see _collective) to an
organisation or country alone as the subject ("Slovakia won the Cup on their first
appearance"). In order, the first that applies:

1. A possessive goes to its own clause's subject ("Zaluzhny retracted his comments"; "who"
   of a relative clause: the noun it modifies).
2. A pronoun in a clause governed by another ("Roh ... said he would", "Lopez held on when
   he ...") goes to that clause's nearest subject, object or passive agent that fits; "they" with no actor
   there to the plural noun that clause has as subject, else as object ("I've used
   textphones but they have problems"). "It" or "they" in
   what a copula's subject is ("Intel says the benefit of UWB is that it does not
   interfere") is a name inside that subject, or nobody. The subject of a clause announced
   with a topic ("As for Scotland, they have struggled") is that topic.
3. Otherwise the nearest fitting mention earlier in the sentence that is not an argument
   of the pronoun's own verb (nor the noun its relative clause modifies: "Norah Jones, with
   whom he recorded"); otherwise the subject, then the one a he/she there stands for ("His
   version of Don Gibson's song topped the charts. In 1972, he": his, over names that are
   only possessors or objects of prepositions), then the nearest mention not inside another's
   description ("Gammage, of analysts Gartner"), of the two sentences before (sentences
   wholly inside a quote are not counted for a pronoun outside quotes). Of that sentence's
   main clauses the latest subject that fits is the one meant ("Hewitt criticised the courts,
   but Pollard rejected the comments. “...,” he said": Pollard); a nearest mention that is
   one of a list of fitting people ("Guests included Honor Blackman and Anita Dobson. ... her
   absence") is none of them; nor is the company one kept of "they" ("Baker met with
   officials and reaffirmed their commitment": all of them).

Quotations (quotes.py): a pronoun outside quotes never goes to a name inside one ("“...
with Roger ...,” he said" is not Roger); a pronoun inside a quote never goes to the quote's
speaker (speakers say "I"), and "it" inside a quote only to a name in the same quote.
"The company said it ...", "..., it said" after it: the reporting "the company" is the latest
company that spoke (as for speakers, kg/extract/speakers.py), and so is "it".
Unknown referents stop the search instead of passing to an older name: when the subject
that a rule lands on is a proper noun that is no fitting actor (a person the NER missed or
mistyped) or an unresolved role noun ("A spokesman for X said ... He said"), or when such a
name stands between the nearest fitting name and a he/she of the same sentence ("Clijsters
... A virus ruined Xqzwyn's year, although she"), or a subject that may be a thing before an
"it" ("If Cell is to challenge Intel, it"), or a plural subject that is no source before a
"they" in the sentence after, the pronoun stays unresolved.
"""

from __future__ import annotations

from typing import Any

from ..extract.sentences import sentence_of
from ..models import COMPANY, CONCEPT, ORGANIZATION, PLACE
from .clusters import Cluster
from .evidence import COMPANY_NOUNS
from .firstperson import first_plural_antecedents
from .names import fold
from .quotes import QUOTING_VERBS, quote_of, quote_sentences_only, speaker_token
from .referring import (
    FEMALE,
    IT_NOUNS,
    IT_TYPES,
    MALE,
    NEUTER,
    PERSON_NOUNS,
    PLURAL,
    SOURCE_NOUNS,
    compatible,
    referring,
)
from .roles import SUBJECT_DEPS
from .salience import described, may_be_thing, relative_coargument, told_of
from .syntax import agentive, comitative, main_clauses, plural_owner, topic, verb_of

# Clauses whose pronoun may refer to an argument of the clause that governs them.
GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "pcomp"})
ARGUMENT_DEPS = SUBJECT_DEPS | {"dobj", "dative"}
# Where an unknown name stands as a referent: "Henin-Hardenne's", "Lopez held".
NAME_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "dobj", "appos"})
WH_WORDS = frozenset({"who", "that", "which", "whom"})
# Types the NER gives to names it does not know: such a subject may be anybody.
UNSURE_TYPES = frozenset({ORGANIZATION, CONCEPT, PLACE})


def pronoun_antecedents(doc: Any, heads: dict[int, str], by_key: dict[str, Cluster]) -> dict[int, int]:
    """Pronoun token -> antecedent token (a named mention's head or an unnamed source)."""
    sources = [t.i for t in doc if t.tag_ == "NNS" and t.lemma_.lower() in SOURCE_NOUNS]
    inside = quote_of(doc)
    pronouns = [tok for tok in doc if referring(tok)]
    resolved: dict[int, int] = {}
    # pronouns outside quotes first: the speakers of quotes are among them
    for tok in [t for t in pronouns if t.i not in inside] + [t for t in pronouns if t.i in inside]:
        word = tok.lower_
        candidates = compatible(word, heads, by_key, sources)
        if tok.i in inside:
            n = inside[tok.i]
            speaker = speaker_token(doc, n, inside)
            said_by = _key_of(speaker, heads, resolved)
            candidates = [i for i in candidates if said_by is None or heads.get(i) != said_by]
            if word in NEUTER:
                candidates = [i for i in candidates if inside.get(i) == n]
        else:
            candidates = [i for i in candidates if i not in inside]
            if word in NEUTER:
                start = sentence_of(doc, tok.i).start  # a name before plural "shares" only in its own sentence
                candidates = [i for i in candidates if agentive(doc[i]) or (i >= start and plural_owner(doc[i]))]
        ante = _Chooser(doc, tok, candidates, heads, by_key, resolved, inside).choose()
        if ante is not None and word in PLURAL and comitative(doc[ante]):
            ante = None  # "Baker met with West German officials and reaffirmed their commitment": all of them
        if ante is not None:
            resolved[tok.i] = ante
    resolved.update(first_plural_antecedents(doc, heads, by_key, resolved))
    return dict(sorted(resolved.items()))


def _key_of(i: int | None, heads: dict[int, str], resolved: dict[int, int]) -> str | None:
    if i is None:
        return None
    if i in resolved:
        return heads.get(resolved[i])
    return heads.get(i)


class _Chooser:
    """The rules of the module docstring for one pronoun."""

    def __init__(
        self,
        doc: Any,
        tok: Any,
        candidates: list[int],
        heads: dict[int, str],
        by_key: dict[str, Cluster],
        resolved: dict[int, int],
        inside: dict[int, int],
    ) -> None:
        self.doc, self.tok, self.heads, self.by_key = doc, tok, heads, by_key
        self.resolved, self.inside = resolved, inside
        self.fits = set(candidates)
        self.named = {i: c.key for c in by_key.values() for m in c.mentions for i in m.tokens}
        self.earlier = [i for i in candidates if i < tok.i]
        self.word = tok.lower_
        quoted = inside.get(tok.i)
        self.collective = {
            i for i, k in heads.items() if by_key[k].type in IT_TYPES and i < tok.i and inside.get(i) == quoted
        }  # fmt: skip

    def choose(self) -> int | None:
        tok = self.tok
        if self.word.endswith("self"):  # "the late Ray Charles himself": the nearest name, or none
            start = sentence_of(self.doc, tok.i).start
            return next((i for i in reversed(self.earlier) if i >= start), None)
        own_verb = verb_of(tok)
        own = {t.i for t in tok.subtree}
        announced = topic(own_verb, tok)
        if announced in self.fits or (self.word in PLURAL | NEUTER and announced in self.collective):
            return announced  # "As for Scotland, they have struggled this decade"
        if self.word in PLURAL and own_verb is not None:
            found = self._collective(own_verb)
            if found is not None:
                return found
        if tok.dep_ == "poss" and own_verb is not None:  # rule 1
            for s in own_verb.children:
                if s.dep_ not in SUBJECT_DEPS or tok.i in {t.i for t in s.subtree}:
                    continue
                if s.lower_ in WH_WORDS and own_verb.dep_ == "relcl":
                    s = own_verb.head  # "Staunton, who is up for her role": Staunton
                found = self._subject(s)
                if found is not None:
                    return found if found >= 0 else None
                inner = [i for i in self.earlier if i in {t.i for t in s.subtree}]
                if inner:
                    return inner[-1]
        verb = own_verb
        while verb is not None and verb.dep_ in GOVERNED_DEPS and verb.head.i != verb.i:  # rule 2
            up = verb_of(verb.head)
            if up is None or up.i == verb.i:
                break
            args = [c for c in up.children if c.dep_ in ARGUMENT_DEPS and not own & {c.i}]
            args += [g for c in up.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]  # "used by X"
            if verb.dep_ == "conj" and tok.head.i == verb.i and tok.dep_ in ("dobj", "dative"):
                # "The 40-year-old attended ... and thanked her": the shared subject is no object's
                args = [c for c in args if c.dep_ not in SUBJECT_DEPS]
            hits: list[int] = [int(c.i) for c in args if c.i in self.fits and (c.i < tok.i or verb.dep_ == "advcl")]
            earlier = [i for i in hits if i < tok.i]
            if earlier or hits:
                return max(earlier) if earlier else min(hits)
            if self.word in PLURAL:
                found = self._plural_thing(args)
                if found is not None:
                    return found if found >= 0 else None
            for s in (c for c in args if c.dep_ in SUBJECT_DEPS):
                found = self._subject(s)
                if found is not None:
                    return found if found >= 0 else None
                if up.lemma_ == "be" and verb.dep_ == "ccomp" and self.word in NEUTER | PLURAL:
                    inner = self._named_inside(s)
                    if inner:  # "Intel says the benefit of UWB is that it does not interfere": UWB
                        return inner[-1] if inner[-1] >= 0 else None
            verb = up
        return self._nearest(own_verb)

    def _plural_thing(self, args: list[Any]) -> int | None:
        """ "they" for a plural noun of the governing clause: its subject, else its indirect, else its
        direct object ("I've used textphones but they have problems"; "give murderers lighter sentences
        if they plead guilty"); a "they" subject there is the same they (-1 when unresolved)."""
        said = [c for c in args if c.dep_ in SUBJECT_DEPS and c.lower_ == "they"]
        if said:
            return self.resolved.get(said[0].i, -1)
        rank = {"nsubj": 0, "nsubjpass": 0, "dative": 1}
        things = [
            c for c in args if c.i < self.tok.i and c.tag_ == "NNS" and c.pos_ == "NOUN" and c.i not in self.heads
        ]
        return int(min(things, key=lambda c: (rank.get(c.dep_, 2), -c.i)).i) if things else None

    def _named_inside(self, s: Any) -> list[int]:
        """The actors a phrase names, by name or resolved pronoun, in text order (-1: one that does not fit)."""
        found: list[int] = []
        for t in s.subtree:
            i = self.resolved.get(t.i, t.i)
            if t.i in self.heads or t.i in self.resolved:
                named = self.heads.get(i) is not None and self.by_key[self.heads[i]].type in IT_TYPES
                found.append(i if i in self.fits or (named and self.word in NEUTER) else -1)
        return found

    def _collective(self, verb: Any) -> int | None:
        """they/their for an organisation or country, by rules 1 and 2 only: "Slovakia won the Cup on
        their first appearance", "The BPI ... said they were looking at ways". The subject must be
        the organisation alone ("Sony and MGM said they" is a pair), with no plural noun between
        that they may mean ("S&P has classed Russian bonds as investment grade, up from their
        former rating": the bonds')."""
        tok = self.tok
        subject = None
        if tok.dep_ == "poss":
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != tok.head.i), None)
        while subject is None and verb.dep_ in GOVERNED_DEPS and verb.head.i != verb.i:
            verb = verb_of(verb.head)
            if verb is None:
                return None
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i not in self.collective or any(c.dep_ == "conj" for c in subject.children):
            return None
        between = self.doc[subject.i + 1 : tok.i]
        if any(t.tag_ in ("NNS", "NNPS") and t.pos_ in ("NOUN", "PROPN") for t in between):
            return None
        return int(subject.i)

    def _subject(self, s: Any) -> int | None:
        """A subject's referent: its token, a resolved pronoun's antecedent, -1 for an unknown one."""
        if s.i in self.fits:
            return int(s.i)
        named = [t.i for t in s.subtree if t.dep_ == "appos" and t.i in self.fits]
        if named:  # "A spokesman for X, Dean Boyd, said"
            return int(named[0])
        if s.i in self.resolved and self.resolved[s.i] in self.fits:
            return int(self.resolved[s.i])
        spoke = self._company_that_spoke(s)
        if spoke is not None:
            return spoke
        if self._unknown(s):
            return self._by_name(s)
        return None

    def _company_that_spoke(self, s: Any) -> int | None:
        """ "The company said it was taking the actions": "the company" reporting is the latest
        company that spoke before (as speakers.py reads it), and "it" is that company too."""
        if self.word not in NEUTER or s.i in self.heads or s.lemma_.lower() not in COMPANY_NOUNS:
            return None
        if s.head.lemma_.lower() not in QUOTING_VERBS or [c.lower_ for c in s.children] != ["the"]:
            return None
        governed = any(a.i == s.head.i for a in self.tok.ancestors)  # "The company said it ..."
        reporting = self.tok.dep_ in SUBJECT_DEPS and self.tok.head.lemma_.lower() in QUOTING_VERBS  # "..., it said"
        if not (governed or reporting):
            return None
        for i in reversed(self.earlier):
            verb = verb_of(self.doc[i])
            company = self.by_key[self.heads[i]].type in (COMPANY, ORGANIZATION)
            if company and self.doc[i].dep_ in SUBJECT_DEPS and verb is not None and verb.lemma_ in QUOTING_VERBS:
                return i
        return None

    def _by_name(self, s: Any) -> int:
        """An unknown proper-noun subject that spells a name of an earlier actor ("Waste Management"
        the NER missed here): that actor's latest fitting mention; else -1, an unknown referent."""
        words = [t for t in s.subtree if t.i <= s.i and t.pos_ == "PROPN"]
        name = fold(" ".join(t.text for t in words if t.i >= s.i - len(words) + 1))
        keys = {k for k, c in self.by_key.items() if any(fold(m.name) == name for m in c.mentions)}
        found = [i for i in self.earlier if self.heads.get(i) in keys]
        return found[-1] if len(keys) == 1 and found else -1

    def _unknown(self, s: Any) -> bool:
        """A subject that may be the referent but is no actor we know: an unknown name, a role noun."""
        if s.i in self.fits or s.pos_ == "PRON":
            return False
        key = self.heads.get(s.i)
        if s.pos_ == "PROPN" and s.text[:1].isupper():
            return key is None or self.by_key[key].type in UNSURE_TYPES
        if key is not None or s.pos_ != "NOUN" or s.tag_ in ("NNS", "NNPS"):
            return False
        lemma = s.lemma_.lower()
        if self.word in NEUTER:
            return lemma in IT_NOUNS
        if self.word in PLURAL:
            return False
        return lemma in PERSON_NOUNS

    def _nearest(self, own_verb: Any) -> int | None:
        doc, tok = self.doc, self.tok
        sent = sentence_of(doc, tok.i)
        same = [
            i
            for i in self.earlier
            if i >= sent.start
            and (own_verb is None or verb_of(doc[i]) != own_verb or tok.dep_ == "poss")
            and (self.word not in NEUTER or doc[i].dep_ in SUBJECT_DEPS or plural_owner(doc[i]))
            and not relative_coargument(tok, own_verb, i)
        ]
        if self._unknown_between(same[-1] if same else sent.start, sent.start):
            return None  # "A virus ruined Henin-Hardenne's year, although she ...": an unknown name
        if same:
            return same[-1]
        previous = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
        counted = 0
        while previous is not None and counted < 2:
            if tok.i in self.inside or not quote_sentences_only(doc, previous, self.inside):
                counted += 1
                found = self._in_sentence(previous)
                if found is not None:
                    return found if found >= 0 else None
            previous = sentence_of(doc, previous.start - 1) if previous.start > 0 else None
        return self._only_one(sent.start)

    def _only_one(self, sent_start: int) -> int | None:
        """he/she further back: the one person of that gender named before, if nobody else may be
        meant ("Peter Jackson directed the film. The studio ... The cast ... He said"): no other
        fitting person, and since its last mention no unknown name as a subject nor a role noun
        anywhere ("according to an ntl spokesman, ... “...?” he asked": the spokesman)."""
        if self.word not in MALE | FEMALE:
            return None
        earlier = [i for i in self.earlier if i < sent_start]
        if not earlier or len({self.heads[i] for i in earlier}) != 1:
            return None
        for t in self.doc[earlier[-1] + 1 : self.tok.i]:
            if (t.dep_ in SUBJECT_DEPS or t.pos_ == "NOUN") and t.i not in self.heads and self._unknown(t):
                return None
        return earlier[-1]

    def _unknown_between(self, start: int, sent_start: int) -> bool:
        """A name that is no fitting actor between token start and a he/she, or a subject naming no
        actor before an "it" ("If Cell is to challenge Intel, it will need"): the pronoun may be it."""
        if self.word not in MALE | FEMALE | NEUTER:
            return False
        for t in self.doc[max(start, sent_start) + 1 : self.tok.i]:
            if t.pos_ != "PROPN" or not t.is_title or t.dep_ not in NAME_DEPS or t.i in self.inside:
                continue
            key = self.named.get(t.i)
            if self.word in NEUTER:
                if t.dep_ in SUBJECT_DEPS and (key is None or may_be_thing(self.by_key[key])):
                    return True
            elif key is None or self.by_key[key].type in UNSURE_TYPES:
                return True
        return False

    def _in_sentence(self, sent: Any) -> int | None:
        doc = self.doc
        inside = [i for i in self.earlier if sent.start <= i < sent.end]
        root_subjects = [
            t for t in sent if t.dep_ in SUBJECT_DEPS and verb_of(t) == sent.root and t.i not in self.inside
        ]
        main = main_clauses(sent.root)
        later: list[int] = [
            int(t.i) for t in sent if t.dep_ in SUBJECT_DEPS and t.i in self.fits and verb_of(t) in main[1:]
        ]  # fmt: skip
        for s in root_subjects[:1]:
            found = self._subject(s)
            if found is not None and later and found >= 0 and self.heads.get(later[-1]) != self.heads.get(found):
                return later[-1]  # "Hewitt said ... but Pollard rejected his comments. “...,” he said": Pollard
            if found is not None:
                return found
            if self.word in PLURAL and s.tag_ == "NNS" and s.i not in self.fits and not later:
                return -1  # "These set-top boxes allow people to record ... They are also built into TV sets"
        subjects = [i for i in inside if doc[i].dep_ in SUBJECT_DEPS and verb_of(doc[i]) == sent.root]
        if subjects:
            return subjects[0]
        if later:
            return later[-1]
        told = told_of(self.resolved, self.fits, self.heads, sent, inside) if self.word in MALE | FEMALE else None
        if told is not None:
            return told
        inside = [i for i in inside if not described(doc[i], self.fits & set(inside))]
        if inside and any(
            c.i in self.fits and self.heads.get(c.i) != self.heads.get(inside[-1]) for c in doc[inside[-1]].conjuncts
        ):
            return -1  # "Other stars included Honor Blackman and Anita Dobson. ... her": one of a list, so none
        if inside:  # the latest, but not a name inside another's description ("Gammage, of analysts Gartner")
            return inside[-1]
        return None
