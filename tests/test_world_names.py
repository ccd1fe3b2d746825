"""Names and companies from many countries: the composer's letters pass the checker, the
checker flags a real misspelling of such a name and only suggests a missing accent."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.checker import check
from afterword.drafting.offline import compose
from afterword.facts import merge
from afterword.models import Facts, Kind
from afterword.names import looks_like_name, parse_name

from .conftest import KIND_EXAMPLES, example_facts

# (full name, honorific, form of address when the name cannot tell it)
PEOPLE: list[tuple[str, str | None, str | None]] = [
    ("Siobhan O'Brien", "Dr.", None),
    ("Pieter van der Berg", "Mr.", None),
    ("Zofia Łukasiewicz", "Ms.", None),
    ("Nguyễn Thị Mai", "Ms.", "Ms. Nguyễn"),
    ("Ana de la Cruz", "Ms.", None),
    ("Ömer Yılmaz", "Mr.", None),
    ("山田 太郎", None, "Dr. Yamada"),
    ("Siobhán Ó Ceallaigh", "Ms.", None),
    ("Jean-Luc Dubois", "M.", "Mr. Dubois"),
    ("Zoë Müller-Schmidt", "Dr.", None),
    ("Oluwaseun Adébáyọ̀", "Mr.", None),
    ("María José García Márquez", "Ms.", None),
]
COMPANIES = [
    "Brightwater Analytics, Inc.",
    "Acme Corp.",
    "AT&T",
    "Müller & Söhne GmbH",
    "L'Oréal",
    "Tata Consultancy Services Ltd.",
]


def _facts(kind: Kind, person: tuple[str, str | None, str | None], company: str) -> Facts:
    name, honorific, form = person
    base = example_facts(kind)
    recipient: dict[str, Any] = {"name": name, "honorific": honorific, "addressed_as": form}
    over: dict[str, Any] = {"company": company, "recipients": [recipient]}
    if kind is Kind.RESIGNATION:
        over = {"candidate": {**base.candidate.model_dump(), "current_employer": company}}
        over["recipients"] = [recipient]
    return Facts.model_validate(merge(base.model_dump(), over))


CASES = [
    (kind, person, COMPANIES[i % len(COMPANIES)])
    for i, (kind, person) in enumerate(
        (kind, person) for kind in KIND_EXAMPLES for person in PEOPLE
    )
]


@pytest.mark.parametrize(("kind", "person", "company"), CASES, ids=str)
def test_composed_letters_to_anyone_pass(
    kind: Kind, person: tuple[str, str | None, str | None], company: str
) -> None:
    facts = _facts(kind, person, company)
    for draft in compose(facts):
        report = check(draft.text, facts, kind, subject=draft.subject, recipient=0)
        assert report.passed, (draft.text, report.errors)
        assert ".." not in draft.text.replace("...", "")


@pytest.mark.parametrize(
    ("written", "rule", "severity"),
    [
        ("Dear Ms. Łukasiewic,", "names.misspelt", "error"),
        ("Dear Ms. Lukasiewicz,", "names.misspelt", "suggestion"),
        ("Dear Ms. Lukasiewiez,", "names.misspelt", "error"),
        ("Dear Ms. Łukasiewicz,", None, None),
        ("Dear Ms. ŁUKASIEWICZ,", None, None),
    ],
)
def test_accents_are_a_suggestion_and_slips_an_error(
    written: str, rule: str | None, severity: str | None
) -> None:
    facts = _facts(Kind.THANK_YOU, PEOPLE[2], "Acme Corp.")
    draft = compose(facts)[0]
    text = draft.text.replace("Dear Ms. Łukasiewicz,", written)
    report = check(text, facts, subject=draft.subject, recipient=0)
    found = [f for f in report.findings if f.rule.startswith("names.")]
    if rule is None:
        assert not found, found
    else:
        assert [(f.rule, f.severity) for f in found] == [(rule, severity)]


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Pieter van der Berg", "Pieter", "van der Berg"),
        ("Ana de la Cruz", "Ana", "de la Cruz"),
        ("Siobhán Ó Ceallaigh", "Siobhán", "Ó Ceallaigh"),
        ("山田 太郎", "太郎", "山田"),
        ("Conor O'Brien", "Conor", "O'Brien"),
        ("Tom Jones", "Tom", "Jones"),
        ("Cher", "Cher", "Cher"),
    ],
)
def test_names_parse_with_particles(name: str, given: str, family: str) -> None:
    parsed = parse_name(name)
    assert (parsed.given, parsed.family) == (given, family)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Zofia Łukasiewicz", True),
        ("Ömer Yılmaz", True),
        ("Ana de la Cruz", True),
        ("山田 太郎", True),
        ("Siobhan O'Brien", True),
        ("J. R. Smith", True),
        ("Nguyễn Thị Mai", True),
        ("the hiring manager", False),
        ("I met two people", False),
        ("12345", False),
        ("", False),
    ],
)
def test_looks_like_name_in_any_script(text: str, ok: bool) -> None:
    assert looks_like_name(text) is ok


@pytest.mark.parametrize(
    ("person", "greeting", "rule"),
    [
        (("Ana de la Cruz", "Ms.", None), "Dear Ms. Cruz,", "names.misspelt"),
        (("Pieter van der Berg", "Mr.", None), "Dear Mr. Berg,", "names.misspelt"),
        (("Pieter van der Berg", "Mr.", None), "Dear Mr. Van der Berg,", None),
        (("Nguyễn Thị Mai", "Ms.", "Ms. Nguyễn"), "Dear Ms. Mai,", "names.first_name_only"),
        (("Nguyễn Thị Mai", "Ms.", "Ms. Nguyễn"), "Dear Ms. Nguyen,", None),
        (("Park Ji-hoon", "Mr.", "Mr. Park"), "Dear Mr. Ji-hoon,", "names.first_name_only"),
    ],
)
def test_form_of_address_and_particles(
    person: tuple[str, str | None, str | None], greeting: str, rule: str | None
) -> None:
    facts = _facts(Kind.THANK_YOU, person, "Acme Corp.")
    draft = compose(facts)[0]
    first_line = draft.text.splitlines()[0]
    report = check(
        draft.text.replace(first_line, greeting), facts, subject=draft.subject, recipient=0
    )
    errors = [
        f.rule for f in report.findings if f.severity == "error" and f.rule.startswith("names.")
    ]
    assert errors == ([rule] if rule else [])


def test_street_words_in_a_postal_address_are_no_ones_name() -> None:
    """ "Rua" (street, in Portuguese) in the sender's address is not the reader Rui misspelt,
    while a slip of his name in the greeting still is."""
    facts = Facts.model_validate(
        {
            "kind": "thank_you",
            "channel": "letter",
            "candidate": {"name": "Inês Carvalho"},
            "company": "Atlântico Software, Lda.",
            "position": "Backend Developer",
            "recipients": [{"name": "Rui Almeida", "honorific": "Mr."}],
        }
    )
    letter = (
        "Rua das Flores, 112\n4050-265 Porto\n\n30 November 2026\n\nMr. Rui Almeida\n"
        "Atlântico Software, Lda.\nAvenida da Boavista, 1200\n4100-113 Porto\n\n"
        "Dear Mr. {name},\n\nThank you for meeting me to discuss the Backend Developer role at "
        "Atlântico Software, Lda. I enjoyed hearing how your team plans its releases.\n\n"
        "Yours sincerely,\nInês Carvalho\n"
    )
    spelt = [f.message for f in check(letter.format(name="Almeida"), facts).findings]
    assert not [m for m in spelt if "misspelt" in m]
    slipped = check(letter.format(name="Almieda"), facts).findings
    assert [f.suggestion for f in slipped if f.rule == "names.misspelt"] == ["Almeida"]
