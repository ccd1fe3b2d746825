"""The Streamlit app's flows through AppTest: chat to checked notes (and refinement), offer to
acceptance and decline, check my letter, other letters, history, and state kept over a refresh."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from afterword.ui.text import plain

from .browser import ANSWERS

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ROOT = Path(__file__).resolve().parents[1]


def _app(sid: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if sid:
        at.query_params["s"] = sid
    at.run()
    assert not at.exception, at.exception
    return at


def _me(at: AppTest) -> AppTest:
    at.sidebar.text_input(key="p_name").set_value("Jane Doe").run()
    at.sidebar.text_input(key="p_email").set_value("jane.doe@example.com").run()
    assert not at.exception
    return at


def _chat(at: AppTest, text: str) -> None:
    at.chat_input(key="chat_input").set_value(text).run()
    assert not at.exception, at.exception


def _messages(at: AppTest) -> list[str]:
    return [m.markdown[0].value for m in at.chat_message]


def _letters(at: AppTest) -> str:
    """Return the texts in the letter editors, joined."""
    return " ".join(json.loads(e.proto.json)["text"] for e in at.get("bidi_component"))


def _badges(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "-badge[" in m.value]


def _chat_to_notes() -> AppTest:
    at = _me(_app())
    for answer in ANSWERS:
        _chat(at, answer)
    at.button(key="draft_notes").click().run()
    assert not at.exception, at.exception
    return at


def test_chat_asks_one_question_at_a_time_and_drafts_checked_notes() -> None:
    at = _chat_to_notes()
    messages = _messages(at)
    assert messages[1].startswith("Whom did you meet?")
    assert any(m.startswith("Which position") for m in messages)
    assert "2 note(s) drafted and checked (2 ready)" in messages[-1]
    badges = _badges(at)
    assert any("To Tom Jones: ready" in b for b in badges)
    assert any("To Priya Raman: ready" in b for b in badges)
    letters = _letters(at)
    assert "Dear Mr. Jones," in letters and "Dear Ms. Raman," in letters


def _shown(markdown: str) -> str:
    """Return what a reader sees of markdown that escapes its punctuation."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_a_bad_answer_gets_a_hint_and_is_kept() -> None:
    at = _me(_app())
    _chat(at, "12345 ???")
    messages = _messages(at)
    assert messages[-2] == plain("12345 ???")  # kept, and shown as text, not markdown
    assert messages[-1].startswith("I could not use that")


def test_refinement_redrafts_and_keeps_earlier_versions() -> None:
    at = _chat_to_notes()
    _chat(at, "shorter, and mention my two semesters in Belgium")
    versions = at.selectbox(key="version_pick_2").options
    assert versions[0] == "Version 1" and versions[1].startswith("Version 2 (shorter")
    assert _letters(at).count("my two semesters in Belgium") == 1  # one note, not every note
    _chat(at, "more formal")
    assert "Sincerely," in _letters(at)
    assert "Your own edits" not in _messages(at)[-1]  # nothing was edited by hand


def test_a_redraft_says_where_the_users_own_edits_are_kept() -> None:
    at = _chat_to_notes()
    ws = at.session_state["ws"]
    ws["edits"]["v0-0"]["work"] += "\nP.S. I will bring my portfolio on Friday.\n"
    at.session_state["ws"] = ws
    at.run()
    _chat(at, "shorter")
    assert "Your own edits are kept in Version 1" in _messages(at)[-1]
    assert "portfolio" in at.session_state["ws"]["edits"]["v0-0"]["work"]


def test_state_survives_a_refresh() -> None:
    at = _chat_to_notes()
    sid = at.query_params["s"]
    sid = sid[0] if isinstance(sid, list) else sid
    again = _app(sid)
    assert "2 note(s) drafted" in _messages(again)[-1]
    assert any("To Tom Jones: ready" in b for b in _badges(again))


