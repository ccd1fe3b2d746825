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
    for n, answer in enumerate(ANSWERS):
        box.fill(answer)
        box.press("Enter")
        page.get_by_test_id("stChatMessage").nth(n * 2 + 3).wait_for(timeout=30_000)
    page.get_by_text("Check the facts card below").wait_for(timeout=30_000)
    start = time.perf_counter()
    page.get_by_role("button", name="Draft my notes").click()
    tab = notes_tab(page)
    tab.get_by_text("To Priya Raman: ready").wait_for(timeout=60_000)
    drafted = time.perf_counter() - start
    tab.get_by_text("To Tom Jones: ready").scroll_into_view_if_needed()
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    return {"page_usable_s": usable, "draft_s": drafted}
