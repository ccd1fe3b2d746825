"""Print the app's figures in headless Chromium (offline composer): `streamlit run` to a usable
page; the last recap answer to two drafted, checked notes shown (the answer, its rerun, the
press of 'Draft my notes' and the drafting); a keystroke in the letter editor to the updated
findings (the editor waits 60 ms after the last key, then the app re-checks and redraws);
and a one-click fix to the letter shown ready again.

Run: .venv/bin/python benchmarks/bench_app.py [runs]   (needs Debian's chromium)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import (  # noqa: E402
    CHROMIUM,
    FLAGS,
    edit_and_fix,
    keystroke_rechecks,
    running_app,
    walk_chat,
)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return f"median {statistics.median(values) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms"


def main(runs: int = 3) -> None:
    """Measure and print."""
    from playwright.sync_api import sync_playwright

    started, usable, drafted, answered, keys, fixes = [], [], [], [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=FLAGS, ignore_default_args=["--headless=new"]
        )
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as home, running_app(Path(home)) as (url, up):
                page = browser.new_page(viewport={"width": 1100, "height": 900})
                times = walk_chat(page, url)
                fixes.append(edit_and_fix(page)["fix_to_ready_s"])
                keys += keystroke_rechecks(page)
                page.close()
            started.append(up)
            usable.append(up + times["page_usable_s"])
            drafted.append(times["draft_s"])
            answered.append(times["answer_to_notes_s"])
        browser.close()
    print(f"`streamlit run` answering its health check: median {statistics.median(started):.2f} s")
    print(
        f"`streamlit run` to a usable page (first question shown): median "
        f"{statistics.median(usable):.2f} s over {runs} runs"
    )
    print(
        f"last recap answer to two checked notes shown: median "
        f"{statistics.median(answered):.2f} s ('Draft my notes' to notes: median "
        f"{statistics.median(drafted):.2f} s)"
    )
    print(f"keystroke in the editor to updated findings ({len(keys)} edits): {_ms(keys)}")
    print(f"one-click fix to the letter shown ready: {_ms(fixes)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
