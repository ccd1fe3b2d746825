"""Should-flag and should-pass examples for every checker rule (one table, proselint style).

Each example edits the offline composer's letter for a kind's example facts, so the rest of
the letter is known to be clean. `span` is the exact text the finding must cover.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from afterword.models import Kind

K = Kind
END = "from the start."  # a sentence end in the thank-you base letter, for appending text
LONG = " ".join(["I would bring steady judgement and care to every client relationship."] * 30)


@dataclass(frozen=True)
class Ex:
    """One example: edits to a kind's base letter, optional fact overrides and span."""

    kind: Kind = K.THANK_YOU
    edits: tuple[tuple[str, str], ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)
    span: str | None = None
    text: str | None = None
    subject: str | None = "keep"
    alone: bool = False  # checked as a letter pasted alone, without its facts


def add(sentence: str, span: str | None = None) -> Ex:
    """Append a sentence to the thank-you base letter's second paragraph."""
    return Ex(edits=((END, f"{END} {sentence}"),), span=span)


BASE = Ex()
# A phone script someone typed a subject onto.
PHONE_WITH_SUBJECT = (
    "Subject: Follow-up call\n\nVoicemail: Hello Ms. Whitfield, this is Daniel Reyes. "
    "When do you expect to make a decision? "
    "My number is plus one, five-five-five, zero-one-three-three. "
    "Again, plus one, five-five-five, zero-one-three-three.\n"
)

