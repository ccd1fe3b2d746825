"""Tone read in context: who a deadline binds, threats, put-downs, presumption, shouting.

Each case puts one sentence into a clean letter of its kind (written here, with people and
companies from many countries) and says which tone rule must flag it, or that no tone rule at
warning or error may. Sentences say the same thing in different words, as real writers do.
"""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.models import Kind

K = Kind
_LETTERS = {
    K.THANK_YOU: (
        "Dear Ms. Okafor,\n\nThank you for meeting with me yesterday about the Data Analyst "
        "position at Lumen Freight. I enjoyed hearing about the new routing dashboard.\n\n{s}\n\n"
        "I look forward to hearing from you.\n\nBest regards,\nPriya Raman\n"
    ),
    K.INQUIRY: (
        "Dear Mr. Haddad,\n\nI interviewed for the Product Designer role at Kestrel Labs on 3 "
        "November. I remain very interested in the role.\n\n{s}\n\nCould you tell me whether "
        "there is any update on the timeline?\n\nBest regards,\nTomás Ferreira\n"
    ),
    K.EXTENSION: (
        "Dear Ms. Lindqvist,\n\nThank you for the offer to join Nordvik AB as a Backend "
        "Engineer. I am excited about the team.\n\n{s}\n\nThank you for your understanding.\n\n"
        "Kind regards,\nAmara Nwosu\n"
    ),
    K.DECLINE: (
        "Dear Mr. Tanaka,\n\nThank you for offering me the Marketing Lead position at Hoshi "
        "Foods.\n\n{s}\n\nI wish you and the team every success.\n\nBest regards,\nLena Vogel\n"
    ),
    K.WITHDRAWAL: (
        "Dear Ms. Costa,\n\nI am writing to withdraw my application for the QA Engineer "
        "position at Verde Systems.\n\n{s}\n\nThank you for your time, and I wish you every "
        "success.\n\nKind regards,\nOmar Haddad\n"
    ),
    K.RESIGNATION: (
        "Dear Mr. Brennan,\n\nPlease accept this letter as notice of my resignation from my "
        "position as Accountant at Fairfield Partners. My last day will be 18 December 2026."
        "\n\n{s}\n\nThank you for the support over the last three years.\n\nKind regards,\n"
        "Siobhan Kelly\n"
    ),
    K.ACCEPTANCE: (
        "Dear Ms. Park,\n\nI am delighted to accept the offer for the Nurse Educator position "
        "at Riverside Health.\n\n{s}\n\nThank you again.\n\nBest regards,\nDavid Mensah\n"
    ),
}
_TONE_RULES = ("tone.pushy", "tone.ultimatum", "tone.negative_employer", "tone.grievance")


def _tone(kind: Kind, sentence: str) -> dict[str, str]:
    """Return the tone findings (rule -> flagged text) for the sentence in a kind's letter."""
    text = _LETTERS[kind].format(s=sentence)
    report = check(text, None, kind)
    return {
        f.rule: text[f.start : f.end] if f.start is not None else ""
        for f in report.findings
        if f.rule.startswith("tone.") and f.severity != "suggestion"
    }


def test_the_letters_are_clean() -> None:
    for kind in _LETTERS:
        assert _tone(kind, "I appreciate your time.") == {}, kind