@pytest.mark.parametrize("chosen", ["a", "0" * 22, "x" * 200, "../../etc"])
def test_a_workspace_id_the_app_did_not_make_is_refused(chosen: str) -> None:
    at = _app(chosen)
    sid = at.query_params["s"]
    sid = sid[0] if isinstance(sid, list) else sid
    assert sid != chosen and re.fullmatch(r"[A-Za-z0-9_-]{22}", sid)  # 128 random bits
    assert any("not one this app made" in _shown(w.value) for w in at.warning)


def _offer(name: str) -> str:
    return str(yaml.safe_load((ROOT / "evals" / "offers" / f"{name}.yaml").read_text())["text"])


def test_offer_to_acceptance_and_decline() -> None:
    at = _me(_app())
    at.text_area(key="offer_text").set_value(_offer("us-email")).run()
    at.button(key="read_offer").click().run()
    assert not at.exception
    assert at.text_input(key="o_salary").value == "$85,000 per year"
    assert at.text_input(key="o_company").value == "ABC Company"
    at.button(key="offer_draft").click().run()
    assert not at.exception, at.exception
    letters = _letters(at)
    assert "I am delighted to accept" in letters and "$85,000 per year" in letters
    assert any("To Maria Lopez: ready" in b for b in _badges(at))
    at.radio(key="o_choice").set_value("Decline").run()
    at.text_input(key="o_reason").set_value("a role closer to my family").run()
    at.button(key="offer_draft").click().run()
    assert "must decline your offer" in _letters(at)


def test_two_salaries_are_a_choice_the_person_makes() -> None:
    at = _me(_app())
    pasted = _offer("us-email").replace(
        "Best regards,", "Salary: $90,000 per year\n\nBest regards,"
    )
    at.text_area(key="offer_text").set_value(pasted).run()
    at.button(key="read_offer").click().run()
    assert any("different salaries" in _shown(w.value) for w in at.warning)
    assert at.text_input(key="o_salary").value == ""  # nothing picked for them
    at.radio(key="o_conflict_salary").set_value("$90,000 per year").run()
    assert not at.exception, at.exception
    assert at.text_input(key="o_salary:$90,000 per year").value == "$90,000 per year"


def test_template_offer_is_flagged_and_cannot_be_accepted_blind() -> None:
    at = _me(_app())
    at.text_area(key="offer_text").set_value(_offer("template")).run()
    at.button(key="read_offer").click().run()
    assert any("unfilled template" in w.value for w in at.warning)
    assert at.text_input(key="o_salary").value == ""
    at.button(key="offer_draft").click().run()
    assert any("Write to" in e.value for e in at.error)
    at.text_input(key="o_contact").set_value("Ann Lee").run()
    at.text_input(key="o_position").set_value("Analyst").run()
    at.button(key="offer_draft").click().run()
    errors = [_shown(e.value) for e in at.error]
    assert any("offer.salary" in e and "offer.start_date" in e for e in errors)


PASTE = (
    "Dear Mr. Jnoes,\n\nSorry for rambling. Thanks for you're your time.\n\n"
    "Best regards,\nJane Doe\n"
)


def test_check_my_letter_on_a_paste_alone_in_plain_words() -> None:
    at = _app()
    at.text_area(key="check_text").set_value(PASTE).run()
    at.button(key="check_run").click().run()
    assert not at.exception, at.exception
    assert any("NOT READY" in b for b in _badges(at))
    text = " ".join(m.value for m in at.markdown)
    assert "Apologetic" in text and "Fix before sending" in text
    assert "`tone.apologetic`" not in text  # rule ids only in the details line
    details = " ".join(c.value for c in at.caption)
    assert "rule `tone.apologetic`" in details and "Checked without the facts" in details
    assert "field required" not in str(at) and "wrong time" not in text


