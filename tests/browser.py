"""Start the app with `streamlit run` and drive it in headless Chromium (Debian's chromium
with Python playwright). Shared by the smoke test and benchmarks/bench_app.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ANSWERS = [
    "Mr. Tom Jones, VP of Sales and Ms. Priya Raman, Regional Director",
    "tjones@abc.example\npriya.raman@abc.example",
    "Senior Sales Consultant at ABC Company",
    "yesterday",
    "Opening accounts in Europe",
    "language fluency",
    "no",
    "plans to expand into the European commodities market; how new consultants learn the CRM",
    "yes",
    "hear back on Monday about a second round",
]


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(home: Path) -> Iterator[tuple[str, float]]:
    """Run `streamlit run app.py`; yield its URL and the seconds until it answered."""
    port = free_port()
    env = {**os.environ, "AFTERWORD_HOME": str(home)}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "streamlit.log").open("wb")
    began = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    output = (home / "streamlit.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"the app did not start:\n{output}") from None
                time.sleep(0.1)
        yield url, time.perf_counter() - began
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def notes_tab(page: Any) -> Any:
    """Return the Thank-you notes tab (other tabs hold copies of the drafts too)."""
    return page.get_by_role("tabpanel", name="Thank-you notes")


def walk_chat(page: Any, url: str, screenshot: Path | None = None) -> dict[str, float]:
    """Open the app, fill the name, answer the recap, draft; return timings in seconds."""
    began = time.perf_counter()
    page.goto(url)
    page.get_by_text("Whom did you meet?").wait_for(timeout=30_000)
    usable = time.perf_counter() - began
    name = page.get_by_label("Your name, as you sign")
    name.fill("Jane Doe")
    name.press("Enter")
    box = page.get_by_test_id("stChatInputTextArea")
    answered = 0.0
    for n, answer in enumerate(ANSWERS):
        box.fill(answer)
        answered = time.perf_counter()
        box.press("Enter")
        page.get_by_test_id("stChatMessage").nth(n * 2 + 3).wait_for(timeout=30_000)
    page.get_by_text("Check the facts card below").wait_for(timeout=30_000)
    start = time.perf_counter()
    page.get_by_role("button", name="Draft my notes").click()
    tab = notes_tab(page)
    tab.get_by_text("To Priya Raman: ready").wait_for(timeout=60_000)
    shown = time.perf_counter()
    drafted = shown - start
    tab.get_by_text("To Tom Jones: ready").scroll_into_view_if_needed()
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    return {"page_usable_s": usable, "draft_s": drafted, "answer_to_notes_s": shown - answered}


PASTED_LETTER = (
    "Dear Ms. Okafor,\n\nSorry for rambling in the interview. Thanks for you're your time "
    "yesterday.\n\nBest regards,\nJane Doe\n"
)


def shoot(page: Any, name: str, target: Any = None) -> Path:
    """Save a screenshot under test-artifacts/, scrolled to `target` (Streamlit scrolls
    inside its main pane, so a full-page shot shows only what is scrolled into view)."""
    path = ROOT / "test-artifacts" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    if target is not None:
        target.scroll_into_view_if_needed()
        target.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(path), full_page=True)
    return path


def editor(page: Any, n: int = 0) -> Any:
    """Return the n-th letter editor in the Thank-you notes tab."""
    return notes_tab(page).get_by_test_id("aw-editor").nth(n)


def type_at(page: Any, area: Any, after: str, keys: str) -> float:
    """Put the caret just after the first `after` in an editor and type `keys`; return the
    moment of the last keystroke (perf_counter)."""
    value = area.input_value()
    at = value.index(after) + len(after)
    area.evaluate("(el, at) => { el.focus(); el.setSelectionRange(at, at); }", at)
    page.keyboard.type(keys)
    return time.perf_counter()


def edit_and_fix(page: Any) -> dict[str, float]:
    """Add a sentence to the first note, then type a doubled word, wait for the finding and
    apply its fix; return the seconds from the last keystroke to the updated findings, and
    from the click to ready again."""
    tab = notes_tab(page)
    area = editor(page)
    area.wait_for(timeout=30_000)
    type_at(page, area, "position at ABC Company.", " I enjoyed meeting the whole team.")
    page.wait_for_timeout(600)
    tab.get_by_text("To Tom Jones: ready").wait_for(timeout=30_000)
    last = type_at(page, area, "I enjoyed meeting ", "the ")
    tab.get_by_text("To Tom Jones: NOT READY").wait_for(timeout=30_000)
    flagged = time.perf_counter() - last
    button = tab.get_by_role("button", name="Apply: the").first
    button.scroll_into_view_if_needed()
    clicked = time.perf_counter()
    button.click()
    tab.get_by_text("To Tom Jones: ready").wait_for(timeout=30_000)
    return {"edit_to_findings_s": flagged, "fix_to_ready_s": time.perf_counter() - clicked}


# Timed by the page's own clock: the last input event in the editor, and the moment the
# verdict's new text is in the page (a MutationObserver), so the driver's round trips and
# polling are not counted.
_WATCH = """(want) => {
  window.__aw = {want: want, seen: null, key: null};
  if (window.__awWatching) return;
  window.__awWatching = true;
  document.addEventListener("input", () => { window.__aw.key = performance.now(); }, true);
  new MutationObserver(() => {
    const aw = window.__aw;
    if (aw.seen === null && aw.key !== null && document.body.textContent.includes(aw.want)) {
      aw.seen = performance.now();
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def _page_seconds(page: Any) -> float:
    return float(page.evaluate("(window.__aw.seen - window.__aw.key) / 1000"))


def keystroke_rechecks(page: Any, times: int = 5) -> list[float]:
    """Type a doubled word into the first note and delete it again, `times` times; return the
    seconds from each last keystroke to the verdict shown for the new text."""
    tab = notes_tab(page)
    area = editor(page)
    seconds = []
    for _ in range(times):
        page.evaluate(_WATCH, "To Tom Jones: NOT READY")
        type_at(page, area, "I especially ", "the the ")
        tab.get_by_text("To Tom Jones: NOT READY").wait_for(timeout=30_000)
        seconds.append(_page_seconds(page))
        page.evaluate(_WATCH, "To Tom Jones: ready")
        for _ in range(len("the the ")):
            page.keyboard.press("Backspace")
        tab.get_by_text("To Tom Jones: ready").wait_for(timeout=30_000)
        seconds.append(_page_seconds(page))
    return seconds
