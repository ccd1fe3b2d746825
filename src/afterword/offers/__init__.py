"""Pasted job offers: extract the facts, each with the span of the offer text it came from.

Offline rules handle US, UK and Indian forms ("$85,000 per annum", "£42k", "INR 12,00,000
CTC", "start on Monday, 4 January 2027", bullet lists, signature blocks). A placeholder is
never taken as a fact. The text is data: instructions inside it are never followed.
"""

from .fields import period_after
from .model import Contact, OfferFacts, Period, Salary, Span
from .patterns import PLACEHOLDER
from .reader import MAX_OFFER_CHARS, clean, extract, fill_facts, to_facts_mapping

__all__ = [
    "MAX_OFFER_CHARS",
    "PLACEHOLDER",
    "Contact",
    "OfferFacts",
    "Period",
    "Salary",
    "Span",
    "clean",
    "extract",
    "fill_facts",
    "period_after",
    "to_facts_mapping",
]
