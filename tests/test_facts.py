"""Loading a facts file: what the user gets when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from afterword.errors import FactsError, InputError
from afterword.facts import load_facts

GOOD = """kind: thank_you
candidate: {name: Jane Doe}
company: ABC Company
recipients: [{name: Tom Jones}]
"""

BAD = [
    ("", "the file is empty"),
    ("kind: [", "not valid YAML or JSON"),
    ("- just\n- a list\n", "expected a mapping"),
    (GOOD.replace("[{name: Tom Jones}]", "[{title: VP}]"), "recipients[0].name: field required"),
    (GOOD.replace("thank_you", "thanks"), "kind: expected one of"),
    (GOOD + "sent_on: 21/11/2026\n", "sent_on: expected a date as YYYY-MM-DD"),
    (GOOD + "compnay: X\n", "compnay: unknown field"),
    (GOOD.replace("company: ABC Company\n", ""), "company: field required"),
    (GOOD.replace("[{name: Tom Jones}]", "[]"), "recipients: at least one is needed"),
    ('{"kind": "thank_you"', "not valid YAML or JSON"),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad_facts_name_the_field(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(text)
    with pytest.raises(FactsError) as err:
        load_facts(path)
    assert expected in str(err.value)
    assert str(path) in str(err.value)


def test_json_facts_load(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(
        '{"kind": "decline", "candidate": {"name": "A B"}, "company": "C",'
        ' "recipients": [{"name": "D E"}], "sent_on": "2026-11-21"}'
    )
    facts = load_facts(path)
    assert facts.kind == "decline" and str(facts.sent_on) == "2026-11-21"


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"\x00\x01binary", "binary"), (b"x" * 200_001, "more than the 100,000 bytes")],
)
def test_unreadable_input_is_refused(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(data)
    with pytest.raises(InputError, match=expected):
        load_facts(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_facts(tmp_path / "nope.yaml")


def test_non_utf8_text_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(GOOD.replace("Jane Doe", "Ren\xe9e Doe").encode("cp1252"))
    assert load_facts(path).candidate.name == "Renée Doe"


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [("salary", 85000, "85000"), ("salary", 85000.5, "85000.5"), ("salary", 0, "0")],
)
def test_a_number_typed_for_a_text_field_is_taken_as_written(
    tmp_path: Path, field: str, value: float, kept: str
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "kind": "acceptance",
                "candidate": {"name": "Sam Lee"},
                "company": "Acme",
                "position": "Analyst",
                "recipients": [{"name": "Ana Ruiz"}],
                "offer": {field: value},
            }
        )
    )
    offer = load_facts(path).offer
    assert offer is not None and getattr(offer, field) == kept
