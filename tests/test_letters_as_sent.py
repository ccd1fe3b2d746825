"""Letters as people send them, from the seventh and eighth stranger rounds: sign-offs built
as people build them ("Kindest regards", "Warmly", "Thanks again, and see you in January!"),
purposes stated in the sample sites' words ("express my sincere gratitude", "please accept
this as my notice", "remove my name from consideration"), and the things around a letter
that are not what they look like (a reference number, a Danish "A/S", a name that is also a
word, a recruiter's firm)."""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.extract import find_phones
from afterword.models import Facts, Kind

from .letter_edits import facts_of

WRITER: dict[str, object] = {
    "channel": "email",
    "sent_on": "2026-11-30",
    "candidate": {"name": "Mx. Robin Hale-Okafor", "email": "robin@example.com"},
    "company": "Kestrel Analytics GmbH",
    "position": "Data Engineer",
    "recipients": [{"name": "Chidinma Achebe", "honorific": "Ms."}],
    "interview": {"date": "2026-11-26"},
}


def _facts(kind: Kind, **more: object) -> Facts:
    return facts_of(WRITER, kind, **more)


def _letter(body: str, closing: str = "Kind regards,", sign: str = "Robin Hale-Okafor") -> str:
    return f"Dear Ms. Achebe,\n\n{body}\n\n{closing}\n{sign}\n"


THANKS = (
    "Thank you for the conversation on Thursday about the Data Engineer role at Kestrel "
    "Analytics. I enjoyed hearing about your streaming pipelines, and I look forward to "
    "hearing about the next steps."
)


def _errors(text: str, facts: Facts, kind: Kind) -> list[str]:
    return [f.rule for f in check(text, facts, kind).findings if f.severity == "error"]


@pytest.mark.parametrize(
    "closing",
    [
        "Warmly,",
        "Kindest regards,",
        "With kind regards,",
        "With best regards,",
        "With warm regards,",
        "Warm wishes,",
        "Yours respectfully,",
        "Respectfully yours,",
        "Cordially yours,",
        "Thanks so much,",
        "Thank you and best regards,",
        "Many thanks and best wishes,",
        "Regards and thanks,",
        "Best regards from Lagos,",
        "Gratefully,",
        "With appreciation,",
        "Thanks again, and see you in January!",
    ],
)
def test_a_sign_off_as_people_write_it_is_one(closing: str) -> None:
    facts = _facts(Kind.THANK_YOU)
    errors = _errors(_letter(THANKS, closing), facts, Kind.THANK_YOU)
    assert "structure.sign_off" not in errors and "names.signature" not in errors


@pytest.mark.parametrize(
    ("closing", "fix"), [("Your's sincerely,", "Yours sincerely"), ("Kindest regard,", None)]
)
def test_a_sign_off_slip_is_still_caught(closing: str, fix: str | None) -> None:
    found = check(_letter(THANKS, closing), _facts(Kind.THANK_YOU), Kind.THANK_YOU).findings
    slips = [f for f in found if f.rule == "structure.closing_slip"]
    assert slips and slips[0].severity == "error"
    if fix:
        assert slips[0].suggestion == fix


@pytest.mark.parametrize(
    "sign",
    ["Robin Hale-Okafor", "Mx. Robin Hale-Okafor"],
)
def test_the_signers_title_in_the_facts_need_not_be_signed(sign: str) -> None:
    found = check(_letter(THANKS, sign=sign), _facts(Kind.THANK_YOU), Kind.THANK_YOU).findings
    assert not [f for f in found if f.rule == "names.signature"]