# (kind, sentence, rule that must flag it)
FLAG = [
    # Taking whatever is going.
    (K.INQUIRY, "I would honestly take any job you have at this point.", "tone.desperate"),
    (K.INQUIRY, "Any role at all would do for me.", "tone.desperate"),
    # Ultimatums: a condition put to the reader, with leaving as the consequence.
    (
        K.EXTENSION,
        "If you cannot give me more time, I will have no choice but to accept one "
        "of the other offers.",
        "tone.ultimatum",
    ),
    (
        K.RESIGNATION,
        "Unless Fairfield can match this offer by Friday, please accept this "
        "email as my resignation.",
        "tone.ultimatum",
    ),
    (K.EXTENSION, "Otherwise I will sign with the other company.", "tone.ultimatum"),
    (K.EXTENSION, "If you can't extend it, I'll go with the competing offer.", "tone.ultimatum"),
    (
        K.EXTENSION,
        "Should you be unable to wait, I will have to turn down your offer.",
        "tone.ultimatum",
    ),
    (
        K.RESIGNATION,
        "If you do not raise my salary, I will leave the company at the end of the month.",
        "tone.ultimatum",
    ),
    (
        K.RESIGNATION,
        "Unless the company agrees to a counter-offer, consider this letter as my formal notice.",
        "tone.ultimatum",
    ),
    (K.INQUIRY, "If nobody replies this week, I will withdraw my application.", "tone.ultimatum"),
    (
        K.INQUIRY,
        "If I don't hear back by Friday, I'll assume you have chosen someone else.",
        "tone.ultimatum",
    ),
    (
        K.EXTENSION,
        "If you are unable to extend the deadline, I will need to decline the offer.",
        "tone.ultimatum",
    ),
    (
        K.EXTENSION,
        "I need an answer by Friday, otherwise I'll take the other job.",
        "tone.ultimatum",
    ),
    (K.INQUIRY, "If I don't get an answer this week I will go elsewhere.", "tone.ultimatum"),
    (
        K.INQUIRY,
        "I will be forced to reconsider my application unless I hear from you.",
        "tone.ultimatum",
    ),
    # Deadlines put on the reader.
    (K.EXTENSION, "Please confirm by tomorrow whether this works.", "tone.pushy"),
    (
        K.EXTENSION,
        "Please let me know by the end of the day, as another offer is waiting.",
        "tone.pushy",
    ),
    (K.EXTENSION, "You must reply within 24 hours.", "tone.pushy"),
    (K.EXTENSION, "Kindly send the revised contract by tomorrow morning.", "tone.pushy"),
    (K.INQUIRY, "Please get back to me ASAP.", "tone.pushy"),
    (K.INQUIRY, "Reply by Friday at the latest, please.", "tone.pushy"),
    (K.INQUIRY, "I expect a decision by tonight.", "tone.pushy"),
    (K.INQUIRY, "I expect to hear back from you this week.", "tone.pushy"),
    (K.INQUIRY, "I expect to hear about the decision by Monday.", "tone.pushy"),
    # Put-downs of the employer's pay, process or people, comparisons, sarcasm.
    (
        K.DECLINE,
        "Frankly, the salary you offered is well below the market rate.",
        "tone.negative_employer",
    ),
    (K.DECLINE, "The interview process was badly organised.", "tone.negative_employer"),
    (K.DECLINE, "Your compensation package was simply not competitive.", "tone.negative_employer"),
    (
        K.DECLINE,
        "The offer you made was, to be blunt, far below what I earn now.",
        "tone.negative_employer",
    ),
    (
        K.DECLINE,
        "The recruitment process was chaotic and the recruiter was rude.",
        "tone.negative_employer",
    ),
    (K.THANK_YOU, "I must say the assessment was poorly designed.", "tone.negative_employer"),
    (
        K.WITHDRAWAL,
        "I have accepted an offer from Temasek-Orion with a much better package than yours.",
        "tone.negative_employer",
    ),
    (
        K.WITHDRAWAL,
        "The other company made me a far more attractive offer than you did.",
        "tone.negative_employer",
    ),
    (
        K.WITHDRAWAL,
        "Their salary is significantly higher than what you could offer.",
        "tone.negative_employer",
    ),
    (
        K.WITHDRAWAL,
        "After two weeks of silence I did not feel that your company really "
        "valued candidates' time.",
        "tone.negative_employer",
    ),
    (
        K.RESIGNATION,
        "I'm sure you will find it easier to run the team without someone who "
        "keeps asking questions.",
        "tone.negative_employer",
    ),
    (
        K.RESIGNATION,
        "Good luck finding someone else who will work those hours.",
        "tone.negative_employer",
    ),
    (
        K.WITHDRAWAL,
        "Obviously you didn't read my CV before the interview.",
        "tone.negative_employer",
    ),
    (K.INQUIRY, "This is surprising from a company of your size.", "tone.negative_employer"),
    (K.THANK_YOU, "The pay you mentioned is frankly insulting.", "tone.negative_employer"),
    (K.DECLINE, "Thanks for nothing.", "tone.negative_employer"),
    (K.INQUIRY, "Your recruiter never returned my calls.", "tone.grievance"),
    (K.INQUIRY, "You never replied to my last email.", "tone.grievance"),
    (K.RESIGNATION, "My ideas never seemed to be welcome in planning meetings.", "tone.grievance"),
    (K.WITHDRAWAL, "I waited almost two weeks without any reply from your side.", "tone.grievance"),
    (K.INQUIRY, "I assume my application has simply been forgotten.", "tone.grievance"),
    (K.INQUIRY, "I left my last job because the management there was a mess.", "tone.grievance"),
    # Presumption: the best candidate, the job already won before an offer.
    (
        K.THANK_YOU,
        "I am confident that I am the best candidate you will meet.",
        "tone.presumptuous",
    ),
    (K.THANK_YOU, "I am clearly the strongest applicant for this role.", "tone.presumptuous"),
    (
        K.INQUIRY,
        "Without doubt I'm the most qualified candidate you have interviewed.",
        "tone.presumptuous",
    ),
    (K.THANK_YOU, "I look forward to receiving your offer next week.", "tone.presumptuous"),
    (K.THANK_YOU, "I am looking forward to getting the contract from you.", "tone.presumptuous"),
    (K.INQUIRY, "I expect to receive the offer letter soon.", "tone.presumptuous"),
    (
        K.THANK_YOU,
        "When I join the team, I would like to start by reviewing the budget.",
        "tone.presumptuous",
    ),
    (
        K.THANK_YOU,
        "Once I start at Lumen Freight, I will rebuild the dashboard.",
        "tone.presumptuous",
    ),
    (K.THANK_YOU, "I look forward to discussing my start date next week.", "tone.presumptuous"),
    (K.INQUIRY, "Could we talk about my first day?", "tone.presumptuous"),
    (K.THANK_YOU, "I know I got the job.", "tone.presumptuous"),
    (K.INQUIRY, "I'm sure I will get this role.", "tone.presumptuous"),
    # A run of capitals inside a sentence.
    (K.THANK_YOU, "I AM VERY EXCITED ABOUT THIS ROLE!", "tone.shouting"),
    (K.INQUIRY, "PLEASE LET ME KNOW SOON.", "tone.shouting"),
]

