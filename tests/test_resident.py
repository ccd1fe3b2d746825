"""The resident checker answers `afterword check` exactly as the command does in its own process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from afterword import resident

from .conftest import EXAMPLES

LETTER = (
    "Dear Ms. Lopez,\n\nThank you for meeting with me on Tuesday about the analyst role. "
    "I enjoyed hearing about the team, and I look forward to hearing about next steps.\n\n"
    "Best regards,\nSam Lee\n"
)


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short private runtime folder (a socket path must fit in about 100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="aw-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("AFTERWORD_RESIDENT", "1")
    monkeypatch.setenv("AFTERWORD_RESIDENT_IDLE", "60")
    yield folder
    for sock in folder.glob("afterword/*.sock"):
        resident.stop(sock)
    shutil.rmtree(folder, ignore_errors=True)


def _command(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "afterword", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )


def _served(path: Path) -> None:
    """Wait until the resident checker at this socket answers."""
    for _ in range(300):
        if path.exists() and resident.ask(["check", "--kind", "nonsense", "x"]) is not None:
            return
        time.sleep(0.1)
    raise AssertionError(f"no resident checker answered at {path}")


def test_the_first_check_leaves_a_checker_that_answers_the_next_the_same(
    runtime: Path, tmp_path: Path
) -> None:
    (tmp_path / "letter.txt").write_text(LETTER)
    shutil.copy(EXAMPLES / "thank_you_panel.yaml", tmp_path / "facts.yaml")
    cases = [
        ["check", "letter.txt", "--facts", "facts.yaml"],  # paths relative to the user's folder
        ["check", "letter.txt", "--json"],
        ["check", "missing.txt"],  # a clear error, exit 2
        ["check", "letter.txt", "--kind", "nonsense"],
    ]
    first = [_command(args, tmp_path) for args in cases]
    path = resident.socket_path()
    assert path is not None
    _served(path)
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        answers = [resident.ask(args) for args in cases]
    finally:
        os.chdir(old)
    for done, answer in zip(first, answers, strict=True):
        assert answer is not None
        assert answer == (
            done.returncode,
            done.stdout,
            done.stderr,
        )
    assert [d.returncode for d in first] == [1, 0, 2, 2]  # the panel names other people
    again = _command(cases[0], tmp_path)  # through the command, answered by the resident
    assert (again.returncode, again.stdout) == (first[0].returncode, first[0].stdout)


def test_a_checker_for_other_code_or_settings_is_never_asked(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = resident.socket_path()
    monkeypatch.setenv("AFTERWORD_MODEL", "another-model")
    assert resident.socket_path() not in {path, None}


def test_a_socket_left_by_a_killed_checker_falls_back_to_checking_here(
    runtime: Path, tmp_path: Path
) -> None:
    path = resident.socket_path()
    assert path is not None
    path.write_text("")  # not a socket: what a killed process may leave
    (tmp_path / "letter.txt").write_text(LETTER)
    assert resident.ask(["check", "letter.txt"]) is None
    done = _command(["check", "letter.txt"], tmp_path)
    assert (done.returncode, done.stdout.splitlines()[0]) == (0, "passed")


def test_an_idle_checker_exits_and_removes_its_socket(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERWORD_RESIDENT_IDLE", "1")
    path = resident.socket_path()
    assert path is not None
    resident.spawn()
    _served(path)
    for _ in range(100):
        if not path.exists():
            break
        time.sleep(0.1)
    assert not path.exists()


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["check", "a.txt"], "1", True),
        (["check", "a.txt"], "0", False),  # turned off
        (["check", "--help"], "1", False),  # help is laid out for this terminal
        (["draft", "a.yaml"], "1", False),  # only check is answered
        ([], "1", False),
        (["check", "/dev/stdin"], "1", False),  # the resident's own stdin is not the user's
        (["check", "/dev/fd/63", "--kind", "decline"], "1", False),  # bash's <(pbpaste)
        (["check", "a.txt", "--facts", "/proc/self/fd/0"], "1", False),
        (["check", "devices/a.txt"], "1", True),
    ],
)
def test_which_command_lines_go_to_the_resident_checker(
    argv: list[str], env: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERWORD_RESIDENT", env)
    assert resident.wanted(argv) is expected


def test_a_folder_others_can_open_is_not_used(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = runtime / "afterword"
    folder.mkdir()
    folder.chmod(0o777)
    assert resident.socket_path() is None
    folder.chmod(0o700)
    assert resident.socket_path() is not None


def test_the_checker_answers_nothing_but_check(runtime: Path) -> None:
    path = resident.socket_path()
    assert path is not None
    resident.spawn()
    _served(path)
    assert resident.ask(["history", "erase", "--yes"]) is None
    assert resident.ask(["check", "--kind", "nonsense", "x"]) is not None


def test_a_new_checker_clears_the_locks_old_ones_left(runtime: Path) -> None:
    path = resident.socket_path()
    assert path is not None
    old_lock = path.parent / f"{path.name.rsplit('-', 1)[0]}-0000000000000000.sock.lock"
    old_lock.write_text("")
    resident.spawn()
    _served(path)
    assert not old_lock.exists() and Path(f"{path}.lock").exists()
