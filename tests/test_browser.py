"""The three jobs in a real headless Chromium, across a reload: a thank-you drafted through
the chat, edited in place, a fix applied with one click, ready again and downloaded; an offer
answered; a pasted letter checked. Screenshots of each step are kept under test-artifacts/."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from .browser import (
    CHROMIUM,
    FLAGS,
    PASTED_LETTER,
    ROOT,
    edit_and_fix,
    editor,
    notes_tab,
    running_app,
    shoot,
    type_at,
    walk_chat,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium_ok() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install chromium")
        pytest.skip("Debian's chromium is not installed here (apt-get install chromium)")


def _offer_text() -> str:
    data = yaml.safe_load((ROOT / "evals" / "offers" / "us-email.yaml").read_text())
    return str(data["text"])


def test_three_jobs_in_a_real_browser_across_a_reload(chromium_ok: None, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with running_app(tmp_path / "home") as (url, _), sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=FLAGS, ignore_default_args=["--headless=new"]
        )
        context = browser.new_context(
            viewport={"width": 1100, "height": 900}, accept_downloads=True
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        page = context.new_page()
        walk_chat(page, url, ROOT / "test-artifacts" / "1-chat-drafted.png")
        tab = notes_tab(page)
        expect(editor(page, 0)).to_have_value(re.compile(r"^Dear Mr\. Jones,"), timeout=10_000)
        expect(editor(page, 1)).to_have_value(re.compile(r"^Dear Ms\. Raman,"))

        edit_and_fix(page)
        expect(editor(page, 0)).to_have_value(re.compile(r"I enjoyed meeting the whole team\."))
        shoot(page, "2-edited-and-fixed", tab.get_by_text("To Tom Jones: ready"))
        with page.expect_download() as got:
            tab.get_by_role("button", name=".txt").first.click()
        saved = tmp_path / got.value.suggested_filename
        got.value.save_as(saved)
        assert "NOT-READY" not in saved.name
        assert "I enjoyed meeting the whole team." in saved.read_text()

        tab.get_by_test_id("aw-copy").first.click()
        expect(tab.get_by_test_id("aw-copy").first).to_have_text("Copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("Dear Mr. Jones,") and "the whole team." in copied
        tab.get_by_text("Compare versions").first.click()
        expect(tab.locator("ins").first).to_be_visible(timeout=30_000)
        shoot(page, "2b-versions-compared", tab.locator("ins").first)

        page.get_by_role("tab", name="Answer an offer").click()
        offer = page.get_by_role("tabpanel", name="Answer an offer")
        offer.get_by_label("Paste the offer (email or letter)").fill(_offer_text())
        offer.get_by_role("button", name="Read the offer").click()
        offer.get_by_role("button", name="Draft the letter").click()
        expect(offer.get_by_text("To Maria Lopez: ready")).to_be_visible(timeout=30_000)
        shoot(page, "3-offer-accepted", offer.get_by_text("To Maria Lopez: ready"))

        page.get_by_role("tab", name="Check my letter").click()
        checker = page.get_by_role("tabpanel", name="Check my letter")
        checker.get_by_label("Paste your letter").fill(PASTED_LETTER)
        checker.get_by_role("button", name="Check my letter").click()
        expect(checker.get_by_text("Your letter: NOT READY")).to_be_visible(timeout=30_000)
        expect(checker.get_by_text("Apologetic").first).to_be_visible()
        expect(checker.get_by_text("Sent at the wrong time")).to_have_count(0)
        shoot(page, "4-paste-checked", checker.get_by_text("Your letter: NOT READY"))
        # The checked paste is edited in place: a fix applied in one click is in its editor.
        checker.get_by_role("button", name=re.compile(r"^Apply: your")).first.click()
        pasted = checker.get_by_test_id("aw-editor")
        expect(pasted).to_have_value(re.compile(r"Thanks for your time"), timeout=30_000)
        shoot(page, "4b-paste-fixed", pasted)
        # An edit right after a fix is kept, even one that brings back the text before it.
        expect(checker.get_by_text("Your letter: NOT READY, 2 error(s)")).to_be_visible()
        type_at(page, pasted, "Thanks for ", "you're ")
        expect(checker.get_by_text("Your letter: NOT READY, 3 error(s)")).to_be_visible(
            timeout=30_000
        )

        page.reload()
        page.get_by_text("Whom did you meet?").wait_for(timeout=30_000)
        expect(editor(page, 0)).to_have_value(
            re.compile(r"I enjoyed meeting the whole team\."), timeout=30_000
        )
        expect(tab.get_by_text("To Tom Jones: ready")).to_be_visible()
        page.get_by_role("tab", name="Answer an offer").click()
        expect(offer.get_by_text("To Maria Lopez: ready")).to_be_visible(timeout=30_000)
        page.get_by_role("tab", name="Check my letter").click()
        expect(checker.get_by_text("Apologetic").first).to_be_visible(timeout=30_000)
        expect(checker.get_by_test_id("aw-editor")).to_have_value(
            re.compile(r"Thanks for you're your time")
        )
        shoot(page, "5-after-reload", checker.get_by_text("Your letter: NOT READY"))
        browser.close()
