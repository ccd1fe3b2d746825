"""A resident checker: `afterword check` answered by a process that keeps Harper's dictionary.

Harper builds its dictionary in every new process, about a second of CPU and most of a cold
`afterword check`. So the first `afterword check` runs in its own process as before and then
leaves a checker process behind, which answers the next ones over a Unix socket in a folder
only this user can open, and exits after AFTERWORD_RESIDENT_IDLE seconds (default 900) without
a request. The socket's name carries a stamp of the installed code and the AFTERWORD_
settings: a changed install or setting never gets an answer from an old process.
AFTERWORD_RESIDENT=0 turns it off. Anything that goes wrong on the way (no folder, no process,
a crash in it) falls back to checking in this process, so the user sees the same output.

The client side (`main`, `ask`) imports only the standard library: that is the point.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_MAX_PATH = 100  # a Unix socket's path must fit in about 108 bytes
_WAIT = 600.0  # seconds a client waits for its answer (a 1 MB paste takes about 20)


def main() -> None:
    """The `afterword` command: `check` goes to the resident checker when one answers."""
    argv = sys.argv[1:]
    answered = ask(argv) if wanted(argv) else None
    if answered is not None:
        code, out, err = answered
        sys.stdout.write(out)
        sys.stderr.write(err)
        sys.exit(code)
    if argv[:1] == ["check"] and not {"--help", "-h"} & set(argv):
        from .grammar_engine import warm

        warm()  # Harper's dictionary (~1 s of CPU) builds on another core from here on
    from .cli import main as run

    try:
        run()
    finally:
        if wanted(argv):
            spawn()


def wanted(argv: list[str]) -> bool:
    """Say whether this command line may be answered by the resident checker."""
    return (
        os.environ.get("AFTERWORD_RESIDENT", "1") != "0"
        and hasattr(socket, "AF_UNIX")
        and sys.platform != "win32"
        and argv[:1] == ["check"]
        and not {"--help", "-h", "-"} & set(argv)  # help fits this terminal; stdin is here
        and not any(_this_process_only(a) for a in argv)
    )


def _this_process_only(arg: str) -> bool:
    """Say whether a path names something only this process can read: /dev/stdin, or
    /dev/fd/63 from a shell's `<(pbpaste)`. The resident would read its own, empty."""
    return os.path.abspath(arg).startswith(("/dev/", "/proc/"))


def socket_path() -> Path | None:
    """Return the socket of the resident checker for this install and these settings."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and os.path.isdir(base) and os.access(base, os.W_OK):
        folder = Path(base) / "afterword"
    else:
        folder = Path(os.environ.get("TMPDIR") or "/tmp") / f"afterword-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = folder.stat()
    except OSError:
        return None
    if st.st_uid != os.getuid() or st.st_mode & 0o077:  # someone else's, or open to others
        return None
    path = folder / f"check-{_install()}-{_stamp()}.sock"
    return path if len(str(path)) < _MAX_PATH else None


def _install() -> str:
    """Name this Python and this copy of Afterword, which may run one resident checker."""
    return hashlib.sha256(f"{sys.executable}:{_PACKAGE}".encode()).hexdigest()[:8]


def _stamp() -> str:
    """Hash what the answer depends on: the code and data files and the settings."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".yaml", ".txt", ".j2"}:
            st = path.stat()
            digest.update(f"{path}:{st.st_mtime_ns}:{st.st_size}".encode())
    for key in sorted(os.environ):
        if key.startswith("AFTERWORD_") and not key.startswith("AFTERWORD_RESIDENT"):
            digest.update(f"{key}={os.environ[key]}".encode())
    return digest.hexdigest()[:16]


def ask(argv: list[str]) -> tuple[int, str, str] | None:
    """Send the command line to the resident checker; return its exit code, output and error
    output, or None when no checker answered."""
    path = socket_path()
    if path is None or not path.exists():
        return None
    request = {"argv": argv, "cwd": os.getcwd()}
    try:
        answer = json.loads(_exchange(path, request, _WAIT))
    except (OSError, ValueError):
        return None
    if not isinstance(answer, dict):
        return None
    code, out, err = answer.get("code"), answer.get("out"), answer.get("err")
    if isinstance(code, int) and isinstance(out, str) and isinstance(err, str):
        return code, out, err
    return None  # a fallback, or an answer from another version


def _read_all(conn: socket.socket) -> bytes:
    chunks = []
    while chunk := conn.recv(1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def spawn() -> None:
    """Start a resident checker for the next `afterword check`, unless one is there."""
    path = socket_path()
    if path is None or path.exists():
        return
    for old in path.parent.glob(f"check-{_install()}-*.sock"):
        stop(old)  # the same install before its code or settings changed
    for lock in path.parent.glob(f"check-{_install()}-*.sock.lock"):
        if lock != Path(f"{path}.lock") and not Path(str(lock)[: -len(".lock")]).exists():
            lock.unlink(missing_ok=True)  # left by a checker that has exited
    # posix_spawn, not Popen: the process is meant to outlive this one, unwaited for
    os.posix_spawn(
        sys.executable,
        [sys.executable, "-m", "afterword.resident_server", str(path)],
        os.environ,
        file_actions=[(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)],
        setsid=True,
    )


def stop(path: Path) -> None:
    """Ask the resident checker at this socket to exit."""
    with contextlib.suppress(OSError):
        _exchange(path, {"stop": True}, 5)


def _exchange(path: Path, request: Mapping[str, object], wait: float) -> bytes:
    """Send one request to the socket and return the whole answer."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(wait)
        conn.connect(str(path))
        conn.sendall(json.dumps(request).encode())
        conn.shutdown(socket.SHUT_WR)
        return _read_all(conn)
