"""A passive whose by-agent is an actor gives the active statement (issue 10: "plans were unveiled by
the Conservatives" is the Conservatives' act). Agentless passives, and a "by" that names no actor, stay
as they are; the Open IE clause that CaRB scores keeps the sentence's voice.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest import param

from kg.extract.carb import doc_lines

from .sentences import relation_triples, statements
from .sentences import triple as as_triple

# sentence, (subject, relation, object) of the statement, its predicate, whether it is negated
ACTIVE = [
    param(
        "Plans to abolish 162 quangos have been unveiled by the Conservatives.",
        ("the Conservatives", "have unveiled", "Plans to abolish 162 quangos"),
        "announces",
        False,
        id="perfect-passive",
    ),
    param(
        "One problem identified by Wipro was the high turnover of its staff.",
        ("Wipro", "identified", "One problem"),
        "open:identify",
        False,
        id="reduced-participle",
    ),
    param(
        "The bill will be signed by President Bush.",
        ("President Bush", "will sign", "The bill"),
        "signs",
        False,
        id="modal-passive",
    ),
    param(
        "The merger was not approved by the Commerce Commission.",
        ("the Commerce Commission", "did not approve", "The merger"),
        "accepts",
        True,
        id="negated-past-takes-do",
    ),
    param(
        "The chip is made by Sony.",
        ("Sony", "makes", "The chip"),
        "open:make",
        False,
        id="present-singular",
    ),
    param(
        "The bill was taken up by the Senate.",
        ("the Senate", "took up", "The bill"),
        "open:take-up",
        False,
        id="strong-verb-past-and-particle",
    ),
    param(
        "Waste Management moved to dismiss the counterclaim brought against it by Chemlawn Corp.",
        ("Chemlawn Corp.", "brought", "the counterclaim"),
        "open:bring",
        False,
        id="participle-with-a-preposition-before-the-agent",
    ),
]

# sentence, (subject, relation, object) of a clause whose subject the parser read as a reduced relative's clause
MISREAD_PARTICIPLE = (
    "Experts say the proposals put forward last month by the European Commission could lead to a fall in prices."
)

# sentence, (subject, relation, object) that stays passive
PASSIVE = [
    param("The plans were unveiled on Monday.", ("The plans", "were unveiled on", ""), id="agentless"),
    param(
        "The pound would be kept near its present level by a mixture of interest rates.",
        ("The pound", "would be kept by", "a mixture of interest rates"),
        id="agent-names-no-actor",
    ),
    param(
        "The company is being investigated by the FBI.",
        ("The company", "is being investigated by", "the FBI"),
        id="progressive-passive",
    ),
]


triples = relation_triples


@pytest.mark.parametrize(("text", "triple", "predicate", "negated"), ACTIVE)
def test_passive_with_an_actor_agent_is_stated_active(
    nlp: Any, text: str, triple: tuple[str, str, str], predicate: str, negated: bool
) -> None:
    found = statements(nlp, text)
    matching = [s for s in found if as_triple(s) == triple]
    assert matching, sorted(triples(found))
    assert (matching[0].predicate, matching[0].negated) == (predicate, negated)
    assert not any(s.subject.text == triple[2] and s.relation.endswith(" by") for s in found)


@pytest.mark.parametrize(("text", "triple"), PASSIVE)
def test_other_passives_stay(nlp: Any, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(statements(nlp, text))


def test_carb_clause_keeps_the_passive(nlp: Any) -> None:
    from kg.extract.carb import tokenized_doc

    sentence = "The bill will be signed by President Bush ."
    lines = list(doc_lines(tokenized_doc(nlp, sentence), sentence))
    assert any(line.split("\t")[2:5] == ["will be signed by", "The bill", "President Bush"] for line in lines), lines


def test_participle_read_as_a_clausal_subject(nlp: Any) -> None:
    found = triples(statements(nlp, MISREAD_PARTICIPLE))
    assert ("the European Commission", "put forward", "the proposals") in found, sorted(found)
    assert ("the proposals", "could lead to", "a fall in prices") in found, sorted(found)


def test_pronoun_takes_the_case_of_its_new_place(nlp: Any) -> None:
    found = triples(statements(nlp, "She was beaten by Nadia Petrova in the final."))
    assert ("Nadia Petrova", "beat", "her") in found, sorted(found)