def test_middle_names_may_be_left_out_of_the_signature() -> None:
    facts = _facts(Kind.THANK_YOU, candidate={"name": "Mohammed ibn Rashid Al-Mansouri"})
    found = check(_letter(THANKS, sign="Mohammed Al-Mansouri"), facts, Kind.THANK_YOU).findings
    assert not [f for f in found if f.rule == "names.signature"]
    wrong = check(_letter(THANKS, sign="Ahmed Al-Mansouri"), facts, Kind.THANK_YOU).findings
    assert [f.rule for f in wrong if f.rule == "names.signature"]  # another first name


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        (Kind.THANK_YOU, "I am writing to express my sincere gratitude for your time."),
        (Kind.THANK_YOU, "It was very kind of you to take the time to show me the lab."),
        (Kind.WITHDRAWAL, "I'm writing, with some regret, to withdraw my application."),
        (Kind.WITHDRAWAL, "I would ask you to please remove my name from consideration."),
        (Kind.WITHDRAWAL, "I wanted to let you know that I have accepted an offer elsewhere."),
        (Kind.WITHDRAWAL, "Unfortunately, I must withdraw from the process."),
        (Kind.INQUIRY, "I wanted to check in on the timing for the role."),
        (Kind.INQUIRY, "May I ask whether you have a sense of when a decision might be made?"),
        (Kind.RESIGNATION, "Please accept this as my notice; my last day will be 18 December."),
        (Kind.RESIGNATION, "I am handing in my notice, with my last day on 18 December."),
        (Kind.RESIGNATION, "I have decided to leave the studio; my last day is 18 December."),
        (Kind.RESIGNATION, "It is with regret that I resign; my last day is 18 December."),
    ],
)
def test_a_purpose_stated_in_a_sample_sites_words_is_stated(kind: Kind, sentence: str) -> None:
    facts = (
        _facts(
            kind,
            candidate={"name": "Robin Hale-Okafor", "current_employer": "Kestrel Analytics GmbH"},
            decision={"last_day": "2026-12-18"},
        )
        if kind is Kind.RESIGNATION
        else _facts(kind)
    )
    stated = {
        Kind.THANK_YOU: "structure.thanks",
        Kind.WITHDRAWAL: "structure.withdrawal_stated",
        Kind.INQUIRY: "structure.status_question",
        Kind.RESIGNATION: "structure.resignation_stated",
    }[kind]
    rules = [f.rule for f in check(_letter(sentence), facts, kind).findings]
    assert stated not in rules


@pytest.mark.parametrize(
    ("kind", "sentence", "rule"),
    [
        (Kind.WITHDRAWAL, "I am not withdrawing my application.", "structure.withdrawal_stated"),
        (Kind.RESIGNATION, "I will never resign from this team.", "structure.resignation_stated"),
        (
            Kind.ACCEPTANCE,
            "I regret that I cannot accept the offer.",
            "structure.acceptance_stated",
        ),
    ],
)
def test_a_purpose_negated_is_not_stated(kind: Kind, sentence: str, rule: str) -> None:
    facts = (
        _facts(kind, candidate={"name": "Robin Hale-Okafor", "current_employer": "Kestrel"})
        if kind is Kind.RESIGNATION
        else _facts(kind)
    )
    assert rule in [f.rule for f in check(_letter(sentence), facts, kind).findings]


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Subject: Withdrawing my application (Ref. DE-2026-114)", []),
        ("Job ID 2026-0114, Req #2026-55123", []),
        ("Phone No. 555-010-0133", ["555-010-0133"]),
        ("Mobile No.: +91 98765 43210", ["+91 98765 43210"]),
        ("Tel: (555) 010-0199", ["(555) 010-0199"]),
    ],
)
def test_a_reference_number_is_not_a_phone_number(text: str, phones: list[str]) -> None:
    assert [p.text for p in find_phones(text)] == phones


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("I enjoyed the tour of Skagen Software A/S and its harbour office.", False),
        ("I'm Hope Castellanos, and I enjoyed meeting the team.", False),
        ("I'm really hope to hear from you soon.", True),
        ("Mr. Okonkwo at Hays plc suggested I write to you directly.", False),
        ("My recruiter at Hays Ltd. put me forward for the role.", False),
        ("I am even more excited to join Lumora Apps Ltd. now.", True),
    ],
)
def test_what_only_looks_like_a_slip_is_not_an_error(sentence: str, flagged: bool) -> None:
    text = _letter(f"{THANKS} {sentence}")
    errors = _errors(text, _facts(Kind.THANK_YOU), Kind.THANK_YOU)
    assert bool(errors) is flagged, errors


def test_a_company_written_in_lower_case_first_is_its_name() -> None:
    facts = _facts(Kind.THANK_YOU, company="eMarq Technologies Inc.")
    text = _letter(THANKS.replace("Kestrel Analytics", "eMarq Technologies Inc."))
    errors = _errors(text, facts, Kind.THANK_YOU)
    assert "facts.company_other" not in errors and "facts.company" not in errors
    slip = _errors(text.replace("eMarq", "eMark"), facts, Kind.THANK_YOU)
    assert "facts.company_other" in slip


def test_a_linkedin_note_on_first_names_is_not_blocked_for_its_ease() -> None:
    note = (
        "Hi Rachel — thanks for connecting. We met at the PyData meetup last month. I've just "
        "had a first interview for the ML Engineer role on your team. No worries at all if "
        "you're busy. Thanks, Anil"
    )
    found = check(note).findings
    assert not [f for f in found if f.severity == "error"]
    assert not [
        f for f in found if f.rule in ("names.salutation_missing", "names.greeting_punctuation")
    ]
    formal = check(note.replace("Hi Rachel —", "Dear Ms. Moss,")).findings
    assert [f.severity for f in formal if f.rule == "tone.casual"] == ["error"]


