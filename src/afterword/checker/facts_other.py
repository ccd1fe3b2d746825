"""Facts: another organization or job named where this one belongs.

The classic slip of a letter adapted from the last one: "I am even more excited to join Lumora
Apps" in a letter to Brightwave, or "very interested in the Data Analyst role" when the job is
Data Engineer II, while the right name appears elsewhere in the letter. Only the places where
the letter speaks of this job are read ("join X", "the team at X", "the X role"), and a
sentence about another offer or a former job ("another", "current", "previous") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from ..extract import HONORIFIC_WORDS
from ..models import Kind
from ..names import fold
from .doc import Doc
from .facts_rules import company_forms
from .grounding import first_names
from .known import fact_strings
from .registry import Hit, rule

# "Co.uk" keeps its dot, "Apps." does not; "eMarq" and "iHerb" start in lower case.
_WORD = r"(?:(?<![\w'’])[a-z]{1,2}(?=[A-Z]))?[A-Z][\w'’&+/-]*(?:\.(?![ \t\n]|$))?"
_LINK = r"(?:(?:&|of|and|de|la|der|von|van|du|y)[ \t]+)?"  # "Procter & Gamble", "Banco de Chile"
_ORG = rf"(?P<org>{_WORD}(?:[ \t]+{_LINK}{_WORD}){{0,4}})"
# Where a letter names the organization it is writing to.
_AT_ORG = re.compile(
    rf"\b(?:join(?:ing)?|(?:team|people|everyone|colleagues|career|role|position|opportunity|"
    rf"mission|culture)[ \t]+at|(?:to|in)[ \t]+work(?:ing)?[ \t]+(?:at|for)|"
    rf"interview(?:ed|ing)?[ \t]+(?:with|at)|(?:anyone|someone|somebody)[ \t]+from|"
    rf"bring(?:ing)?[ \t]+(?:my|this|that|these|the)\b[^.!?\n]{{0,50}}?[ \t]to)[ \t]+{_ORG}"
)
_TITLE = rf"(?P<title>{_WORD}(?:[ \t]+{_LINK}{_WORD}){{0,4}})"
# Where a letter names the job: "the Data Analyst role", "the position of Data Analyst",
# "to join Acme as Data Analyst".
_JOB = re.compile(
    rf"\bthe[ \t]+{_TITLE}[ \t]+(?:role|position|job|opening|post|vacancy)\b|"
    rf"\b(?:position|role|post)[ \t]+of[ \t]+{_TITLE.replace('title', 'title2')}|"
    rf"\b(?:join(?:ing)?|start(?:ing)?|offer)\b(?:[^.!?\n]|\.(?![ \t]+[A-Z])){{0,80}}?[ \t]as[ \t]+"
    rf"(?:(?:an?|the|your|our)[ \t]+)?{_TITLE.replace('title', 'title3')}"
)
# A sentence about another employer or job, past or other.
_OTHER = re.compile(
    r"\b(?:another|other|elsewhere|current(?:ly)?|previous(?:ly)?|former(?:ly)?|last|prior|"
    r"competing|used to|at the moment|now[ \t]+(?:work|working|employed|based|at|with)|"
    r"(?:am|['’]m|are)[ \t]+now|before|ago|earlier|was|were)\b",
    re.I,
)
# Words a capitalised run may start with that are not a name: sentence openers, pronouns.
_NOT_NAME = frozenset(
    "I We You The This That My Our Your It He She They Mr Mrs Ms Dr Prof Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)
_ABOUT_THIS_JOB = [
    Kind.THANK_YOU,
    Kind.INQUIRY,
    Kind.ACCEPTANCE,
    Kind.EXTENSION,
    Kind.WRITTEN_OFFER_REQUEST,
    Kind.PROMISED_FOLLOW_UP,
    Kind.PHONE_FOLLOW_UP,
    Kind.STAY_IN_TOUCH,
]


def _known(text: str, doc: Doc) -> bool:
    """Say whether a name is one the facts give (or close to one: a misspelling is
    facts.company's or names.misspelt's to report)."""
    said = fold(text).lower().strip(" .,")
    for value in fact_strings(doc.facts):
        known = fold(value).lower()
        if said in known or known in said or fuzz.ratio(said, known) >= 80:
            return True
        if fuzz.partial_ratio(said, known) >= 90 and len(said) >= 4:
            return True
    return False


@rule("facts.company_other", "error", "Another organization is named where yours belongs")
def _company_other(doc: Doc) -> Iterator[Hit]:
    """A slip of the company's name is wrong in any letter; another organization is wrong
    only in a letter about this job (a decline may well name the offer taken instead)."""
    resigning = doc.kind is Kind.RESIGNATION
    company = (doc.facts.candidate.current_employer if resigning else None) or doc.facts.company
    if not company or doc.inferred:
        return
    about_this_job = doc.kind in _ABOUT_THIS_JOB
    body, seen = doc.body, set()
    # a name with its legal form first, so "Acme Ltd" is read whole where "join Acme" also is
    wished = [m for r in _READERS_ORG for m in r.finditer(body.text)]
    readers = {m.start("org") for m in wished}
    found = [*_LEGAL_ORG.finditer(body.text), *_AT_ORG.finditer(body.text)]
    for m in [*found, *wished]:
        org = re.sub(r"['’]s$", "", m.group("org").rstrip(".,"))
        start = body.start + m.start("org")
        if start in seen:
            continue
        seen.add(start)
        wishing = m.start("org") in readers and not resigning  # "I wish Nordvik every success"
        if wishing and not _slip_of(org, company) and _employer(doc, org, start):
            if not _known(org, doc):
                yield Hit(start, start + len(org), f'"{org}"; the facts say "{company}"', company)
            continue
        if _slip_of(org, company):  # "Harbourview Software Ltd." for Harbourline Software Ltd.
            end = _legal_end(doc.text, start + len(org), company)
            said = doc.text[start:end]
            yield Hit(start, end, f'"{said}" is not how the facts write it', company)
            continue
        if resigning:  # the job being left: its name is the current employer's, only
            leaving = _LEAVING.search(doc.sentence_at(start)) and not _NEW_JOB.search(
                doc.sentence_at(start)
            )
            if leaving and _employer(doc, org, start) and not _slip_of(org, company):
                said = fold(org).lower().strip(" .,")
                forms = [fold(f).lower().strip(" .,") for f in company_forms(company) if f]
                if not any(said in f or f in said for f in forms):
                    yield Hit(start, start + len(org), f'"{org}"; you work at "{company}"', company)
            continue
        if not about_this_job or not _employer(doc, org, start) or _known(org, doc):
            continue
        yield Hit(start, start + len(org), f'"{org}"; the facts say "{company}"', company)


# Where any letter names the reader's own organization: wishing it well, or having learnt
# about its plans ("I wish Nordvik Consulting every success", "learning about Paystack's plans").
_READERS_ORG = (
    re.compile(
        rf"\b(?:wish(?:ing)?|wishes)[ \t]+{_ORG}[ \t]+(?:every|continued|all the|much|great|"
        r"the very|the best|well)\b"
    ),
    re.compile(
        rf"\b(?:learning|hearing|learn|hear|heard|learned|learnt)[ \t]+(?:more[ \t]+)?about[ \t]+"
        rf"{_ORG}(?=['’]s\b)"
    ),
)
# In a resignation, the sentences about the job being left, and those about the next one.
_LEAVING = re.compile(
    r"\b(?:resign\w*|notice|my (?:position|role|post|time|years?)|here at|working (?:at|for))\b",
    re.I,
)
_NEW_JOB = re.compile(r"\b(?:new|accepted|join(?:ing)?|offer|another|elsewhere|next)\b", re.I)


def _employer(doc: Doc, org: str, start: int) -> bool:
    """Say whether a capitalised run where a letter names its employer is one: not a
    pronoun or a day, someone's team ("join Maria's team"), a person ("join Kasia and the
    team"), or said of another, past or current job."""
    first = org.split()[0]
    if first in _NOT_NAME or org.endswith(("'s", "’s")) or first.lower() in first_names():
        return False
    if _SOMEONE_AT.search(doc.text, max(0, start - 60), start):
        return False  # "Mr. Okonkwo at Hays plc", "my recruiter at Hays": where someone works
    clause = _clause_at(doc, start)
    return not _OTHER.search(clause) and not _SEEN_BEFORE.search(clause)


