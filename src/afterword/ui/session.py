"""The app's working state: one workspace per browser session, saved in the history so a page
refresh (which keeps the URL's ?s= id) loses nothing the user typed or drafted."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

import streamlit as st

from ..errors import AfterwordError
from ..settings import Settings, load_settings
from ..store import Store

FRESH: dict[str, Any] = {
    "chat": [],  # [{"role": "assistant"|"user", "text": str}]
    "answers": {},  # recap question key -> the user's answer
    "facts": {},  # the thank-you facts filled so far
    "options": {"length": "normal", "tone": "neutral"},
    "versions": [],  # [{"label": str, "letters": [Letter dict], "facts": dict}]
    "offer": None,  # {"text": str, "found": dict}
    "offer_letters": [],
    "other_letters": [],
    "check": None,
}


def store() -> Store | None:
    """Return this session's history connection, or None (with the error shown) if unusable."""
    if "store" not in st.session_state:
        try:
            st.session_state.store = Store(settings().db_path)
            st.session_state.store_error = None
        except AfterwordError as err:
            st.session_state.store = None
            st.session_state.store_error = str(err)
    return st.session_state.store  # type: ignore[no-any-return]


def settings() -> Settings:
    """Return the settings, with a key typed in the sidebar used for this session only."""
    key = st.session_state.get("session_key") or None
    return load_settings(openai_api_key=key)


# 16 random bytes (128 bits) from the secrets module, as URL-safe base64: 22 characters.
_ID = re.compile(r"[A-Za-z0-9_-]{22}")


def new_workspace_id() -> str:
    """Make an unguessable workspace id (128 random bits)."""
    return secrets.token_urlsafe(16)


def workspace() -> dict[str, Any]:
    """Return this session's workspace, restoring it from the history after a refresh.

    The ?s= id in the URL is the key to a workspace, so only ids this app made are accepted:
    unguessable, and already saved in the history. Any other id starts a new workspace."""
    if "ws" in st.session_state:
        return st.session_state.ws  # type: ignore[no-any-return]
    sid = st.query_params.get("s")
    saved = None
    db = store()
    if sid and db is not None and _ID.fullmatch(sid):
        saved = db.session(sid)
    if sid and saved is None:
        st.warning("That workspace link is not one this app made; a new workspace was started.")
    if saved is None:
        sid = new_workspace_id()
        st.query_params["s"] = sid
    ws = {**{k: _copy(v) for k, v in FRESH.items()}, **(saved or {})}
    st.session_state.sid = sid
    st.session_state.ws = ws
    for key, value in ws.get("widgets", {}).items():  # the forms' boxes, as they were left
        if key not in st.session_state:
            st.session_state[key] = _widget_value(key, value)
    return ws


def save() -> None:
    """Save the workspace (after every change the user makes), with what the check and other
    letters' forms hold: their boxes are widgets, which a refresh would otherwise empty."""
    db = store()
    if db is not None and "ws" in st.session_state:
        st.session_state.ws["widgets"] = {
            str(k): _stored(v)
            for k, v in st.session_state.items()
            if str(k).startswith(_KEPT) and str(k) not in _NOT_KEPT and _storable(v)
        }
        db.save_session(st.session_state.sid, st.session_state.ws)


# The forms whose boxes are kept; buttons cannot be set, and the pasted texts are kept apart.
_KEPT = ("check_", "other_")
_NOT_KEPT = frozenset({"check_run", "other_draft", "check_text", "check_subject"})


def _storable(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return isinstance(value, str | bool | dt.date) or value is None


def _stored(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return str(value) if isinstance(value, str) else value  # a Kind as its plain value


def _widget_value(key: str, value: Any) -> Any:
    if isinstance(value, dict) and "date" in value:
        return dt.date.fromisoformat(value["date"])
    if key.endswith("_kind") and isinstance(value, str):  # the kind chooser holds a Kind
        from ..models import Kind

        return Kind(value) if value in {k.value for k in Kind} else None
    return value


def reset(keys: tuple[str, ...]) -> None:
    """Start parts of the workspace afresh."""
    ws = workspace()
    for key in keys:
        ws[key] = _copy(FRESH[key])
    save()


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