# Sentences no tone rule may flag at warning or error: promises, polite requests, praise,
# conditions without threats, a start date in an acceptance.
PASS = [
    # Praise that compares, not desperation.
    (K.RESIGNATION, "I have learned more here than in any job I have had."),
    (K.THANK_YOU, "Like any role in sales, it asks for patience."),
    (K.EXTENSION, "I will reply by that date at the latest."),
    (K.EXTENSION, "I will send you my decision by Friday, 4 December at the latest."),
    (K.EXTENSION, "I'll get back to you by the end of the day tomorrow."),
    (K.EXTENSION, "I can let you know by tomorrow afternoon."),
    (K.EXTENSION, "We will sign and return the contract by Monday at the latest."),
    (K.EXTENSION, "I promise to send my answer no later than 4 December."),
    (K.EXTENSION, "Would it be possible to give my answer by 11 December?"),
    (K.EXTENSION, "I would be grateful if you could let me know by tomorrow whether that works."),
    (
        K.EXTENSION,
        "If this is not possible, please let me know and I will decide by the original date.",
    ),
    (K.EXTENSION, "If the date does not work for you, I am happy to discuss another one."),
    (K.EXTENSION, "Unless you need my answer sooner, I will reply by 11 December."),
    (K.ACCEPTANCE, "I will return the signed offer by Friday at the latest."),
    (K.ACCEPTANCE, "I can start immediately after my notice period ends."),
    (K.ACCEPTANCE, "I look forward to discussing my start date next week."),
    (K.ACCEPTANCE, "When I join the team, I would like to start by meeting every nurse."),
    (
        K.RESIGNATION,
        "If there is anything I can do to make the handover easier, please let me know.",
    ),
    (K.RESIGNATION, "If I do not hear otherwise, I will leave my laptop with IT on my last day."),
    (K.RESIGNATION, "I will hand over my accounts before I leave the team."),
    (K.WITHDRAWAL, "If my application is not yet closed, please withdraw it."),
    (K.WITHDRAWAL, "Unless I hear otherwise, I will consider my application withdrawn."),
    (K.WITHDRAWAL, "I have accepted another offer, so I am withdrawing my application."),
    (K.DECLINE, "I have decided to accept an offer that is closer to my family."),
    (K.DECLINE, "I have accepted a role that is a better fit for my long-term goals."),
    (K.DECLINE, "The salary was generous and the team was welcoming; it was not easy."),
    (K.DECLINE, "Your team was patient and well organised throughout the process."),
    (K.DECLINE, "I was impressed that the interview process was so well organised."),
    (K.INQUIRY, "I have not heard back yet, so I wanted to follow up."),
    (
        K.INQUIRY,
        "Since another offer has a deadline of 4 December, could you tell me where things stand?",
    ),
    (K.INQUIRY, "Please let me know if you need anything else from me by Friday."),
    (K.THANK_YOU, "I believe I would be a strong fit for the team."),
    (K.THANK_YOU, "I know I would enjoy the role."),
    (K.EXTENSION, "I am waiting on one other interview, which I expect to hear about next week."),
    (K.INQUIRY, "I know you are busy, and I did not want to miss your reply."),
    (K.INQUIRY, "I have not heard back since our interview on 3 November."),
    (K.DECLINE, "I will not be able to accept the offer, since I am staying in Lisbon."),
    (K.RESIGNATION, "Unless you would prefer a different date, I will leave on 18 December."),
    (K.THANK_YOU, "I am confident that my experience with routing data would help the team."),
    (K.THANK_YOU, "I look forward to the possibility of working with you."),
    (K.THANK_YOU, "If I join the team, I would start by learning the dashboard."),
    (K.THANK_YOU, "The best part of the interview was the case study."),
    (K.THANK_YOU, "My current contract ends in March, so I could start in April."),
    (K.THANK_YOU, "I enjoyed meeting the team, which seemed very well organised."),
    (K.THANK_YOU, "Your questions about my work at Maersk were thoughtful."),
    (K.THANK_YOU, "I am sure you will find the right person for the role."),
    (K.THANK_YOU, "I used SQL, AWS and GCP at IBM, and R at NASA."),
    (K.THANK_YOU, "I worked at BHP and at the NHS for two years."),
]