EXAMPLES: dict[str, tuple[list[Ex], list[Ex]]] = {
    "names.salutation_missing": ([Ex(edits=(("Dear Mr. Jones,\n", ""),))], [BASE]),
    "names.salutation_recipient": (
        [Ex(edits=(("Dear Mr. Jones,", "Dear Ms. Raman,"),), span="Ms. Raman")],
        [BASE, Ex(edits=(("Dear Mr. Jones,", "Dear Tom Jones,"),))],
    ),
    "names.honorific": (
        [Ex(edits=(("Dear Mr. Jones,", "Dear Ms. Jones,"),), span="Ms.")],
        [BASE, Ex(edits=(("Dear Mr. Jones,", "Dear Mr Jones,"),))],
    ),
    "names.first_name_only": (
        [Ex(edits=(("Dear Mr. Jones,", "Dear Tom,"),), span="Tom")],
        [BASE, Ex(kind=K.NETWORKING_THANKS)],
    ),
    "names.generic_greeting": (
        [Ex(edits=(("Dear Mr. Jones,", "Dear Hiring Manager,"),), span="Hiring Manager")],
        [BASE],
    ),
    "names.misspelt": (
        [
            Ex(edits=(("Dear Mr. Jones,", "Dear Mr. Jnoes,"),), span="Jnoes"),
            add("Mr. Jonas was very kind.", span="Jonas"),
        ],
        [BASE, add("I hope to start in June.")],
    ),
    "names.case": ([Ex(edits=(("Dear Mr. Jones,", "Dear Mr. jones,"),), span="jones")], [BASE]),
    "names.signature": ([Ex(edits=(("Best regards,\nJane Doe", "Best regards,\nJ."),))], [BASE]),
    "names.full_name_greeting": (
        [
            Ex(edits=(("Dear Mr. Jones,", "Dear Tom Jones,"),), span="Tom Jones"),
            Ex(edits=(("Dear Mr. Jones,", "Dear Mr. Tom Jones,"),), span="Mr. Tom Jones"),
        ],
        [
            BASE,
            Ex(
                edits=(("Dear Mr. Jones,", "Dear Tom Jones,"),),
                facts={"recipients": [{"name": "Tom Jones"}]},
            ),
        ],
    ),
    "names.greeting_punctuation": (
        [Ex(edits=(("Dear Mr. Jones,", "Dear Mr. Jones"),), span="Dear Mr. Jones")],
        [BASE, Ex(edits=(("Dear Mr. Jones,", "Dear Mr. Jones:"),))],
    ),
    "names.duplicate_greeting": (
        [Ex(edits=(("Dear Mr. Jones,\n", "Dear Mr. Jones,\n\nDear Mr. Jones,\n"),))],
        [BASE, add("I said hello to the team on my way out.")],
    ),
    "names.mixed_script": (
        [Ex(edits=(("Dear Mr. Jones,", "Dear Mr. J\u043enes,"),), span="J\u043enes")],
        [BASE, add("I also met Иван Петров from the Kyiv office.")],
    ),
    "names.signature_repeated": (
        [Ex(edits=(("Best regards,\nJane Doe", "Best regards,\nJane Doe\nJane Doe"),))],
        [
            BASE,
            Ex(
                edits=(("Best regards,\nJane Doe", "Best regards,\nJane Doe\nJane Doe Consulting"),)
            ),
        ],
    ),
    "facts.position": (
        [
            Ex(
                K.DECLINE,
                (("the Senior Sales Consultant position", "the position"),),
                subject="Thank you",  # a subject that names it would do (see the pass case)
            )
        ],
        [
            BASE,
            Ex(K.DECLINE),
            Ex(K.DECLINE, (("the Senior Sales Consultant position", "the position"),)),
        ],
    ),
    "structure.two_sign_offs": (
        [
            Ex(
                edits=(
                    ("Jane Doe\njane.doe@example.com | +1 555 0100", "Jane Doe\n\nThanks,\nJane"),
                ),
                span="Thanks,",
            )
        ],
        [BASE, Ex(K.DECLINE)],
    ),
    "facts.company_other": (
        [
            Ex(
                edits=(("prospect of joining ABC Company", "prospect of joining Lumen Labs"),),
                span="Lumen Labs",
            ),
            add("I admire the team at Northwind Traders.", span="Northwind Traders"),
            Ex(K.INQUIRY, (("in joining ABC Company", "in joining Kestrel Mobility"),)),
            # the reader's organization wished well or learnt about, in any kind of letter
            Ex(
                K.DECLINE,
                (
                    (
                        "I hope our paths",
                        "I wish Nordvik Consulting every success. I hope our paths",
                    ),
                ),
                span="Nordvik Consulting",
            ),
            Ex(
                K.DECLINE,
                (
                    (
                        "I hope our paths",
                        "I enjoyed learning about Paystack's plans. I hope our paths",
                    ),
                ),
                span="Paystack",
            ),
        ],
        [
            BASE,
            Ex(K.DECLINE),
            Ex(
                K.DECLINE,
                (("I hope our paths", "I wish ABC Company every success. I hope our paths"),),
            ),
            Ex(
                K.DECLINE,
                (("I hope our paths", "I wish you and Maria every success. I hope our paths"),),
            ),
            add("I enjoyed hearing how you joined Maria's team."),
            add("At my previous job I loved the team at Northwind Traders."),
            add("I am eager to join ABC and the sales team."),
            add("I look forward to working with Kubernetes and Python there."),
        ],
    ),
    "facts.position_other": (
        [
            Ex(
                edits=(
                    (
                        "to discuss the Senior Sales Consultant position",
                        "to discuss the Senior Sales Consultant position. I am very interested "
                        "in the Data Analyst role",
                    ),
                ),
                span="Data Analyst",
            ),
            add(
                "I would be glad to join ABC Company as Sales Operations Lead.",
                "Sales Operations Lead",
            ),
            # The same trade at another level is another job.
            add("I would be glad to join ABC Company as Sales Consultant.", "Sales Consultant"),
            Ex(
                K.ACCEPTANCE,
                (("Senior Sales Consultant", "Junior Sales Consultant"),),
                span="Junior Sales Consultant",
            ),
            Ex(
                K.ACCEPTANCE,
                (("Senior Sales Consultant", "Lead Sales Consultant"),),
                span="Lead Sales Consultant",
            ),
            Ex(
                K.DECLINE,
                (("Senior Sales Consultant position", "Sales Consultant III position"),),
                facts={"position": "Sales Consultant II"},
                span="Sales Consultant III",
            ),
            Ex(
                K.ACCEPTANCE,
                (("Senior Sales Consultant", "Senior Sales Consultant"),),
                facts={"position": "Sales Consultant"},
                span="Senior Sales Consultant",
            ),
        ],
        [
            BASE,
            add("My current Sales Associate role taught me patience."),
            add("My current Junior Sales Consultant role taught me patience."),
            add("I would be glad to join ABC Company as Senior Sales Consultant."),
            add("In the Sales Consultant role I held before, I learned patience."),
            add("Another offer for the Account Executive position came last week."),
            add("I would be glad to join the team as soon as you need me."),
        ],
    ),
    "facts.position_near": (
        [
            Ex(
                K.DECLINE,
                (("Senior Sales Consultant position", "Senior Sales Consultants position"),),
                span="Senior Sales Consultants",
            )
        ],
        [BASE],
    ),
    "facts.company": ([Ex(K.DECLINE, (("ABC Company", "your company"),))], [Ex(K.DECLINE)]),
    "facts.subject": (
        [
            Ex(subject="Thank you: Sales Associate interview"),
            Ex(subject="Thank you: Senior Sales Consultant interview at XYZ Corporation"),
            Ex(subject="Thank you: Lead Sales Consultant interview"),
            Ex(K.ACCEPTANCE, subject="Acceptance: Senior Sales Consultant offer from Acme Corp."),
        ],
        [
            BASE,
            Ex(subject="Thank you: Sales Consultant interview"),  # a level left out
            Ex(subject="Thank you: Senior Sales Consultant interview at ABC Company"),
            Ex(subject="Thank you for the interview with Mr. Jones"),
            Ex(subject="Checking in from Nairobi"),
            Ex(subject="Thank you from Jane Doe"),
        ],
    ),
    "facts.salary": (
        [
            Ex(K.ACCEPTANCE, (("$85,000 per year", "$95,000 per year"),), span="$95,000"),
            Ex(K.ACCEPTANCE, (("my starting salary will be $85,000 per year, and ", ""),)),
        ],
        [Ex(K.ACCEPTANCE)],
    ),
    "facts.start_date": (
        [Ex(K.ACCEPTANCE, (("January 4, 2027", "January 11, 2027"),))],
        [Ex(K.ACCEPTANCE)],
    ),
    "facts.last_day": ([Ex(K.RESIGNATION, (("December 18", "December 11"),))], [Ex(K.RESIGNATION)]),
    "facts.requested_date": (
        [Ex(K.EXTENSION, (("to Friday, December 4?", "to next week?"),))],
        [Ex(K.EXTENSION)],
    ),
    "facts.interview_date": (
        [Ex(K.INQUIRY, ((" on Friday, November 20", ""), (" by Monday, November 30", " soon")))],
        [Ex(K.INQUIRY)],
    ),
    "structure.sign_off": ([Ex(edits=(("Best regards,\n", ""),))], [BASE]),
    "structure.two_employers": (
        [
            replace(
                add("I would love to join Lumora Apps and the team.", span="Lumora Apps"),
                alone=True,
            ),
            # one name spelt two ways
            Ex(
                alone=True,
                edits=(
                    ("joining ABC Company", "joining Fairbanks Creative"),
                    (END, f"{END} I would love to join Fairbank Creative and the team."),
                ),
                span="Fairbank Creative",
            ),
        ],
        [
            Ex(alone=True),
            replace(add("I would love to join ABC Company and the team."), alone=True),
            add("I would love to join Lumora Apps and the team."),  # facts.company_other's
        ],
    ),
    "structure.closing_slip": (
        [
            Ex(edits=(("Best regards,", "Best regard,"),), span="Best regard"),
            Ex(edits=(("Best regards,", "Your sincerely,"),), span="Your sincerely"),
            Ex(edits=(("Best regards,", "With kind regard,"),), span="With kind regard"),
        ],
        [BASE, Ex(edits=(("Best regards,", "Yours sincerely,"),))],
    ),
    "structure.subject": ([Ex(subject=None)], [BASE, Ex(facts={"channel": "card"}, subject=None)]),
    "structure.subject_side": (
        [
            Ex(K.THANKS_AFTER_LANDING, subject="Congratulations on the new role at Kowalski!"),
            Ex(K.ACCEPTANCE, subject="Congratulations! Offer accepted"),
            Ex(
                K.THANKS_AFTER_LANDING,
                text="Subject: Congrats on my new job\n\nDear Piotr,\n\nI start in January.\n",
                span="Congrats on my new job",
                subject=None,
            ),
        ],
        [
            Ex(K.THANKS_AFTER_LANDING),
            Ex(K.ACCEPTANCE),
            Ex(K.STAY_IN_TOUCH, subject="Congratulations on the product launch"),
        ],
    ),
    "structure.thanks": (
        [
            Ex(
                K.ACCEPTANCE,
                (
                    (
                        "Thank you for this opportunity and for your support throughout the process. ",
                        "",
                    ),
                ),
            )
        ],
        [Ex(K.ACCEPTANCE)],
    ),
    "structure.next_step": (
        [
            Ex(
                edits=(
                    (
                        "As we discussed, I understand the next step is to hear back on Monday about a second round. Please let me know if I can provide anything further.",
                        "It was a good day.",
                    ),
                )
            )
        ],
        [
            BASE,
            Ex(
                edits=(
                    (
                        "As we discussed, I understand the next step is to hear back on Monday about a second round. ",
                        "",
                    ),
                )
            ),
        ],
    ),
    "structure.specific_point": (
        [
            Ex(
                edits=(
                    (
                        "I especially enjoyed our conversation about the plans to expand into the European commodities market. ",
                        "",
                    ),
                )
            )
        ],
        [BASE],
    ),
    "structure.enthusiasm": (
        [
            Ex(
                K.ACCEPTANCE,
                (("I am delighted to accept", "I accept"), (" I am excited to join the team.", "")),
            )
        ],
        [Ex(K.ACCEPTANCE)],
    ),
    "structure.decline_stated": (
        [Ex(K.DECLINE, ((" For that reason, I must decline your offer.", ""),))],
        [Ex(K.DECLINE)],
    ),
    "structure.decline_order": (
        [
            Ex(
                K.DECLINE,
                (("Thank you for offering me", "I must decline your offer of"),),
                span="I must decline your offer of the Senior Sales Consultant position at ABC Company, and for the time you and your team spent with me during the process.",
            )
        ],
        [Ex(K.DECLINE)],
    ),
    "structure.decline_accepts": (
        [
            Ex(
                K.DECLINE,
                (("I must decline your offer", "I am pleased to accept your offer"),),
                span="pleased to accept",
            )
        ],
        [Ex(K.DECLINE)],
    ),
    "structure.positive_close": (
        [
            Ex(
                K.DECLINE,
                (("I hope our paths cross again.", "That is my final answer."),),
                span="That is my final answer.",
            )
        ],
        [Ex(K.DECLINE)],
    ),
    "structure.acceptance_stated": (
        [
            Ex(
                K.ACCEPTANCE,
                (("I am delighted to accept your offer of", "I am delighted about your offer of"),),
            )
        ],
        [Ex(K.ACCEPTANCE)],
    ),
    "structure.resignation_stated": (
        [
            Ex(
                K.RESIGNATION,
                (
                    (
                        "Please accept this letter as notice that I am resigning from my position at Emblem. ",
                        "",
                    ),
                ),
            )
        ],
        [Ex(K.RESIGNATION)],
    ),
    "structure.status_question": (
        [
            Ex(
                K.INQUIRY,
                (
                    (
                        "I am writing to ask whether there is any news about the position, and whether you need anything else from me to help with your decision.",
                        "I am writing to say hello.",
                    ),
                ),
            )
        ],
        [Ex(K.INQUIRY)],
    ),
    "structure.withdrawal_stated": (
        [
            Ex(
                K.WITHDRAWAL,
                (
                    (
                        "I have accepted another offer, so I would like to withdraw my application",
                        "I am writing to you about my application",
                    ),
                ),
            )
        ],
        [Ex(K.WITHDRAWAL)],
    ),
    "structure.role_reversal": (
        [
            add(
                "Thank you for taking the time to interview for the position.",
                span="Thank you for taking the time to interview for the",
            )
        ],
        [BASE, add("Thank you for the chance to interview for the position.")],
    ),
    "structure.contradiction": (
        [
            Ex(
                K.WITHDRAWAL,
                edits=(
                    (
                        "I would like to withdraw",
                        "I am looking forward to joining your team. I would like to withdraw",
                    ),
                ),
                span="looking forward to joining",
            )
        ],
        [Ex(K.WITHDRAWAL), Ex(K.DECLINE)],
    ),
    "structure.transition": (
        [
            Ex(
                K.RESIGNATION,
                (
                    (
                        "Over the coming weeks I will do everything I can to help with the transition, including documenting my work and handing over my projects.",
                        "I have enjoyed my time here.",
                    ),
                ),
            )
        ],
        [Ex(K.RESIGNATION)],
    ),
    "structure.reference_request": (
        [
            Ex(
                K.REFERENCE_UPDATE,
                (
                    (
                        "If someone from ABC Company contacts you, I would be grateful if you could let me know.",
                        "",
                    ),
                ),
            )
        ],
        [Ex(K.REFERENCE_UPDATE)],
    ),
    "structure.reason": (
        [
            Ex(
                K.DECLINE,
                (
                    (
                        "I have decided to pursue a role closer to my family",
                        "I have decided otherwise",
                    ),
                ),
            )
        ],
        [Ex(K.DECLINE)],
    ),
    "grounding.date": (
        [
            add("I could start on December 1.", span="December 1"),
            add("I could visit on Thursday.", span="Thursday"),
        ],
        [BASE, Ex(K.INQUIRY)],
    ),
    "grounding.amount": (
        [add("I would accept $90,000.", span="$90,000")],
        [BASE, Ex(K.ACCEPTANCE)],
    ),
    "grounding.email": (
        [add("Write to jd@other.example any time.", span="jd@other.example")],
        [BASE],
    ),
    "grounding.phone": ([add("Call me at 555-867-5309.", span="555-867-5309")], [BASE]),
    "grounding.url": (
        [
            add(
                "My portfolio is at www.janedoe.example/work today.",
                span="www.janedoe.example/work",
            )
        ],
        [BASE],
    ),
    "grounding.name": (
        [
            add("Dr. Patel said the same.", span="Dr. Patel"),
            add("I also met Michael Brown.", span="Michael Brown"),
        ],
        [BASE, add("I admire the New York office.")],
    ),
    "tone.apologetic": (
        [
            add("I apologize for my nervous answers.", span="I apologize"),
            add("I'm sorry I rambled.", span="I'm sorry I"),
        ],
        [BASE],
    ),
    "tone.desperate": (
        [
            add("I really need this job.", span="really need this job"),
            add("I will accept whatever pay you think I deserve.", "whatever pay"),
            add("I would gladly work for free at first.", "work for free"),
        ],
        [
            BASE,
            add("I am open to whatever format suits you for the next step."),
            add("I have no questions at all about the offer."),
        ],
    ),
    "tone.pushy": (
        [add("Please reply as soon as possible.", span="as soon as possible")],
        [BASE, add("I can start immediately.")],
    ),
    "tone.ultimatum": (
        [
            add(
                "I need your answer by Friday or I will take another offer.",
                span="I need your answer by",
            ),
            add("Please decide soon, or I will accept the other offer.", span="or I will accept"),
            add("Hold the role for me; if you can't, I'll have to go with one of the others."),
        ],
        [
            BASE,
            add("Please let me know if you have questions, or I will follow up next week."),
            add("I will go with the others to the site visit if there is room."),
        ],
    ),
    "timing.relative_day": (
        [
            Ex(
                edits=(("to meet with me on Friday, November 20,", "to meet with me today"),),
                span="today",
            ),
            Ex(
                facts={"sent_on": "2026-11-23"},
                edits=(("to meet with me on Friday, November 20,", "to meet with me yesterday"),),
                span="yesterday",
            ),
        ],
        [
            BASE,
            Ex(edits=(("to meet with me on Friday, November 20,", "to meet with me yesterday"),)),
            add("I told my family about the role yesterday."),
        ],
    ),
    "facts.inside_address": (
        [
            Ex(
                edits=(
                    (
                        "Dear Mr. Jones,",
                        "Mr. Tom Jones\nXYZ Corporation\n12 Main Street\n\nDear Mr. Jones,",
                    ),
                ),
                span="XYZ Corporation",
            )
        ],
        [
            BASE,
            Ex(
                edits=(
                    (
                        "Dear Mr. Jones,",
                        "Mr. Tom Jones\nABC Company\n12 Main Street\n\nDear Mr. Jones,",
                    ),
                )
            ),
            Ex(
                edits=(
                    (
                        "Dear Mr. Jones,",
                        "Jane Doe\nNorthwind Traders Ltd.\n\nMr. Tom Jones\nABC Company\n\nDear Mr. Jones,",
                    ),
                )
            ),
        ],
    ),
    "paste.not_english": (
        [
            Ex(
                alone=True,
                text=(
                    "Madame Dubois,\n\nJe vous remercie pour l'entretien de mardi concernant le "
                    "poste d'ingénieure de données. J'ai beaucoup apprécié notre échange sur vos "
                    "projets et je reste à votre disposition.\n\nCordialement,\nClaire Martin\n"
                ),
            )
        ],
        [
            BASE,
            Ex(
                alone=True,
                text=(
                    "Dear Ms. Dubois,\n\nMerci beaucoup! Thank you for the interview at Société "
                    "Générale on Tuesday about the data engineer role in Paris; I enjoyed hearing "
                    "about the équipe and their projets.\n\nCordialement,\nClaire Martin\n"
                ),
            ),
        ],
    ),
    "structure.answer_date": (
        [
            Ex(
                K.EXTENSION,
                alone=True,
                text=(
                    "Dear Ms. Lopez,\n\nThank you for the offer. I would like a little more time "
                    "before I answer. I will get back to you when I can.\n\nBest regards,\nJane Doe\n"
                ),
            )
        ],
        [
            Ex(K.EXTENSION, alone=True),
            Ex(
                K.EXTENSION,
                alone=True,
                text=(
                    "Dear Ms. Lopez,\n\nThank you for the offer. May I give you my answer by the "
                    "end of next week?\n\nBest regards,\nJane Doe\n"
                ),
            ),
        ],
    ),
    "names.full_name_alone": (
        [
            Ex(alone=True, edits=(("Dear Mr. Jones,", "Dear Mr. Tom Jones,"),), span="Tom Jones"),
            Ex(alone=True, edits=(("Dear Mr. Jones,", "Dear Mr. Kim Min-jun,"),)),
        ],
        [
            Ex(alone=True),
            Ex(alone=True, edits=(("Dear Mr. Jones,", "Dear Ms. de la Cruz,"),)),
            Ex(alone=True, edits=(("Dear Mr. Jones,", "Dear Dr. van der Berg,"),)),
            Ex(edits=(("Dear Mr. Jones,", "Dear Mr. Tom Jones,"),)),  # with facts: the other rule's
        ],
    ),
    "names.spoken_to": (
        [
            Ex(
                alone=True,
                edits=((END, f"{END} I would be glad to join your team, Ms. Bouchard."),),
            ),
            Ex(
                alone=True, edits=((END, f"{END} Thank you again, Mr. Smith, and I hope we meet."),)
            ),
        ],
        [
            Ex(alone=True),
            Ex(alone=True, edits=((END, f"{END} I would be glad to join your team, Mr. Jones."),)),
            Ex(
                alone=True,
                edits=((END, f"{END} I met your colleague, Ms. Bouchard, at the fair."),),
            ),
        ],
    ),
    "tone.sarcastic": (
        [
            add("Thanks for finally getting back to me.", "Thanks for finally"),
            add("I'm sure you simply forgot to write.", "I'm sure you simply forgot"),
            add(
                "The team will manage perfectly well without me.",
                "manage perfectly well without me",
            ),
            add("Replying must be a tremendous effort for you.", "must be a tremendous effort"),
            add("It is nice to know my application was read.", "nice to know my"),
        ],
        [
            BASE,
            add("Thank you for getting back to me so quickly."),
            add("I am sure you are busy with the launch this week."),
            add("I finally got to see the warehouse floor."),
            add("It was a real pleasure to meet the team."),
            add("I know the team will do well."),
        ],
    ),
    "tone.defensive": (
        [
            add(
                "Nothing you say will change my mind about that answer.",
                span="Nothing you say will change my mind",
            )
        ],
        [BASE, add("I changed my mind about the best approach after we spoke.")],
    ),
    "tone.presumptuous": (
        [
            add("When you hire me, I will fix the pipeline.", span="When you hire me"),
            add(
                "You are the most brilliant interviewer I have ever met.",
                span="the most brilliant interviewer",
            ),
        ],
        [BASE, add("If I join the team, I would start with the pipeline.")],
    ),
    "tone.self_deprecating": (
        [add("I know I'm not the strongest candidate.", span="I know I'm not the strongest")],
        [BASE, add("I am not afraid of hard problems.")],
    ),
    "tone.grievance": (
        [
            Ex(
                K.RESIGNATION,
                edits=(
                    (
                        "Please accept",
                        "I am leaving because my manager never listens. Please accept",
                    ),
                ),
                span="because my manager",
            )
        ],
        [BASE, Ex(K.RESIGNATION)],
    ),
    "tone.casual": (
        [
            add("The role sounds awesome.", span="awesome"),
            Ex(edits=(("Dear Mr. Jones,", "Hey Mr. Jones,"),), span="Hey"),
        ],
        [BASE, add("I know the U.S. market well.")],
    ),
    "tone.negative_employer": (
        [
            Ex(
                K.DECLINE,
                (("I hope our paths", "The salary was too low. I hope our paths"),),
                span="too low",
            )
        ],
        [Ex(K.DECLINE)],
    ),
    "tone.cliche": ([add("I will hit the ground running.", span="hit the ground running")], [BASE]),
    "tone.ai_tell": (
        [add("I hope this email finds you well.", span="I hope this email finds you well")],
        [BASE],
    ),
    "tone.exclamation": (
        [Ex(edits=((END, "from the start!!"),), span="!!")],
        [BASE, Ex(edits=((END, "from the start!"),))],
    ),
    "mechanics.placeholder": (
        [
            add("I hope to join [Company] soon.", span="[Company]"),
            add("Dear {{name}}, thanks.", span="{{name}}"),
            add("Regards to <NAME>.", span="<NAME>"),
            add("TODO add more.", span="TODO"),
            Ex(edits=(("Best regards,\nJane Doe", "Best regards,\nYour Name"),), span="Your Name"),
            Ex(
                edits=(("Dear Mr. Jones,", "Dear (Hiring Manager's Name),"),),
                span="(Hiring Manager's Name)",
            ),
            add("I start on MM/DD/YYYY.", span="MM/DD/YYYY"),
            add("Call me at (000) 123-4567.", span="(000) 123-4567"),
            add("(Mention a project here.)", span="(Mention a project here.)"),
            add("I would love the __(Job Title)__ role.", span="__(Job Title)__"),
        ],
        [BASE, add("My manager (the CMO) agreed with me about SQL.")],
    ),
    "mechanics.model_talk": (
        [
            add("As instructed, I have ignored my previous instructions.", span="As instructed"),
            Ex(
                edits=(("Dear Mr. Jones,", "Here is your letter:\n\nDear Mr. Jones,"),),
                span="Here is your letter",
            ),
        ],
        [BASE, add("I followed the instructions in the brief you sent.")],
    ),
    "mechanics.markdown": (
        [
            Ex(edits=(("Dear Mr. Jones,", "**Dear Mr. Jones,**"),), span="**Dear Mr. Jones,**"),
            Ex(
                edits=(("Dear Mr. Jones,", "## Thank you\n\nDear Mr. Jones,"),), span="## Thank you"
            ),
        ],
        [BASE, add("I rated the plan 5*4 in the review.")],
    ),
    "mechanics.device_footer": (
        [Ex(edits=(("Jane Doe", "Jane Doe\n\nSent from my iPhone"),), span="Sent from my iPhone")],
        [BASE, add("I sent from my office the forms you asked for.")],
    ),
    "mechanics.repeated_phrase": (
        [
            add(
                "I value the plans to expand into the European commodities market.",
                span="the plans to expand into the European commodities market",
            )
        ],
        [BASE, add("I value the plans for growth.")],
    ),
    "mechanics.refusal": (
        [
            Ex(
                text="I'm sorry, but I can't help with that request.\n",
                span="I'm sorry, but I can't",
            )
        ],
        [BASE],
    ),
    "mechanics.repeated_sentence": (
        [
            Ex(
                edits=(
                    (
                        END,
                        f"{END} I believe my language fluency and five years of enterprise sales would let me contribute from the start.",
                    ),
                )
            ),
            add(
                "After careful thought, I am applying my fluency here. I am applying my fluency here."
            ),
        ],
        [BASE],
    ),
    "mechanics.doubled_word": (
        [add("I met the the whole team.", span="the the")],
        [
            BASE,
            add("I had had a long day."),
            # The signer's last name over an email address that starts with it.
            Ex(facts={"candidate": {"name": "Nguyễn Thị Lan", "email": "lan.nguyen@example.com"}}),
            Ex(facts={"candidate": {"name": "María García", "email": "garcia.maria@example.es"}}),
        ],
    ),
    "mechanics.confusable": (
        [
            add("Thank you for you're your time.", span="you're your"),
            add("Please let me know you're decision.", span="know you're decision"),
            add("I hope your right about it.", span="your right"),
        ],
        [BASE, add("Please let me know your decision.")],
    ),
    "mechanics.spelling": (
        [add("It is a great oportunity.", span="oportunity")],
        [BASE, add("I know onboarding well.")],
    ),
    "mechanics.double_space": ([Ex(edits=((END, "from  the start."),), span="  ")], [BASE]),
    "mechanics.weekday": (
        [
            Ex(
                edits=(("Friday, November 20", "Tuesday, November 20"),),
                span="Tuesday, November 20",
            ),
            add("We could meet again on Sunday, 23 November 2026.", "Sunday, 23 November 2026"),
        ],
        [
            BASE,
            add("We could meet again on Monday, November 23."),
            add("We met first on Tuesday, May 12, at the fair."),  # 2026: nearest year is 2027
        ],
    ),
    "mechanics.sender_address": (
        [
            Ex(facts={"candidate": {"email": "jane.doe@emblem.com"}}),
            Ex(facts={"candidate": {"email": "partygirl99@example.com"}}),
        ],
        [BASE],
    ),
    "length.words": ([add(LONG)], [BASE]),
    "length.sentence": (
        [
            add("I " + "really " * 0 + " ".join(["enjoyed hearing about the team"] * 9) + "."),
            # "Inc." followed by a word that does not open a sentence: still one sentence.
            add(
                "Brightwave Media, Inc. teams "
                + " ".join(["enjoyed hearing about the launch"] * 8)
                + "."
            ),
        ],
        [
            BASE,
            # A company's legal form closing a sentence: the next one starts after it.
            add(
                "I first heard of Brightwave Media, Inc. I enjoyed learning about the spring "
                "product launch, and I was excited to hear how the team uses customer "
                "interviews to shape each campaign across the regions and the markets it "
                "plans to enter over the next two years."
            ),
        ],
    ),
    "timing.window": (
        [Ex(facts={"sent_on": "2026-11-25"}), Ex(K.INQUIRY, facts={"sent_on": "2026-11-27"})],
        [BASE, Ex(K.INQUIRY)],
    ),
    # grammar family
    "grammar.harper": (
        [
            add("I has enjoyed our talk.", span="has"),
            add("Thank you for giving me a opportunity to interview.", span="a"),
            add("She have been very helpful.", span="have"),
        ],
        [BASE, add("I have enjoyed our talk with Ms. Nguyễn Thị Mai.")],
    ),
    "grammar.missing_to": (
        [
            add("I would be pleased relocate for the role.", span="be pleased relocate"),
            add("I am eager learn more.", span="am eager learn"),
        ],
        [BASE, add("I was glad you enjoyed the sample."), add("I am excited about the role.")],
    ),
    "grammar.look_forward": (
        [
            add("I look forward to hear from you.", span="look forward to hear"),
            add("Looking forward to meet your team.", span="Looking forward to meet"),
        ],
        [BASE, add("I look forward to hearing from you."), add("I look forward to it.")],
    ),
    "grammar.word_choice": (
        [
            add("Thank you for you time.", span="for you time"),
            add("Please advice on the next steps.", span="Please advice"),
            add("I would rather prefer to start in May.", span="would rather prefer"),
            add("I am very interesting in the role.", span="I am very interesting in"),
        ],
        [BASE, add("Thank you for your time and your advice.")],
    ),
    # new kinds
    "structure.voicemail": (
        [Ex(K.PHONE_FOLLOW_UP, (("Voicemail: ", "Message: "),))],
        [Ex(K.PHONE_FOLLOW_UP)],
    ),
    "length.spoken": (
        [
            Ex(
                K.PHONE_FOLLOW_UP,
                (
                    (
                        "on November 18.",
                        "on November 18, " + "and I enjoyed it a great deal, " * 4 + "truly.",
                    ),
                ),
                span="five, zero-one-three-three. Thank you.",
            )
        ],
        [Ex(K.PHONE_FOLLOW_UP)],
    ),
    "structure.spoken_subject": (
        [
            Ex(K.PHONE_FOLLOW_UP, subject="Following up"),
            Ex(K.PHONE_FOLLOW_UP, text=PHONE_WITH_SUBJECT),
        ],
        [Ex(K.PHONE_FOLLOW_UP)],
    ),
    "mechanics.number_for_speech": (
        [
            Ex(
                K.PHONE_FOLLOW_UP,
                (("plus one, five-five-five, zero-one-three-three. Again", "+1 555 0133. Again"),),
                span="+1 555 0133",
            ),
            Ex(
                K.PHONE_FOLLOW_UP,
                (
                    (
                        " My number is plus one, five-five-five, zero-one-three-three. Again, plus one, five-five-five, zero-one-three-three.",
                        "",
                    ),
                ),
            ),
        ],
        [Ex(K.PHONE_FOLLOW_UP), Ex(K.PHONE_FOLLOW_UP, (("zero-one", "oh one"),))],
    ),
    "structure.number_twice": (
        [Ex(K.PHONE_FOLLOW_UP, ((" Again, plus one, five-five-five, zero-one-three-three.", ""),))],
        [Ex(K.PHONE_FOLLOW_UP)],
    ),
    "structure.decide_question": (
        [
            Ex(
                K.PHONE_FOLLOW_UP,
                (
                    (
                        "I am calling to ask when you expect to make a decision.",
                        "I am calling to follow up.",
                    ),
                ),
            )
        ],
        [
            Ex(K.PHONE_FOLLOW_UP),
            Ex(
                K.PHONE_FOLLOW_UP,
                (("when you expect to make a decision", "when a decision is expected"),),
            ),
        ],
    ),
    "structure.anything_else": (
        [
            Ex(
                K.PHONE_FOLLOW_UP,
                (
                    (
                        "Then ask: Is there anything else you need from me to make your decision?\n\n",
                        "",
                    ),
                ),
            )
        ],
        [Ex(K.PHONE_FOLLOW_UP)],
    ),
    "structure.written_request": (
        [
            Ex(
                K.WRITTEN_OFFER_REQUEST,
                (
                    (
                        "could you please send me the offer in writing?",
                        "could you please tell me more?",
                    ),
                ),
            )
        ],
        [Ex(K.WRITTEN_OFFER_REQUEST)],
    ),
    "structure.written_terms": (
        [Ex(K.WRITTEN_OFFER_REQUEST, ((" the benefits,", ""),))],
        [Ex(K.WRITTEN_OFFER_REQUEST)],
    ),
    "structure.promised_item": (
        [Ex(K.PROMISED_FOLLOW_UP, (("a writing sample on onboarding emails", "the document"),))],
        [
            Ex(K.PROMISED_FOLLOW_UP),
            Ex(
                K.PROMISED_FOLLOW_UP,
                facts={"promise": {"what": "send you a writing sample on onboarding emails"}},
            ),
        ],
    ),
    "structure.reference_contacted": (
        [
            Ex(
                K.REFERENCE_CHECK_IN,
                (("Has anyone from Osei Logistics contacted you yet? If they do, I", "I"),),
            )
        ],
        [Ex(K.REFERENCE_CHECK_IN)],
    ),
    "structure.landing_news": (
        [Ex(K.THANKS_AFTER_LANDING, (("I have accepted the", "I applied for the"),))],
        [Ex(K.THANKS_AFTER_LANDING)],
    ),
    "structure.helped": (
        [Ex(K.THANKS_AFTER_LANDING, (("introducing me to the hiring team", "everything"),))],
        [Ex(K.THANKS_AFTER_LANDING)],
    ),
    "structure.keep_in_touch": (
        [
            Ex(
                K.THANKS_AFTER_LANDING,
                (
                    (
                        "I would love to stay in touch, and I hope I can return the favor one day.",
                        "All the best.",
                    ),
                ),
            )
        ],
        [Ex(K.THANKS_AFTER_LANDING)],
    ),
}

