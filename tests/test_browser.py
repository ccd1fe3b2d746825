"""The smoke path in a real headless Chromium: start the app, chat to two drafted, checked
notes, and save a screenshot (test-artifacts/app-smoke.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .browser import CHROMIUM, FLAGS, ROOT, notes_tab, running_app, walk_chat

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium_ok() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install chromium")
        pytest.skip("Debian's chromium is not installed here (apt-get install chromium)")


def test_chat_to_drafted_notes_in_a_real_browser(chromium_ok: None, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shot = ROOT / "test-artifacts" / "app-smoke.png"
    with running_app(tmp_path / "home") as (url, _), sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=FLAGS, ignore_default_args=["--headless=new"]
        )
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        walk_chat(page, url, shot)
        tab = notes_tab(page)
        expect(tab.get_by_text("To Tom Jones: ready")).to_be_visible()
        expect(tab.locator(".aw-letter").first).to_contain_text("Dear Mr. Jones,")
        expect(tab.locator(".aw-letter").nth(1)).to_contain_text("Dear Ms. Raman,")
        browser.close()
    assert shot.stat().st_size > 20_000