def _clause_at(doc: Doc, start: int) -> str:
    """Return the clause a name stands in: its sentence from the last ", and", "and would",
    ";" or ", but" before it, so "at my current company and would be glad to bring that
    experience to the team at Novartis" reads the second clause alone."""
    sentence = doc.sentence_at(start)
    at = doc.text.rfind(sentence[:40], 0, start + 1) if sentence else -1
    if at < 0:
        return sentence
    before = doc.text[at:start]
    cut = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    return before[cut:] + doc.text[start : at + len(sentence)]


# A clause on the writer's own past: "what I saw at Ahold Delhaize", "where I worked".
_SEEN_BEFORE = re.compile(r"\bI[ \t]+(?:saw|have seen|worked|spent|learned|learnt|led)\b")
_CLAUSE = re.compile(r";|,?[ \t]+(?:and|but|while|whereas)[ \t]+(?=(?:I|we|would|will|am|now)\b)")


# Someone's workplace: a person or a role just before "at"/"from"/"with" and the name.
_SOMEONE_AT = re.compile(
    r"(?:\b(?:recruiter|agent|headhunter|consultant|friend|colleague|contact|mentor|manager|"
    r"referee|reference|classmate|partner|client|sister|brother|cousin|someone|people|person)s?"
    rf"|\b(?:{HONORIFIC_WORDS})\.?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?"
    r")(?:,[^,.!?\n]{1,40},)?[ \t]+(?:at|from|with|of)[ \t]+$"
)


