"""The labelled corpus: no error rule fires on a letter that does not expect it, and every
labelled flaw is caught. Also the corpus's own shape (size, kinds, good letters)."""

from __future__ import annotations

import pytest

from afterword.evals.corpus import CorpusResult, load_corpus, score_corpus
from afterword.models import Kind


@pytest.fixture(scope="module")
def result() -> CorpusResult:
    return score_corpus()


def test_corpus_covers_every_kind_with_good_and_flawed_letters() -> None:
    letters = load_corpus()
    assert len(letters) >= 60
    for kind in Kind:
        of_kind = [x for x in letters if x.kind is kind]
        assert any(not x.expect for x in of_kind), f"no good {kind.value} letter"
        assert any(x.expect for x in of_kind), f"no flawed {kind.value} letter"


def test_no_error_rule_fires_on_a_letter_that_does_not_expect_it(result: CorpusResult) -> None:
    assert result.error_false_positives() == []


def test_every_labelled_flaw_is_caught(result: CorpusResult) -> None:
    assert result.misses() == []


def test_labels_name_real_rules(result: CorpusResult) -> None:
    unknown = {r for x in result.letters for r in x.expect} - set(result.scores)
    assert not unknown


def test_precision_stays_high(result: CorpusResult) -> None:
    tp = sum(s.tp for s in result.scores.values())
    fp = sum(s.fp for s in result.scores.values())
    assert tp / (tp + fp) >= 0.95
