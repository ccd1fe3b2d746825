"""Mechanics on letters nobody here wrote: spelling with Harper's dictionary as a second
opinion, chat-model asides and Markdown, mail-app footers, and a sentence pasted many times."""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.checker.dictionary import is_known_spelling
from afterword.drafting.offline import compose
from afterword.models import Facts, Finding, Kind

from .conftest import example_facts

END = "from the start."


def _letter(sentence: str = "", *, before: str = "", after: str = "") -> tuple[str, Facts]:
    """Return the composed thank-you with a sentence added to its body, text put above the
    greeting and text put below the signature; and its facts."""
    facts = example_facts(Kind.THANK_YOU)
    text = compose(facts)[0].text
    if sentence:
        text = text.replace(END, f"{END} {sentence}")
    return before + text + after, facts


def _found(text: str, facts: Facts | None, rule: str) -> list[Finding]:
    return [f for f in check(text, facts).findings if f.rule == rule]


def _spans(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in findings if f.start is not None]


def test_the_composed_letter_is_clean() -> None:
    text, facts = _letter()
    rules = {f.rule for f in check(text, facts).findings}
    assert not {r for r in rules if r.startswith("mechanics.")}


# Real words pyspellchecker's list lacks: Harper's dictionary, plural possessives, British
# doubled consonants, prefixes and compounds. None may be warned.
REAL_WORDS = [
    "We met at a meetup on data analytics in Gdańsk.",
    "The plc board asked about impactful, measurable goals.",
    "I built a product configurator for the rebrand.",
    "The resignalling of the line in Leeds ran on time.",
    "I designed aspheric lenses at the lab in Jena.",
    "The girls' football club and the candidates' lounge were lovely.",
    "After three years' work, the team's roadmap is clear.",
    "Our warehouse cut putaway time with cutovers at night.",
    "I reorganised the onboarding for new teammates.",
    "We co-ordinated the nonprofit's upskilling programme.",
    "The unshipped orders were rerouted through Rotterdam.",
    "I enjoy mentoring and webinars about fintech.",
    "The organisers' feedback on my workshop was kind.",
    "I have learnt a lot from the colleagues' reviews.",
]


@pytest.mark.parametrize("sentence", REAL_WORDS)
def test_real_words_are_not_misspellings(sentence: str) -> None:
    text, facts = _letter(sentence)
    assert _spans(text, _found(text, facts, "mechanics.spelling")) == []


# (sentence, the words warned, in order)
SLIPS = [
    ("Thank you for reading my aplication.", ["aplication"]),
    ("I am writting to add one point.", ["writting"]),
    ("I am very intrested in the postion.", ["intrested", "postion"]),
    ("Thnak you again for the tour.", ["Thnak"]),
    ("The compnay's plans are bold.", ["compnay's"]),
    ("I recieve the newsletter weekly.", ["recieve"]),
    ("Teh plan made sense to me.", ["Teh"]),
    ("I would definately enjoy the role.", ["definately"]),
    ("The managment team was welcoming.", ["managment"]),
    ("I hope to hear from you tommorow.", ["tommorow"]),
]


@pytest.mark.parametrize(("sentence", "words"), SLIPS)
def test_slips_are_flagged(sentence: str, words: list[str]) -> None:
    """A word may be a name or jargon: a warning. A capitalised one is read only when it is
    a typed slip of a word letters open and close with ("Thnak", "Teh"): sure, an error."""
    text, facts = _letter(sentence)
    found = _found(text, facts, "mechanics.spelling")
    assert _spans(text, found) == words
    for f, word in zip(found, words, strict=True):
        assert f.severity == ("error" if word[0].isupper() else "warning")


@pytest.mark.parametrize(
    ("closing", "word", "fix"),
    [
        ("Best regads,", "regads", "regards"),
        ("Kind reagrds,", "reagrds", "regards"),
        ("Thnak you,", "Thnak", "Thank"),
        ("Sincerly,", "Sincerly", "Sincerely"),
        ("Warm regrads,", "regrads", "regards"),
    ],
)
def test_the_sign_off_line_is_read(closing: str, word: str, fix: str) -> None:
    text, facts = _letter()
    text = text.replace("Best regards,", closing)
    found = _found(text, facts, "mechanics.spelling")
    assert _spans(text, found) == [word]
    assert found[0].suggestion == fix
    assert found[0].severity == "error"


