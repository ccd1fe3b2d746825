"""Exports: text, .eml, .docx and mailto carry the whole letter."""

from __future__ import annotations

import email
import io
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from docx import Document

from afterword.export import file_stem, mailto, to_docx, to_eml, to_txt
from afterword.models import Kind
from afterword.pipeline import draft_offline

from .conftest import example_facts


def _letter():  # type: ignore[no-untyped-def]
    facts = example_facts(Kind.THANK_YOU)
    return facts, draft_offline(facts)[0]


def test_txt_has_subject_and_body() -> None:
    _, letter = _letter()
    text = to_txt(letter).decode()
    assert text.startswith("Subject: Thank you") and letter.text in text


def test_eml_opens_as_a_draft() -> None:
    facts, letter = _letter()
    msg = email.message_from_bytes(to_eml(letter, facts))
    assert msg["To"] == "Tom Jones <tjones@abc.example>" and msg["X-Unsent"] == "1"
    assert msg["Subject"] == letter.subject
    assert "Dear Mr. Jones," in msg.get_payload(decode=True).decode()


def test_docx_keeps_every_line() -> None:
    _, letter = _letter()
    doc = Document(io.BytesIO(to_docx(letter)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Dear Mr. Jones," in text and "Jane Doe" in text
    assert len(doc.paragraphs) == letter.text.strip().count("\n\n") + 1


def test_mailto_round_trips() -> None:
    facts, letter = _letter()
    url = urlparse(mailto(letter, facts))
    assert url.scheme == "mailto" and unquote(url.path) == "tjones@abc.example"
    query = parse_qs(url.query)
    assert query["body"][0] == letter.text and query["subject"][0] == letter.subject
    assert file_stem(letter) == "thank-you-tom-jones"


def test_an_eml_without_an_address_leaves_to_for_the_mail_app() -> None:
    facts, letter = _letter()
    bare = facts.model_copy(
        update={"recipients": [r.model_copy(update={"email": None}) for r in facts.recipients]}
    )
    msg = email.message_from_bytes(to_eml(letter, bare))
    assert msg["To"] is None and msg["X-Unsent"] == "1"


def test_a_letter_with_errors_is_marked_in_its_file_name() -> None:
    _, letter = _letter()
    broken = letter.model_copy(update={"passed": False})
    assert file_stem(broken) == "thank-you-tom-jones-NOT-READY"


@pytest.mark.parametrize(
    ("reader", "stem"),
    [
        ("Seán O'Brien", "thank-you-sean-o-brien"),
        ("Zoë Müller-Lefèvre", "thank-you-zoe-mueller-lefevre"),
        ("Łukasz Wiśniewski", "thank-you-lukasz-wisniewski"),
        ("Nguyễn Thị Mai", "thank-you-nguyen-thi-mai"),
    ],
)
def test_a_file_name_spells_an_accented_name_plainly(reader: str, stem: str) -> None:
    _, letter = _letter()
    assert file_stem(letter.model_copy(update={"recipient": reader})) == stem