# A name with a legal form after it is an organization wherever it stands ("Maple Leaf
# Analytics Inc."), the form kept in the match.
_LEGAL_ORG = re.compile(
    rf"(?P<org>{_WORD}(?:[ \t]+{_LINK}{_WORD}){{0,4}},?[ \t]+(?:Inc|Ltd|LLC|LLP|Corp|GmbH|"
    rf"plc|PLC|AG|SE|S\.A|SA|BV|B\.V|NV|N\.V|Pty|Pvt|AB|ASA|Oy|KK|K\.K|SAS|SRL|S\.r\.l|Lda|"
    rf"Ltda|JSC|Tbk|SpA|S\.p\.A)\b\.?)"
)


_DOTTED = re.compile(r"(?:\.[A-Za-z]{1,3})+\.?")


def _legal_end(text: str, end: int, company: str) -> int:
    """Extend a name over a dotted legal form it stops inside ("Andes Cargo S" + ".A."), and
    over a full stop only when the facts' name ends with one ("Ltd.")."""
    m = _DOTTED.match(text, end)
    if m:
        return m.end()
    return end + 1 if company.endswith(".") and text[end : end + 1] == "." else end


def _slip_of(org: str, company: str) -> bool:
    """Say whether an organization's name is the company's with a letter or two wrong: close,
    but none of the ways a letter may write it ("Acme Corp." or "Acme")."""
    said = re.sub(r"['’]s$", "", fold(org).lower().strip(" .,"))  # "ABC Company's team"
    forms = {fold(f).lower().strip(" .,") for f in company_forms(company) if f}
    if said in forms or any(f.startswith(said) for f in forms):
        return False  # as the facts write it, or its start ("Andes" for Andes Carga S.A.)
    return max(fuzz.ratio(said, f) for f in forms) >= 85


@rule(
    "facts.position_other",
    "error",
    "Another job title is named where yours belongs",
    [k for k in Kind if k is not Kind.RESIGNATION],
)
def _position_other(doc: Doc) -> Iterator[Hit]:
    position = doc.facts.position
    if not position or doc.inferred:
        return
    body = doc.body
    for m in _JOB.finditer(body.text):
        group = next(g for g in ("title", "title2", "title3") if m.group(g))
        title = m.group(group)
        start = body.start + m.start(group)
        if title.split()[0] in _NOT_NAME:
            continue
        if _known(title, doc) and not rank_differs(title, position):
            continue
        if _OTHER.search(doc.sentence_at(start)):
            continue
        yield Hit(start, start + len(title), f'"{title}"; the facts say "{position}"', position)