@pytest.mark.parametrize(
    "closing", ["Bien cordialement,", "Mit freundlichen Grüßen,", "Saludos cordiales,", "Cheers,"]
)
def test_a_sign_off_in_another_language_is_not_a_slip(closing: str) -> None:
    text, facts = _letter()
    text = text.replace("Best regards,", closing)
    assert _found(text, facts, "mechanics.spelling") == []


def test_the_subject_line_is_read() -> None:
    text, facts = _letter(before="Subject: Follow-up on my aplication\n\n")
    assert _spans(text, _found(text, facts, "mechanics.spelling")) == ["aplication"]
    text, facts = _letter(before="Subject: Thank You For The Intervew - Emre Kone\n\n")
    assert _spans(text, _found(text, facts, "mechanics.spelling")) == ["Intervew"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kasia showed me the dashboards, and Kasia was kind.",
        "Lena walked me through the plan.",
        "Tomasz explained the pipeline.",
        "Oluwaseun and I compared notes.",
        "Kowalczyk is a name I will not forget.",
        "Zbigniew asked the best question.",
        # Companies a letter names in passing, each a letter added to a common word.
        "Kone makes lifts in Espoo.",
        "Oura rings were on every desk.",
        "Qonto handles our payments.",
        "Zoho runs the team's CRM.",
        "Flix buses took me to the interview.",
        "Emre and I compared notes on the audit.",
        "Amit showed me the Pune office.",
        "Ines led the second round.",
    ],
)
def test_a_name_opening_a_sentence_is_not_a_slip(sentence: str) -> None:
    text, facts = _letter(sentence)
    assert _found(text, facts, "mechanics.spelling") == []


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("writting", False),  # not "writ" + "ting": "writing" is a letter away
        ("regads", False),  # not "reg" + "ads"
        ("postion", False),
        ("putaway", True),  # "cutaway" is a changed letter away: a coinage, not a slip
        ("cutovers", True),
        ("resignalling", True),
        ("aspheric", True),
        ("reorganised", True),
        ("organising", True),
    ],
)
def test_compounds_and_prefixes(word: str, known: bool) -> None:
    assert is_known_spelling(word) is known


# A chat model's words around a letter; each must be an error.
MODEL_TALK = [
    ("Sure! Below is a professional thank-you email you can send after your interview:\n\n", ""),
    ("Certainly! Here's a polished version of your thank-you email:\n\n", ""),
    ("Sure, here's a revised version with a warmer tone:\n\n", ""),
    ("Of course! Here is the email:\n\n", ""),
    ("Absolutely — here's a concise version:\n\n", ""),
    ("Okay, I have rewritten it to sound warmer:\n\n", ""),
    ("Here are two options for your note:\n\n", ""),
    ("Subject line options:\n1. Thank you\n2. Great to meet you\n\n", ""),
    ("", "\n\nI hope this helps!"),
    ("", "\n\nLet me know if you want any changes."),
    ("", "\n---\nThis version keeps the tone polite but direct."),
    ("", "\n---\nYou could also mention a specific project to stand out."),
    ("", "\n\nNote: Adjust the details to fit your experience."),
    ("", "\n\nGood luck with your job search!"),
    ("", "\n\nFeel free to tweak the wording."),
    ("", "\n\nOption 2: A shorter version"),
]


@pytest.mark.parametrize(("before", "after"), MODEL_TALK)
def test_model_talk_is_an_error(before: str, after: str) -> None:
    text, facts = _letter(before=before, after=after)
    found = _found(text, facts, "mechanics.model_talk")
    assert found and all(f.severity == "error" for f in found)
    outside = before or after
    assert all(text[f.start : f.end] in outside for f in found if f.start is not None)


# The same words as a writer's own, inside the letter or in a postscript: no finding.
NOT_MODEL_TALK = [
    ("I hope this helps with your planning for the spring.", "", ""),
    ("Please let me know if you need any changes to the start date.", "", ""),
    ("Let me know if you would like any changes to the contract reviewed.", "", ""),
    ("I attach a revised version of my portfolio.", "", ""),
    ("Here is the link to the sample I mentioned.", "", ""),
    ("Of course, I am glad to share references.", "", ""),
    ("", "", "\n\nP.S. I hope this helps: the slides are attached."),
    ("", "", "\n\nThis email and any attachments are confidential."),
    ("The email you sent on Monday was very helpful.", "", ""),
]


