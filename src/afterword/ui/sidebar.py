"""The sidebar: the user's details (kept on this machine) and what drafts the letters."""

from __future__ import annotations

import streamlit as st

from . import session
from .text import show_plain

FIELDS = (
    ("name", "Your name, as you sign"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("address", "Postal address (for printed letters)"),
    ("current_employer", "Current employer (for a resignation)"),
)


def sidebar() -> dict[str, str]:
    """Render the sidebar and return the user's details."""
    db = session.store()
    saved = db.profile() if db is not None else {}
    with st.sidebar:
        st.header("Your details")
        profile = {
            key: st.text_input(label, saved.get(key, ""), key=f"p_{key}").strip()
            for key, label in FIELDS
        }
        if profile != {k: saved.get(k, "") for k, _ in FIELDS} and db is not None:
            db.save_profile(profile)
        st.caption("Kept only on this computer.")
        st.header("Drafting")
        settings = session.settings()
        if settings.model_configured:
            st.success(f"Model {settings.model} at {settings.base_url}")
        else:
            st.info("Offline composer: no key needed, nothing leaves this computer.")
        st.text_input(
            "OpenAI API key for this session only",
            type="password",
            key="session_key",
            help="Used until you close the tab; never saved.",
        )
        if st.session_state.get("store_error"):
            show_plain(st.session_state.store_error, "error")
    return profile
