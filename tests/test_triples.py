"""The triple itself: arguments cut at the right place and taken from the right clause (issue 10)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sentences import lemma_triples as triples
from tests.sentences import statements

Triple = tuple[str, str, str]


# sentence, a triple that must be extracted, a triple that must not
TABLE = [
    # a hyphenated word the parser cut into sibling objects is one argument
    pytest.param(
        "The U.S. has pressed the EC to make a counter-offer.",
        ("the EC", "make", "a counter-offer"),
        ("the EC", "make", "offer"),
        id="hyphen-split-object",
    ),
    pytest.param(
        "He became vice-president of the firm.",
        ("He", "become", "vice-president of the firm"),
        ("He", "become", "vice"),
        id="hyphen-split-complement",
    ),
    pytest.param(
        "They signed a cease-fire with the rebels.",
        ("They", "sign", "a cease-fire with the rebels"),
        ("They", "sign", "fire"),
        id="hyphen-compound-kept",
    ),
    # a phrase set off by a comma is no complement joining the relation
    pytest.param(
        "The damage to software will not happen overnight, of course.",
        ("The damage to software", "happen", ""),
        ("The damage to software", "happen of", "course"),
        id="comma-phrase-not-joined",
    ),
    pytest.param(
        "Prices rose, in turn, by 5 pct.",
        ("Prices", "rise by", "5 pct"),
        ("Prices", "rise in", "turn"),
        id="comma-set-phrase-skipped",
    ),
    pytest.param(
        "Third-quarter sales rose 34% to 20.9bn rupees.",
        ("Third-quarter sales", "rise to", "20.9bn rupees"),
        ("Third-quarter sales", "rise", ""),
        id="percent-is-no-comma",
    ),
    pytest.param(
        "The firm was founded in 1990, by John Smith.",
        ("John Smith", "found", "The firm"),  # an actor's act, in the active voice (voice.py)
        ("The firm", "found", ""),
        id="agent-after-comma-joined",
    ),
    # only verbs that meet at the coordinator share the object after the second one
    pytest.param(
        "This time, it was important to start off well and put some pressure on her.",
        ("it", "start off", ""),
        ("it", "start off", "some pressure"),
        id="no-shared-object-across-adverb",
    ),
    pytest.param(
        "Police arrested and then charged the suspect.",
        ("Police", "arrest", "the suspect"),
        ("Police", "arrest", ""),
        id="shared-object-before-adverb-of-second-verb",
    ),
    pytest.param(
        "The minister criticized and mocked the plan.",
        ("The minister", "criticize", "the plan"),
        ("The minister", "criticize", ""),
        id="shared-object-kept",
    ),
    # an infinitive said of a noun that does not do it: the noun's possessor or another argument does
    pytest.param(
        "Iran had no demonstrable capacity to carry out attacks in the U.S. itself.",
        # (the "no" is the statement's negation: polarity.object_negator)
        ("Iran", "have", "demonstrable capacity to carry out attacks in the U.S. itself"),
        ("no demonstrable capacity", "carry out", "attacks in the U.S. itself"),
        id="infinitive-of-an-object-noun",
    ),
    pytest.param(
        "NTL is also offering viewers the chance to catch up with programmes they have missed.",
        ("NTL", "offer", "the chance to catch up with programmes"),
        ("the chance", "catch up with", "programmes they have missed"),
        id="infinitive-of-an-offered-noun",
    ),
    pytest.param(
        "Sensitivities about Nazism could explain Austria's reluctance to embrace the musical.",
        ("Sensitivities about Nazism", "explain", "Austria's reluctance to embrace the musical"),
        ("Austria's reluctance", "embrace", "the musical"),
        id="infinitive-of-a-possessed-noun",
    ),
    pytest.param(
        "Andy Roddick was the only player to put up any real resistance at Wimbledon.",
        ("Andy Roddick", "put up", "any real resistance at Wimbledon"),
        ("the only player", "put up", "any real resistance at Wimbledon"),
        id="ranked-noun-does-its-infinitive",
    ),
]
TABLE += [
    # "there be X": X is the subject, and exists (at a place, when the phrase says so)
    pytest.param(
        "There are 500 workers at the plant.", ("500 workers at the plant", "exist", ""), None, id="there-are"
    ),
    pytest.param(
        "The game tried to emulate other franchises and so there are a number of combat elements.",
        ("a number of combat elements", "exist", ""),
        ("The game", "be", "a number of combat elements"),
        id="there-are-after-and",
    ),
    pytest.param("There is no evidence of fraud.", ("no evidence of fraud", "exist", ""), None, id="there-is-no"),
    # a gerund clause subject names an activity: the clause is kept with it as its subject
    pytest.param("Raising prices would hurt sales.", ("Raising prices", "hurt", "sales"), None, id="gerund-subject"),
    pytest.param(
        "\"Far from improving public services, spending taxpayers' money on quangos has led only to more bureaucrats, "
        'more regulation and higher taxes."',
        ("spending taxpayers' money on quangos", "lead to", "more bureaucrats, more regulation and higher taxes"),
        None,
        id="gerund-subject-with-its-adjuncts",
    ),
    pytest.param(
        "But the guidance is positive and pricing going up is good news.",
        None,
        ("going up", "be", "good news"),
        id="participle-after-its-subject-is-no-gerund-subject",
    ),
    # a gerund the parser took for a compound is no part of the noun a relative clause is said of
    pytest.param(
        "And much of the preparation goes into mastering scores that will never be performed.",
        ("scores", "perform", ""),
        ("mastering scores", "perform", ""),
        id="gerund-compound-off-the-antecedent",
    ),
    pytest.param(
        "Growing demand that outstripped supply lifted prices.",
        ("Growing demand", "outstrip", "supply"),
        ("demand", "outstrip", "supply"),
        id="participle-adjective-kept-in-the-antecedent",
    ),
    # a relative clause on a list's last member is no part of the list
    pytest.param(
        "Muse consists of Matthew Bellamy, Chris Wolstenholme and Dominic Howard who met in their teens.",
        ("Muse", "consist of", "Matthew Bellamy, Chris Wolstenholme and Dominic Howard"),
        ("Muse", "consist of", "Matthew Bellamy, Chris Wolstenholme and Dominic Howard who met in their teens"),
        id="relative-clause-off-a-listed-object",
    ),
    pytest.param(
        "He works for a company that makes robots.",
        ("He", "work for", "a company that makes robots"),
        ("He", "work for", "a company"),
        id="relative-clause-of-one-noun-kept",
    ),
    pytest.param(
        "The government has announced plans to cut 100,000 civil servants.",
        ("The government", "plan to cut", "100,000 civil servants"),
        ("plans", "cut", "100,000 civil servants"),
        id="announced-plans-are-the-government-s",
    ),
]


def test_there_is_no_is_negated(nlp: Any) -> None:
    (found,) = [s for s in statements(nlp, "There is no evidence of fraud.") if s.lemma == "exist"]
    assert found.negated


@pytest.mark.parametrize(("text", "wanted", "unwanted"), TABLE)
def test_triple(nlp: Any, text: str, wanted: Triple | None, unwanted: Triple | None) -> None:
    found = triples(nlp, text)
    assert wanted is None or wanted in found, sorted(found)
    assert unwanted is None or unwanted not in found, sorted(found)


# sentence, subject, lemma, the predicate the statement must have
SENSES = [
    # "add", "note", "explain" report speech only with a clause, a quote or nothing as their object
    pytest.param(
        "World number one Roger Federer added the Dubai Championship trophy to his long list of successes.",
        "World number one Roger Federer",
        "add",
        "open:add",
        id="add-a-thing-is-no-saying",
    ),
    pytest.param(
        "Sensitivities about Nazism could explain Austria's reluctance to embrace the musical.",
        "Sensitivities about Nazism",
        "explain",
        "open:explain",
        id="explain-a-thing-is-no-saying",
    ),
    pytest.param('"Prices will rise," he added.', "he", "add", "says", id="add-a-quote-says"),
    pytest.param("He added that prices would rise.", "He", "add that", "says", id="add-that-says"),
    pytest.param("She noted that sales fell.", "She", "note that", "says", id="note-that-says"),
    # a sense the verb has only with an object is not reached through a preposition
    pytest.param(
        "Then I could defend myself in court.",
        "I",
        "defend in",
        "open:defend-in",
        id="defend-in-court-supports-nothing",
    ),
    pytest.param(
        "Digital terrestrial TV will launch as a free-to-air platform.",
        "Digital terrestrial TV",
        "launch as",
        "open:launch-as",
        id="launch-as-announces-nothing",
    ),
    pytest.param(
        "Sony launched the PlayStation in 1994.", "Sony", "launch", "announces", id="launch-a-thing-announces"
    ),
    pytest.param("Labour pushed for a vote.", "Labour", "push for", "supports", id="push-for-supports"),
]


@pytest.mark.parametrize(("text", "subject", "lemma", "predicate"), SENSES)
def test_sense(nlp: Any, text: str, subject: str, lemma: str, predicate: str) -> None:
    found = {(s.subject.text, s.lemma): s.predicate for s in statements(nlp, text)}
    assert found.get((subject, lemma)) == predicate, found
