"""The labelled corpus against the issue's targets (each error rule at least 0.95 precise,
recall at least 0.75 overall and in every family), the corpus's own shape, and the scoring:
what counts as fired, caught or false, and what `checker-eval` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.errors import InputError
from afterword.evals.corpus import (
    ERROR_PRECISION_FLOOR,
    FAMILIES,
    RECALL_FLOOR,
    CorpusResult,
    load_corpus,
    score_corpus,
)
from afterword.models import Kind


@pytest.fixture(scope="module")
def result() -> CorpusResult:
    return score_corpus()


def test_corpus_covers_every_kind_with_good_and_flawed_letters() -> None:
    letters = load_corpus()
    assert len(letters) >= 150
    assert sum(1 for x in letters if not x.expect) / len(letters) >= 0.4
    assert len({x.id for x in letters}) == len(letters)
    for kind in Kind:
        of_kind = [x for x in letters if x.kind is kind]
        assert any(not x.expect for x in of_kind), f"no good {kind.value} letter"
        assert any(x.expect for x in of_kind), f"no flawed {kind.value} letter"


def test_labels_name_real_rules(result: CorpusResult) -> None:
    missing = sorted(s.rule for s in result.scores.values() if s.severity == "missing")
    assert missing == []


def test_every_error_rule_is_precise(result: CorpusResult) -> None:
    low = {
        s.rule: (s.error_precision, s.fp_letters)
        for s in result.scores.values()
        if s.error_precision is not None and s.error_precision < ERROR_PRECISION_FLOOR
    }
    assert low == {}


@pytest.mark.parametrize("family", ["all", *FAMILIES])
def test_recall_floor(result: CorpusResult, family: str) -> None:
    tally = result.overall() if family == "all" else result.families()[family]
    assert tally.recall is not None, f"no letter is labelled with a {family} flaw"
    misses = result.misses_by_family().get(family, []) if family != "all" else result.misses()
    assert tally.recall >= RECALL_FLOOR, misses


_FACTS = """\
facts:
  kind: thank_you
  channel: card
  sent_on: 2026-10-15
  candidate: {name: Maya Chen}
  company: Larkspur Health
  position: Clinical Data Analyst
  recipients: [{name: Robert Alvarez, honorific: Dr.}]
  interview: {date: 2026-10-14, points: ["the patient-readmission dashboard"]}
  next_step: {text: "a final interview next week"}
"""
_BODY = (
    "Thank you for meeting with me yesterday about the Clinical Data Analyst position at "
    "Larkspur Health. I am excited about the role and enjoyed hearing about the "
    "patient-readmission dashboard. I look forward to a final interview next week."
)


def _letter(id_: str, expect: str, greeting: str, extra: str = "") -> str:
    text = f"{greeting}\n\n{_BODY}{extra}\n\nBest regards,\nMaya Chen\n"
    block = "\n".join("      " + line if line else "" for line in text.splitlines())
    return f"  - id: {id_}\n    recipient: 0\n    expect: {expect}\n    text: |\n{block}\n"


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    letters = [
        _letter("good", "[]", "Dear Dr. Alvarez,"),
        _letter("misspelt", "[names.misspelt]", "Dear Dr. Alvarz,"),
        _letter("unlabelled", "[]", "Dear Dr. Alvarz,"),
        _letter("missed", "[tone.apologetic]", "Dear Dr. Alvarez,"),
    ]
    extra = "    subject: Thank you\n    notes: a flaw no rule names\n"
    (tmp_path / "one.yaml").write_text(_FACTS + "letters:\n" + "".join(letters) + extra, "utf-8")
    return tmp_path


def test_scores_count_hits_false_alarms_and_misses(small_corpus: Path) -> None:
    letters = load_corpus(small_corpus)
    assert (letters[-1].subject, letters[-1].notes) == ("Thank you", "a flaw no rule names")
    res = score_corpus(letters)
    name = res.scores["names.misspelt"]
    assert (name.tp, name.fp, name.fn, name.fp_letters) == (1, 1, 0, ["unlabelled"])
    assert name.error_precision == 0.5
    assert res.misses() == [("missed", "tone.apologetic")]
    assert ("unlabelled", "names.misspelt") in res.error_false_positives()
    assert res.families()["tone"].recall == 0.0
    assert "names.misspelt: error precision 0.50 < 0.95" in res.below_target()
    assert not any(s == "suggestion" for f in res.fired.values() for s in f.values())


def test_a_letter_id_used_twice_is_an_error_naming_both_files(small_corpus: Path) -> None:
    text = (small_corpus / "one.yaml").read_text("utf-8")
    (small_corpus / "two.yaml").write_text(text, "utf-8")
    with pytest.raises(InputError, match=r"two\.yaml: id 'good' is also in one\.yaml"):
        load_corpus(small_corpus)


def test_checker_eval_prints_text_and_json(small_corpus: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(app, ["checker-eval", "--letters", str(small_corpus)])
    assert text.exit_code == 1
    assert "Below target:" in text.output
    good_part = text.output.split("False positives on good letters")[1].split("on flawed")[0]
    assert "unlabelled: names.misspelt (E)" in good_part
    assert "tone.apologetic on missed" in text.output
    data = json.loads(
        runner.invoke(app, ["checker-eval", "--letters", str(small_corpus), "--json"]).output
    )
    assert data["letters"] == 4 and data["good_letters"] == 2
    assert data["misses"]["tone"] == [{"letter": "missed", "rule": "tone.apologetic"}]
    assert data["false_positives"]["unlabelled"][0] == {
        "rule": "names.misspelt",
        "severity": "error",
    }
    assert data["families"]["names"]["precision"] == 0.5
