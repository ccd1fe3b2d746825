"""Structure: each kind's parts are present and in order (career-advice letter models)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from ..drafting.phrasing import Reader, to_reader, topic
from ..models import Channel, Kind
from ..names import looks_like_name
from .doc import Doc
from .lexicon import load, phrases_regex
from .overlap import mentioned
from .registry import Hit, lexicon_rule, present, rule

K = Kind
# The later kinds that thank the reader (written offer request, check-in, thanks after landing).
LATER_THANKS = [K.WRITTEN_OFFER_REQUEST, K.REFERENCE_CHECK_IN, K.THANKS_AFTER_LANDING]


@rule("structure.sign_off", "error", "No sign-off line (such as 'Sincerely,') before your name")
def _sign_off(doc: Doc) -> Iterator[Hit]:
    if doc.closing is not None:
        return
    last = doc.text.rstrip().rsplit("\n", 1)[-1].strip()
    informal = doc.salutation and re.match(
        r"(?:Hi|Hey|Hello|Bonjour|Hola|Hej|Hallo|Ciao|Oi|Ol[aá]|Salut)\b", doc.salutation.text, re.I
    )
    if informal and last and looks_like_name(last) and len(last.split()) <= 3:
        # "I owe you a coffee!  Hiroshi": a note on first names may end with the name alone
        yield Hit(None, None, "a short sign-off above your name reads warmer", None, "suggestion")
        return
    yield Hit(None, None)


@rule("structure.subject", "error", "An email needs a subject line")
def _subject(doc: Doc) -> Iterator[Hit]:
    if doc.facts.channel is not Channel.EMAIL or doc.posted:
        return
    fix = None
    if doc.facts.position and not doc.inferred:
        fix = "Subject: " + doc.suggested_subject
    if doc.subject is None:
        # A body pasted alone: the subject may well be in the mail client already.
        yield Hit(None, None, "add one if you send it by email", fix, "suggestion")
    elif not doc.subject.strip():
        yield Hit(None, None, "the subject is empty", fix)


@rule(
    "structure.thanks",
    "error",
    "The letter does not thank the reader",
    [K.THANK_YOU, K.NETWORKING_THANKS, K.ACCEPTANCE, K.EXTENSION, K.DECLINE, *LATER_THANKS],
)
def _thanks(doc: Doc) -> Iterator[Hit]:
    if not present(doc, "structure", "thanks"):
        yield Hit(None, None)


@rule(
    "structure.next_step",
    "error",
    "No next step: say what you will do or what you expect",
    [K.THANK_YOU],
)
def _next_step(doc: Doc) -> Iterator[Hit]:
    if present(doc, "structure", "next_step"):
        return
    step = doc.facts.next_step
    if step and step.text and fuzz.partial_ratio(step.text.lower(), doc.body.text.lower()) >= 85:
        return
    yield Hit(None, None)


@rule(
    "structure.specific_point",
    "error",
    "Nothing specific from the interview: mention one point you discussed",
    [K.THANK_YOU],
)
def _specific(doc: Doc) -> Iterator[Hit]:
    iv = doc.facts.interview
    wanted = [*(iv.points if iv else []), *([iv.clarification] if iv and iv.clarification else [])]
    if doc.recipient is not None:  # the reader's own plan is written "your plan"
        reader = Reader.of(doc.recipient)
        wanted += [to_reader(topic(w), reader) for w in wanted]
    if wanted and not any(mentioned(w, doc) for w in wanted):
        yield Hit(None, None, f'for example "{wanted[0]}"')


@rule(
    "structure.enthusiasm",
    "warning",
    "No enthusiasm for the job or the organization",
    [K.THANK_YOU, K.INQUIRY, K.EXTENSION, K.ACCEPTANCE, K.STAY_IN_TOUCH, K.WRITTEN_OFFER_REQUEST],
)
def _enthusiasm(doc: Doc) -> Iterator[Hit]:
    if not present(doc, "structure", "enthusiasm"):
        yield Hit(None, None)


def _first(doc: Doc, name: str) -> int | None:
    m = phrases_regex("structure", name).search(doc.body.text)
    return doc.body.start + m.start() if m else None


@rule("structure.decline_stated", "error", "The decline is never stated plainly", [K.DECLINE])
def _decline_stated(doc: Doc) -> Iterator[Hit]:
    if _first(doc, "decline") is None:
        yield Hit(None, None, suggestion="I must decline your offer")


@rule(
    "structure.decline_order",
    "error",
    "The letter opens with the refusal: thank them first, give the reason, then decline",
    [K.DECLINE],
)
def _decline_order(doc: Doc) -> Iterator[Hit]:
    sentences = doc.sentences
    at = _first(doc, "decline")
    if at is None or not sentences:
        return
    first = sentences[0]
    if first.start <= at < first.end:
        yield Hit(first.start, first.end)


def negated(text: str, start: int, regrets: bool = True) -> bool:
    """Say whether a phrase at `start` is negated earlier in its clause ("unable to accept");
    a negation before ", so", ", but" or ";" is another clause's ("I haven't heard, so I
    wanted to check whether the timeline has changed"). With `regrets`, "I regret" and
    "unfortunately" negate too: they turn an acceptance into a decline, where "with regret,
    I withdraw" or "unfortunately I must resign" still withdraws or resigns."""
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n\n", 0, start), 0)
    window = text[max(sentence_start, start - 60) : start]
    window = _CLAUSE_BREAK.split(window)[-1]
    if phrases_regex("structure", "negators").search(window):
        return True
    return regrets and phrases_regex("structure", "regrets").search(window) is not None


_CLAUSE_BREAK = re.compile(r";|,\s+(?:so|but|and so|yet|and now|which is why)\b", re.I)