@pytest.mark.parametrize("where", ["letter", "facts"])
def test_accents_typed_as_separate_marks_are_the_same_letters(where: str) -> None:
    import unicodedata

    name, decomposed = "Nguyễn Thị Mai", unicodedata.normalize("NFD", "Nguyễn Thị Mai")
    facts = _facts(
        Kind.THANK_YOU,
        recipients=[{"name": decomposed if where == "facts" else name, "honorific": "Ms."}],
    )
    reader = decomposed.split()[0] if where == "letter" else "Nguyễn"
    text = _letter(THANKS).replace("Ms. Achebe", f"Ms. {reader}")
    found = check(text, facts, Kind.THANK_YOU)
    assert not [f for f in found.findings if f.rule.startswith("names.")]
    at = text.index("Ms. ")  # findings still point into the text as pasted
    assert found.findings == [] or all(
        f.start is None or 0 <= f.start <= len(text) for f in found.findings
    )
    assert text[at + 4 : at + 4 + len(reader)] == reader


def test_a_finding_on_a_name_typed_with_separate_marks_points_at_it_as_pasted() -> None:
    import unicodedata

    facts = _facts(Kind.THANK_YOU, recipients=[{"name": "Nguyễn Thị Mai", "honorific": "Ms."}])
    slip = unicodedata.normalize("NFD", "Ngyuễn")  # two letters swapped, accents as marks
    text = _letter(f"{THANKS} Please pass my thanks to Ms. {slip} as well.")
    found = [f for f in check(text, facts, Kind.THANK_YOU).findings if f.rule == "names.misspelt"]
    assert found and found[0].suggestion == "Nguyễn"
    assert found[0].start is not None and found[0].end is not None
    assert unicodedata.normalize("NFC", text[found[0].start : found[0].end]) == "Ngyuễn"


@pytest.mark.parametrize(
    ("greeting", "reader", "rule"),
    [
        # the wrong form: a title with the given name, or the name the facts say not to use
        (
            "Dear Mrs. Margaret,",
            {"name": "Margaret Rose", "honorific": "Mrs."},
            "names.first_name_only",
        ),
        (
            "Dear Dr. Ioana,",
            {"name": "Dr. Ioana Popescu", "honorific": "Dr."},
            "names.first_name_only",
        ),
        (
            "Dear Kim,",
            {"name": "Kim Min-seo", "first_name_ok": True, "addressed_as": "Min-seo"},
            "names.first_name_only",
        ),
        (
            "Dear Mr. Haddad,",
            {"name": "Eng. Layla Haddad", "honorific": "Eng.", "addressed_as": "Eng. Haddad"},
            "names.honorific",
        ),
        # right: the forms the facts and the name allow
        ("Dear Mrs. Rose,", {"name": "Margaret Rose", "honorific": "Mrs."}, None),
        ("Dear Eng. Haddad,", {"name": "Eng. Layla Haddad", "addressed_as": "Eng. Haddad"}, None),
        (
            "Dear Min-seo,",
            {"name": "Kim Min-seo", "first_name_ok": True, "addressed_as": "Min-seo"},
            None,
        ),
        ("Dear Ms. Nguyen,", {"name": "Nguyễn Thị Mai", "honorific": "Ms."}, None),
        ("Dear Mr. Kim,", {"name": "Kim Jae-won", "honorific": "Mr."}, None),
    ],
)
def test_the_greeting_uses_the_form_the_name_and_facts_allow(
    greeting: str, reader: dict[str, object], rule: str | None
) -> None:
    facts = _facts(Kind.THANK_YOU, recipients=[reader])
    text = _letter(THANKS).replace("Dear Ms. Achebe,", greeting)
    errors = [f.rule for f in check(text, facts, Kind.THANK_YOU).findings if f.severity == "error"]
    assert errors == ([rule] if rule else []), errors


def test_a_greeting_to_none_of_several_readers_is_an_error() -> None:
    readers = [
        {"name": "Graham Price", "honorific": "Mr."},
        {"name": "Hyun-jung Lee", "honorific": "Ms."},
    ]
    facts = _facts(Kind.THANK_YOU, company="King & Price Architects Ltd.", recipients=readers)
    body = THANKS.replace("Kestrel Analytics", "King & Price Architects")
    wrong = check(_letter(body).replace("Ms. Achebe", "Mr. King"), facts, Kind.THANK_YOU)
    found = [f for f in wrong.findings if f.rule == "names.salutation_recipient"]
    assert found and "Mr. Price or Ms. Lee" in found[0].message
    right = check(_letter(body).replace("Ms. Achebe", "Ms. Lee"), facts, Kind.THANK_YOU)
    assert not [f for f in right.findings if f.rule.startswith("names.")]
