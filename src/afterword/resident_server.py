"""The resident checker's process: `python -m afterword.resident_server SOCKET` (see resident).

It holds a lock beside its socket so only one serves a socket, warms Harper and the rules
before the first request, answers one `afterword check` command line at a time as the command
itself would (same output, same exit code), and exits after AFTERWORD_RESIDENT_IDLE seconds
without a request, removing its socket.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import socket
import sys
from pathlib import Path

from .resident import _read_all

_IDLE = 900.0


def serve(path: Path, idle: float) -> None:
    """Serve `afterword check` on the socket until idle for that many seconds."""
    os.chdir("/")  # hold no user folder open
    with open(f"{path}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # another process serves this socket
        path.unlink(missing_ok=True)  # left by one that was killed
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(str(path))
            try:
                os.chmod(path, 0o600)
                server.listen(16)
                _warm()
                server.settimeout(idle)
                _loop(server)
            finally:
                path.unlink(missing_ok=True)


def _warm() -> None:
    """Build Harper's dictionary and load the rules' data before the first request."""
    from .checker import check

    check("Dear Ms. Lopez,\n\nThank you for the interview today.\n\nBest regards,\nSam Lee\n")


def _loop(server: socket.socket) -> None:
    while True:
        try:
            conn, _ = server.accept()
        except TimeoutError:
            return
        with conn:
            conn.settimeout(30)
            try:
                request = json.loads(_read_all(conn))
            except (OSError, ValueError):
                continue
            if request.get("stop"):
                conn.sendall(b"{}")
                return
            answer = _answer(request.get("argv", []), request.get("cwd", "/"))
            with contextlib.suppress(OSError):
                conn.sendall(json.dumps(answer).encode())


def _answer(argv: list[str], cwd: str) -> dict[str, object]:
    """Run the command line as `afterword` would, capturing its output and exit code."""
    from .cli import app

    if argv[:1] != ["check"]:  # only what the client sends; never another command
        return {"fallback": True}
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            app(args=argv, prog_name="afterword")
    except SystemExit as done:
        code = done.code
    except Exception:  # the client checks in its own process and shows the real error
        return {"fallback": True}
    finally:
        os.chdir("/")
    if not isinstance(code, int):
        code = 0 if code is None else 1
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


if __name__ == "__main__":
    idle = float(os.environ.get("AFTERWORD_RESIDENT_IDLE") or _IDLE)
    serve(Path(sys.argv[1]), idle)
