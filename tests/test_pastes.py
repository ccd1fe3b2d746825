"""Messy pastes: HTML email bodies, UTF-16 files, empty letters, replies above quoted history.

The checker reads what a person sees (the text an HTML body shows, the new message above a
thread) while every finding still points into the text as pasted.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.checker import check
from afterword.checker.normalize import normalize
from afterword.cli import app
from afterword.errors import InputError
from afterword.facts import decode_text
from afterword.models import Kind

from .conftest import example_facts

runner = CliRunner()

_FINE = (
    "Dear Ms. Nakamura,",
    "Thank you for meeting with me on Tuesday about the Field Engineer role at Kōbe Robotics. "
    "I enjoyed our talk about the the new welding cells.",
    "Best regards,",
    "Zeynep Yılmaz",
)
_SLIP = "the the"  # the one finding every version of the letter must point at


def _doubled(raw: str) -> list[str]:
    report = check(raw, None, Kind.THANK_YOU)
    return [raw[f.start : f.end] for f in report.findings if f.rule == "mechanics.doubled_word"]


def _rules(raw: str) -> set[str]:
    return {f.rule for f in check(raw, None, Kind.THANK_YOU).findings}


g, body, close, name = _FINE
HTML = [
    f"<html><body><p>{g}</p><p>{body}</p><p>{close}<br>{name}</p></body></html>",
    f'<div dir="ltr">{g}<div><br></div><div>{body}</div><div><br></div><div>{close}</div>'
    f"<div>{name}</div></div>",
    f'<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal '
    f"{{margin:0cm;}}</style></head><body><p class=MsoNormal>{g}<o:p></o:p></p>"
    f"<p class=MsoNormal>{body}<o:p></o:p></p><p class=MsoNormal>{close}<br>{name}<o:p></o:p>"
    "</p></body></html>",
    f"<P>{g}</P>\n<P>{body.replace('Kōbe', 'K&#333;be')}</P>\n<P>{close}<BR>\n{name}</P>",
    f"{g}<br><br>\n{body.replace(' about', '&nbsp;about')}<br><br>{close}<br>"
    f"{name.replace('ı', '&#305;')}",
    f"<!DOCTYPE html><html><head><title>Thanks</title></head><body><p>{g}</p>"
    f"<p>{body.replace('Tuesday', '<b>Tuesday</b>')}</p><p>{close}<br>{name}</p>"
    '<div style="color:#888">Sent from my phone</div></body></html>',
]


@pytest.mark.parametrize("raw", HTML)
def test_an_html_body_is_checked_as_the_text_it_shows(raw: str) -> None:
    shown = normalize(raw)
    assert shown.html and "<" not in shown.text and "&" not in shown.text
    assert "Dear Ms. Nakamura," in shown.text and "Zeynep Yılmaz" in shown.text
    assert _doubled(raw) == [_SLIP]  # found, and pointed at in the HTML as pasted
    rules = _rules(raw)
    assert "paste.html" in rules and "mechanics.placeholder" not in rules
    assert not {r for r in rules if r.startswith("names.")}


def test_entities_read_as_their_characters() -> None:
    raw = "<p>Dear Mr. O&rsquo;Brien,</p><p>I met the AT&amp;T team&nbsp;today &#8211; thanks.</p>"
    assert normalize(raw).text == "Dear Mr. O’Brien,\n\nI met the AT&T team today – thanks."


NOT_HTML = [
    "Dear <Hiring Manager Name>,\n\nThanks.\n",
    "The salary is < 50k and > 40k, I think.\n",
    "Regards to <NAME> and the R&D team at P&G.\n",
    "Press the <b> key & hold it.\n",
    "I wrote a parser for <table> markup at Q&A Ltd.\n",
]


@pytest.mark.parametrize("raw", NOT_HTML)
def test_text_with_angle_brackets_is_not_html(raw: str) -> None:
    shown = normalize(raw)
    assert not shown.html and shown.text == raw
    assert "paste.html" not in _rules(raw)


_NEW = "\n\n".join(_FINE) + "\n"
_OLD = (
    "Dear Sir or Madam, I really need this job at [Company Name]. Please advice me about the "
    "the next round."
)
THREADS = [
    f"{_NEW}\nOn Mon, 2 Nov 2026 at 10:00, Aiko Nakamura <a.nakamura@kobe.example> wrote:\n"
    + "".join(f"> {line}\n" for line in (_OLD, "", _OLD)),
    f"{_NEW}\nOn Monday, 2 November 2026 10:00, Aiko Nakamura\n<a.nakamura@kobe.example> "
    f"wrote:\n> {_OLD}\n",
    f"{_NEW}\nFrom: Aiko Nakamura <a.nakamura@kobe.example>\nSent: Monday, 2 November 2026 "
    f"10:00\nTo: Zeynep Yılmaz\nSubject: RE: Interview\n\n{_OLD}\n",
    f"{_NEW}\n-----Original Message-----\nFrom: Aiko Nakamura\n\n{_OLD}\n",
    f"{_NEW}\nAm 02.11.2026 um 10:00 schrieb Aiko Nakamura <a.nakamura@kobe.example>:\n> {_OLD}\n",
    f"> {_OLD}\n> {_OLD}\n\n{_NEW}",
    f"{g}\n\n> {_OLD}\n\n{body}\n\n{close}\n{name}\n",
    f"{_NEW}\n"
    + "".join(
        f"On Mon, {d} Nov 2026 at 10:00, Aiko Nakamura wrote:\n> {_OLD}\n> {_OLD}\n\n"
        for d in range(1, 30)
    )
    * 4,
]


@pytest.mark.parametrize("raw", THREADS)
def test_only_the_new_message_is_checked(raw: str) -> None:
    report = check(raw, None, Kind.THANK_YOU)
    spans = [raw[f.start : f.end] for f in report.findings if f.start is not None]
    assert _doubled(raw) == [_SLIP]
    assert raw.index(body) + body.index(_SLIP) == next(
        f.start for f in report.findings if f.rule == "mechanics.doubled_word"
    )
    assert not any(_OLD in raw[f.start or 0 : (f.end or 0) + len(_OLD)] for f in report.findings)
    assert not {"[Company Name]", "Dear Sir or Madam", "need this job", "advice"} & set(spans)
    assert "paste.quoted" in {f.rule for f in report.findings}


NOT_QUOTED = [
    _NEW,
    "From: Zeynep Yılmaz <z@example.com>\nTo: Aiko Nakamura <a@kobe.example>\nSubject: Thanks\n\n"
    + _NEW,
    "---------- Forwarded message ---------\nFrom: Zeynep Yılmaz <z@example.com>\nDate: Mon, 2 "
    "Nov 2026 at 09:14\nSubject: Thanks\n\n" + _NEW,
    _NEW.replace("I enjoyed", "On Tuesday you said the cells ship in May, and I enjoyed"),
]


@pytest.mark.parametrize("raw", NOT_QUOTED)
def test_a_letter_without_history_is_checked_whole(raw: str) -> None:
    assert not normalize(raw).quoted
    assert _doubled(raw) == [_SLIP]
    assert "paste.quoted" not in _rules(raw)


TEXTS = [
    "Dear Ms. Nakamura,\nThank you.\nZeynep Yılmaz\n",
    "Dzień dobry, Panie Łukasiewicz — dziękuję za rozmowę.\r\nPozdrawiam\r\n",
    "Kính gửi anh Nguyễn Văn Đức, cảm ơn anh.\n",
    "Plain ASCII letter to Mr. O'Brien at AT&T.\n",
]
WIDE = [
    lambda t: t.encode("utf-16"),  # Notepad's "Unicode": a BOM, little-endian
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.encode("utf-16-le"),  # no BOM
    lambda t: t.encode("utf-16-be"),
    lambda t: t.encode("utf-32"),
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("encode", WIDE)
def test_utf16_and_utf32_files_are_read(text: str, encode: object) -> None:
    assert callable(encode)
    assert decode_text(encode(text), "letter.txt") == text


def test_japanese_utf16_with_a_bom_is_read() -> None:
    text = "山田 太郎様\n面接の機会をいただき、ありがとうございました。\n"
    assert decode_text(text.encode("utf-16"), "letter.txt") == text


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\x00" * 64]
)
def test_binary_files_are_still_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_text(data, "letter.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n\t",
        codecs.BOM_UTF8,
        "\n".encode("utf-16"),
        b"\r\n\r\n",
        "\u200b\ufeff \n".encode(),
        b"<html><body><p>&nbsp;</p><br></body></html>",
        b"On Mon, 2 Nov 2026, Aiko Nakamura wrote:\n> Thanks, we will be in touch.\n",
    ],
)
@pytest.mark.parametrize("how", ["file", "file with facts", "stdin"])
def test_an_empty_letter_says_so_without_blaming_facts(
    tmp_path: Path, data: bytes, how: str
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_bytes(data)
    args = ["check", "-" if how == "stdin" else str(letter)]
    if how == "file with facts":
        facts = tmp_path / "facts.json"
        facts.write_text(example_facts(Kind.THANK_YOU).model_dump_json())
        args += ["--facts", str(facts)]
    result = runner.invoke(app, args, input=data if how == "stdin" else None)
    assert result.exit_code == 2
    assert "letter is empty" in result.stderr
    assert "facts" not in result.stderr