def test_check_my_letter_against_facts_highlights_findings() -> None:
    at = _me(_app())
    at.text_area(key="check_text").set_value(PASTE).run()
    at.toggle(key="check_with_facts").set_value(True).run()
    at.text_input(key="check_rname").set_value("Tom Jones").run()
    at.selectbox(key="check_rhon").set_value("Mr.").run()
    at.text_input(key="check_company").set_value("ABC Company").run()
    at.text_input(key="check_position").set_value("Senior Sales Consultant").run()
    at.button(key="check_run").click().run()
    assert not at.exception, at.exception
    html = " ".join(h.proto.body for h in at.get("html"))
    assert '<mark class="error"' in html and "Jnoes</mark>" in html
    details = " ".join(c.value for c in at.caption)
    assert "names.misspelt" in details


@pytest.mark.parametrize(
    ("box", "button", "limit"),
    [("check_text", "check_run", "20,000"), ("offer_text", "read_offer", "100,000")],
)
def test_an_oversize_paste_says_the_limit_and_is_kept(box: str, button: str, limit: str) -> None:
    at = _app()
    huge = "All work and no play. " * 10_000  # 220,000 characters
    at.text_area(key=box).set_value(huge).run()
    at.button(key=button).click().run()
    assert not at.exception, at.exception
    assert any(f"the limit is {limit}" in e.value for e in at.error)
    assert at.text_area(key=box).value == huge


def test_other_letters_form_asks_only_what_the_kind_needs() -> None:
    at = _me(_app())
    at.selectbox(key="other_kind").set_value(__import__("afterword").Kind.WITHDRAWAL).run()
    labels = {w.label for w in at.text_input}
    assert "Position" in labels and "Your last day" not in labels
    at.text_input(key="other_rname").set_value("Rita Gomez").run()
    at.selectbox(key="other_rhon").set_value("Ms.").run()
    at.text_input(key="other_company").set_value("Pinecrest Software").run()
    at.button(key="other_draft").click().run()
    assert any("position" in e.value for e in at.error)  # required and missing: named
    at.text_input(key="other_position").set_value("Junior Developer").run()
    at.button(key="other_draft").click().run()
    assert any("To Rita Gomez: ready" in b for b in _badges(at))


def test_missing_name_is_a_clear_message() -> None:
    at = _app()
    for answer in ANSWERS:
        _chat(at, answer)
    at.button(key="draft_notes").click().run()
    assert any("add your name in the sidebar" in e.value for e in at.error)


def test_history_groups_drafts_by_application_with_readable_dates() -> None:
    at = _chat_to_notes()
    _chat(at, "warmer")
    titles = [e.label for e in at.expander if "draft(s)" in e.label]
    assert titles and titles[0].startswith("ABC Company, Senior Sales Consultant: 4 draft(s)")
    picks = at.selectbox(key="history_pick_0").options
    assert len(picks) == 4 and "T" not in picks[0].split(":")[0]  # no raw ISO time
    assert "thank you to" in picks[0]
    labels = {b.label for b in at.get("download_button")}
    assert ".eml" in labels  # a draft opened from the history keeps every export
    frames = [d.value for d in at.dataframe if hasattr(d.value, "columns")]
    plan = next(f for f in frames if "why" in f.columns)
    assert any("thank-you note to Tom Jones" in w for w in plan["what"])
    assert not plan["done"].any()