@rule("structure.decline_accepts", "error", "A decline must not read as an acceptance", [K.DECLINE])
def _decline_accepts(doc: Doc) -> Iterator[Hit]:
    body = doc.body.text
    for m in phrases_regex("structure", "accept").finditer(body):
        if not negated(body, m.start()):
            yield Hit(doc.body.start + m.start(), doc.body.start + m.end(), f'"{m.group()}"')
            return


@rule(
    "structure.positive_close",
    "warning",
    "End on a sincere, positive note",
    [K.DECLINE, K.WITHDRAWAL, K.RESIGNATION],
)
def _positive_close(doc: Doc) -> Iterator[Hit]:
    prose = [s for s in doc.sentences if len(s.text.split()) >= 3]
    if not prose:
        return
    closing = doc.closing.text if doc.closing else ""
    if phrases_regex("structure", "cordial_closings").search(closing):
        return  # "With thanks and best wishes," is itself the cordial close
    pattern = phrases_regex("structure", "positive_close")
    last = prose[-1]  # the last sentence of prose, never a contact or signature line
    if pattern.search(last.text):
        return
    if doc.kind is K.RESIGNATION and phrases_regex("structure", "transition").search(last.text):
        return  # a promise to hand the work over cleanly is a good last word when leaving
    yield Hit(last.start, last.end)


def _must_say(rule_id: str, message: str, kinds: list[Kind], lexicon: str, fix: str) -> None:
    def matcher(doc: Doc) -> Iterator[Hit]:
        body = doc.body.text
        found = phrases_regex("structure", lexicon).finditer(body)
        regrets = lexicon == "accept_any"
        if not any(not negated(body, m.start(), regrets) for m in found):
            yield Hit(None, None, suggestion=fix)

    rule(rule_id, "error", message, kinds)(matcher)


_must_say(
    "structure.acceptance_stated",
    "The acceptance is not stated plainly",
    [K.ACCEPTANCE],
    "accept_any",
    "I am pleased to accept your offer",
)
_must_say(
    "structure.resignation_stated",
    "The letter never says you are resigning",
    [K.RESIGNATION],
    "resign",
    "Please accept this letter as notice of my resignation",
)
_must_say(
    "structure.status_question",
    "The letter never asks about the status",
    [K.INQUIRY],
    "status",
    "Is there any news about the position?",
)
_must_say(
    "structure.withdrawal_stated",
    "The letter never withdraws the application",
    [K.WITHDRAWAL],
    "withdraw",
    "I would like to withdraw my application",
)


lexicon_rule(
    "structure.role_reversal",
    "error",
    "Written from the wrong side: you are the candidate, not the interviewer",
    "structure",
    "role_reversal",
)


lexicon_rule(
    "structure.contradiction",
    "error",
    "Takes back the decision: the letter says you are not joining",
    "structure",
    "contradicts_leaving",
    [K.WITHDRAWAL, K.DECLINE],
)


@rule("structure.transition", "warning", "Offer to help with the transition", [K.RESIGNATION])
def _transition(doc: Doc) -> Iterator[Hit]:
    if not present(doc, "structure", "transition"):
        yield Hit(None, None)


@rule(
    "structure.reference_request",
    "warning",
    "Ask your reference to tell you if they are contacted",
    [K.REFERENCE_UPDATE],
)
def _reference_request(doc: Doc) -> Iterator[Hit]:
    if not present(doc, "structure", "reference_request"):
        yield Hit(None, None)


@rule(
    "structure.reason",
    "warning",
    "The reason from your facts is not given",
    [K.DECLINE, K.EXTENSION],
)
def _reason(doc: Doc) -> Iterator[Hit]:
    d = doc.facts.decision
    if d and d.reason and not mentioned(d.reason, doc, 75):
        yield Hit(None, None, f'"{d.reason}"')


@rule("structure.two_sign_offs", "error", "The letter signs off twice")
def _two_sign_offs(doc: Doc) -> Iterator[Hit]:
    """ "Best regards, Priya Raghunathan" and then "Thanks, Priya": two endings pasted together."""
    closings = list(phrases_regex("structure", "closings", anchored=True).finditer(doc.text))
    signed = [m for m in closings if looks_like_name(_next_line(doc.text, m.end()))]
    for m in signed[1:]:
        yield Hit(m.start(), m.end(), f'"{m.group().strip()}"')


def _next_line(text: str, at: int) -> str:
    rest = text[at:].lstrip("\n")
    return rest.split("\n", 1)[0].strip() if rest else ""


@rule("structure.closing_slip", "error", "The sign-off has a slip")
def _closing_slip(doc: Doc) -> Iterator[Hit]:
    """ "Your sincerely", "Kind regard": a sign-off one letter or word off; and, as a
    warning, "Yours faithfully" to a reader greeted by name (it goes with "Dear Sir or
    Madam"; a named reader gets "Yours sincerely")."""
    if doc.closing is None:
        return
    line = doc.closing.text
    for entry in load("structure")["closing_slips"]:
        m = re.match(entry["pattern"], line, re.I)
        if m:
            fix = entry["fix"].format(**{k: v or "" for k, v in m.groupdict().items()})
            start = doc.closing.start
            yield Hit(start, start + m.end(), f'"{m.group()}" (write "{fix}")', fix)
            return
    sal = doc.salutation.text if doc.salutation else ""
    named = bool(sal) and not phrases_regex("structure", "unnamed_greeting").search(sal)
    if named and re.match(r"Yours\s+faithfully\b", line, re.I):
        end = doc.closing.start + len("Yours faithfully")
        detail = f'"Yours faithfully" closes a letter to "Dear Sir or Madam", not "{sal}"'
        yield Hit(doc.closing.start, end, detail, "Yours sincerely", "warning")
