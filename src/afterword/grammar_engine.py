"""Harper's linter, built once per process, and early: on another thread if asked.

Building Harper's dictionary takes about a second of CPU and Harper releases the GIL while it
works, so `afterword check` starts it before importing the checker and the two overlap on a
second core. This module imports nothing heavy, so that the start comes first.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import harper

_BUILT: list[harper.Linter] = []
_FAILED: list[BaseException] = []
_THREAD: list[threading.Thread] = []
_START = threading.Lock()


def warm() -> None:
    """Start building the linter in the background, once per process."""
    with _START:
        if not _THREAD:
            _THREAD.append(threading.Thread(target=_build, name="harper-warm", daemon=True))
            _THREAD[0].start()


def _build() -> None:
    try:
        import harper

        _BUILT.append(harper.Linter(harper.Dialect.AMERICAN))
    except BaseException as err:  # re-raised in the thread that asks for the linter
        _FAILED.append(err)


def built_linter() -> harper.Linter:
    """Return the process's linter with Harper's default configuration, waiting for it."""
    warm()
    _THREAD[0].join()
    if _FAILED:
        raise _FAILED[0]
    return _BUILT[0]