@pytest.mark.parametrize(("kind", "sentence", "rule_id"), FLAG)
def test_flags(kind: Kind, sentence: str, rule_id: str) -> None:
    found = _tone(kind, sentence)
    assert rule_id in found, f"{rule_id} missed {sentence!r}: {found}"
    assert found[rule_id] and found[rule_id] in sentence


@pytest.mark.parametrize(("kind", "sentence"), PASS)
def test_passes(kind: Kind, sentence: str) -> None:
    assert _tone(kind, sentence) == {}


SHOUTED = [
    "Dear Ms. Okafor,\n\n{body}\n\nBest regards,\nPriya Raman\n",
    "DEAR MS. OKAFOR,\n\n{body}\n\nBEST REGARDS,\nPRIYA RAMAN\n",
    "Subject: THANK YOU\n\nDEAR MS. OKAFOR\n\n{body}\n\nTHANKS\nNGUYỄN THỊ MINH ANH\n",
]
_BODY = (
    "Thank you for meeting with me yesterday about the Data Analyst position at Lumen Freight. "
    "I enjoyed hearing about the new routing dashboard and the team in Lagos."
)


@pytest.mark.parametrize("letter", SHOUTED)
@pytest.mark.parametrize("shouted", [True, False])
def test_a_letter_in_capitals_is_shouting(letter: str, shouted: bool) -> None:
    body = _BODY.upper() if shouted else _BODY
    report = check(letter.format(body=body), None, K.THANK_YOU)
    errors = [f for f in report.findings if f.rule == "tone.shouting" and f.severity == "error"]
    if shouted:
        assert errors and not report.passed
    else:
        assert not errors
