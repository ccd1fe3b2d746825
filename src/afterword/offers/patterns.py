"""The forms offers take, as regular expressions and lexicon tables."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..extract import HONORIFIC_WORDS
from .model import Period

PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}?\}|<[A-Za-z][A-Za-z _]{1,30}>|_{3,}|\bX{2,}[X,.]*\b"
    r"|\((?:start date|salary|candidate(?: name)?|name|position|job title|date|amount|company)\)",
    re.I,
)
# A capital in the Latin scripts companies are named in ("Ó Briain", "Łódź Tech", "Škoda").
UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆČŠŽŘĎŤŇŐŰĞİŞ"
COMPANY_NAME = (
    rf"(?P<co>(?:[{UPPER}][\w&'’.-]*|&|of|and|the)(?:[ \t]+(?:[{UPPER}][\w&'’.-]*|&|of|and|for)){{0,8}}"
    r"(?:,? (?:Inc|LLC|Ltd|Limited|LLP|plc|GmbH|Pvt\.? Ltd|Private Limited|Corp|Co)\.?)?)"
)
TITLE_WORDS = r"[A-Z][\w/&'’+-]*(?:[ \t]+(?:[A-Z][\w/&'’+-]*|of|and|&|for|in|-|–|I{1,3}|IV)){0,8}"
POSITION_PATTERNS = [
    r"(?:Position|Job Title|Title|Role|Designation)[ \t]*[:\-–][ \t]*(?P<t>[^\n]+)",
    rf"\b(?:position|role|post) of (?:an? )?(?P<t>{TITLE_WORDS})",
    rf"\boffer you (?:the |a |an )?(?:position|role|post|job) (?:as|of) (?:an? )?(?P<t>{TITLE_WORDS})",
    rf"\boffer you (?:the |a |an )?(?P<t>{TITLE_WORDS}) (?:position|role|job|post)\b",
    rf"\b(?:the |a |an |our )(?P<t>{TITLE_WORDS}) (?:position|role|job|post)\b",
    rf"\b(?:join|joining) [^\n.]{{0,60}}? as (?:an? |our )?(?P<t>{TITLE_WORDS})",
    rf"\bas (?:an? |our )(?P<t>{TITLE_WORDS})(?=[,.]| (?:at|with|in|on|for)\b)",
]
COMPANY_PATTERNS = [
    r"(?:Company|Employer|Organi[sz]ation)[ \t]*[:\-–][ \t]*(?P<co>[^\n]+)",
    rf"\b[Oo]n behalf of (?:the )?(?:team at |everyone at |all of us at )?{COMPANY_NAME}",
    rf"\b{COMPANY_NAME},? (?:(?:is|are) (?:very |so )?(?:pleased|delighted|happy|excited|thrilled)|would like to|wants to|(?:has )?made (?:me|you)|(?:has )?offered (?:me|you))",
    rf"\b(?:position|role|post) of [^\n.]{{1,60}}? (?:at|with) {COMPANY_NAME}",
    rf"\bGreetings from {COMPANY_NAME}",
    rf"\binterview(?:ing|ed|s)? (?:with|at) {COMPANY_NAME}",
    rf"\b(?:offer of employment|employment offer|offer|employment) (?:with|from|at) {COMPANY_NAME}",
    rf"\b(?:join|joining) (?:the team at |us at |the [\w ]{{1,30}} team at )?{COMPANY_NAME}",
    rf"\b(?:position|role) (?:at|with) {COMPANY_NAME}",
]
STOP_COMPANY = re.compile(r"^(?:us|our|the team|you|We|I|This|The|Our)$", re.I)
START_KEYS = re.compile(
    r"\b(?:start(?:s|ing)?(?: date)?|commence(?:ment)?(?: date)?|joining date|date of joining"
    r"|first day|begin(?:ning)?|report(?:ing)? (?:to work|for duty|date))\b",
    re.I,
)
RESPOND_KEYS = re.compile(
    r"\b(?:respond|reply|response|answer|let (?:us|him|her|them|me) know|hear (?:back )?from you|confirm|acceptance|accept|sign(?:ed)? and return"
    r"|return (?:the|a) signed|deadline|valid until|expires?|open until|decision by|no later than)\b",
    re.I,
)
PERIODS: list[tuple[str, Period]] = [
    (
        r"per annum|per year|a year|annually|annual|/ ?(?:year|yr|annum)|p\.a\.|yearly|CTC|LPA",
        "year",
    ),
    (r"per month|a month|monthly|/ ?(?:month|mo)\b|p\.m\.", "month"),
    (r"per week|a week|weekly|/ ?(?:week|wk)", "week"),
    (r"per day|a day|daily|/ ?day", "day"),
    (r"per hour|an hour|hourly|/ ?(?:hour|hr)", "hour"),
]
SALARY_KEYS = re.compile(
    r"\b(?:salary|compensation|pay|CTC|stipend|rate|wage|remuneration|base)\b", re.I
)
# Amounts that are not the pay: the nearest of these before an amount rules it out.
NOT_PAY_KEYS = re.compile(
    r"\b(?:bonus|allowance|relocation|reimburse\w*|sign(?:ing|-on)|joining bonus|commission"
    r"|equity|stock|RSUs?|options|401\(?k\)?|pension|superannuation|insurance|premium|deductible"
    r"|budget|tuition|gym|per diem|expenses?|travel|housing|phone|internet|meals?|learning"
    r"|training|match(?:ing)?|contribution|award|incentive|referral|retention|severance"
    r"|overtime|HRA|house rent|gratuity|provident|PF|conveyance|LTA|variable|deduction|tax)\b",
    re.I,
)
LEXICON = yaml.safe_load((Path(__file__).parent.parent / "lexicons" / "offers.yaml").read_text())
CONDITIONS: dict[str, str] = LEXICON["conditions"]
BENEFITS: dict[str, str] = LEXICON["benefits"]
CLOSINGS = re.compile(
    r"^[ \t]*(?:Sincerely|Yours sincerely|Yours faithfully|Yours truly|Best regards|Kind regards"
    r"|Warm regards|Regards|Best|Best wishes|Cheers|Thanks|Thank you|With best wishes|Warmly"
    r"|Thanks (?:&|and) regards|Talk soon|Speak soon|All the best|Many thanks)"
    r"[ \t]*,?[ \t]*$",
    re.I | re.M,
)
HONORIFIC_HEAD = re.compile(rf"^({HONORIFIC_WORDS})\.?\s+", re.I)
VERBAL = re.compile(
    r"\bverbal(?:ly)? offer\b|\bverbal(?:ly)?\b.{0,40}\boffer\b|\boffer(?:ed)?\b.{0,60}\b(?:over the phone|on the phone|by phone|on (?:a|the|our) call)\b"
    r"|\b(?:over the phone|on the phone|by phone|on (?:a|the|our) call)\b.{0,60}\boffer",
    re.I | re.S,
)
IN_WRITING = re.compile(
    r"\b(?:attached|enclosed|this letter|offer letter is attached|in writing)\b", re.I
)
