"""Check my letter in the app: the checked paste is edited in place, re-checked as it is
typed, its fixes applied in one click, and it can be copied and downloaded; the result says
when the box above has changed since the check."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
DOUBLED = (
    "Dear Ms. Łukasiewicz,\n\nThank you for for the conversation on Tuesday about the analyst "
    "role. I enjoyed hearing how your team plans the spring release, and I look forward to "
    "hearing about the next steps.\n\n"
    "Best regards,\nAoife O'Brien\n"
)


def _checked(text: str, subject: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_area(key="check_text").set_value(text).run()
    if subject:
        at.text_input(key="check_subject").set_value(subject).run()
    at.button(key="check_run").click().run()
    assert not at.exception, at.exception
    return at


def _badges(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "-badge[" in m.value]


def test_a_checked_paste_is_fixed_in_one_click_and_checked_again() -> None:
    at = _checked(DOUBLED)
    assert any("Your letter: NOT READY, 1 error(s)" in b for b in _badges(at))
    html = " ".join(h.proto.body for h in at.get("html"))
    assert '<mark class="error"' in html  # the doubled word is marked in the letter
    fix = next(b for b in at.button if b.key.startswith("pasted-fix") and "doubled" in b.key)
    fix.click().run()
    assert not at.exception, at.exception
    assert any("Your letter: ready" in b for b in _badges(at))
    edit = at.session_state["ws"]["edits"]["pasted"]
    assert "for for" not in edit["work"] and "Łukasiewicz" in edit["work"]
    assert len(edit["versions"]) == 2  # the paste and the fixed text are both kept


def test_an_edit_of_the_checked_paste_is_checked_again() -> None:
    at = _checked(DOUBLED.replace("for for", "for"))
    assert any("Your letter: ready" in b for b in _badges(at))
    ws = at.session_state["ws"]
    ws["edits"]["pasted"]["work"] = DOUBLED.replace("I enjoyed", "I has enjoyed")
    at.session_state["ws"] = ws
    at.run()
    assert not at.exception, at.exception
    assert any("Your letter: NOT READY" in b for b in _badges(at))


def test_downloads_and_the_subject_stay_with_the_edited_paste() -> None:
    at = _checked(DOUBLED.replace("for for", "for"), subject="Thank you: analyst interview")
    names = [b.proto.label for b in at.get("download_button")]
    assert ".txt" in names and ".docx" in names
    assert all("NOT-READY" not in str(b.proto) for b in at.get("download_button"))
    assert any("**Subject:**" in m.value and "analyst interview" in m.value for m in at.markdown)
    ws = at.session_state["ws"]
    ws["edits"]["pasted"]["work"] = DOUBLED.replace("for for", "for").replace("Tuesday", "Monday")
    at.session_state["ws"] = ws
    at.run()  # checked again: the subject given in the form is still the letter's
    assert not at.exception, at.exception
    assert any("Your letter: ready" in b for b in _badges(at))
    assert not any("structure.subject" in c.value for c in at.caption)


def test_a_changed_box_says_the_result_is_for_the_earlier_text() -> None:
    at = _checked(DOUBLED)
    assert not any("has changed since it was checked" in i.value for i in at.info)
    at.text_area(key="check_text").set_value(DOUBLED.replace("Tuesday", "Monday")).run()
    assert any("has changed since it was checked" in i.value for i in at.info)
    assert any("Your letter: NOT READY" in b for b in _badges(at))  # the checked copy stays


def test_a_second_offer_read_replaces_the_first_ones_facts_in_the_form() -> None:
    import yaml

    def offer(name: str) -> tuple[str, dict[str, str]]:
        data = yaml.safe_load((Path(APP).parent / "evals" / "offers" / f"{name}.yaml").read_text())
        return str(data["text"]), data["expect"]

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    first, first_facts = offer("us-email")
    second, second_facts = offer("germany")
    at.text_area(key="offer_text").set_value(first).run()
    at.button(key="read_offer").click().run()
    assert at.text_input(key="o_company").value == first_facts["company"]
    at.text_input(key="o_contact").set_value("Somebody Typed").run()
    at.text_area(key="offer_text").set_value(second).run()
    at.button(key="read_offer").click().run()
    assert not at.exception, at.exception
    assert at.text_input(key="o_company").value == second_facts["company"]
    assert at.text_input(key="o_contact").value != "Somebody Typed"


def test_a_ready_letter_with_warnings_says_so_on_its_badge() -> None:
    at = _checked(DOUBLED.replace("for for", "for").replace("Tuesday", "Tuesday!!"))
    badges = _badges(at)
    assert any("ready, no errors; 1 thing worth a look below" in b for b in badges), badges
    assert not any("every check passed" in b for b in badges)
    clean = _checked(DOUBLED.replace("for for", "for"))
    assert any("Your letter: ready, every check passed" in b for b in _badges(clean))


def test_the_check_forms_facts_survive_a_reload() -> None:
    at = _checked(DOUBLED)
    at.toggle(key="check_with_facts").set_value(True).run()
    at.text_input(key="check_rname").set_value("Zofia Łukasiewicz").run()
    at.text_input(key="check_company").set_value("Acme Corp.").run()
    sid = at.query_params["s"]
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["s"] = sid[0] if isinstance(sid, list) else sid
    again.run()
    assert not again.exception, again.exception
    assert again.toggle(key="check_with_facts").value is True
    assert again.text_input(key="check_rname").value == "Zofia Łukasiewicz"
    assert again.text_input(key="check_company").value == "Acme Corp."