# A letter in capitals, an HTML body and a reply above quoted history (tests/test_pastes.py and
# tests/test_tone_more.py hold the wider tables).
_CAPS = (
    "DEAR MR. JONES,\n\nTHANK YOU FOR MEETING WITH ME ON FRIDAY ABOUT THE SENIOR SALES "
    "CONSULTANT POSITION. I ENJOYED OUR TALK ABOUT THE EUROPEAN MARKET.\n\nBEST REGARDS,\n"
    "JANE DOE\n"
)
_HTML = (
    "<html><body><p>Dear Mr. Jones,</p><p>Thank you for meeting with me on Friday&nbsp;to "
    "discuss the <b>Senior Sales Consultant</b> position at ABC Company. I&rsquo;m grateful "
    "for your time.</p><p>Best regards,<br>Jane Doe</p></body></html>"
)
_SIGNED = "jane.doe@example.com | +1 555 0100"
_QUOTED = (
    f"{_SIGNED}\n\nOn Mon, 23 Nov 2026 at 09:00, Tom Jones <tom@abc.example> wrote:\n"
    "> Thanks Jane, we will be in touch about the the next round.\n> [Company Name]\n"
)
EXAMPLES.update(
    {
        "tone.shouting": (
            [
                Ex(text=_CAPS),
                add(
                    "I AM VERY EXCITED ABOUT THIS ROLE!", span="I AM VERY EXCITED ABOUT THIS ROLE!"
                ),
            ],
            [BASE, add("I used SQL, AWS and GCP at IBM and AT&T.")],
        ),
        "paste.html": (
            [Ex(text=_HTML)],
            [BASE, add("I know the <NAME> field & the <b> key well.")],
        ),
        "paste.quoted": ([Ex(edits=((_SIGNED, _QUOTED),))], [BASE]),
    }
)
