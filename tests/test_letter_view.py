"""The parts of the letter view and the history that need no browser: applying a finding's
fix, the marked comparison of two versions, a paste checked without facts, the interviewers'
emails read from the chat, and the history's groups and dates."""

from __future__ import annotations

import pytest

from afterword.models import Finding, Kind
from afterword.pasted import check_alone
from afterword.recap import AnswerError, parse_emails
from afterword.ui.editor import _marked_diff, apply_fix
from afterword.ui.history import groups, when

LETTER = "Dear Ms. Raman,\n\nThank you for for your time.\n\nBest regards,\nJane Doe\n"

FIXES = [
    (
        Finding(
            rule="mechanics.doubled_word",
            severity="error",
            message="m",
            start=LETTER.index("for for"),
            end=LETTER.index("for for") + 7,
            suggestion="for",
        ),
        "Dear Ms. Raman,\n\nThank you for your time.\n\nBest regards,\nJane Doe\n",
    ),
    (
        Finding(
            rule="structure.decline_stated",
            severity="error",
            message="m",
            suggestion="I must decline your offer",
        ),
        "Dear Ms. Raman,\n\nThank you for for your time. I must decline your offer.\n\n"
        "Best regards,\nJane Doe\n",
    ),
    (Finding(rule="facts.company", severity="error", message="m", suggestion="ABC"), None),
    (Finding(rule="tone.cliche", severity="suggestion", message="m", start=0, end=4), None),
    # the subject line is the mail app's, never a sentence added to the letter
    (
        Finding(
            rule="structure.subject",
            severity="suggestion",
            message="m",
            suggestion="Subject: Thank you: Senior Data Engineer interview",
        ),
        None,
    ),
]


@pytest.mark.parametrize(("finding", "want"), FIXES)
def test_a_fix_replaces_its_span_or_adds_its_sentence(finding: Finding, want: str | None) -> None:
    assert apply_fix(LETTER, finding) == want


def test_two_versions_are_compared_with_the_changes_marked() -> None:
    old, new = _marked_diff("Thank you for your time.", "Many thanks for your <time>.")
    assert old == "<del>Thank you </del>for your <del>time.</del>"
    assert new == "<ins>Many thanks </ins>for your <ins>&lt;time&gt;.</ins>"


PASTES = [
    # (letter, rules that must be found, rules that must not be)
    (
        "Dear Mr. Jnoes,\n\nSorry for rambling. Thanks for you're your time.\n\nBest regards,\n"
        "Jane Doe\n",
        {"tone.apologetic", "mechanics.confusable"},
        {"names.misspelt", "timing.window", "structure.subject", "facts.company"},
    ),
    (
        "Hi Siobhán,\n\nThank you for meeting me on Tuesday about the analyst role. I enjoyed "
        "hearing about the Kafka move and I am excited about the team. I look forward to "
        "hearing about the next steps.\n\nBest regards,\nNguyễn Thị Lan\n",
        set(),
        {"grounding.date", "names.signature", "mechanics.spelling"},
    ),
]


@pytest.mark.parametrize(("text", "found", "absent"), PASTES)
def test_a_paste_is_checked_without_facts(text: str, found: set[str], absent: set[str]) -> None:
    report, note = check_alone(text, Kind.THANK_YOU)
    rules = {f.rule for f in report.findings}
    assert found <= rules and not rules & absent, rules
    assert "without the facts" in note


PEOPLE = [{"name": "Tom Jones"}, {"name": "Priya Raman"}]
EMAILS = [
    (
        "tjones@abc.example\npriya.raman@abc.example",
        ["tjones@abc.example", "priya.raman@abc.example"],
    ),
    ("Priya: priya@abc.example, Tom - tom@abc.example", ["tom@abc.example", "priya@abc.example"]),
    ("only tom@abc.example", ["tom@abc.example", None]),
]


@pytest.mark.parametrize(("text", "want"), EMAILS)
def test_emails_from_the_chat_go_to_the_right_person(text: str, want: list[str | None]) -> None:
    assert [p.get("email") for p in parse_emails(text, PEOPLE)] == want


@pytest.mark.parametrize("text", ["no address here", "a@b.example c@d.example e@f.example"])
def test_unusable_emails_say_what_to_write(text: str) -> None:
    with pytest.raises(AnswerError):
        parse_emails(text, PEOPLE)


def test_history_groups_by_application_newest_first() -> None:
    rows = [
        {
            "id": 1,
            "created_at": "2026-11-20T09:00:00+00:00",
            "company": "ABC",
            "position": "Analyst",
        },
        {"id": 2, "created_at": "2026-11-21T09:00:00+00:00", "company": "Lumen", "position": ""},
        {
            "id": 3,
            "created_at": "2026-11-22T09:00:00+00:00",
            "company": "ABC",
            "position": "Analyst",
        },
    ]
    got = groups(rows)
    assert [title for title, _ in got] == ["ABC, Analyst", "Lumen"]
    assert [r["id"] for r in got[0][1]] == [3, 1]


@pytest.mark.parametrize(
    ("stamp", "want"),
    [("2026-11-29T18:04:00", "Sun 29 Nov 2026, 18:04"), ("not a time", "not a time")],
)
def test_history_dates_read_as_people_write_them(stamp: str, want: str) -> None:
    assert when(stamp) == want