@pytest.mark.parametrize(("sentence", "before", "after"), NOT_MODEL_TALK)
def test_a_writers_own_words_are_not_model_talk(sentence: str, before: str, after: str) -> None:
    text, facts = _letter(sentence, before=before, after=after)
    assert _found(text, facts, "mechanics.model_talk") == []


@pytest.mark.parametrize(
    "closing",
    ["Feel free to reach out,", "Let me know if you need anything,", "Good luck with the search,"],
)
def test_a_sign_off_line_is_not_an_aside(closing: str) -> None:
    text, facts = _letter()
    text = text.replace("Best regards,", closing)
    assert _found(text, facts, "mechanics.model_talk") == []


@pytest.mark.parametrize(
    ("edit", "span", "plain"),
    [
        (
            ("Dear Mr. Jones,", "**Subject:** Thank you\n\nDear Mr. Jones,"),
            "**Subject:**",
            "Subject:",
        ),
        (
            ("Senior Sales Consultant position", "**Senior Sales Consultant** position"),
            "**Senior Sales Consultant**",
            "Senior Sales Consultant",
        ),
        (
            ("Dear Mr. Jones,", "# Thank you note\n\nDear Mr. Jones,"),
            "# Thank you note",
            "Thank you note",
        ),
        (("Dear Mr. Jones,", "### Draft\n\nDear Mr. Jones,"), "### Draft", "Draft"),
    ],
)
def test_markdown_is_an_error_with_the_plain_text(
    edit: tuple[str, str], span: str, plain: str
) -> None:
    text, facts = _letter()
    text = text.replace(*edit, 1)
    found = _found(text, facts, "mechanics.markdown")
    assert _spans(text, found) == [span]
    assert found[0].severity == "error" and found[0].suggestion == plain


@pytest.mark.parametrize(
    "sentence",
    [
        "I ranked it #1 on my list.",
        "The score was 5*4 in the exercise.",
        "We used C# and F# daily.",
    ],
)
def test_no_markdown_in_plain_symbols(sentence: str) -> None:
    text, facts = _letter(sentence)
    assert _found(text, facts, "mechanics.markdown") == []


@pytest.mark.parametrize(
    "footer",
    [
        "Sent from my iPhone",
        "Sent from my iPad",
        "Sent from my Samsung Galaxy smartphone.",
        "Sent from Outlook for Android",
        "Get Outlook for iOS",
        "Sent from Yahoo Mail on Android",
        "Sent via BlackBerry",
        "Sent with Proton Mail secure email.",
    ],
)
def test_a_device_footer_is_a_warning_to_delete(footer: str) -> None:
    text, facts = _letter(after=f"\n{footer}\n")
    found = _found(text, facts, "mechanics.device_footer")
    assert _spans(text, found) == [footer]
    assert found[0].severity == "warning" and found[0].suggestion == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "I sent from my office the forms you asked for on Monday.",
        "The samples were sent from my phone number's account last week.",
    ],
)
def test_a_sentence_about_sending_is_not_a_footer(sentence: str) -> None:
    text, facts = _letter(sentence)
    assert _found(text, facts, "mechanics.device_footer") == []


@pytest.mark.parametrize("times", [2, 3, 40, 330])
@pytest.mark.parametrize("sep", [" ", "\n", "\r\n", " \u200b"])
def test_a_sentence_said_many_times_is_one_finding(times: int, sep: str) -> None:
    said = "Thank you for the interview for the Senior Tax Associate role at Halvorsen & Co. LLP."
    other = "I would welcome the chance to help with the partnership returns."
    raw = "Dear Ms. O'Connell,\n\n" + sep.join([said] * times) + f" {other} {other}\n\nBest,\nPriya"
    found = _found(raw, None, "mechanics.repeated_sentence")
    assert len(found) == 2
    first, second = found
    assert raw[first.start : first.end] == said
    assert first.start == raw.index(said) + len(said) + len(sep)
    assert (f"({times} times)" in first.message) is (times > 2)
    assert raw[second.start : second.end] == other
    assert "times)" not in second.message
