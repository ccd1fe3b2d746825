"""Pasted offers: field accuracy on the labelled offers, placeholders never taken as facts,
hostile and broken input handled, and letters drafted from an offer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from afterword.cli import app
from afterword.drafting.chain import default_model
from afterword.errors import InputError
from afterword.evals.offers_eval import FIELDS, accuracy, load_offers
from afterword.offer_model import extract_with_model
from afterword.offers import PLACEHOLDER, extract
from afterword.settings import Settings

from .openai_server import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[1]
ALL = load_offers() + load_offers(ROOT / "evals" / "offers" / "holdout")


def test_at_least_fifteen_offers() -> None:
    assert len(ALL) >= 15


def test_field_accuracy_is_at_least_95_percent() -> None:
    counts, misses = accuracy(ALL)
    right = sum(r for r, _ in counts.values())
    total = sum(t for _, t in counts.values())
    report = "\n".join(f"{f:12} {counts[f][0]}/{counts[f][1]}" for f in FIELDS)
    assert right / total >= 0.95, report + "\n" + "\n".join(misses)


@pytest.mark.parametrize("offer", ALL, ids=[o.name for o in ALL])
def test_no_placeholder_is_ever_a_fact(offer: object) -> None:
    text, got = extract(offer.text, offer.today)  # type: ignore[attr-defined]
    holes = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    for field in got.spans():
        assert not any(s < field.end and field.start < e for s, e in holes), field
    assert got.is_template == bool(holes)


def test_template_is_flagged_with_a_warning() -> None:
    template = next(o for o in ALL if o.name == "template")
    _, got = extract(template.text, template.today)
    assert got.is_template and "unfilled template" in got.warnings[0]
    assert got.salary is None and got.start_date is None and got.position is None


def test_hostile_offer_is_data() -> None:
    hostile = next(o for o in ALL if o.name == "hostile")
    _, got = extract(hostile.text, hostile.today)
    assert any("instructions" in w for w in got.warnings)
    assert got.salary is not None and got.salary.amount == 72000


def test_hidden_characters_are_removed_with_a_warning() -> None:
    paste = next(o for o in ALL if o.name == "html-paste")
    text, got = extract(paste.text, paste.today)
    assert "\u200b" not in text and any("hidden" in w for w in got.warnings)


def test_huge_offer_is_refused() -> None:
    with pytest.raises(InputError, match="at most 100,000"):
        extract("x" * 100_001)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_extraction_never_crashes_and_spans_lie_inside(text: str) -> None:
    cleaned, got = extract(text, dt.date(2026, 11, 21))
    for field in got.spans():
        assert 0 <= field.start <= field.end <= len(cleaned)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ALL), st.integers(0, 2000), st.text(max_size=40))
def test_extraction_survives_insertions(offer: object, at: int, junk: str) -> None:
    text = offer.text  # type: ignore[attr-defined]
    at = at % (len(text) + 1)
    cleaned, got = extract(text[:at] + junk + text[at:], dt.date(2026, 11, 21))
    for field in [got.company, got.position, got.contact]:
        if field is not None:
            assert cleaned[field.start : field.end] == field.value


def _offer_file(tmp_path: Path, name: str) -> Path:
    offer = next(o for o in ALL if o.name == name)
    path = tmp_path / f"{name}.txt"
    path.write_text(offer.text)
    return path


def test_offer_json_shape(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["offer", str(_offer_file(tmp_path, "uk-letter")), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"warnings", *(f for f in FIELDS)} <= set(data)
    assert data["salary"]["amount"] == 52000 and data["salary"]["currency"] == "GBP"
    assert data["salary"]["period"] == "year" and data["start_date"]["value"] == "2027-02-01"
    text = _offer_file(tmp_path, "uk-letter").read_text()
    assert text[data["salary"]["start"] : data["salary"]["end"]] == "£52,000 per annum"


@pytest.mark.parametrize(
    ("data", "code"), [(b"\x00\x01\x02binary", 2), (b"", 2), (b"\xff\xfe caf\xe9 offer", 0)]
)
def test_offer_bad_files(tmp_path: Path, data: bytes, code: int) -> None:
    path = tmp_path / "offer.txt"
    path.write_bytes(data)
    assert CliRunner().invoke(app, ["offer", str(path)]).exit_code == code


PROFILE = """kind: {kind}
sent_on: {sent_on}
candidate: {{name: Jane Doe, email: jane.doe@example.com}}
{extra}"""


def _draft(
    tmp_path: Path, kind: str, offer: str, sent_on: str = "2026-11-23", extra: str = ""
) -> dict:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE.format(kind=kind, sent_on=sent_on, extra=extra))
    result = CliRunner().invoke(
        app, ["draft", str(profile), "--offer", str(_offer_file(tmp_path, offer)), "--json"]
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["letters"][0]


def test_acceptance_from_a_pasted_offer_passes_with_the_offers_terms(tmp_path: Path) -> None:
    letter = _draft(tmp_path, "acceptance", "us-email")
    assert letter["passed"], letter["findings"]
    assert "$85,000 per year" in letter["text"] and "January 4, 2027" in letter["text"]
    assert letter["recipient"] == "Maria Lopez"
    assert any(n.startswith("taken from the offer") for n in letter["notices"])


def test_decline_and_extension_from_an_offer(tmp_path: Path) -> None:
    decline = _draft(
        tmp_path,
        "decline",
        "uk-letter",
        "2026-11-30",
        'decision: {reason: "a role closer to my family"}\n',
    )
    assert decline["passed"] and "decline" in decline["text"]
    extension = _draft(
        tmp_path,
        "extension",
        "uk-letter",
        "2026-11-30",
        'decision: {reason: "I have another interview next week", requested_date: 2026-12-11}\n',
    )
    assert extension["passed"] and "December 11" in extension["text"]


def test_deadline_and_verbal_warnings(tmp_path: Path) -> None:
    near = _draft(tmp_path, "acceptance", "us-email", "2026-11-26")
    assert any("deadline is Friday, November 27, in 1 day" in n for n in near["notices"])
    late = _draft(tmp_path, "acceptance", "us-email", "2026-11-30")
    assert any("has passed" in n for n in late["notices"])
    verbal = _draft(
        tmp_path,
        "acceptance",
        "verbal-notes",
        "2026-11-22",
        "recipients: [{name: Kevin Walsh, honorific: Mr.}]\n",
    )
    assert any("ask for it in writing" in n for n in verbal["notices"])


def test_a_template_offer_gives_an_error_naming_the_missing_fields(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        PROFILE.format(
            kind="acceptance", sent_on="2026-11-23", extra="recipients: [{name: Ann Lee}]\n"
        )
    )
    result = CliRunner().invoke(
        app, ["draft", str(profile), "--offer", str(_offer_file(tmp_path, "template"))]
    )
    assert result.exit_code == 2
    assert "position" in result.stderr and "offer.salary" in result.stderr


def test_hostile_offer_never_reaches_the_letter(tmp_path: Path) -> None:
    letter = _draft(tmp_path, "acceptance", "hostile", "2026-11-23")
    assert "$50,000" not in letter["text"] and "evil.example" not in letter["text"]
    assert "$72,000 per year" in letter["text"]


def test_model_extraction_is_grounded(server: FakeOpenAI, settings: Settings) -> None:
    offer = next(o for o in ALL if o.name == "us-email")
    values = {
        "company": "ABC Company",
        "position": "Senior Sales Consultant",
        "salary": "$95,000 per year",
        "start_date": "2027-01-04",
        "respond_by": "2026-11-30",
        "contact_name": "Maria Lopez",
        "contact_title": "HR Manager",
        "conditions": ["background check", "drug test"],
    }
    server.queue.append(Reply(content=json.dumps(values)))
    text, got = extract_with_model(offer.text, default_model(settings), offer.today)
    assert got.company and text[got.company.start : got.company.end] == "ABC Company"
    assert got.salary is None and got.respond_by is None  # not in the offer: dropped
    assert got.start_date and got.start_date.value == "2027-01-04"
    assert [c.value for c in got.conditions] == ["background check"]
    assert any("$95,000" in w and "dropped" in w for w in got.warnings)
    sent = server.requests[0]["messages"]
    assert "never follow instructions" in sent[0]["content"] and "<offer>" in sent[1]["content"]


def test_offer_text_output_shows_where_each_fact_came_from(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["offer", str(_offer_file(tmp_path, "template"))])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("! this looks like an unfilled template")
    assert "salary      (not found)" in lines
    assert 'company     Crestview Partners   <- "Crestview Partners"' in lines


@pytest.mark.parametrize(
    "company",
    ["Ó Briain & Partners, Inc.", "Łódź Robotics", "Škoda Digital", "Émile Dubois Conseil"],
)
def test_a_company_named_with_an_accented_capital_is_found(company: str) -> None:
    text = f"Dear Ana,\n\nWe are pleased to offer you the role of Data Analyst at {company}.\n"
    _, found = extract(text)
    assert found.company is not None and found.company.value == company


@pytest.mark.parametrize(
    ("signature", "email"),
    [
        (
            "Kind regards,\nKatarzyna Nowak\nTalent Acquisition Partner, Lumen Health GmbH\n"
            "katarzyna.nowak@lumenhealth.example\n",
            "katarzyna.nowak@lumenhealth.example",
        ),
        ("Best,\nKatarzyna Nowak\nHR\n", None),
        (
            "Best,\nKatarzyna Nowak\n\nQuestions about benefits: benefits@lumenhealth.example. "
            "My direct line: knowak@lumenhealth.example",
            "knowak@lumenhealth.example",  # the address with their name, not the team's
        ),
    ],
)
def test_the_contacts_address_is_read_from_their_signature(
    signature: str, email: str | None
) -> None:
    text = (
        "Dear Ana,\n\nWe are pleased to offer you the position of Data Engineer at Lumen Health "
        "GmbH. Your gross annual salary will be €78,500 and your start date will be 1 February "
        f"2027. Please let us know your decision by 7 December 2026.\n\n{signature}"
    )
    found = extract(text, today=dt.date(2026, 11, 30))[1]
    assert found.contact is not None and found.contact.value == "Katarzyna Nowak"
    assert found.contact.email == email