def test_model_status_in_sidebar(monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app()
    assert any("Offline composer" in i.value for i in at.sidebar.info)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-for-test")
    at = _app()
    assert any("Model gpt-4o-mini" in s.value for s in at.sidebar.success)
    assert "sk-secret-for-test" not in str(at)


RECAP = (
    "Yesterday I met Mr. Tom Jones, VP of Sales, and Ms. Priya Raman for the Senior Sales "
    "Consultant job at ABC Company. We talked about plans to expand into the European "
    "commodities market. Next I should hear back on Monday about a second round."
)


def test_with_a_model_a_free_text_recap_fills_the_card_and_drafts(
    server: object, settings: object
) -> None:
    import datetime as dt
    import json

    from .openai_server import Reply

    today = dt.date.today()
    recap = {
        "interviewers": [
            {"name": "Tom Jones", "honorific": "Mr.", "title": "VP of Sales"},
            {"name": "Priya Raman", "honorific": "Ms.", "title": None},
            {"name": "Ann Invented", "honorific": None, "title": None},
        ],
        "position": "Senior Sales Consultant",
        "company": "ABC Company",
        "interview_date": (today - dt.timedelta(days=1)).isoformat(),
        "points": ["plans to expand into the European commodities market"],
        "strengths": [],
        "clarification": None,
        "next_step": "hear back on Monday about a second round",
    }
    server.queue.append(Reply(content=json.dumps(recap)))  # type: ignore[attr-defined]
    at = _me(_app())
    assert "in your own words" in _messages(at)[0]
    _chat(at, RECAP)
    messages = _messages(at)
    assert "I took these from your recap" in messages[-2]
    assert messages[-1].startswith("What are their email addresses")
    names = [r["name"] for r in at.session_state.ws["facts"]["recipients"]]
    assert names == ["Tom Jones", "Priya Raman"]  # the invented one is dropped
    for answer in ["skip", "skip", "skip", "no", "yes"]:
        _chat(at, answer)
    at.button(key="draft_notes").click().run()
    assert not at.exception, at.exception
    assert any("To Priya Raman: ready" in b for b in _badges(at))
    captions = " ".join(_shown(c.value) for c in at.caption)
    assert "Drafted by the model gpt-4o-mini" in captions


def test_a_follow_up_marked_done_elsewhere_shows_done() -> None:
    """AppTest cannot tick a data_editor cell; mark it done as the CLI or another tab would."""
    at = _chat_to_notes()
    from afterword.settings import load_settings
    from afterword.store import Store

    store = Store(load_settings().db_path)
    first = store.followups()[0]
    store.mark_done(first["id"])
    at.run()
    frames = [d.value for d in at.dataframe if hasattr(d.value, "columns")]
    plan = next(f for f in frames if "why" in f.columns)
    assert plan["done"].sum() == 1


def _sid(at: AppTest) -> str:
    sid = at.query_params["s"]
    return str(sid[0] if isinstance(sid, list) else sid)


def test_an_edit_is_rechecked_a_fix_applied_in_one_click_and_versions_kept() -> None:
    at = _chat_to_notes()
    ws = at.session_state["ws"]
    edit = ws["edits"]["v0-0"]
    edit["work"] = edit["work"].replace("Thank you for", "Many thanks for for", 1)
    at.session_state["ws"] = ws
    at.run()
    assert any("To Tom Jones: NOT READY" in b for b in _badges(at))
    assert any("still has errors" in w.value for w in at.warning)
    fix = next(b for b in at.button if b.key.startswith("v0-0-fix") and "doubled" in b.key)
    fix.click().run()
    assert not at.exception, at.exception
    assert any("To Tom Jones: ready" in b for b in _badges(at))
    assert "for for" not in _letters(at)
    again = _app(_sid(at))  # a reload keeps the edit and its versions
    kept = again.session_state["ws"]["edits"]["v0-0"]
    assert len(kept["versions"]) == 2 and "for for" not in kept["work"]


def test_the_offer_form_survives_a_reload() -> None:
    at = _me(_app())
    at.text_area(key="offer_text").set_value(_offer("us-email")).run()
    at.button(key="read_offer").click().run()
    at.text_input(key="o_contact").set_value("María José Ortega").run()
    at.text_input(key="o_email").set_value("mj.ortega@abc.example").run()
    at.radio(key="o_choice").set_value("Decline").run()
    at.text_input(key="o_reason").set_value("I have accepted a role closer to my family").run()
    again = _app(_sid(at))
    assert again.text_input(key="o_contact").value == "María José Ortega"
    assert again.radio(key="o_choice").value == "Decline"
    assert again.text_input(key="o_reason").value == "I have accepted a role closer to my family"
    again.button(key="offer_draft").click().run()
    assert not again.exception, again.exception
    letters = _letters(again)
    assert "I have accepted a role closer to my family." in letters
    assert "pursue I have" not in letters