# Words that set a job's level, not its trade: "Senior Data Analyst" is not the Data Analyst
# job offered, nor "Software Engineer III" the "Software Engineer II" one.
_RANK = {
    **dict.fromkeys("junior jr".split(), "junior"),
    **dict.fromkeys("senior sr snr".split(), "senior"),
    **{
        w: w
        for w in "lead principal staff chief head associate assistant deputy intern "
        "trainee graduate apprentice entry mid ii iii iv v vi 1 2 3 4 5".split()
    },
}
_RANK_WORD = re.compile(r"[\w]+")


def rank_differs(said: str, position: str) -> bool:
    """Say whether a title names the same trade as the position at another level: a level
    word ("Senior", "Lead", "II") added, dropped or changed."""

    def core(title: str) -> str:
        return " ".join(w for w in _RANK_WORD.findall(fold(title).lower()) if w not in _RANK)

    said_core, job_core = core(said), core(position)
    return (
        ranks(said) != ranks(position) and bool(job_core) and fuzz.ratio(said_core, job_core) >= 85
    )


def ranks(title: str) -> set[str]:
    """Return the level words of a job title, in one spelling ("Sr." and "Senior" alike)."""
    return {_RANK[w] for w in _RANK_WORD.findall(fold(title).lower()) if w in _RANK}


@rule(
    "structure.two_employers",
    "warning",
    "Two organizations are named as the employer",
    _ABOUT_THIS_JOB,
)
def _two_employers(doc: Doc) -> Iterator[Hit]:
    """A letter read alone cannot be compared with the facts' company, but it can with itself:
    "the iOS Engineer position at Brightwave GmbH" and then "the opportunity to join Lumora
    Apps" is a letter adapted from the last one. Rules with facts (facts.company_other) say
    which name is right; alone, the later one is pointed out to check."""
    if not doc.inferred:
        return
    body, first, last_end = doc.body, None, -10
    found = sorted(
        [*_LEGAL_ORG.finditer(body.text), *_AT_ORG.finditer(body.text)],
        key=lambda m: m.start("org"),
    )
    for m in found:
        org = m.group("org").rstrip(".,")
        start = body.start + m.start("org")
        joined = _JOINED.fullmatch(body.text, last_end, m.start("org")) is not None
        last_end = max(last_end, m.end("org"))
        if joined or not _employer(doc, org, start):
            continue  # "Acero" and "Norte S.A." of "Acero del Norte S.A.": one name
        if first is None:
            first = org
        elif _spelt_apart(org, first):  # "Fairbanks Creative", then "Fairbank Creative"
            detail = f'"{first}" and "{org}": one of the two spellings is wrong'
            yield Hit(start, start + len(org), detail, first, "error")
            return
        elif not _same_org(org, first):
            detail = f'"{first}" and "{org}": check which one you mean'
            yield Hit(start, start + len(org), detail)
            return


# What joins two capitalised parts of one name: "del", "do", "to" ("Umi to Yama Co., Ltd").
_JOINED = re.compile(r"[ \t]+(?:[a-z]{1,3}[ \t]+)?")


def _spelt_apart(a: str, b: str) -> bool:
    """Say whether two mentions are one name spelt two ways: close, but neither is the
    other's short form ("Fairbank Creative" for Fairbanks Creative)."""
    x, y = (fold(company_forms(n)[-1]).lower() for n in (a, b))
    return x != y and x not in y and y not in x and fuzz.ratio(x, y) >= 85


def _same_org(a: str, b: str) -> bool:
    """Say whether two mentions name one organization ("Brightwave" and "Brightwave GmbH")."""
    x, y = (fold(company_forms(n)[-1]).lower() for n in (a, b))
    return x in y or y in x or fuzz.ratio(x, y) >= 80
