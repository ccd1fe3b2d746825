"""Print the app's time from `streamlit run` to a usable page, and from the last recap answer
to two drafted, checked notes (offline), in headless Chromium.

Run: .venv/bin/python benchmarks/bench_app.py   (needs Debian's chromium)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, FLAGS, running_app, walk_chat  # noqa: E402


def main(runs: int = 3) -> None:
    """Measure and print."""
    from playwright.sync_api import sync_playwright

    started, usable, drafted = [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=FLAGS, ignore_default_args=["--headless=new"]
        )
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as home, running_app(Path(home)) as (url, up):
                page = browser.new_page()
                times = walk_chat(page, url)
                page.close()
            started.append(up)
            usable.append(up + times["page_usable_s"])
            drafted.append(times["draft_s"])
        browser.close()
    print(f"`streamlit run` answering its health check: median {statistics.median(started):.2f} s")
    print(
        f"`streamlit run` to a usable page (first question shown): median "
        f"{statistics.median(usable):.2f} s over {runs} runs"
    )
    print(
        f"last answer + 'Draft my notes' to two checked notes shown: median "
        f"{statistics.median(drafted):.2f} s"
    )


if __name__ == "__main__":
    main()
